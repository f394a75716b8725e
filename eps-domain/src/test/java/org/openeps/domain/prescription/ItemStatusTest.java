package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class ItemStatusTest {

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
        0001 | FULLY_DISPENSED     | fully dispensed
        0002 | NOT_DISPENSED       | not dispensed
        0003 | DISPENSED_PARTIAL   | dispensed partial
        0004 | NOT_DISPENSED_OWING | not dispensed owing
        0005 | CANCELLED           | cancelled
        0006 | EXPIRED             | expired
        0007 | TO_BE_DISPENSED     | to be dispensed
        0008 | WITH_DISPENSER      | with dispenser
        """)
    void every_item_status_has_the_code_of_the_reference(String code, ItemStatus status, String meaning) {
        assertThat(status.code()).isEqualTo(code);
        assertThat(ItemStatus.fromCode(code)).isSameAs(status);
        assertThat(status.label()).isNotBlank();
    }

    @Test
    void there_are_exactly_the_eight_item_statuses_0001_to_0008() {
        assertThat(Arrays.stream(ItemStatus.values()).map(ItemStatus::code))
                .containsExactly("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008");
    }

    @ParameterizedTest
    @EnumSource(ItemStatus.class)
    void item_status_is_found_again_from_its_code(ItemStatus status) {
        assertThat(ItemStatus.fromCode(status.code())).isSameAs(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000", "0009", "9000", "1", "00001", "abcd"})
    void unknown_item_status_code_is_rejected_as_invalid_value(String code) {
        assertThatThrownBy(() -> ItemStatus.fromCode(code))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }
}
