package org.openeps.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9449304130", "9434765919", "9000000009", "4010232137", "9449305552"})
    void valid_nhs_number_is_accepted(String raw) {
        NhsNumber nhsNumber = NhsNumber.parse(raw);

        assertThat(nhsNumber.value()).isEqualTo(raw);
        assertThat(nhsNumber).hasToString(raw);
    }

    @Test
    void surrounding_whitespace_is_ignored_when_parsing() {
        assertThat(NhsNumber.parse("  9449304130\n")).isEqualTo(new NhsNumber("9449304130"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9449304131", "9449304139", "9434765918", "4010232138", "9449304103"})
    void nhs_number_with_wrong_check_digit_is_rejected(String raw) {
        assertThatThrownBy(() -> NhsNumber.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHECK_DIGIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567891", "1234567899"})
    void nhs_number_whose_check_value_is_ten_is_rejected_whatever_its_last_digit(String raw) {
        assertThatThrownBy(() -> new NhsNumber(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHECK_DIGIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"944930413", "94493041300", "944930413A", "ABCDEFGHIJ", "944 930 4130", "944-930-4130",
            "９４４９３０４１３０", "+449304130"})
    void nhs_number_that_is_not_ten_digits_is_rejected(String raw) {
        assertThatThrownBy(() -> NhsNumber.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missing_nhs_number_is_rejected_when_parsing(String raw) {
        assertThatThrownBy(() -> NhsNumber.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void null_nhs_number_is_rejected_as_missing_by_the_constructor() {
        assertThatThrownBy(() -> new NhsNumber(null))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void nine_digits_get_their_check_digit_unless_they_give_check_value_10() {
        assertThat(NhsNumber.withCheckDigit("944930413")).contains(new NhsNumber("9449304130"));
        // weighted 10 down to 2 the digits sum to 1 x 10 + 1 x 2 = 12, and 11 - 12 mod 11 = 10
        assertThat(NhsNumber.withCheckDigit("100000001")).isEmpty();
        assertThatThrownBy(() -> NhsNumber.withCheckDigit("94493041"))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void generated_numbers_are_valid_start_with_9_and_differ() {
        SplittableRandom random = new SplittableRandom(11);
        Set<NhsNumber> generated = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            NhsNumber number = NhsNumber.generate(random);
            assertThat(NhsNumber.parse(number.value())).isEqualTo(number);
            assertThat(number.value()).startsWith("9");
            generated.add(number);
        }
        assertThat(generated).hasSize(1_000);
    }
}
