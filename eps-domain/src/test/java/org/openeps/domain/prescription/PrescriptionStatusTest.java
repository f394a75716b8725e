package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.prescription.PrescriptionStatus.Group;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class PrescriptionStatusTest {

    /**
     * REFERENCE.md, "Item statuses allowed under each prescription status", row for row. REFERENCE.md gives no row
     * for 9005 (the placeholder for a cancellation received before its prescription); it is listed here with the
     * not-yet-released statuses, as a future issue that was never released.
     */
    private static final String[][] ALLOWED_ITEM_STATUSES = {
        {"0000 0001 9000 9001", "0005 0006 0007"},
        {"0002", "0005 0006 0008"},
        {"0003", "0001 0002 0003 0004 0005 0006 0008"},
        {"0004 0005", "0005 0006"},
        {"0006 0008 0009", "0001 0002 0005 0006"},
        {"0007", "0002 0005 0006"},
        {"9005", "0005 0006 0007"},
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        AWAITING_RELEASE_READY       | 0000 | Available to download when due
        TO_BE_DISPENSED              | 0001 | Available to download
        WITH_DISPENSER               | 0002 | Downloaded by a dispenser
        WITH_DISPENSER_ACTIVE        | 0003 | Some items dispensed
        EXPIRED                      | 0004 | Expired
        CANCELLED                    | 0005 | Cancelled
        DISPENSED                    | 0006 | All items dispensed
        NOT_DISPENSED                | 0007 | Not dispensed
        CLAIMED                      | 0008 | Claimed
        NO_CLAIMED                   | 0009 | Not claimed
        REPEAT_DISPENSE_FUTURE_ISSUE | 9000 | Future eRD issue
        FUTURE_DATED                 | 9001 | To dispense in the future
        CANCELLED_FUTURE_ISSUE       | 9005 | Future prescription cancelled
        """)
    void every_status_has_the_code_and_tracker_label_of_the_reference(String name, String code, String label) {
        PrescriptionStatus status = PrescriptionStatus.valueOf(name);

        assertThat(status.code()).isEqualTo(code);
        assertThat(status.label()).isEqualTo(label);
        assertThat(PrescriptionStatus.fromCode(code)).isSameAs(status);
    }

    @Test
    void there_are_exactly_the_thirteen_statuses_of_the_reference() {
        assertThat(Arrays.stream(PrescriptionStatus.values()).map(PrescriptionStatus::code))
                .containsExactlyInAnyOrder("0000", "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008",
                        "0009", "9000", "9001", "9005");
    }

    @ParameterizedTest
    @EnumSource(PrescriptionStatus.class)
    void status_is_found_again_from_its_code(PrescriptionStatus status) {
        assertThat(PrescriptionStatus.fromCode(status.code())).isSameAs(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0010", "9002", "9999", "1", "00001", "000", "abcd", " 0001", "0001 "})
    void unknown_status_code_is_rejected_as_invalid_value(String code) {
        assertThatThrownBy(() -> PrescriptionStatus.fromCode(code))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    static Stream<Arguments> allowedItemStatusRows() {
        return Arrays.stream(ALLOWED_ITEM_STATUSES)
                .flatMap(row -> Arrays.stream(row[0].split(" ")).map(code -> Arguments.of(code, row[1])));
    }

    @ParameterizedTest(name = "{0} allows items {1}")
    @MethodSource("allowedItemStatusRows")
    void allowed_item_statuses_are_exactly_those_of_the_reference_table(String statusCode, String itemCodes) {
        assertThat(PrescriptionStatus.fromCode(statusCode).allowedItemStatuses())
                .containsExactlyInAnyOrderElementsOf(itemStatuses(itemCodes));
    }

    @Test
    void allowed_item_statuses_table_covers_every_status_once() {
        Map<String, Long> rowsPerStatus = allowedItemStatusRows()
                .map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.groupingBy(code -> code, LinkedHashMap::new, Collectors.counting()));

        assertThat(rowsPerStatus.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PrescriptionStatus.values()).map(PrescriptionStatus::code).toList());
        assertThat(rowsPerStatus.values()).containsOnly(1L);
    }

    @ParameterizedTest
    @CsvSource({
        "0000, CANCELLABLE",
        "0001, CANCELLABLE",
        "9000, CANCELLABLE",
        "9001, CANCELLABLE",
        "0002, WITH_DISPENSER",
        "0003, WITH_DISPENSER",
        "0004, COMPLETED",
        "0005, COMPLETED",
        "0006, COMPLETED",
        "0007, COMPLETED",
        "0008, COMPLETED",
        "0009, COMPLETED",
        "9005, PLACEHOLDER",
    })
    void every_status_belongs_to_its_reference_group(String code, Group group) {
        assertThat(PrescriptionStatus.fromCode(code).group()).isEqualTo(group);
    }

    @Test
    void cancellable_statuses_are_0000_0001_9000_and_9001() {
        assertThat(codesIn(Group.CANCELLABLE)).containsExactlyInAnyOrder("0000", "0001", "9000", "9001");
    }

    @Test
    void statuses_with_a_dispenser_are_0002_and_0003() {
        assertThat(codesIn(Group.WITH_DISPENSER)).containsExactlyInAnyOrder("0002", "0003");
    }

    @Test
    void completed_statuses_are_0004_to_0009() {
        assertThat(codesIn(Group.COMPLETED))
                .containsExactlyInAnyOrder("0004", "0005", "0006", "0007", "0008", "0009");
    }

    @Test
    void the_cancelled_future_issue_placeholder_is_in_none_of_the_reference_groups() {
        assertThat(codesIn(Group.PLACEHOLDER)).containsExactly("9005");
    }

    private static Set<String> codesIn(Group group) {
        return Arrays.stream(PrescriptionStatus.values())
                .filter(status -> status.group() == group)
                .map(PrescriptionStatus::code)
                .collect(Collectors.toSet());
    }

    private static Set<ItemStatus> itemStatuses(String codes) {
        Set<ItemStatus> statuses = EnumSet.noneOf(ItemStatus.class);
        for (String code : codes.split(" ")) {
            statuses.add(ItemStatus.fromCode(code));
        }
        return statuses;
    }
}
