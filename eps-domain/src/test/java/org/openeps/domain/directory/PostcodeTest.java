package org.openeps.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({
        "DL4 2HP, DL4 2HP, DL42HP",
        "dl42hp, DL4 2HP, DL42HP",
        "' ls15  8ba ', LS15 8BA, LS158BA",
        "EC1A1BB, EC1A 1BB, EC1A1BB",
        "im1 1aa, IM1 1AA, IM11AA",
        "ZZ99 3WZ, ZZ99 3WZ, ZZ993WZ"
    })
    void postcode_is_kept_upper_cased_with_one_space(String raw, String value, String compact) {
        Postcode postcode = Postcode.parse(raw);

        assertThat(postcode.value()).isEqualTo(value);
        assertThat(postcode.compact()).isEqualTo(compact);
        assertThat(postcode).isEqualTo(new Postcode(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DL4", "12345", "DL4 2H", "DL4 2HPX", "D!4 2HP", "DL44 22HP"})
    void malformed_postcode_is_refused(String raw) {
        assertThatThrownBy(() -> Postcode.parse(raw))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void missing_postcode_is_refused(String raw) {
        assertThatThrownBy(() -> Postcode.parse(raw))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dl4 2hp", "DL42HP", "DL4  2HP"})
    void constructor_takes_only_the_kept_form(String value) {
        assertThatThrownBy(() -> new Postcode(value))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
