package org.openeps.application.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class OrganisationSearchTest {

    @Test
    void at_least_one_criterion_is_required() {
        assertThatThrownBy(() -> new OrganisationSearch(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new OrganisationSearch(Optional.of("  "), Optional.of(" "), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void criteria_are_kept_in_the_form_compared() {
        OrganisationSearch search = new OrganisationSearch(Optional.of(" simple "), Optional.of(" ls15 8"),
                Optional.empty());

        assertThat(search.nameContains()).contains("simple");
        assertThat(search.postcodePrefix()).contains("LS158");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LS15-8", "LS%", "LS15 8BAX"})
    void postcode_prefix_must_be_the_start_of_a_postcode(String prefix) {
        assertThatThrownBy(() -> OrganisationSearch.byPostcode(prefix))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void name_is_bounded() {
        assertThatThrownBy(() -> OrganisationSearch.byName("x".repeat(101)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
