package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class IssueTest {

    private static final LineItemId FIRST = new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab6");
    private static final LineItemId SECOND = new LineItemId("6989b7bd-8db6-428c-a593-4022e3044c00");

    /**
     * REFERENCE.md, "Item statuses allowed under each prescription status": prescription status to the item
     * statuses allowed under it. REFERENCE.md has no row for 9005; it is taken to allow what the other
     * not-yet-released statuses allow.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("0000", Set.of("0005", "0006", "0007")),
            Map.entry("0001", Set.of("0005", "0006", "0007")),
            Map.entry("9000", Set.of("0005", "0006", "0007")),
            Map.entry("9001", Set.of("0005", "0006", "0007")),
            Map.entry("0002", Set.of("0005", "0006", "0008")),
            Map.entry("0003", Set.of("0001", "0002", "0003", "0004", "0005", "0006", "0008")),
            Map.entry("0004", Set.of("0005", "0006")),
            Map.entry("0005", Set.of("0005", "0006")),
            Map.entry("0006", Set.of("0001", "0002", "0005", "0006")),
            Map.entry("0008", Set.of("0001", "0002", "0005", "0006")),
            Map.entry("0009", Set.of("0001", "0002", "0005", "0006")),
            Map.entry("0007", Set.of("0002", "0005", "0006")),
            Map.entry("9005", Set.of("0005", "0006", "0007")));

    private static final String[] ITEM_CODES = {"0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008"};

    static Stream<Arguments> everyStatusAndItemStatus() {
        return ALLOWED.keySet().stream().sorted().flatMap(status -> Arrays.stream(ITEM_CODES)
                .map(item -> Arguments.of(status, item, ALLOWED.get(status).contains(item))));
    }

    @Test
    void the_walk_covers_all_13_by_8_pairs() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PrescriptionStatus.values()).map(PrescriptionStatus::code).toList());
        assertThat(everyStatusAndItemStatus()).hasSize(13 * 8);
    }

    @ParameterizedTest(name = "issue {0} with item {1}: allowed {2}")
    @MethodSource("everyStatusAndItemStatus")
    void issue_accepts_exactly_the_item_statuses_its_status_allows(String statusCode, String itemCode,
            boolean allowed) {
        PrescriptionStatus status = PrescriptionStatus.fromCode(statusCode);
        ItemStatus itemStatus = ItemStatus.fromCode(itemCode);

        if (allowed) {
            Issue issue = new Issue(1, status, Map.of(FIRST, itemStatus));
            assertThat(issue.status()).isEqualTo(status);
            assertThat(issue.itemStatus(FIRST)).isEqualTo(itemStatus);
        } else {
            assertThatThrownBy(() -> new Issue(1, status, Map.of(FIRST, itemStatus)))
                    .isInstanceOfSatisfying(EpsException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LINE_STATE_TRANSITION));
        }
    }

    @Test
    void one_item_in_a_status_not_allowed_spoils_the_whole_issue() {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        items.put(FIRST, ItemStatus.TO_BE_DISPENSED);
        items.put(SECOND, ItemStatus.WITH_DISPENSER);

        assertThatThrownBy(() -> new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, items))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LINE_STATE_TRANSITION));
    }

    @Test
    void issue_keeps_its_items_in_prescription_order() {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        items.put(SECOND, ItemStatus.FULLY_DISPENSED);
        items.put(FIRST, ItemStatus.NOT_DISPENSED);

        Issue issue = new Issue(2, PrescriptionStatus.DISPENSED, items);

        assertThat(issue.number()).isEqualTo(2);
        assertThat(issue.itemStatuses().keySet()).containsExactly(SECOND, FIRST);
        assertThat(issue.itemStatus(SECOND)).isEqualTo(ItemStatus.FULLY_DISPENSED);
        assertThat(issue.itemStatus(FIRST)).isEqualTo(ItemStatus.NOT_DISPENSED);
    }

    @Test
    void issue_is_not_changed_by_changes_to_the_map_it_was_built_from() {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        items.put(FIRST, ItemStatus.TO_BE_DISPENSED);
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, items);

        items.put(FIRST, ItemStatus.CANCELLED);
        items.put(SECOND, ItemStatus.TO_BE_DISPENSED);

        assertThat(issue.itemStatuses()).containsExactly(Map.entry(FIRST, ItemStatus.TO_BE_DISPENSED));
    }

    @Test
    void item_statuses_of_an_issue_cannot_be_changed() {
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, Map.of(FIRST, ItemStatus.TO_BE_DISPENSED));

        assertThatThrownBy(() -> issue.itemStatuses().put(FIRST, ItemStatus.CANCELLED))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void status_of_an_item_not_in_the_issue_is_not_found() {
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, Map.of(FIRST, ItemStatus.TO_BE_DISPENSED));

        assertThatThrownBy(() -> issue.itemStatus(SECOND))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ITEM_NOT_FOUND));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void issue_numbers_start_at_1(int number) {
        assertThatThrownBy(() -> new Issue(number, PrescriptionStatus.TO_BE_DISPENSED,
                Map.of(FIRST, ItemStatus.TO_BE_DISPENSED)))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void issue_without_items_is_missing_a_value() {
        assertThatThrownBy(() -> new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, Map.of()))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void every_item_status_is_allowed_under_some_prescription_status() {
        Set<String> used = ALLOWED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());

        assertThat(used).containsExactlyInAnyOrder(ITEM_CODES);
    }
}
