package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class LongFormPrescriptionIdTest {

    @ParameterizedTest
    @CsvSource({
        "20ba5fb5-cb58-462c-923e-22d180b09356, 20ba5fb5-cb58-462c-923e-22d180b09356",
        "20BA5FB5-CB58-462C-923E-22D180B09356, 20ba5fb5-cb58-462c-923e-22d180b09356",
        "20BA5FB5-CB58-462C-923E-22D180B09356K, 20ba5fb5-cb58-462c-923e-22d180b09356K",
        "20ba5fb5-cb58-462c-923e-22d180b09356+, 20ba5fb5-cb58-462c-923e-22d180b09356+",
        "20ba5fb5-cb58-462c-923e-22d180b093567, 20ba5fb5-cb58-462c-923e-22d180b093567"
    })
    void uuid_with_or_without_a_check_character_is_accepted_with_the_uuid_lower_cased(String raw, String stored) {
        LongFormPrescriptionId id = LongFormPrescriptionId.parse(raw);

        assertThat(id.value()).isEqualTo(stored);
        assertThat(id).hasToString(stored);
    }

    @Test
    void ids_differing_only_in_the_case_of_the_uuid_are_equal() {
        assertThat(new LongFormPrescriptionId("20BA5FB5-CB58-462C-923E-22D180B09356"))
                .isEqualTo(new LongFormPrescriptionId("20ba5fb5-cb58-462c-923e-22d180b09356"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "20ba5fb5-cb58-462c-923e-22d180b0935",     // 35 characters
        "20ba5fb5-cb58-462c-923e-22d180b09356k",   // check character outside 0-9A-Z+
        "20ba5fb5-cb58-462c-923e-22d180b09356*",
        "20ba5fb5-cb58-462c-923e-22d180b09356AB",  // 38 characters
        "20ba5fb5cb58462c923e22d180b09356",        // no hyphens
        "g0ba5fb5-cb58-462c-923e-22d180b09356",    // not hex
        "A0548B-A99968-451485"                     // a short-form ID
    })
    void value_that_is_not_a_uuid_with_optional_check_character_is_rejected(String raw) {
        assertThatThrownBy(() -> LongFormPrescriptionId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missing_long_form_id_is_rejected(String raw) {
        assertThatThrownBy(() -> LongFormPrescriptionId.parse(raw))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
