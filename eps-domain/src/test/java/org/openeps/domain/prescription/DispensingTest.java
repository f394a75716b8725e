package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.item;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.itemStatuses;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The dispensing side of the lifecycle (REFERENCE.md, "Transitions"), driven through the aggregate's own methods:
 * release, return, dispense notifications and their amends and withdrawals, claims, and the eRD issue chain.
 */
class DispensingTest {

    /** 10:00 on 10 March 2026 in London (GMT); the order was signed at 09:00 that day. */
    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final Instant DISPENSED = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-12T12:00:00Z");

    private static final OdsCode PHARMACY = new OdsCode("FA565");
    private static final OdsCode OTHER_PHARMACY = new OdsCode("FCG71");
    private static final OdsCode PRESCRIBING_PRACTICE = new OdsCode("A83008");
    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final OptionalInt ANY_ISSUE = OptionalInt.empty();

    private static Prescription created(int items) {
        return Prescription.create(anOrder().items(items).build(), RECEIVED);
    }

    private static Prescription released(int items) {
        return created(items).release(PHARMACY, RELEASED);
    }

    private static Prescription dispense(Prescription prescription, String notificationId, Instant at, String... codes) {
        return prescription.recordDispense(PHARMACY, notificationId, itemStatuses(codes), ANY_ISSUE, at);
    }

