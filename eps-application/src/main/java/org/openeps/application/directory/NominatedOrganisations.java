package org.openeps.application.directory;

import java.util.Optional;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * Whether an organisation may be nominated as a kind of dispenser, by a patient or on a prescription: it must be in
 * the directory, open, and of a kind that dispenses as that site type ({@link Organisation#canBeNominatedAs}).
 */
public final class NominatedOrganisations {

    private final OrganisationDirectory directory;

    public NominatedOrganisations(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /**
     * For a patient's nomination.
     *
     * @throws EpsException {@link ErrorCode#UNKNOWN_ORGANISATION}, {@link ErrorCode#ORGANISATION_CLOSED} or
     *     {@link ErrorCode#ORGANISATION_WRONG_KIND}
     */
    public void requireNominable(OdsCode ods, DispensingSiteType siteType) {
        refusal(ods, siteType).ifPresent(refusal -> {
            throw new EpsException(refusal.code(), refusal.reason());
        });
    }

    /**
     * For a prescription naming a nominated dispenser.
     *
     * @throws EpsException {@link ErrorCode#INVALID_NOMINATED_DISPENSER} saying why
     */
    public void requireNominatedDispenser(NominatedDispenser dispenser) {
        refusal(dispenser.organisation(), dispenser.siteType()).ifPresent(refusal -> {
            throw new EpsException(ErrorCode.INVALID_NOMINATED_DISPENSER,
                    "The prescription's nominated dispenser is not acceptable: " + refusal.reason());
        });
    }

    private Optional<Refusal> refusal(OdsCode ods, DispensingSiteType siteType) {
        Optional<Organisation> found = directory.find(ods);
        if (found.isEmpty()) {
            return Optional.of(new Refusal(ErrorCode.UNKNOWN_ORGANISATION,
                    "no organisation with ODS code " + ods + " in the directory"));
        }
        Organisation organisation = found.orElseThrow();
        if (!organisation.open()) {
            return Optional.of(new Refusal(ErrorCode.ORGANISATION_CLOSED,
                    "organisation " + ods + " (" + organisation.name() + ") has closed"));
        }
        if (!organisation.canBeNominatedAs(siteType)) {
            return Optional.of(new Refusal(ErrorCode.ORGANISATION_WRONG_KIND, "organisation " + ods + " is a "
                    + organisation.kind().code() + ", which cannot be nominated as a " + siteType.code() + " dispenser"));
        }
        return Optional.empty();
    }

    private record Refusal(ErrorCode code, String reason) {
    }
}
