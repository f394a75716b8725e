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
 * One change in a prescription's life, for the tracker: when, by which organisation, what happened, and where the
 * issue stood afterwards.
 *
 * @param organisation the organisation that made the change; empty for changes the service makes itself (expiry)
 * @param event        what happened, e.g. {@code release}, {@code dispense-notification}, {@code expire}
 * @param messageId    the message that made the change, when one did
 */
public record HistoryEvent(
        PrescriptionId prescriptionId,
        int issueNumber,
        Instant at,
        Optional<OdsCode> organisation,
        String event,
        PrescriptionStatus status,
        Map<LineItemId, ItemStatus> itemStatuses,
        Optional<String> messageId) {

    public HistoryEvent {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(organisation, "organisation");
        EpsException.require(event != null && !event.isBlank(), ErrorCode.MISSING_VALUE, "A history event needs a name");
        Objects.requireNonNull(status, "status");
        itemStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(itemStatuses));
        Objects.requireNonNull(messageId, "messageId");
    }

    /** The event for an issue as it now stands. */
    public static HistoryEvent of(Prescription prescription, Issue issue, Instant at, Optional<OdsCode> organisation,
                                  String event, Optional<String> messageId) {
        return new HistoryEvent(prescription.id(), issue.number(), at, organisation, event, issue.status(),
                issue.itemStatuses(), messageId);
    }
}
