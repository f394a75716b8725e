package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.prescription.PrescriptionType.CareSetting;
import org.openeps.domain.prescription.PrescriptionType.Country;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class PrescriptionTypeTest {

    @ParameterizedTest(name = "{0} is {1} care from {2}")
    @CsvSource({
        "0101, PRIMARY, ENGLAND",
        "0201, PRIMARY, WALES",
        "0501, PRIMARY, ISLE_OF_MAN",
        "1001, SECONDARY, ENGLAND",
        "1201, SECONDARY, ENGLAND",
        "1004, SECONDARY, ENGLAND",
        "1025, SECONDARY, ENGLAND",
        "2001, SECONDARY, WALES",
        "5001, SECONDARY, ISLE_OF_MAN",
    })
    void leading_digits_give_care_setting_and_country(String code, CareSetting careSetting, Country country) {
        PrescriptionType type = new PrescriptionType(code);

        assertThat(type.code()).isEqualTo(code);
        assertThat(type.careSetting()).isEqualTo(careSetting);
        assertThat(type.country()).isEqualTo(country);
        assertThat(type).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "010", "01011", "01A1", "ABCD", "0301", "3001", "5101", "9999", "0001", " 0101", "0101 "})
    void code_that_is_not_a_known_four_digit_type_is_rejected_as_invalid_value(String code) {
        assertThatThrownBy(() -> new PrescriptionType(code))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void missing_code_is_rejected_as_missing_value() {
        assertThatThrownBy(() -> new PrescriptionType(null))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void types_with_the_same_code_are_equal() {
        assertThat(new PrescriptionType("0101")).isEqualTo(new PrescriptionType("0101"))
                .isNotEqualTo(new PrescriptionType("0201"));
    }
}
