package org.openeps.application.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.openeps.domain.tracking.PatientFacingStatus;
import org.openeps.domain.tracking.PatientItemStatus;

/**
 * One item of a prescription as the patient sees it.
 *
 * @param itemId         the line item ID (a UUID)
 * @param medicationCode the dm+d (SNOMED CT) code
 * @param medication     the medication's name, e.g. {@code Amoxicillin 250mg capsules}
 * @param quantityValue  how much, e.g. 20
 * @param quantityUnit   of what, e.g. {@code tablet}
 * @param dosage         the instructions, as prescribed
 * @param status         what the patient is told about the item
 * @param statusText     that status as the patient reads it, e.g. {@code Ready to Collect}
 * @param statusDate     when the status became so
 * @param phase          whether the item is still under way ({@code MedicationRequest.status})
 */
public record PatientItem(
        String itemId,
        String medicationCode,
        String medication,
        BigDecimal quantityValue,
        String quantityUnit,
        String dosage,
        PatientFacingStatus status,
        String statusText,
        Instant statusDate,
        PatientItemStatus.Phase phase) {

    public PatientItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(medicationCode, "medicationCode");
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(quantityValue, "quantityValue");
        Objects.requireNonNull(quantityUnit, "quantityUnit");
        Objects.requireNonNull(dosage, "dosage");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(statusDate, "statusDate");
        Objects.requireNonNull(phase, "phase");
    }

    /** The quantity as a patient reads it, e.g. {@code 20 tablet}. */
    public String quantity() {
        return quantityValue.stripTrailingZeros().toPlainString() + " " + quantityUnit;
    }

    /** Whether the patient may go and collect (some of) it now. */
    public boolean readyToCollect() {
        return status.readyToCollect();
    }
}
