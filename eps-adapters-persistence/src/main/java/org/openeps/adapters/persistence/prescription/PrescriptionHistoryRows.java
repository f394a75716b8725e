package org.openeps.adapters.persistence.prescription;

import java.time.Instant;

/** The rows the prescription history is stored in. */
final class PrescriptionHistoryRows {

    private PrescriptionHistoryRows() {
    }

    /**
     * One event; {@code itemStatuses}, {@code itemCancellationReasons} and {@code itemNonDispensingReasons} hold
     * {@code itemId=code} pairs, {@code organisation}, {@code person} (an SDS user ID), {@code messageId},
     * {@code cancellationReason} and {@code nonDispensingReason} may be null.
     */
    public record HistoryRow(
            String prescriptionId,
            int issueNumber,
            Instant at,
            String organisation,
            String person,
            String event,
            String status,
            String[] itemStatuses,
            String messageId,
            String cancellationReason,
            String nonDispensingReason,
            String[] itemCancellationReasons,
            String[] itemNonDispensingReasons) {
    }
}
