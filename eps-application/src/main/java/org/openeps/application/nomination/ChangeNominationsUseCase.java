package org.openeps.application.nomination;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * Changes a patient's nominations: every change in one transaction, against the version the caller read, or none.
 */
public interface ChangeNominationsUseCase {

    /**
     * @return the nominations after the changes (the same version when they changed nothing)
     * @throws StaleNominationsException when the stored version is not {@code expectedVersion}
     * @throws EpsException {@link ErrorCode#UNKNOWN_ORGANISATION}, {@link ErrorCode#ORGANISATION_CLOSED} or
     *     {@link ErrorCode#ORGANISATION_WRONG_KIND} when an organisation may not be nominated for its site type;
     *     nothing changes
     */
    Nominations change(ChangeNominationsCommand command);

    /** @param by who asks for the change, as the history records it */
    record ChangeNominationsCommand(NhsNumber patient, long expectedVersion, List<NominationRequest> changes,
                                    Actor by) {
        public ChangeNominationsCommand {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(by, "by");
            changes = List.copyOf(changes);
            EpsException.require(expectedVersion >= 0, ErrorCode.INVALID_VALUE, "A version is never negative");
        }
    }

    /** One change: nominate the organisation for the site type, or, when there is none, remove that nomination. */
    record NominationRequest(DispensingSiteType siteType, Optional<OdsCode> organisation) {
        public NominationRequest {
            Objects.requireNonNull(siteType, "siteType");
            Objects.requireNonNull(organisation, "organisation");
            EpsException.require(siteType != DispensingSiteType.NONE, ErrorCode.INVALID_VALUE,
                    "A nomination is for a P1, P2 or P3 dispenser, not 0004");
        }

        public static NominationRequest nominate(DispensingSiteType siteType, OdsCode organisation) {
            return new NominationRequest(siteType, Optional.of(organisation));
        }

        public static NominationRequest remove(DispensingSiteType siteType) {
            return new NominationRequest(siteType, Optional.empty());
        }
    }
}
