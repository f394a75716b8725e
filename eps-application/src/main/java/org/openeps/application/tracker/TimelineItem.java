package org.openeps.application.tracker;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.tracking.BusinessStatus;

/**
 * An item as one timeline entry left it: for a status change, the item's EPS status after it; for a pharmacy status
 * update, what the pharmacy said about the item.
 *
 * @param itemId         the line item ID
 * @param medicationName the medication's display text
 * @param status         the item's EPS status after a status change; empty on a pharmacy status update
 * @param pharmacyStatus what the pharmacy said; empty on a status change
 * @param cancellationReason  why the change cancelled the item, when it did and the reason is known
 * @param nonDispensingReason the reason the dispense notification gave for not dispensing the item
 */
public record TimelineItem(LineItemId itemId, String medicationName, Optional<ItemStatus> status,
                           Optional<BusinessStatus> pharmacyStatus, Optional<Reason> cancellationReason,
                           Optional<Reason> nonDispensingReason) {

    public TimelineItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(medicationName, "medicationName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pharmacyStatus, "pharmacyStatus");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        Objects.requireNonNull(nonDispensingReason, "nonDispensingReason");
    }

    /** An item without reasons. */
    public TimelineItem(LineItemId itemId, String medicationName, Optional<ItemStatus> status,
                        Optional<BusinessStatus> pharmacyStatus) {
        this(itemId, medicationName, status, pharmacyStatus, Optional.empty(), Optional.empty());
    }

    /** Whether the item was (fully or partly) dispensed by then. */
    public boolean dispensed() {
        return status.filter(s -> s == ItemStatus.FULLY_DISPENSED || s == ItemStatus.DISPENSED_PARTIAL).isPresent();
    }
}
