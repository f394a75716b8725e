package org.openeps.domain.nomination;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * One entry of a patient's nomination history: who changed which nomination when, from which organisation to which.
 * A nomination set for the first time has no {@code from}; a removed one has no {@code to}.
 */
public record NominationChange(NhsNumber patient, DispensingSiteType siteType, Optional<OdsCode> from,
                               Optional<OdsCode> to, Actor by, Instant at) {

    public NominationChange {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(siteType, "siteType");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        EpsException.require(siteType != DispensingSiteType.NONE, ErrorCode.INVALID_VALUE,
                "A nomination is for a P1, P2 or P3 dispenser, not 0004");
        EpsException.require(!from.equals(to), ErrorCode.INVALID_VALUE,
                "A nomination change must change something: from and to are both " + from);
    }
}
