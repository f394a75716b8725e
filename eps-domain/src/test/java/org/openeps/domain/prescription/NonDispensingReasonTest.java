package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonDispensingReasonTest {

    @Test
    void the_codes_are_those_of_medicationdispense_status_reason_0001_to_0011() {
        assertThat(Arrays.stream(NonDispensingReason.values()).map(NonDispensingReason::code)).containsExactly(
                "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011");
        assertThat(NonDispensingReason.PATIENT_PURCHASED_MEDICATION_OVER_THE_COUNTER.label())
                .isEqualTo("Patient purchased medication over the counter");
    }

    @ParameterizedTest
    @EnumSource(NonDispensingReason.class)
    void every_reason_is_found_by_its_code(NonDispensingReason reason) {
        assertThat(NonDispensingReason.find(reason.code())).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000", "0012", "1", "0001 ", "Clinically unsuitable"})
    void any_other_text_is_no_reason(String code) {
        assertThat(NonDispensingReason.find(code)).isEmpty();
    }
}
