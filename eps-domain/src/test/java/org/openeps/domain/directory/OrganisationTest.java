package org.openeps.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

class OrganisationTest {

    private static Organisation organisation(OrganisationKind kind, List<String> lines, Optional<String> telephone,
                                             Optional<String> website, boolean open) {
        return new Organisation(new OdsCode("FA565"), "ASDA INSTORE PHARMACY", kind, lines, Postcode.parse("LS15 8BA"),
                telephone, website, Country.ENGLAND, open);
    }

    private static Organisation pharmacy() {
        return organisation(OrganisationKind.COMMUNITY_PHARMACY, List.of("17 AUSTHORPE ROAD", "LEEDS"),
                Optional.of("0113 3180277"), Optional.empty(), true);
    }

    private static void assertRefused(Runnable creation, ErrorCode code, String text) {
        assertThatThrownBy(creation::run).isInstanceOfSatisfying(EpsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains("FA565", text);
        });
    }

    @Test
    void text_is_kept_stripped_and_address_lines_immutable() {
        Organisation created = new Organisation(new OdsCode("fa565"), "  ASDA INSTORE PHARMACY ",
                OrganisationKind.COMMUNITY_PHARMACY, new java.util.ArrayList<>(List.of(" 17 AUSTHORPE ROAD ", "LEEDS")),
                Postcode.parse("ls158ba"), Optional.of(" 0113 3180277 "), Optional.empty(), Country.ENGLAND, true);

        assertThat(created.ods().value()).isEqualTo("FA565");
        assertThat(created.name()).isEqualTo("ASDA INSTORE PHARMACY");
        assertThat(created.addressLines()).containsExactly("17 AUSTHORPE ROAD", "LEEDS");
        assertThat(created.telephone()).contains("0113 3180277");
        assertThatThrownBy(() -> created.addressLines().add("X")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void online_pharmacy_must_give_its_website() {
        assertRefused(() -> organisation(OrganisationKind.ONLINE_PHARMACY, List.of("UNIT 1"), Optional.empty(),
                Optional.empty(), true), ErrorCode.MISSING_VALUE, "website");

        Organisation online = organisation(OrganisationKind.ONLINE_PHARMACY, List.of("UNIT 1"), Optional.empty(),
                Optional.of("https://pharmacy.example/"), true);
        assertThat(online.website()).contains("https://pharmacy.example/");
    }

    @ParameterizedTest
    @EnumSource(value = OrganisationKind.class, names = "ONLINE_PHARMACY", mode = EnumSource.Mode.EXCLUDE)
    void other_kinds_may_give_a_website_or_not(OrganisationKind kind) {
        assertThat(organisation(kind, List.of("UNIT 1"), Optional.empty(), Optional.empty(), true).website()).isEmpty();
        assertThat(organisation(kind, List.of("UNIT 1"), Optional.empty(), Optional.of("http://surgery.example"), true)
                .website()).contains("http://surgery.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pharmacy.example", "ftp://pharmacy.example", "https://", "https://exa mple.com", "mailto:a@b.c"})
    void website_must_be_an_http_address(String website) {
        assertRefused(() -> organisation(OrganisationKind.ONLINE_PHARMACY, List.of("UNIT 1"), Optional.empty(),
                Optional.of(website), true), ErrorCode.INVALID_VALUE, "website");
    }

    @ParameterizedTest
    @ValueSource(strings = {"call us", "0113", "0113 318 0277 ext 5", "+44 (0)113 318-0277x"})
    void telephone_must_be_a_number(String telephone) {
        assertRefused(() -> organisation(OrganisationKind.GP_PRACTICE, List.of("UNIT 1"), Optional.of(telephone),
                Optional.empty(), true), ErrorCode.INVALID_VALUE, "telephone");
    }

    @Test
    void telephone_may_be_written_as_people_do() {
        assertThat(organisation(OrganisationKind.GP_PRACTICE, List.of("UNIT 1"), Optional.of("+44 (0)113 318-0277"),
                Optional.empty(), true).telephone()).contains("+44 (0)113 318-0277");
    }

    @Test
    void address_needs_one_to_six_non_blank_lines() {
        assertRefused(() -> organisation(OrganisationKind.GP_PRACTICE, List.of(), Optional.empty(), Optional.empty(),
                true), ErrorCode.MISSING_VALUE, "address line");
        assertRefused(() -> organisation(OrganisationKind.GP_PRACTICE, List.of("A", " "), Optional.empty(),
                Optional.empty(), true), ErrorCode.MISSING_VALUE, "address line");
        assertRefused(() -> organisation(OrganisationKind.GP_PRACTICE, Collections.nCopies(7, "A"), Optional.empty(),
                Optional.empty(), true), ErrorCode.INVALID_VALUE, "address lines");
        assertRefused(() -> organisation(OrganisationKind.GP_PRACTICE, List.of("A".repeat(101)), Optional.empty(),
                Optional.empty(), true), ErrorCode.INVALID_VALUE, "100 characters");
    }

    @Test
    void name_is_required_and_bounded() {
        assertRefused(() -> new Organisation(new OdsCode("FA565"), " ", OrganisationKind.GP_PRACTICE, List.of("A"),
                Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true),
                ErrorCode.MISSING_VALUE, "name");
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "N".repeat(201), OrganisationKind.GP_PRACTICE,
                List.of("A"), Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true),
                ErrorCode.INVALID_VALUE, "name");
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "A\tB", OrganisationKind.GP_PRACTICE,
                List.of("A"), Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true),
                ErrorCode.INVALID_VALUE, "control character");
    }

    @Test
    void every_value_is_required() {
        assertThatThrownBy(() -> new Organisation(null, "N", OrganisationKind.GP_PRACTICE, List.of("A"),
                Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "N", null, List.of("A"),
                Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true),
                ErrorCode.MISSING_VALUE, "kind");
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "N", OrganisationKind.GP_PRACTICE, List.of("A"),
                null, Optional.empty(), Optional.empty(), Country.ENGLAND, true), ErrorCode.MISSING_VALUE, "postcode");
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "N", OrganisationKind.GP_PRACTICE, List.of("A"),
                Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), null, true), ErrorCode.MISSING_VALUE,
                "country");
        assertRefused(() -> new Organisation(new OdsCode("FA565"), "N", OrganisationKind.GP_PRACTICE, null,
                Postcode.parse("LS15 8BA"), Optional.empty(), Optional.empty(), Country.ENGLAND, true),
                ErrorCode.MISSING_VALUE, "address");
    }

    @Test
    void only_an_open_organisation_of_the_matching_kind_can_be_nominated() {
        assertThat(pharmacy().canBeNominatedAs(DispensingSiteType.PHARMACY)).isTrue();
        assertThat(pharmacy().canBeNominatedAs(DispensingSiteType.APPLIANCE_CONTRACTOR)).isFalse();
        assertThat(organisation(OrganisationKind.COMMUNITY_PHARMACY, List.of("A"), Optional.empty(), Optional.empty(),
                false).canBeNominatedAs(DispensingSiteType.PHARMACY)).isFalse();
        assertThat(organisation(OrganisationKind.DISPENSING_DOCTOR, List.of("A"), Optional.empty(), Optional.empty(),
                true).canBeNominatedAs(DispensingSiteType.DISPENSING_DOCTOR)).isTrue();
    }
}
