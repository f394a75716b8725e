package org.openeps.domain.prescription;

import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** One item of a prescription as prescribed: what, how much, and how to take it. */
public record LineItem(LineItemId id, Medication medication, Quantity quantity, String dosageText) {

    public LineItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(medication, "medication");
        Objects.requireNonNull(quantity, "quantity");
        EpsException.require(dosageText != null && !dosageText.isBlank(), ErrorCode.MISSING_VALUE,
                "Dosage instructions are required for item " + id);
    }
}
