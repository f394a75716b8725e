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
 * @param cancellationReason   why the item is cancelled: the reason of that pending cancellation, or, once the item is
 *                             cancelled, of the cancellation that cancelled it (when known)
 * @param nonDispensingReason  the reason the dispenser gave for not dispensing the item, while it is not dispensed,
 *                             owing or cancelled (from the dispense notification that stands, not one withdrawn)
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
        Optional<Reason> cancellationReason,
        Optional<Reason> nonDispensingReason) {

    public ItemDetails {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(medicationName, "medicationName");
        Objects.requireNonNull(medicationCode, "medicationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(dosageInstructions, "dosageInstructions");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(pharmacyStatus, "pharmacyStatus");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        Objects.requireNonNull(nonDispensingReason, "nonDispensingReason");
    }

    /** An item card without a non-dispensing reason. */
    public ItemDetails(LineItemId itemId, String medicationName, String medicationCode, String quantity,
                       String dosageInstructions, ItemStatus status, Optional<ItemPharmacyStatus> pharmacyStatus,
                       boolean pendingCancellation, Optional<Reason> cancellationReason) {
        this(itemId, medicationName, medicationCode, quantity, dosageInstructions, status, pharmacyStatus,
                pendingCancellation, cancellationReason, Optional.empty());
    }

    /** The reason that goes with the item's status: why it is cancelled (or to be), else why it was not dispensed. */
    public Optional<Reason> reason() {
        return cancellationReason.or(() -> nonDispensingReason);
    }
}
