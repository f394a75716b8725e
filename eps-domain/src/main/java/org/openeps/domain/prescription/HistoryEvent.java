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
        Optional<String> messageId) {

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
    }

    /** The event for an issue as it now stands, after a change {@code by} an organisation and person. */
    public static HistoryEvent of(Prescription prescription, Issue issue, Instant at, Actor by, String event,
                                  Optional<String> messageId) {
        return new HistoryEvent(prescription.id(), issue.number(), at, by.organisation(), by.person(), event,
                issue.status(), issue.itemStatuses(), messageId);
    }
}