    private static Prescription cancelItem(Prescription prescription, int item) {
        Cancellation cancellation = prescription.cancel(PRESCRIBING_PRACTICE, Optional.of("555086689106"), PATIENT,
                Optional.of(item(item).id()), "0001", RECEIVED);
        assertThat(cancellation.result()).isEqualTo(CancellationResult.CANCELLED);
        return cancellation.prescription();
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(expected));
    }

    @Nested
    class Release {

        @Test
        void release_moves_0001_to_0002_with_items_0007_to_0008_and_records_the_dispenser() {
            Prescription prescription = released(2);

            Issue issue = prescription.issue(1);
            assertThat(issue.status().code()).isEqualTo("0002");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(issue.dispenser()).contains(PHARMACY);
            assertThat(issue.dispenses()).isEmpty();
            assertThat(issue.claim()).isEmpty();
        }

        @Test
        void release_does_not_change_the_prescription_it_was_called_on() {
            Prescription before = created(1);

            before.release(PHARMACY, RELEASED);

            assertThat(before.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
            assertThat(before.issue(1).dispenser()).isEmpty();
        }

        @Test
        void release_again_by_the_same_dispenser_leaves_the_prescription_unchanged() {
            Prescription once = released(2);

            Prescription twice = once.release(PHARMACY, LATER);

            assertThat(twice.issues()).isEqualTo(once.issues());
            assertThat(twice.nomination()).isEqualTo(once.nomination());
            assertThat(twice.version()).isEqualTo(once.version());
        }

        @Test
        void release_by_another_dispenser_is_refused_naming_the_dispenser_that_has_it() {
            Prescription prescription = released(1);

            assertThatThrownBy(() -> prescription.release(OTHER_PHARMACY, LATER))
                    .isInstanceOfSatisfying(EpsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
                        assertThat(e.getMessage()).contains("FA565");
                    });
        }

        @Test
        void release_of_a_prescription_some_items_dispensed_by_another_dispenser_is_refused_naming_it() {
            Prescription active = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            assertThatThrownBy(() -> active.release(OTHER_PHARMACY, LATER))
                    .isInstanceOfSatisfying(EpsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
                        assertThat(e.getMessage()).contains("FA565");
                    });
        }

        @Test
        void cancelled_item_stays_cancelled_when_the_prescription_is_released() {
            Prescription oneCancelled = cancelItem(created(2), 2);

            Prescription prescription = oneCancelled.release(PHARMACY, RELEASED);

            assertThat(prescription.issue(1).status().code()).isEqualTo("0002");
            assertThat(prescription.issue(1).itemStatuses()).isEqualTo(itemStatuses("0008", "0005"));
        }

        @Test
        void cancelled_prescription_cannot_be_released() {
            Prescription cancelled = created(1).cancel(PRESCRIBING_PRACTICE, Optional.empty(), PATIENT, Optional.empty(),
                    "0001", RECEIVED).prescription();

            assertRefused(() -> cancelled.release(PHARMACY, RELEASED), ErrorCode.PRESCRIPTION_CANCELLED);
        }

        @Test
        void dispensed_prescription_cannot_be_released() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.release(PHARMACY, LATER), ErrorCode.PRESCRIPTION_DISPENSED);
        }

        @Test
        void expired_prescription_cannot_be_released() {
            Prescription expired = created(1).expireDue(Instant.parse("2026-09-10T10:00:00Z")).orElseThrow();

            assertRefused(() -> expired.release(PHARMACY, Instant.parse("2026-09-11T10:00:00Z")),
                    ErrorCode.PRESCRIPTION_EXPIRED);
        }

        @Test
        void future_dated_prescription_cannot_be_released_yet() {
            Prescription future = Prescription.create(anOrder().startDate(LocalDate.of(2026, 4, 1)).build(), RECEIVED);

            assertRefused(() -> future.release(PHARMACY, RELEASED), ErrorCode.PRESCRIPTION_NOT_YET_AVAILABLE);
        }
    }

    @Nested
    class Return {

        @Test
        void return_moves_0002_back_to_0001_with_items_0007_and_clears_dispenser_and_nomination() {
            Prescription nominated = Prescription.create(anOrder().items(2).nominatedTo("FA565").build(), RECEIVED);
            Prescription released = nominated.release(PHARMACY, RELEASED);
            assertThat(released.nomination()).isPresent();

            Prescription returned = released.returnToSpine(PHARMACY, LATER);

            Issue issue = returned.issue(1);
            assertThat(issue.status().code()).isEqualTo("0001");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0007", "0007"));
            assertThat(issue.dispenser()).isEmpty();
            assertThat(returned.nomination()).isEmpty();
            assertThat(returned.order().nomination()).isPresent();
        }

        @Test
        void returned_prescription_can_be_released_by_id_to_another_dispenser() {
            Prescription returned = released(1).returnToSpine(PHARMACY, LATER);

            Prescription prescription = returned.release(OTHER_PHARMACY, LATER);

            assertThat(prescription.issue(1).status().code()).isEqualTo("0002");
            assertThat(prescription.issue(1).dispenser()).contains(OTHER_PHARMACY);
        }

        @Test
        void return_keeps_a_cancelled_item_cancelled() {
            Prescription released = cancelItem(created(2), 2).release(PHARMACY, RELEASED);

            Prescription returned = released.returnToSpine(PHARMACY, LATER);

            assertThat(returned.issue(1).itemStatuses()).isEqualTo(itemStatuses("0007", "0005"));
        }

        @Test
        void return_by_a_dispenser_that_does_not_have_the_prescription_is_refused() {
            Prescription prescription = released(1);

            assertRefused(() -> prescription.returnToSpine(OTHER_PHARMACY, LATER),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void return_of_a_prescription_with_some_items_dispensed_is_refused() {
            Prescription active = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            assertRefused(() -> active.returnToSpine(PHARMACY, LATER), ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void return_of_a_prescription_not_released_is_refused_as_not_with_the_dispenser() {
            Prescription prescription = created(1);

            assertRefused(() -> prescription.returnToSpine(PHARMACY, LATER), ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void cancellation_pending_while_with_the_dispenser_applies_when_it_is_returned() {
            Cancellation pending = released(2).cancel(PRESCRIBING_PRACTICE, Optional.of("555086689106"), PATIENT,
                    Optional.empty(), "0001", LATER);
            assertThat(pending.result()).isEqualTo(CancellationResult.WITH_DISPENSER);

            Prescription returned = pending.prescription().returnToSpine(PHARMACY, LATER.plusSeconds(60));

            Issue issue = returned.issue(1);
            assertThat(issue.status().code()).isEqualTo("0005");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0005", "0005"));
            assertThat(issue.pendingCancellation()).isEmpty();
            assertThat(issue.dispenser()).isEmpty();
        }

        @Test
        void pending_cancellation_of_one_item_applies_to_that_item_only_when_it_is_returned() {
            Cancellation pending = released(2).cancel(PRESCRIBING_PRACTICE, Optional.of("555086689106"), PATIENT,
                    Optional.of(item(1).id()), "0001", LATER);
            assertThat(pending.result()).isEqualTo(CancellationResult.WITH_DISPENSER);

            Prescription returned = pending.prescription().returnToSpine(PHARMACY, LATER.plusSeconds(60));

            assertThat(returned.issue(1).status().code()).isEqualTo("0001");
            assertThat(returned.issue(1).itemStatuses()).isEqualTo(itemStatuses("0005", "0007"));
        }
    }

    @Nested
    class RecordDispense {

        @ParameterizedTest(name = "items reported {0} {1} from 0002: issue {2}")
        @CsvSource({
            "0001, 0001, 0006",
            "0001, 0002, 0006",
            "0001, 0004, 0003",
            "0003, 0001, 0003",
            "0003, 0003, 0003",
            "0004, 0004, 0003",
            "0002, 0002, 0007",
            "0001, 0005, 0006",
            "0002, 0005, 0007",
        })
        void dispense_notification_sets_the_items_and_the_issue_status_they_add_up_to(String first, String second,
                String expected) {
            Prescription prescription = dispense(released(2), "dn-1", DISPENSED, first, second);

            assertThat(prescription.issue(1).status().code()).isEqualTo(expected);
            assertThat(prescription.issue(1).itemStatuses()).isEqualTo(itemStatuses(first, second));
        }

        @Test
        void dispense_notification_is_recorded_with_the_state_it_replaced() {
            Prescription prescription = dispense(released(2), "dn-1", DISPENSED, "0001", "0001");

            Issue issue = prescription.issue(1);
            assertThat(issue.dispenses()).containsExactly(
                    new DispenseRecord("dn-1", DISPENSED, PrescriptionStatus.WITH_DISPENSER, itemStatuses("0008", "0008")));
            assertThat(issue.lastDispensedAt()).contains(DISPENSED);
            assertThat(issue.dispenser()).contains(PHARMACY);
        }

        @Test
        void item_cancelled_before_release_is_reported_cancelled_and_the_rest_dispensed_makes_0006() {
            Prescription released = cancelItem(created(2), 2).release(PHARMACY, RELEASED);

            Prescription prescription = dispense(released, "dn-1", DISPENSED, "0001", "0005");

            assertThat(prescription.issue(1).status().code()).isEqualTo("0006");
        }

        @Test
        void item_cancelled_before_release_cannot_be_reported_dispensed() {
            Prescription released = cancelItem(created(2), 2).release(PHARMACY, RELEASED);

            assertRefused(() -> dispense(released, "dn-1", DISPENSED, "0001", "0001"),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void partial_dispense_followed_by_another_partial_stays_0003() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0003", "0004");

            Prescription second = dispense(first, "dn-2", LATER, "0003", "0003");

            assertThat(second.issue(1).status().code()).isEqualTo("0003");
            assertThat(second.issue(1).dispenses()).extracting(DispenseRecord::notificationId).containsExactly("dn-1", "dn-2");
        }

        @Test
        void second_dispense_notification_completing_the_items_makes_0006() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            Prescription second = dispense(first, "dn-2", LATER, "0001", "0001");

            Issue issue = second.issue(1);
            assertThat(issue.status().code()).isEqualTo("0006");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0001"));
            assertThat(issue.dispenses()).extracting(DispenseRecord::statusBefore)
                    .containsExactly(PrescriptionStatus.WITH_DISPENSER, PrescriptionStatus.WITH_DISPENSER_ACTIVE);
            assertThat(issue.lastDispensedAt()).contains(LATER);
        }

        @Test
        void dispense_notification_not_naming_every_item_is_item_not_found() {
            Prescription prescription = released(2);

            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0001"), ErrorCode.ITEM_NOT_FOUND);
        }

        @Test
        void dispense_notification_naming_an_item_not_on_the_prescription_is_item_not_found() {
            Prescription prescription = released(1);
            Map<LineItemId, ItemStatus> reported = new LinkedHashMap<>(itemStatuses("0001"));
            reported.put(item(9).id(), ItemStatus.FULLY_DISPENSED);

            assertRefused(() -> prescription.recordDispense(PHARMACY, "dn-1", reported, ANY_ISSUE, DISPENSED),
                    ErrorCode.ITEM_NOT_FOUND);
        }

        @Test
        void item_fully_dispensed_cannot_go_back_to_owing_in_a_later_notification() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            assertRefused(() -> dispense(first, "dn-2", LATER, "0004", "0001"), ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void item_not_dispensed_cannot_be_dispensed_in_a_later_notification() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0002", "0004");

            assertRefused(() -> dispense(first, "dn-2", LATER, "0001", "0001"), ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @ParameterizedTest(name = "reporting {0}")
        @ValueSource(strings = {"0007", "0006"})
        void dispenser_cannot_report_an_item_to_be_dispensed_or_expired(String code) {
            Prescription prescription = released(2);

            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0001", code),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void dispenser_cannot_report_an_item_still_with_the_dispenser() {
            // 0008 is not a status a dispense notification reports (ItemOutcomes.REPORTABLE); reporting it for every
            // item would otherwise turn 0002 into 0003 "some items dispensed" with nothing dispensed
            Prescription prescription = released(2);

            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0001", "0008"),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0008", "0008"),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void dispense_notification_from_another_dispenser_is_refused() {
            Prescription prescription = released(1);

            assertRefused(() -> prescription.recordDispense(OTHER_PHARMACY, "dn-1", itemStatuses("0001"), ANY_ISSUE,
                    DISPENSED), ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void prescription_not_released_cannot_be_dispensed_and_the_dispenser_is_told_only_it_is_not_theirs() {
            Prescription prescription = created(1);

            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0001"),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void a_dispenser_not_holding_the_prescription_learns_nothing_of_its_state() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");
            OdsCode other = new OdsCode("FCG71");

            assertRefused(() -> dispensed.claim(other, "claim-1", OptionalInt.empty(), LATER),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
            assertRefused(() -> dispensed.withdrawDispense(other, OptionalInt.empty(), LATER),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
            assertRefused(() -> dispensed.returnToSpine(other, LATER), ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void dispensed_prescription_cannot_take_another_dispense_notification() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispense(dispensed, "dn-2", LATER, "0001"), ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void refused_dispense_notification_leaves_the_prescription_as_it_was() {
            Prescription prescription = released(2);

            assertRefused(() -> dispense(prescription, "dn-1", DISPENSED, "0001"), ErrorCode.ITEM_NOT_FOUND);

            assertThat(prescription.issue(1).status().code()).isEqualTo("0002");
            assertThat(prescription.issue(1).itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(prescription.issue(1).dispenses()).isEmpty();
        }
    }

    @Nested
    class AmendDispense {

        @Test
        void amend_replaces_the_latest_notification_and_is_applied_to_the_state_before_it() {
            Prescription dispensed = dispense(released(2), "dn-1", DISPENSED, "0001", "0001");

            // from 0001 an item could not go to 0003; from the state before dn-1 (0008) it can
            Prescription amended = dispensed.amendDispense(PHARMACY, "dn-1-amended", "dn-1",
                    itemStatuses("0003", "0001"), ANY_ISSUE, LATER);

            Issue issue = amended.issue(1);
            assertThat(issue.status().code()).isEqualTo("0003");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0003", "0001"));
            assertThat(issue.dispenses()).containsExactly(new DispenseRecord("dn-1-amended", LATER,
                    PrescriptionStatus.WITH_DISPENSER, itemStatuses("0008", "0008")));
        }

        @Test
        void amend_of_the_second_notification_keeps_the_first() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");
            Prescription second = dispense(first, "dn-2", LATER, "0001", "0001");

            Prescription amended = second.amendDispense(PHARMACY, "dn-2-amended", "dn-2", itemStatuses("0001", "0002"),
                    ANY_ISSUE, LATER.plusSeconds(60));

            Issue issue = amended.issue(1);
            assertThat(issue.status().code()).isEqualTo("0006");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0002"));
            assertThat(issue.dispenses()).extracting(DispenseRecord::notificationId).containsExactly("dn-1", "dn-2-amended");
            assertThat(issue.dispenses().get(1).statusBefore()).isEqualTo(PrescriptionStatus.WITH_DISPENSER_ACTIVE);
            assertThat(issue.dispenses().get(1).itemsBefore()).isEqualTo(itemStatuses("0001", "0004"));
        }

        @Test
        void amend_of_a_notification_that_is_not_the_latest_is_refused() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");
            Prescription second = dispense(first, "dn-2", LATER, "0001", "0001");

            assertRefused(() -> second.amendDispense(PHARMACY, "dn-1-amended", "dn-1", itemStatuses("0001", "0001"),
                    ANY_ISSUE, LATER), ErrorCode.DISPENSE_AMEND_IDENTIFIER_MISMATCH);
        }

        @Test
        void amend_of_a_notification_never_sent_is_refused() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.amendDispense(PHARMACY, "dn-2", "dn-unknown", itemStatuses("0002"),
                    ANY_ISSUE, LATER), ErrorCode.DISPENSE_AMEND_IDENTIFIER_MISMATCH);
        }

        @Test
        void amend_by_another_dispenser_is_refused() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.amendDispense(OTHER_PHARMACY, "dn-2", "dn-1", itemStatuses("0002"),
                    ANY_ISSUE, LATER), ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void amend_before_any_notification_is_refused() {
            Prescription prescription = released(1);

            assertRefused(() -> prescription.amendDispense(PHARMACY, "dn-2", "dn-1", itemStatuses("0001"),
                    ANY_ISSUE, LATER), ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }
    }

    @Nested
    class WithdrawDispense {

        @Test
        void withdrawing_the_only_notification_of_an_acute_0003_puts_it_back_to_0002_with_items_0008() {
            Prescription active = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            Prescription withdrawn = active.withdrawDispense(PHARMACY, ANY_ISSUE, LATER);

            Issue issue = withdrawn.issue(1);
            assertThat(issue.status().code()).isEqualTo("0002");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(issue.dispenses()).isEmpty();
            assertThat(issue.dispenser()).contains(PHARMACY);
        }

        @Test
        void withdrawing_the_only_notification_of_an_acute_0006_puts_it_back_to_0002() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            Prescription withdrawn = dispensed.withdrawDispense(PHARMACY, ANY_ISSUE, LATER);

            assertThat(withdrawn.issue(1).status().code()).isEqualTo("0002");
            assertThat(withdrawn.issue(1).itemStatuses()).isEqualTo(itemStatuses("0008"));
        }

        @Test
        void withdrawing_the_second_of_two_notifications_restores_0003_with_the_first_notifications_items() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");
            Prescription second = dispense(first, "dn-2", LATER, "0001", "0001");
            assertThat(second.issue(1).status().code()).isEqualTo("0006");

            Prescription withdrawn = second.withdrawDispense(PHARMACY, ANY_ISSUE, LATER.plusSeconds(60));

            Issue issue = withdrawn.issue(1);
            assertThat(issue.status().code()).isEqualTo("0003");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0004"));
            assertThat(issue.dispenses()).extracting(DispenseRecord::notificationId).containsExactly("dn-1");
            assertThat(issue.lastDispensedAt()).contains(DISPENSED);
        }

        @Test
        void withdrawing_the_only_notification_of_an_erd_issue_lands_0003_never_below_with_items_0008() {
            Prescription released = Prescription.create(anErdOrder(2).items(2).build(), RECEIVED)
                    .release(PHARMACY, RELEASED);
            Prescription dispensed = dispense(released, "dn-1", DISPENSED, "0001", "0001");

            Prescription withdrawn = dispensed.withdrawDispense(PHARMACY, OptionalInt.of(1), LATER);

            Issue issue = withdrawn.issue(1);
            assertThat(issue.status().code()).isEqualTo("0003");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(issue.dispenses()).isEmpty();
        }

        @Test
        void erd_issue_withdrawn_to_0003_can_be_dispensed_again() {
            Prescription released = Prescription.create(anErdOrder(2).build(), RECEIVED).release(PHARMACY, RELEASED);
            Prescription withdrawn = dispense(released, "dn-1", DISPENSED, "0001")
                    .withdrawDispense(PHARMACY, OptionalInt.of(1), LATER);

            Prescription again = withdrawn.recordDispense(PHARMACY, "dn-2", itemStatuses("0001"), OptionalInt.of(1),
                    LATER.plusSeconds(60));

            assertThat(again.issue(1).status().code()).isEqualTo("0006");
        }

        @Test
        void withdraw_with_no_notification_is_refused() {
            Prescription prescription = released(1);

            assertRefused(() -> prescription.withdrawDispense(PHARMACY, ANY_ISSUE, LATER),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void withdraw_of_an_erd_issue_whose_notifications_are_all_withdrawn_is_refused() {
            Prescription released = Prescription.create(anErdOrder(2).build(), RECEIVED).release(PHARMACY, RELEASED);
            Prescription withdrawn = dispense(released, "dn-1", DISPENSED, "0001")
                    .withdrawDispense(PHARMACY, OptionalInt.of(1), LATER);

            assertRefused(() -> withdrawn.withdrawDispense(PHARMACY, OptionalInt.of(1), LATER.plusSeconds(60)),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void withdraw_by_another_dispenser_is_refused() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.withdrawDispense(OTHER_PHARMACY, ANY_ISSUE, LATER),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @Test
        void withdraw_after_the_claim_is_refused() {
            Prescription claimed = dispense(released(1), "dn-1", DISPENSED, "0001")
                    .claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            assertRefused(() -> claimed.withdrawDispense(PHARMACY, ANY_ISSUE, LATER.plusSeconds(60)),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }
    }

    @Nested
    class Claim {

        @Test
        void claim_moves_0006_to_0008_with_the_claim_recorded() {
            Prescription dispensed = dispense(released(2), "dn-1", DISPENSED, "0001", "0002");

            Prescription claimed = dispensed.claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            Issue issue = claimed.issue(1);
            assertThat(issue.status().code()).isEqualTo("0008");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0002"));
            assertThat(issue.claim()).contains(new ClaimRecord("claim-1", LATER));
        }

        @Test
        void claim_moves_0007_to_0008() {
            Prescription notDispensed = dispense(released(1), "dn-1", DISPENSED, "0002");
            assertThat(notDispensed.issue(1).status().code()).isEqualTo("0007");

            Prescription claimed = notDispensed.claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            assertThat(claimed.issue(1).status().code()).isEqualTo("0008");
            assertThat(claimed.issue(1).claim()).contains(new ClaimRecord("claim-1", LATER));
        }

        @Test
        void claim_for_a_prescription_with_the_dispenser_is_claim_invalid_not_dispensed() {
            Prescription prescription = released(1);

            assertRefused(() -> prescription.claim(PHARMACY, "claim-1", ANY_ISSUE, LATER),
                    ErrorCode.CLAIM_INVALID_NOT_DISPENSED);
        }

        @Test
        void claim_for_a_partly_dispensed_prescription_is_claim_invalid_not_dispensed() {
            Prescription active = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");

            assertRefused(() -> active.claim(PHARMACY, "claim-1", ANY_ISSUE, LATER),
                    ErrorCode.CLAIM_INVALID_NOT_DISPENSED);
        }

        @Test
        void second_claim_for_a_claimed_prescription_is_claim_invalid_not_dispensed() {
            Prescription claimed = dispense(released(1), "dn-1", DISPENSED, "0001")
                    .claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            assertRefused(() -> claimed.claim(PHARMACY, "claim-2", ANY_ISSUE, LATER),
                    ErrorCode.CLAIM_INVALID_NOT_DISPENSED);
        }

        @Test
        void claim_by_another_dispenser_is_refused() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.claim(OTHER_PHARMACY, "claim-1", ANY_ISSUE, LATER),
                    ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER);
        }

        @ParameterizedTest(name = "{0} seconds after the last dispense: refused")
        @ValueSource(longs = {180L * 24 * 3600, 180L * 24 * 3600 + 1, 181L * 24 * 3600, 365L * 24 * 3600})
        void claim_180_days_or_more_after_the_last_dispense_is_refused(long seconds) {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED.plusSeconds(seconds)),
                    ErrorCode.CLAIM_AMEND_PERIOD_ISSUE);
        }

        @ParameterizedTest(name = "{0} seconds after the last dispense: accepted")
        @ValueSource(longs = {0, 3600, 179L * 24 * 3600, 180L * 24 * 3600 - 1})
        void claim_within_180_days_of_the_last_dispense_is_accepted(long seconds) {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            Prescription claimed = dispensed.claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED.plusSeconds(seconds));

            assertThat(claimed.issue(1).status().code()).isEqualTo("0008");
        }

        @Test
        void claim_period_counts_from_the_last_dispense_notification() {
            Prescription first = dispense(released(2), "dn-1", DISPENSED, "0001", "0004");
            Instant secondAt = DISPENSED.plus(Duration.ofDays(30));
            Prescription second = dispense(first, "dn-2", secondAt, "0001", "0001");

            Prescription claimed = second.claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED.plus(Duration.ofDays(200)));

            assertThat(claimed.issue(1).status().code()).isEqualTo("0008");
        }

        @Test
        void claim_amend_keeps_0008_and_the_first_claim_date_and_replaces_the_claim_id() {
            Prescription claimed = dispense(released(1), "dn-1", DISPENSED, "0001")
                    .claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            Prescription amended = claimed.amendClaim(PHARMACY, "claim-2", "claim-1", ANY_ISSUE, LATER.plusSeconds(3600));

            assertThat(amended.issue(1).status().code()).isEqualTo("0008");
            assertThat(amended.issue(1).claim()).contains(new ClaimRecord("claim-2", LATER));
        }

        @Test
        void claim_amend_naming_a_claim_other_than_the_latest_is_refused() {
            Prescription amended = dispense(released(1), "dn-1", DISPENSED, "0001")
                    .claim(PHARMACY, "claim-1", ANY_ISSUE, LATER)
                    .amendClaim(PHARMACY, "claim-2", "claim-1", ANY_ISSUE, LATER.plusSeconds(3600));

            assertRefused(() -> amended.amendClaim(PHARMACY, "claim-3", "claim-1", ANY_ISSUE, LATER.plusSeconds(7200)),
                    ErrorCode.DISPENSE_AMEND_IDENTIFIER_MISMATCH);
        }

        @Test
        void claim_amend_before_any_claim_is_refused() {
            Prescription dispensed = dispense(released(1), "dn-1", DISPENSED, "0001");

            assertRefused(() -> dispensed.amendClaim(PHARMACY, "claim-2", "claim-1", ANY_ISSUE, LATER),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void claim_amend_180_days_after_the_last_dispense_is_refused() {
            Prescription claimed = dispense(released(1), "dn-1", DISPENSED, "0001")
                    .claim(PHARMACY, "claim-1", ANY_ISSUE, LATER);

            assertRefused(() -> claimed.amendClaim(PHARMACY, "claim-2", "claim-1", ANY_ISSUE,
                    DISPENSED.plus(Prescription.CLAIM_PERIOD)), ErrorCode.CLAIM_AMEND_PERIOD_ISSUE);
        }
    }

    /** eRD with 7 issues, 28 days each, starting 2026-03-10: issue n may be downloaded from start + 28(n-1) - 7. */
    @Nested
    class RepeatDispensing {

        private static final LocalDate[] DOWNLOAD_DATES = {
            LocalDate.of(2026, 3, 10),
            LocalDate.of(2026, 3, 31),
            LocalDate.of(2026, 4, 28),
            LocalDate.of(2026, 5, 26),
            LocalDate.of(2026, 6, 23),
            LocalDate.of(2026, 7, 21),
            LocalDate.of(2026, 8, 18),
        };

        private static Prescription erd() {
            return Prescription.create(anErdOrder(7).items(2).build(), RECEIVED);
        }

        private static Instant on(LocalDate date, int hourUtc) {
            return date.atTime(hourUtc, 0).toInstant(ZoneOffset.UTC);
        }

        private static Prescription issueOneDispensedOn(Instant at) {
            return erd().release(PHARMACY, RELEASED)
                    .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0001"), OptionalInt.of(1), at);
        }

        @Test
        void download_dates_are_the_start_plus_days_supply_times_n_minus_1_less_7_days() {
            Prescription prescription = erd();

            for (int n = 1; n <= 7; n++) {
                assertThat(prescription.availableFrom(n)).as("issue %d", n).isEqualTo(DOWNLOAD_DATES[n - 1]);
            }
        }

        @Test
        void issue_1_dispensed_before_issue_2_is_due_leaves_issue_2_awaiting_release_ready() {
            Prescription prescription = issueOneDispensedOn(DISPENSED);

            assertThat(prescription.issues()).extracting(issue -> issue.status().code())
                    .containsExactly("0006", "0000", "9000", "9000", "9000", "9000", "9000");
            assertThat(prescription.currentIssue().number()).isEqualTo(2);
            assertThat(prescription.issue(2).itemStatuses()).isEqualTo(itemStatuses("0007", "0007"));
        }

        @Test
        void issue_1_dispensed_after_issue_2_is_due_makes_issue_2_available_at_once() {
            Prescription prescription = issueOneDispensedOn(on(LocalDate.of(2026, 4, 1), 10));

            assertThat(prescription.issues()).extracting(issue -> issue.status().code())
                    .containsExactly("0006", "0001", "9000", "9000", "9000", "9000", "9000");
        }

        @Test
        void issue_1_dispensed_on_issue_2_download_date_makes_issue_2_available_at_once() {
            Prescription prescription = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10));

            assertThat(prescription.issue(2).status().code()).isEqualTo("0001");
        }

        @Test
        void issue_1_not_dispensed_also_opens_issue_2() {
            Prescription prescription = erd().release(PHARMACY, RELEASED)
                    .recordDispense(PHARMACY, "dn-1", itemStatuses("0002", "0002"), OptionalInt.of(1), DISPENSED);

            assertThat(prescription.issue(1).status().code()).isEqualTo("0007");
            assertThat(prescription.issue(2).status().code()).isEqualTo("0000");
        }

        @Test
        void issue_1_partly_dispensed_does_not_open_issue_2() {
            Prescription prescription = erd().release(PHARMACY, RELEASED)
                    .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0004"), OptionalInt.of(1), DISPENSED);

            assertThat(prescription.issue(1).status().code()).isEqualTo("0003");
            assertThat(prescription.issue(2).status().code()).isEqualTo("9000");
        }

        @Test
        void issue_2_cannot_be_released_before_its_download_date() {
            Prescription prescription = issueOneDispensedOn(DISPENSED);

            assertRefused(() -> prescription.release(PHARMACY, LATER), ErrorCode.PRESCRIPTION_NOT_YET_AVAILABLE);
        }

        @ParameterizedTest(name = "naming issue {0}")
        @ValueSource(ints = {1, 3, 7, 8})
        void dispense_notification_naming_another_issue_than_the_one_with_the_dispenser_is_max_repeat_mismatch(
                int named) {
            Prescription issueTwoReleased = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .release(PHARMACY, on(DOWNLOAD_DATES[1], 11));
            assertThat(issueTwoReleased.issue(2).status().code()).isEqualTo("0002");

            assertRefused(() -> issueTwoReleased.recordDispense(PHARMACY, "dn-2", itemStatuses("0001", "0001"),
                    OptionalInt.of(named), on(DOWNLOAD_DATES[1], 12)), ErrorCode.MAX_REPEAT_MISMATCH);
        }

        @Test
        void dispense_notification_naming_the_issue_with_the_dispenser_is_accepted() {
            Prescription issueTwoReleased = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .release(PHARMACY, on(DOWNLOAD_DATES[1], 11));

            Prescription prescription = issueTwoReleased.recordDispense(PHARMACY, "dn-2",
                    itemStatuses("0001", "0001"), OptionalInt.of(2), on(DOWNLOAD_DATES[1], 12));

            assertThat(prescription.issue(2).status().code()).isEqualTo("0006");
            assertThat(prescription.issue(3).status().code()).isEqualTo("0000");
        }

        @Test
        void withdrawing_issue_1_notification_while_issue_2_awaits_puts_issue_2_back_to_9000() {
            Prescription prescription = issueOneDispensedOn(DISPENSED);
            assertThat(prescription.issue(2).status().code()).isEqualTo("0000");

            Prescription withdrawn = prescription.withdrawDispense(PHARMACY, OptionalInt.of(1), LATER);

            assertThat(withdrawn.issues()).extracting(issue -> issue.status().code())
                    .containsExactly("0003", "9000", "9000", "9000", "9000", "9000", "9000");
            assertThat(withdrawn.issue(1).itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(withdrawn.currentIssue().number()).isEqualTo(1);
        }

        @Test
        void withdrawing_issue_1_notification_while_issue_2_is_available_but_not_released_puts_issue_2_back_to_9000() {
            Prescription prescription = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10));
            assertThat(prescription.issue(2).status().code()).isEqualTo("0001");

            Prescription withdrawn = prescription.withdrawDispense(PHARMACY, OptionalInt.of(1), on(DOWNLOAD_DATES[1], 11));

            assertThat(withdrawn.issue(1).status().code()).isEqualTo("0003");
            assertThat(withdrawn.issue(2).status().code()).isEqualTo("9000");
        }

        @Test
        void withdrawing_issue_1_notification_after_issue_2_was_released_is_refused() {
            Prescription issueTwoReleased = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .release(OTHER_PHARMACY, on(DOWNLOAD_DATES[1], 11));

            assertRefused(() -> issueTwoReleased.withdrawDispense(PHARMACY, OptionalInt.of(1), on(DOWNLOAD_DATES[1], 12)),
                    ErrorCode.INVALID_LINE_STATE_TRANSITION);
        }

        @Test
        void amending_issue_1_notification_to_a_partial_dispense_closes_issue_2_again() {
            Prescription prescription = issueOneDispensedOn(DISPENSED);

            Prescription amended = prescription.amendDispense(PHARMACY, "dn-1-amended", "dn-1",
                    itemStatuses("0001", "0004"), OptionalInt.of(1), LATER);

            assertThat(amended.issue(1).status().code()).isEqualTo("0003");
            assertThat(amended.issue(2).status().code()).isEqualTo("9000");
        }

        @Test
        void issue_2_may_go_to_another_dispenser_while_issue_1_is_claimed_by_its_own() {
            Prescription prescription = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .release(OTHER_PHARMACY, on(DOWNLOAD_DATES[1], 11))
                    .claim(PHARMACY, "claim-1", OptionalInt.of(1), on(DOWNLOAD_DATES[1], 12));

            assertThat(prescription.issue(1).status().code()).isEqualTo("0008");
            assertThat(prescription.issue(1).dispenser()).contains(PHARMACY);
            assertThat(prescription.issue(2).status().code()).isEqualTo("0002");
            assertThat(prescription.issue(2).dispenser()).contains(OTHER_PHARMACY);
        }

        /** Issue 1 dispensed (0006, not claimed) on issue 2's download date; issue 2 released and partly dispensed. */
        private static Prescription issueTwoPartlyDispensed() {
            Prescription prescription = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .release(PHARMACY, on(DOWNLOAD_DATES[1], 11))
                    .recordDispense(PHARMACY, "dn-2", itemStatuses("0001", "0004"), OptionalInt.of(2),
                            on(DOWNLOAD_DATES[1], 12));
            assertThat(prescription.issues()).extracting(issue -> issue.status().code())
                    .containsExactly("0006", "0003", "9000", "9000", "9000", "9000", "9000");
            return prescription;
        }

        @Test
        void withdraw_without_an_issue_number_takes_back_the_latest_notification_of_the_prescription() {
            Prescription prescription = issueTwoPartlyDispensed();

            Prescription withdrawn = prescription.withdrawDispense(PHARMACY, ANY_ISSUE, on(DOWNLOAD_DATES[1], 13));

            assertThat(withdrawn.issue(1)).isEqualTo(prescription.issue(1));
            assertThat(withdrawn.issue(2).status().code()).isEqualTo("0003");
            assertThat(withdrawn.issue(2).itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
            assertThat(withdrawn.issue(2).dispenses()).isEmpty();
        }

        @Test
        void amend_without_an_issue_number_replaces_the_latest_notification_of_the_prescription() {
            Prescription prescription = issueTwoPartlyDispensed();

            Prescription amended = prescription.amendDispense(PHARMACY, "dn-2-amended", "dn-2",
                    itemStatuses("0001", "0001"), ANY_ISSUE, on(DOWNLOAD_DATES[1], 13));

            assertThat(amended.issue(1)).isEqualTo(prescription.issue(1));
            assertThat(amended.issue(2).status().code()).isEqualTo("0006");
            assertThat(amended.issue(2).dispenses()).extracting(DispenseRecord::notificationId)
                    .containsExactly("dn-2-amended");
        }

        @Test
        void claim_amend_without_an_issue_number_amends_the_claim_it_replaces() {
            Instant issueTwoClaimed = on(DOWNLOAD_DATES[1], 14);
            Prescription prescription = issueOneDispensedOn(on(DOWNLOAD_DATES[1], 10))
                    .claim(PHARMACY, "claim-1", OptionalInt.of(1), on(DOWNLOAD_DATES[1], 11))
                    .release(PHARMACY, on(DOWNLOAD_DATES[1], 12))
                    .recordDispense(PHARMACY, "dn-2", itemStatuses("0001", "0001"), OptionalInt.of(2),
                            on(DOWNLOAD_DATES[1], 13))
                    .claim(PHARMACY, "claim-2", OptionalInt.of(2), issueTwoClaimed);

            Prescription amended = prescription.amendClaim(PHARMACY, "claim-2-amended", "claim-2", ANY_ISSUE,
                    on(DOWNLOAD_DATES[1], 15));

            assertThat(amended.issue(1).claim()).contains(new ClaimRecord("claim-1", on(DOWNLOAD_DATES[1], 11)));
            assertThat(amended.issue(2).claim()).contains(new ClaimRecord("claim-2-amended", issueTwoClaimed));
        }

        @Test
        void all_seven_issues_are_released_dispensed_and_claimed_one_after_another_as_the_clock_moves() {
            Prescription prescription = erd();

            for (int n = 1; n <= 7; n++) {
                LocalDate due = DOWNLOAD_DATES[n - 1];
                OdsCode dispenser = n % 2 == 1 ? PHARMACY : OTHER_PHARMACY;
                if (n > 1) {
                    assertThat(prescription.issue(n).status().code()).as("issue %d before due", n).isEqualTo("0000");
                    assertThat(prescription.makeAvailableDue(on(due.minusDays(1), 10))).as("issue %d", n).isEmpty();
                    prescription = prescription.makeAvailableDue(on(due, 8)).orElseThrow();
                }
                assertThat(prescription.currentIssue().number()).isEqualTo(n);
                assertThat(prescription.issue(n).status().code()).as("issue %d when due", n).isEqualTo("0001");

                prescription = prescription.release(dispenser, on(due, 9));
                assertThat(prescription.issue(n).status().code()).isEqualTo("0002");
                prescription = prescription.recordDispense(dispenser, "dn-" + n, itemStatuses("0001", "0001"),
                        OptionalInt.of(n), on(due, 10));
                assertThat(prescription.issue(n).status().code()).isEqualTo("0006");
                prescription = prescription.claim(dispenser, "claim-" + n, OptionalInt.of(n), on(due, 11));

                Issue issue = prescription.issue(n);
                assertThat(issue.status().code()).as("issue %d", n).isEqualTo("0008");
                assertThat(issue.dispenser()).contains(dispenser);
                assertThat(issue.claim()).contains(new ClaimRecord("claim-" + n, on(due, 11)));
                if (n < 7) {
                    assertThat(prescription.issue(n + 1).status().code()).as("issue %d", n + 1).isEqualTo("0000");
                }
                for (int later = n + 2; later <= 7; later++) {
                    assertThat(prescription.issue(later).status().code()).as("issue %d", later).isEqualTo("9000");
                }
            }

            assertThat(prescription.issues()).extracting(issue -> issue.status().code()).containsOnly("0008");
            assertThat(prescription.issues()).allSatisfy(issue ->
                    assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0001")));
            assertThat(prescription.currentIssue().number()).isEqualTo(7);
            assertThat(prescription.makeAvailableDue(on(DOWNLOAD_DATES[6].plusDays(60), 10))).isEmpty();
            assertThat(prescription.expireDue(on(LocalDate.of(2027, 3, 10), 10))).isEmpty();
        }
    }
}
