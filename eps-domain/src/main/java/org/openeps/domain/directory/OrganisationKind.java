package org.openeps.domain.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * What an organisation in the directory is, with the stable code the directory file and the JSON API use, and the
 * kind of nomination it can take: a pharmacy (community or online) is a {@code P1} dispenser, a dispensing appliance
 * contractor {@code P2}, a dispensing doctor practice {@code P3}. Prescribers (GP practices, NHS trusts) and the
 * NHSBSA take no nomination.
 */
public enum OrganisationKind {
    GP_PRACTICE("gp-practice", Optional.empty()),
    NHS_TRUST("nhs-trust", Optional.empty()),
    COMMUNITY_PHARMACY("community-pharmacy", Optional.of(DispensingSiteType.PHARMACY)),
    /** A distance-selling (internet) pharmacy: it must publish a website. */
    ONLINE_PHARMACY("online-pharmacy", Optional.of(DispensingSiteType.PHARMACY)),
    APPLIANCE_CONTRACTOR("appliance-contractor", Optional.of(DispensingSiteType.APPLIANCE_CONTRACTOR)),
    DISPENSING_DOCTOR("dispensing-doctor", Optional.of(DispensingSiteType.DISPENSING_DOCTOR)),
    NHSBSA("nhsbsa", Optional.empty());

    private final String code;
    private final Optional<DispensingSiteType> dispensingSite;

    OrganisationKind(String code, Optional<DispensingSiteType> dispensingSite) {
        this.code = code;
        this.dispensingSite = dispensingSite;
    }

    /** The stable code, e.g. {@code community-pharmacy}. */
    public String code() {
        return code;
    }

    /** Whether an organisation of this kind can be nominated, and receive nominated prescriptions, as this type. */
    public boolean dispensesAs(DispensingSiteType type) {
        return dispensingSite.filter(type::equals).isPresent();
    }

    /**
     * The kind with this code, ignoring case and surrounding whitespace.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} for any other value, listing the codes
     */
    public static OrganisationKind fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new EpsException(ErrorCode.INVALID_VALUE, "Unknown organisation kind '" + code
                        + "'; expected one of " + Arrays.stream(values()).map(OrganisationKind::code)
                        .collect(Collectors.joining(", "))));
    }
}
