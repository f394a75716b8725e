package org.openeps.adapters.http;

import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.shared.RecordedReply;

/** Handles the messages of one event posted to {@code $process-message}. */
public interface MessageHandler {

    /** The {@code MessageHeader.eventCoding.code} this handler takes, e.g. {@code prescription-order}. */
    String event();

    /**
     * Processes the message and returns the complete answer, which is recorded so that the same message sent again
     * gets it unchanged.
     *
     * @param originalMessage the body exactly as received
     */
    RecordedReply handle(MessageBundle message, String originalMessage);
}
