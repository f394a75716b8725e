package org.openeps.application.directory;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.directory.Country;
import org.openeps.domain.directory.Organisation;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.directory.Postcode;
import org.openeps.domain.shared.OdsCode;

/** Organisations for the directory tests. */
public final class Organisations {

    private Organisations() {
    }

    public static Organisation organisation(String ods, String name, OrganisationKind kind, String postcode) {
        return new Organisation(new OdsCode(ods), name, kind, List.of("1 HIGH STREET", "TOWN"), Postcode.parse(postcode),
                Optional.empty(), kind == OrganisationKind.ONLINE_PHARMACY ? Optional.of("https://" + ods.toLowerCase()
                + ".example/") : Optional.empty(), Country.ENGLAND, true);
    }

    public static Organisation hallgarth() {
        return new Organisation(new OdsCode("A83008"), "HALLGARTH SURGERY", OrganisationKind.GP_PRACTICE,
                List.of("HALLGARTH SURGERY", "CHEAPSIDE", "SHILDON", "COUNTY DURHAM"), Postcode.parse("DL4 2HP"),
                Optional.of("0115 9737320"), Optional.empty(), Country.ENGLAND, true);
    }

    public static Organisation onlinePharmacy() {
        return new Organisation(new OdsCode("FZ001"), "EXAMPLE ONLINE PHARMACY", OrganisationKind.ONLINE_PHARMACY,
                List.of("UNIT 4", "CARDIFF GATE"), Postcode.parse("CF23 8RS"), Optional.empty(),
                Optional.of("https://pharmacy.example/"), Country.WALES, false);
    }

    /** Organisations that prescriptions and patients in the application tests nominate: FA565 (a pharmacy). */
    public static NominatedOrganisations nominable() {
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
        directory.replaceAll(List.of(hallgarth(),
                organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY, "LS15 8BA")));
        return new NominatedOrganisations(directory);
    }
}
