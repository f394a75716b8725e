package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * One change in a prescription's life, for the tracker: when, by which organisation and person, what happened, and
 * where the issue stood afterwards.
 *
 * @param organisation the organisation that made the change; empty for changes the service makes itself (expiry)
 * @param person       the SDS user ID of the user who acted, when the message names one; empty for changes the
 *                     service makes itself
 * @param event        what happened, e.g. {@code release}, {@code dispense-notification}, {@code expire}
 * @param messageId    the message that made the change, when one did
 * @param reasons      the reason codes of what the change did: why it cancelled the issue or items, and why the
 *                     dispenser did not dispense them ({@link ChangeReasons#NONE} when it gave none, and for events
 *                     recorded before reasons were kept)
 */
public record HistoryEvent(
        PrescriptionId prescriptionId,
        int issueNumber,
        Instant at,
        Optional<OdsCode> organisation,
        Optional<String> person,
        String event,
        PrescriptionStatus status,
        Map<LineItemId, ItemStatus> itemStatuses,
        Optional<String> messageId,
        ChangeReasons reasons) {

    public HistoryEvent {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(person, "person");
        EpsException.require(person.filter(String::isBlank).isEmpty(), ErrorCode.MISSING_VALUE,
                "An SDS user ID must not be blank");
        EpsException.require(event != null && !event.isBlank(), ErrorCode.MISSING_VALUE, "A history event needs a name");
        Objects.requireNonNull(status, "status");
        itemStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(itemStatuses));
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reasons, "reasons");
        EpsException.require(itemStatuses.keySet().containsAll(reasons.items()), ErrorCode.INVALID_VALUE,
                "A history event gives reasons only for the prescription's items");
    }

    /** An event that gives no reasons. */
    public HistoryEvent(PrescriptionId prescriptionId, int issueNumber, Instant at, Optional<OdsCode> organisation,
                        Optional<String> person, String event, PrescriptionStatus status,
                        Map<LineItemId, ItemStatus> itemStatuses, Optional<String> messageId) {
        this(prescriptionId, issueNumber, at, organisation, person, event, status, itemStatuses, messageId,
                ChangeReasons.NONE);
    }

    /** The event for an issue as it now stands, after a change {@code by} an organisation and person. */
    public static HistoryEvent of(Prescription prescription, Issue issue, Instant at, Actor by, String event,
                                  Optional<String> messageId) {
        return new HistoryEvent(prescription.id(), issue.number(), at, by.organisation(), by.person(), event,
                issue.status(), issue.itemStatuses(), messageId);
    }

    /**
     * The event for an issue a change has just made, with the reasons of what it did (see
     * {@link ChangeReasons#of(Prescription, Issue, ReasonsGiven)}).
     *
     * @param before the prescription before the change
     * @param after  the prescription after it
     * @param issue  the issue of {@code after} the event is for
     * @param given  the reasons the message gave
     */
    public static HistoryEvent of(Prescription before, Prescription after, Issue issue, Instant at, Actor by,
                                  String event, Optional<String> messageId, ReasonsGiven given) {
        return of(after, issue, at, by, event, messageId).withReasons(ChangeReasons.of(before, issue, given));
    }

    /** This event with these reasons. */
    public HistoryEvent withReasons(ChangeReasons newReasons) {
        return new HistoryEvent(prescriptionId, issueNumber, at, organisation, person, event, status, itemStatuses,
                messageId, newReasons);
    }
}
