package org.openeps.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OdsCodeTest {

    @ParameterizedTest
    @CsvSource({
        "A83008, A83008",
        "FA565, FA565",
        "fa565, FA565",
        "RRERP, RRERP",
        "T1450, T1450",
        "X, X",
        "rqfz1, RQFZ1",
        "AB-12cd, AB-12CD",
        "12345678, 12345678"
    })
    void valid_ods_code_is_accepted_and_stored_upper_cased(String raw, String stored) {
        OdsCode odsCode = OdsCode.parse(raw);

        assertThat(odsCode.value()).isEqualTo(stored);
        assertThat(odsCode).hasToString(stored);
    }

    @Test
    void ods_codes_differing_only_in_case_are_equal() {
        assertThat(new OdsCode("fa565")).isEqualTo(new OdsCode("FA565")).hasSameHashCodeAs(new OdsCode("Fa565"));
    }

    @Test
    void surrounding_whitespace_is_ignored_when_parsing() {
        assertThat(OdsCode.parse(" FA565 ")).isEqualTo(new OdsCode("FA565"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "FA 565", "FA_565", "FA.565", "ÄB123", "FA565!", " FA565"})
    void malformed_ods_code_is_rejected(String raw) {
        assertThatThrownBy(() -> new OdsCode(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void missing_ods_code_is_rejected(String raw) {
        assertThatThrownBy(() -> OdsCode.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> new OdsCode(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
