package org.openeps.domain.prescription;

import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/** The dispenser a prescription is nominated to, and what kind of dispenser it is. */
public record NominatedDispenser(OdsCode organisation, DispensingSiteType siteType) {

    public NominatedDispenser {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(siteType, "siteType");
        EpsException.require(siteType != DispensingSiteType.NONE, ErrorCode.INVALID_VALUE,
                "A nominated dispenser needs a dispensing site type of P1, P2 or P3, not 0004");
    }
}
