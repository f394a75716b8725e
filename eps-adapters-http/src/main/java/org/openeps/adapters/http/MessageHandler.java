package org.openeps.adapters.http;

import java.util.function.Supplier;
import org.openeps.adapters.http.access.RequestAccess.Audited;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.shared.RecordedReply;
import org.openeps.domain.access.Action;

/** Handles the messages of one event posted to {@code $process-message}. */
public interface MessageHandler {

    /** The {@code MessageHeader.eventCoding.code} this handler takes, e.g. {@code prescription-order}. */
    String event();

    /** What a message of this event asks to do, which the caller must be allowed. */
    Action action();

    /**
     * Reads the message, checks that it acts for the caller's organisation and user, and notes in the audit what it
     * concerns; returns the work that processes it and gives the complete answer, which is recorded so that the same
     * message sent again gets it unchanged. Nothing is changed before the work runs.
     *
     * @param originalMessage the body exactly as received
     */
    Supplier<RecordedReply> prepare(MessageBundle message, String originalMessage, Audited audited);
}
