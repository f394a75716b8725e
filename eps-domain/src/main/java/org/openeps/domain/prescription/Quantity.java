package org.openeps.domain.prescription;

import java.math.BigDecimal;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** How much of a medication is prescribed: a positive amount and its unit (e.g. 20 tablet). */
public record Quantity(BigDecimal value, String unit) {

    public Quantity {
        EpsException.require(value != null, ErrorCode.MISSING_VALUE, "Quantity value is required");
        EpsException.require(value.signum() > 0, ErrorCode.INVALID_VALUE, "Quantity must be greater than zero");
        EpsException.require(unit != null && !unit.isBlank(), ErrorCode.MISSING_VALUE, "Quantity unit is required");
    }
}
