package org.openeps.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class OrganisationKindTest {

    /** Every (kind, site type) pair: only pharmacies are P1, appliance contractors P2, dispensing doctors P3. */
    @ParameterizedTest
    @CsvSource({
        "GP_PRACTICE,          ''",
        "NHS_TRUST,            ''",
        "COMMUNITY_PHARMACY,   PHARMACY",
        "ONLINE_PHARMACY,      PHARMACY",
        "APPLIANCE_CONTRACTOR, APPLIANCE_CONTRACTOR",
        "DISPENSING_DOCTOR,    DISPENSING_DOCTOR",
        "NHSBSA,               ''"
    })
    void each_kind_dispenses_as_exactly_its_site_type(OrganisationKind kind, String siteType) {
        for (DispensingSiteType type : DispensingSiteType.values()) {
            assertThat(kind.dispensesAs(type)).as(kind + " as " + type).isEqualTo(type.name().equals(siteType));
        }
    }

    @ParameterizedTest
    @EnumSource(OrganisationKind.class)
    void code_reads_back_as_the_same_kind_in_any_case(OrganisationKind kind) {
        assertThat(OrganisationKind.fromCode(kind.code())).isEqualTo(kind);
        assertThat(OrganisationKind.fromCode(" " + kind.code().toUpperCase() + " ")).isEqualTo(kind);
    }

    @Test
    void codes_are_stable() {
        assertThat(Arrays.stream(OrganisationKind.values()).map(OrganisationKind::code)).containsExactly(
                "gp-practice", "nhs-trust", "community-pharmacy", "online-pharmacy", "appliance-contractor",
                "dispensing-doctor", "nhsbsa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pharmacy", "GP_PRACTICE", "P1"})
    void unknown_code_is_refused_with_the_codes_listed(String code) {
        assertThatThrownBy(() -> OrganisationKind.fromCode(code))
                .isInstanceOfSatisfying(EpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("community-pharmacy", "nhsbsa");
                });
    }

    @Test
    void country_codes_read_back() {
        assertThat(Country.fromCode("Isle-of-Man")).isEqualTo(Country.ISLE_OF_MAN);
        assertThat(Country.fromCode("wales")).isEqualTo(Country.WALES);
        assertThatThrownBy(() -> Country.fromCode("scotland"))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
