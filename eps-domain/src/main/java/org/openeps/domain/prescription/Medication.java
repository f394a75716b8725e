package org.openeps.domain.prescription;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** A medicine or appliance as the dm+d (SNOMED CT) code and its display text. */
public record Medication(String code, String display) {

    public Medication {
        EpsException.require(code != null && !code.isBlank(), ErrorCode.MISSING_VALUE, "Medication code is required");
        EpsException.require(display != null && !display.isBlank(), ErrorCode.MISSING_VALUE,
                "Medication display is required");
    }
}
