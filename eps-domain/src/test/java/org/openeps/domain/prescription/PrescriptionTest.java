package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.item;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

class PrescriptionTest {

    /** 10:00 on 10 March 2026 in London (GMT). */
    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate RECEIVED_DATE = LocalDate.of(2026, 3, 10);

    @Test
    void the_current_issue_is_the_first_not_complete_else_the_last() {
        assertThat(Prescription.currentIssueIndex(List.of(PrescriptionStatus.CLAIMED, PrescriptionStatus.TO_BE_DISPENSED,
                PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE))).isEqualTo(1);
        assertThat(Prescription.currentIssueIndex(List.of(PrescriptionStatus.WITH_DISPENSER,
                PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE))).isZero();
        assertThat(Prescription.currentIssueIndex(List.of(PrescriptionStatus.CLAIMED, PrescriptionStatus.EXPIRED)))
                .isEqualTo(1);
        assertThatThrownBy(() -> Prescription.currentIssueIndex(List.of()))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void new_acute_prescription_has_one_issue_to_be_dispensed_with_every_item_to_be_dispensed() {
        PrescriptionOrder order = anOrder().items(3).build();

        Prescription prescription = Prescription.create(order, RECEIVED);

        assertThat(prescription.issues()).hasSize(1);
        Issue issue = prescription.issue(1);
        assertThat(issue.number()).isEqualTo(1);
        assertThat(issue.status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
        assertThat(issue.status().code()).isEqualTo("0001");
        assertThat(issue.itemStatuses().keySet()).containsExactly(item(1).id(), item(2).id(), item(3).id());
        assertThat(issue.itemStatuses().values()).containsOnly(ItemStatus.TO_BE_DISPENSED);
        assertThat(prescription.version()).isZero();
        assertThat(prescription.receivedAt()).isEqualTo(RECEIVED);
        assertThat(prescription.order()).isEqualTo(order);
        assertThat(prescription.id()).isEqualTo(order.id());
    }

    @Test
    void new_repeat_prescribing_prescription_has_one_issue_to_be_dispensed() {
        Prescription prescription = Prescription.create(
                anOrder().treatmentType(TreatmentType.REPEAT_PRESCRIBING).build(), RECEIVED);

        assertThat(prescription.issues()).extracting(Issue::status).containsExactly(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void new_erd_prescription_with_seven_issues_makes_issue_1_available_and_issues_2_to_7_future_issues() {
        Prescription prescription = Prescription.create(anErdOrder(7).items(2).build(), RECEIVED);

        assertThat(prescription.issues()).extracting(Issue::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(prescription.issues()).extracting(issue -> issue.status().code())
                .containsExactly("0001", "9000", "9000", "9000", "9000", "9000", "9000");
        assertThat(prescription.issues()).allSatisfy(issue -> {
            assertThat(issue.itemStatuses().keySet()).containsExactly(item(1).id(), item(2).id());
            assertThat(issue.itemStatuses().values()).containsOnly(ItemStatus.TO_BE_DISPENSED);
        });
        assertThat(prescription.version()).isZero();
    }

    @ParameterizedTest(name = "start {0} days after the received date gives {1}")
    @CsvSource({
        "-30, 0001",
        "-1, 0001",
        "0, 0001",
        "1, 0001",
        "2, 9001",
        "3, 9001",
        "60, 9001",
    })
    void prescription_is_future_dated_only_when_it_starts_more_than_one_day_ahead(int days, String expected) {
        Prescription prescription = Prescription.create(
                anOrder().startDate(RECEIVED_DATE.plusDays(days)).build(), RECEIVED);

        assertThat(prescription.issue(1).status().code()).isEqualTo(expected);
    }

    @Test
    void future_dated_prescription_starts_at_9001() {
        Prescription prescription = Prescription.create(
                anOrder().items(2).startDate(RECEIVED_DATE.plusDays(2)).build(), RECEIVED);

        assertThat(prescription.issue(1).status()).isEqualTo(PrescriptionStatus.FUTURE_DATED);
        assertThat(prescription.issue(1).itemStatuses().values()).containsOnly(ItemStatus.TO_BE_DISPENSED);
    }

    @Test
    void prescription_starting_tomorrow_is_to_be_dispensed_not_future_dated() {
        Prescription prescription = Prescription.create(
                anOrder().startDate(RECEIVED_DATE.plusDays(1)).build(), RECEIVED);

        assertThat(prescription.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void future_dated_erd_prescription_has_issue_1_future_dated_and_later_issues_future_issues() {
        Prescription prescription = Prescription.create(
                anErdOrder(3).startDate(RECEIVED_DATE.plusDays(2)).build(), RECEIVED);

        assertThat(prescription.issues()).extracting(issue -> issue.status().code())
                .containsExactly("9001", "9000", "9000");
    }

    @Test
    void received_date_is_the_london_date_not_the_utc_date() {
        // 23:30 UTC on 10 June is 00:30 BST on 11 June: the prescription was received on 11 June.
        Instant lateEvening = Instant.parse("2026-06-10T23:30:00Z");

        Prescription startingTomorrow = Prescription.create(
                anOrder().startDate(LocalDate.of(2026, 6, 12)).build(), lateEvening);
        Prescription startingInTwoDays = Prescription.create(
                anOrder().startDate(LocalDate.of(2026, 6, 13)).build(), lateEvening);

        assertThat(startingTomorrow.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
        assertThat(startingInTwoDays.issue(1).status()).isEqualTo(PrescriptionStatus.FUTURE_DATED);
    }

    @Test
    void current_issue_of_a_new_prescription_is_issue_1() {
        assertThat(Prescription.create(anOrder().build(), RECEIVED).currentIssue().number()).isEqualTo(1);
        assertThat(Prescription.create(anErdOrder(7).build(), RECEIVED).currentIssue().number()).isEqualTo(1);
        assertThat(Prescription.create(anOrder().startDate(RECEIVED_DATE.plusDays(5)).build(), RECEIVED)
                .currentIssue().number()).isEqualTo(1);
    }

    @Test
    void prescription_is_releasable_while_any_issue_is_to_be_dispensed() {
        PrescriptionOrder order = anErdOrder(3).build();
        List<Issue> secondWaiting = List.of(
                new Issue(1, PrescriptionStatus.CLAIMED, statuses(order, ItemStatus.FULLY_DISPENSED)),
                new Issue(2, PrescriptionStatus.TO_BE_DISPENSED, statuses(order, ItemStatus.TO_BE_DISPENSED)),
                new Issue(3, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, statuses(order, ItemStatus.TO_BE_DISPENSED)));
        List<Issue> noneWaiting = List.of(
                new Issue(1, PrescriptionStatus.CLAIMED, statuses(order, ItemStatus.FULLY_DISPENSED)),
                new Issue(2, PrescriptionStatus.WITH_DISPENSER, statuses(order, ItemStatus.WITH_DISPENSER)),
                new Issue(3, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, statuses(order, ItemStatus.TO_BE_DISPENSED)));

        assertThat(Prescription.rehydrate(order, secondWaiting, RECEIVED, 4).releasable()).isTrue();
        assertThat(Prescription.rehydrate(order, noneWaiting, RECEIVED, 4).releasable()).isFalse();
        assertThat(Prescription.create(anOrder().startDate(RECEIVED_DATE.plusDays(2)).build(), RECEIVED).releasable())
                .as("future dated").isFalse();
    }

    @Test
    void current_issue_is_the_first_issue_that_is_not_complete() {
        PrescriptionOrder order = anErdOrder(3).build();
        List<Issue> issues = List.of(
                new Issue(1, PrescriptionStatus.CLAIMED, statuses(order, ItemStatus.FULLY_DISPENSED)),
                new Issue(2, PrescriptionStatus.TO_BE_DISPENSED, statuses(order, ItemStatus.TO_BE_DISPENSED)),
                new Issue(3, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, statuses(order, ItemStatus.TO_BE_DISPENSED)));

        assertThat(Prescription.rehydrate(order, issues, RECEIVED, 4).currentIssue().number()).isEqualTo(2);
    }

    @Test
    void current_issue_is_the_last_issue_when_every_issue_is_complete() {
        PrescriptionOrder order = anErdOrder(2).build();
        List<Issue> issues = List.of(
                new Issue(1, PrescriptionStatus.CLAIMED, statuses(order, ItemStatus.FULLY_DISPENSED)),
                new Issue(2, PrescriptionStatus.EXPIRED, statuses(order, ItemStatus.EXPIRED)));

        assertThat(Prescription.rehydrate(order, issues, RECEIVED, 9).currentIssue().number()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4})
    void issue_that_does_not_exist_is_not_found(int number) {
        Prescription prescription = Prescription.create(anErdOrder(3).build(), RECEIVED);

        assertThatThrownBy(() -> prescription.issue(number))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    }

    @Test
    void issues_of_a_prescription_cannot_be_changed() {
        Prescription prescription = Prescription.create(anOrder().build(), RECEIVED);

        assertThatThrownBy(() -> prescription.issues().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rehydrate_keeps_the_stored_version_issues_and_received_time() {
        PrescriptionOrder order = anErdOrder(2).items(2).build();
        List<Issue> issues = List.of(
                new Issue(1, PrescriptionStatus.WITH_DISPENSER, statuses(order, ItemStatus.WITH_DISPENSER)),
                new Issue(2, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, statuses(order, ItemStatus.TO_BE_DISPENSED)));
        Instant receivedAt = Instant.parse("2026-02-01T08:15:00Z");

        Prescription prescription = Prescription.rehydrate(order, issues, receivedAt, 42);

        assertThat(prescription.version()).isEqualTo(42);
        assertThat(prescription.issues()).isEqualTo(issues);
        assertThat(prescription.receivedAt()).isEqualTo(receivedAt);
        assertThat(prescription.order()).isEqualTo(order);
    }

    @Test
    void rehydrate_of_a_created_prescription_gives_the_same_state() {
        Prescription created = Prescription.create(anErdOrder(4).items(3).build(), RECEIVED);

        Prescription rehydrated = Prescription.rehydrate(created.order(), created.issues(), created.receivedAt(), 1);

        assertThat(rehydrated.issues()).isEqualTo(created.issues());
        assertThat(rehydrated.version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} issues for a prescription with 3")
    @ValueSource(ints = {0, 2, 4})
    void rehydrate_with_a_wrong_number_of_issues_is_refused(int count) {
        PrescriptionOrder order = anErdOrder(3).build();
        List<Issue> issues = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            issues.add(new Issue(number, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE,
                    statuses(order, ItemStatus.TO_BE_DISPENSED)));
        }

        assertRejected(() -> Prescription.rehydrate(order, issues, RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    @Test
    void rehydrate_with_an_issue_missing_one_of_the_items_is_refused() {
        PrescriptionOrder order = anOrder().items(2).build();
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, Map.of(item(1).id(), ItemStatus.TO_BE_DISPENSED));

        assertRejected(() -> Prescription.rehydrate(order, List.of(issue), RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    @Test
    void rehydrate_with_an_issue_naming_an_item_not_prescribed_is_refused() {
        PrescriptionOrder order = anOrder().items(2).build();
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>(statuses(order, ItemStatus.TO_BE_DISPENSED));
        items.put(item(3).id(), ItemStatus.TO_BE_DISPENSED);
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, items);

        assertRejected(() -> Prescription.rehydrate(order, List.of(issue), RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    @Test
    void rehydrate_with_an_issue_for_other_items_is_refused() {
        PrescriptionOrder order = anOrder().items(item(1), item(2)).build();
        Issue issue = new Issue(1, PrescriptionStatus.TO_BE_DISPENSED,
                Map.of(item(1).id(), ItemStatus.TO_BE_DISPENSED, item(3).id(), ItemStatus.TO_BE_DISPENSED));

        assertRejected(() -> Prescription.rehydrate(order, List.of(issue), RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    @Test
    void rehydrate_with_only_the_later_issue_differing_in_items_is_refused() {
        PrescriptionOrder order = anErdOrder(2).items(2).build();
        List<Issue> issues = List.of(
                new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, statuses(order, ItemStatus.TO_BE_DISPENSED)),
                new Issue(2, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE,
                        Map.of(item(2).id(), ItemStatus.TO_BE_DISPENSED)));

        assertRejected(() -> Prescription.rehydrate(order, issues, RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    @Test
    void rehydrate_with_issues_out_of_order_is_refused() {
        PrescriptionOrder order = anErdOrder(2).build();
        List<Issue> issues = List.of(
                new Issue(2, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, statuses(order, ItemStatus.TO_BE_DISPENSED)),
                new Issue(1, PrescriptionStatus.TO_BE_DISPENSED, statuses(order, ItemStatus.TO_BE_DISPENSED)));

        assertRejected(() -> Prescription.rehydrate(order, issues, RECEIVED, 1), ErrorCode.INVALID_VALUE);
    }

    private static Map<LineItemId, ItemStatus> statuses(PrescriptionOrder order, ItemStatus status) {
        Map<LineItemId, ItemStatus> statuses = new LinkedHashMap<>();
        order.items().forEach(item -> statuses.put(item.id(), status));
        return statuses;
    }

    private static void assertRejected(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }
}
