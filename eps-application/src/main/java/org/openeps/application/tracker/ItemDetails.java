package org.openeps.application.tracker;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;

/**
 * One item card of the prescription details, in the shown issue.
 *
 * @param itemId               the line item ID
 * @param medicationName       the medication's dm+d display text
 * @param medicationCode       the medication's dm+d (SNOMED CT) code
 * @param quantity             amount and unit, e.g. {@code 28 tablet}
 * @param dosageInstructions   the dosage instructions as prescribed
 * @param status               the item's status in the shown issue ({@link ItemStatus#label()} is its text)
 * @param pharmacyStatus       the newest status update from the dispenser holding the issue, when it sent one
 * @param pendingCancellation  a cancellation of this item (or the whole prescription) waits while it is with a dispenser
 * @param cancellationReason   the reason of that pending cancellation
 */
public record ItemDetails(
        LineItemId itemId,
        String medicationName,
        String medicationCode,
        String quantity,
        String dosageInstructions,
        ItemStatus status,
        Optional<ItemPharmacyStatus> pharmacyStatus,
        boolean pendingCancellation,
        Optional<Reason> cancellationReason) {

    public ItemDetails {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(medicationName, "medicationName");
        Objects.requireNonNull(medicationCode, "medicationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(dosageInstructions, "dosageInstructions");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pharmacyStatus, "pharmacyStatus");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
    }
}
