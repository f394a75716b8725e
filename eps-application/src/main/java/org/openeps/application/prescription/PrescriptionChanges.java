package org.openeps.application.prescription;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.ReasonsGiven;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * How every use case changes a stored prescription: inside the caller's transaction, load it locked, apply one domain
 * move, store it, and record a history event for every issue the move changed, saying who made it and, where the
 * change cancelled something or a dispenser did not dispense, why.
 */
public final class PrescriptionChanges {

    private final PrescriptionRepository prescriptions;
    private final PrescriptionHistory history;

    public PrescriptionChanges(PrescriptionRepository prescriptions, PrescriptionHistory history) {
        this.prescriptions = prescriptions;
        this.history = history;
    }

    /** Loads the prescription locked; an unknown ID is {@link ErrorCode#RESOURCE_NOT_FOUND}. */
    public Prescription load(PrescriptionId id) {
        return prescriptions.findByIdForUpdate(id).orElseThrow(() -> new EpsException(ErrorCode.RESOURCE_NOT_FOUND,
                "Prescription " + id + " was not found"));
    }

    /** Applies a move to a prescription already loaded, stores it and records what changed, and who changed it. */
    public Prescription apply(Prescription before, UnaryOperator<Prescription> move, Instant at, Actor by, String event,
                              Optional<String> messageId) {
        return apply(before, move, at, by, event, messageId, ReasonsGiven.NONE);
    }

    /**
     * Like {@link #apply(Prescription, UnaryOperator, Instant, Actor, String, Optional)}, with the reasons the message
     * gave; each event keeps those that belong to what it changed (a cancellation applied on return keeps the pending
     * cancellation's reason without being given it).
     */
    public Prescription apply(Prescription before, UnaryOperator<Prescription> move, Instant at, Actor by, String event,
                              Optional<String> messageId, ReasonsGiven given) {
        Prescription after = move.apply(before);
        if (after == before) {
            return before;
        }
        Prescription stored = prescriptions.update(after);
        for (Issue issue : stored.issues()) {
            Issue previous = before.issue(issue.number());
            if (!issue.equals(previous)) {
                history.record(HistoryEvent.of(before, stored, issue, at, by, event, messageId, given));
            }
        }
        return stored;
    }

    /** Records where every issue of a prescription stands now, e.g. when it has just arrived. */
    public void recordCurrent(Prescription prescription, Instant at, Actor by, String event, Optional<String> messageId) {
        prescription.issues().forEach(issue ->
                history.record(HistoryEvent.of(prescription, issue, at, by, event, messageId)));
    }

    /** Loads, applies a move, stores and records. */
    public Prescription change(PrescriptionId id, UnaryOperator<Prescription> move, Instant at, Actor by, String event,
                               Optional<String> messageId) {
        return apply(load(id), move, at, by, event, messageId);
    }

    /** Loads, applies a move, stores and records, with the reasons the message gave. */
    public Prescription change(PrescriptionId id, UnaryOperator<Prescription> move, Instant at, Actor by, String event,
                               Optional<String> messageId, ReasonsGiven given) {
        return apply(load(id), move, at, by, event, messageId, given);
    }
}
