package org.openeps.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PatientItemStatus.Phase;

/**
 * What the patient is told about each item ({@link PatientStatusRules}): a prescription is driven through the
 * aggregate's own moves, each recorded in its history as the service records it, and pharmacy status updates are
 * added; then the rules are asked at a given moment.
 */
class PatientStatusRulesTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T09:30:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final OdsCode HOLDER = new OdsCode("FA565");
    private static final OdsCode OTHER_PHARMACY = new OdsCode("FCG71");
    private static final OdsCode PRACTICE = new OdsCode("A83008");
    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final PrescriptionId ID = new PrescriptionId("A0548B-A99968-451485");
    private static final LineItemId ITEM_1 = itemId(1);
    private static final LineItemId ITEM_2 = itemId(2);

    // ---- before release -----------------------------------------------------------------------------------------

    @Nested
    class Before_release {

        @Test
        void a_new_prescription_is_prescriber_approved_since_it_arrived() {
            Scenario scenario = Scenario.created(2);

            assertThat(scenario.at(RECEIVED.plus(Duration.ofDays(3))))
                    .containsExactly(Map.entry(ITEM_1, active(PatientFacingStatus.PRESCRIBER_APPROVED, RECEIVED)),
                            Map.entry(ITEM_2, active(PatientFacingStatus.PRESCRIBER_APPROVED, RECEIVED)));
        }

        @Test
        void a_returned_prescription_is_prescriber_approved_again_whatever_its_former_dispenser_said() {
            Scenario scenario = Scenario.created(1).release(RELEASED)
                    .update(HOLDER, ITEM_1, BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .move(RELEASED.plusSeconds(600), "return", p -> p.returnToSpine(HOLDER, RELEASED.plusSeconds(600)));

            assertThat(scenario.at(RELEASED.plus(Duration.ofHours(3))).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.PRESCRIBER_APPROVED);
        }
    }

    // ---- a dispenser that sends no status updates -----------------------------------------------------------------

    @Nested
    class Released_to_a_dispenser_that_sends_no_status_updates {

        private final Scenario scenario = Scenario.created(2).release(RELEASED);

        @Test
        void is_prescriber_approved_at_the_moment_of_release() {
            assertThat(scenario.at(RELEASED).get(ITEM_1)).isEqualTo(active(PatientFacingStatus.PRESCRIBER_APPROVED, RECEIVED));
        }

        @Test
        void is_still_prescriber_approved_one_millisecond_before_sixty_minutes() {
            assertThat(scenario.at(RELEASED.plus(Duration.ofMinutes(60)).minusMillis(1)).values())
                    .extracting(PatientItemStatus::status)
                    .containsOnly(PatientFacingStatus.PRESCRIBER_APPROVED);
        }

        @Test
        void is_with_pharmacy_but_tracking_not_supported_from_sixty_minutes_after_release() {
            assertThat(scenario.at(RELEASED.plus(Duration.ofMinutes(60))))
                    .containsExactly(
                            Map.entry(ITEM_1, active(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED, RELEASED)),
                            Map.entry(ITEM_2, active(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED, RELEASED)));
        }

        @Test
        void stays_tracking_not_supported_after_it_is_dispensed() {
            Instant dispensed = RELEASED.plus(Duration.ofHours(2));
            Scenario dispensedScenario = scenario.dispense(dispensed, "0001", "0001");

            assertThat(dispensedScenario.at(dispensed.plus(Duration.ofDays(30))).values())
                    .extracting(PatientItemStatus::status)
                    .containsOnly(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED);
        }

        @Test
        void the_sixty_minutes_run_from_the_latest_release_when_it_was_returned_and_released_again() {
            Instant again = RELEASED.plus(Duration.ofHours(5));
            Scenario releasedAgain = scenario
                    .move(RELEASED.plus(Duration.ofHours(4)), "return", p -> p.returnToSpine(HOLDER, RELEASED))
                    .release(again);

            assertThat(releasedAgain.at(again.plus(Duration.ofMinutes(59))).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.PRESCRIBER_APPROVED);
            assertThat(releasedAgain.at(again.plus(Duration.ofMinutes(60))).get(ITEM_1))
                    .isEqualTo(active(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED, again));
        }

        @Test
        void without_a_recorded_release_the_sixty_minutes_run_from_when_the_prescription_arrived() {
            Scenario noHistory = scenario.withoutHistory();

            assertThat(noHistory.at(RECEIVED.plus(Duration.ofMinutes(59))).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.PRESCRIBER_APPROVED);
            assertThat(noHistory.at(RECEIVED.plus(Duration.ofMinutes(60))).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED);
        }
    }

    // ---- the holder's status updates ------------------------------------------------------------------------------

    @Nested
    class Status_updates_from_the_dispenser_holding_it {

        private final Scenario released = Scenario.created(2).release(RELEASED);

        @ParameterizedTest
        @EnumSource(BusinessStatus.class)
        void each_business_status_is_shown_in_its_own_words_since_its_last_modified(BusinessStatus businessStatus) {
            TaskStatus taskStatus = businessStatus.allows(TaskStatus.IN_PROGRESS) ? TaskStatus.IN_PROGRESS : TaskStatus.COMPLETED;
            Instant modified = RELEASED.plusSeconds(300);

            PatientItemStatus status = released.update(HOLDER, ITEM_1, businessStatus, taskStatus, modified)
                    .at(RELEASED.plusSeconds(600)).get(ITEM_1);

            assertThat(status.status().text()).isEqualTo(businessStatus.code());
            assertThat(status).isEqualTo(active(PatientFacingStatus.of(businessStatus), modified));
        }

        @Test
        void an_update_counts_even_within_the_first_sixty_minutes() {
            PatientItemStatus status = released
                    .update(HOLDER, ITEM_1, BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .at(RELEASED.plusSeconds(120)).get(ITEM_1);

            assertThat(status.status()).isEqualTo(PatientFacingStatus.WITH_PHARMACY);
        }

        @Test
        void items_it_has_said_nothing_about_are_with_pharmacy_once_it_has_sent_anything_about_the_prescription() {
            Map<LineItemId, PatientItemStatus> statuses = released
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .at(RELEASED.plusSeconds(120));

            assertThat(statuses.get(ITEM_1).status()).isEqualTo(PatientFacingStatus.READY_TO_COLLECT);
            assertThat(statuses.get(ITEM_2)).isEqualTo(active(PatientFacingStatus.WITH_PHARMACY, RELEASED));
        }

        @Test
        void the_newest_last_modified_wins_whatever_order_they_arrived_in() {
            Scenario scenario = released
                    .update(HOLDER, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, RELEASED.plusSeconds(900))
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(600));

            assertThat(scenario.at(RELEASED.plusSeconds(1000)).get(ITEM_1).status()).isEqualTo(PatientFacingStatus.COLLECTED);
        }

        @Test
        void of_two_with_the_same_last_modified_the_one_received_later_wins() {
            Instant modified = RELEASED.plusSeconds(600);
            Scenario scenario = released
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, modified, modified.plusSeconds(5))
                    .update(HOLDER, ITEM_1, BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, modified, modified.plusSeconds(1));

            assertThat(scenario.at(RELEASED.plusSeconds(1000)).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.READY_TO_COLLECT);
        }

        @Test
        void an_update_dated_in_the_future_does_not_count_until_its_time_comes() {
            Instant ahead = RELEASED.plus(Duration.ofHours(3));
            Scenario scenario = released
                    .update(HOLDER, ITEM_1, BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, ahead);

            assertThat(scenario.at(ahead.minusMillis(1)).get(ITEM_1).status()).isEqualTo(PatientFacingStatus.WITH_PHARMACY);
            assertThat(scenario.at(ahead).get(ITEM_1).status()).isEqualTo(PatientFacingStatus.READY_TO_COLLECT);
        }

        @Test
        void a_future_dated_update_alone_still_shows_the_pharmacy_tracks_its_items() {
            PatientItemStatus status = released
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, RELEASED.plus(Duration.ofHours(5)))
                    .at(RELEASED.plus(Duration.ofHours(2))).get(ITEM_1);

            assertThat(status).isEqualTo(active(PatientFacingStatus.WITH_PHARMACY, RELEASED));
        }

        @Test
        void updates_from_any_other_pharmacy_are_ignored_and_do_not_make_the_holder_tracked() {
            Scenario scenario = released
                    .update(OTHER_PHARMACY, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60));

            assertThat(scenario.at(RELEASED.plusSeconds(120)).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.PRESCRIBER_APPROVED);
            assertThat(scenario.at(RELEASED.plus(Duration.ofHours(2))).get(ITEM_1).status())
                    .isEqualTo(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED);
        }

        @Test
        void an_update_from_another_pharmacy_newer_than_the_holders_does_not_win() {
            Scenario scenario = released
                    .update(HOLDER, ITEM_1, BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .update(OTHER_PHARMACY, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, RELEASED.plusSeconds(600));

            assertThat(scenario.at(RELEASED.plusSeconds(900)).get(ITEM_1).status()).isEqualTo(PatientFacingStatus.WITH_PHARMACY);
        }

        @Test
        void a_dispensed_item_shows_the_pharmacys_collected() {
            Instant dispensed = RELEASED.plus(Duration.ofHours(1));
            PatientItemStatus status = released.dispense(dispensed, "0001", "0001")
                    .update(HOLDER, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, dispensed.plusSeconds(10))
                    .at(dispensed.plusSeconds(60)).get(ITEM_1);

            assertThat(status).isEqualTo(active(PatientFacingStatus.COLLECTED, dispensed.plusSeconds(10)));
        }
    }

    // ---- completed after a week -----------------------------------------------------------------------------------

    @Nested
    class Terminal_updates_count_as_completed_after_seven_days {

        private final Instant collected = RELEASED.plus(Duration.ofHours(2));
        private final Scenario scenario = Scenario.created(1).release(RELEASED)
                .update(HOLDER, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, collected);

        @Test
        void active_exactly_seven_days_after() {
            assertThat(scenario.at(collected.plus(Duration.ofDays(7))).get(ITEM_1))
                    .isEqualTo(new PatientItemStatus(PatientFacingStatus.COLLECTED, collected, Phase.ACTIVE));
        }

        @Test
        void completed_once_more_than_seven_days_have_passed() {
            assertThat(scenario.at(collected.plus(Duration.ofDays(7)).plusMillis(1)).get(ITEM_1))
                    .isEqualTo(new PatientItemStatus(PatientFacingStatus.COLLECTED, collected, Phase.COMPLETED));
        }

        @Test
        void a_ready_status_sent_as_completed_is_terminal_too() {
            PatientItemStatus status = Scenario.created(1).release(RELEASED)
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.COMPLETED, collected)
                    .at(collected.plus(Duration.ofDays(8))).get(ITEM_1);

            assertThat(status.phase()).isEqualTo(Phase.COMPLETED);
        }

        @Test
        void an_update_still_in_progress_never_completes() {
            PatientItemStatus status = Scenario.created(1).release(RELEASED)
                    .update(HOLDER, ITEM_1, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, collected)
                    .at(collected.plus(Duration.ofDays(60))).get(ITEM_1);

            assertThat(status).isEqualTo(active(PatientFacingStatus.READY_TO_COLLECT, collected));
        }
    }

    // ---- cancelled, not dispensed, expired ------------------------------------------------------------------------

    @Nested
    class Cancelled_not_dispensed_and_expired_items {

        @Test
        void a_cancelled_item_is_prescriber_cancelled_since_the_cancellation() {
            Instant cancelledAt = RECEIVED.plus(Duration.ofHours(1));
            Map<LineItemId, PatientItemStatus> statuses = Scenario.created(2)
                    .move(cancelledAt, "cancel", p -> p.cancel(PRACTICE, Optional.empty(), PATIENT, Optional.of(ITEM_2),
                            "0001", cancelledAt).prescription())
                    .at(cancelledAt.plusSeconds(60));

            assertThat(statuses).containsExactly(
                    Map.entry(ITEM_1, active(PatientFacingStatus.PRESCRIBER_APPROVED, RECEIVED)),
                    Map.entry(ITEM_2, new PatientItemStatus(PatientFacingStatus.PRESCRIBER_CANCELLED, cancelledAt,
                            Phase.CANCELLED)));
        }

        @Test
        void a_cancelled_item_stays_prescriber_cancelled_whatever_the_holder_says_about_it() {
            Instant cancelledAt = RECEIVED.plus(Duration.ofMinutes(10));
            PatientItemStatus status = Scenario.created(2)
                    .move(cancelledAt, "cancel", p -> p.cancel(PRACTICE, Optional.empty(), PATIENT, Optional.of(ITEM_2),
                            "0001", cancelledAt).prescription())
                    .release(RELEASED)
                    .update(HOLDER, ITEM_2, BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, RELEASED.plusSeconds(60))
                    .at(RELEASED.plusSeconds(120)).get(ITEM_2);

            assertThat(status).isEqualTo(new PatientItemStatus(PatientFacingStatus.PRESCRIBER_CANCELLED, cancelledAt,
                    Phase.CANCELLED));
        }

        @Test
        void a_whole_cancelled_prescription_is_prescriber_cancelled_throughout() {
            Map<LineItemId, PatientItemStatus> statuses = Scenario.created(2)
                    .move(RELEASED, "cancel", p -> p.cancel(PRACTICE, Optional.empty(), PATIENT, Optional.empty(),
                            "0001", RELEASED).prescription())
                    .at(RELEASED.plus(Duration.ofDays(30)));

            assertThat(statuses.values()).containsOnly(
                    new PatientItemStatus(PatientFacingStatus.PRESCRIBER_CANCELLED, RELEASED, Phase.CANCELLED));
        }

        @Test
        void an_item_the_dispenser_did_not_dispense_is_not_dispensed_and_stopped() {
            Instant dispensed = RELEASED.plus(Duration.ofHours(2));
            Map<LineItemId, PatientItemStatus> statuses = Scenario.created(2).release(RELEASED)
                    .dispense(dispensed, "0001", "0002")
                    .at(dispensed.plus(Duration.ofHours(1)));

            assertThat(statuses.get(ITEM_1).status()).isEqualTo(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED);
            assertThat(statuses.get(ITEM_2)).isEqualTo(new PatientItemStatus(PatientFacingStatus.NOT_DISPENSED, dispensed,
                    Phase.STOPPED));
        }

        @Test
        void a_not_dispensed_item_stays_not_dispensed_when_the_holder_tracks_only_its_other_items() {
            Instant dispensed = RELEASED.plus(Duration.ofHours(2));
            PatientItemStatus status = Scenario.created(2).release(RELEASED)
                    .update(HOLDER, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, dispensed)
                    .dispense(dispensed, "0001", "0002")
                    .at(dispensed.plus(Duration.ofHours(1))).get(ITEM_2);

            assertThat(status.status()).isEqualTo(PatientFacingStatus.NOT_DISPENSED);
        }

        @Test
        void the_holders_own_update_about_a_not_dispensed_item_is_shown() {
            Instant dispensed = RELEASED.plus(Duration.ofHours(2));
            PatientItemStatus status = Scenario.created(2).release(RELEASED)
                    .update(HOLDER, ITEM_2, BusinessStatus.NOT_DISPENSED, TaskStatus.COMPLETED, dispensed.plusSeconds(5))
                    .dispense(dispensed, "0001", "0002")
                    .at(dispensed.plus(Duration.ofDays(8))).get(ITEM_2);

            assertThat(status).isEqualTo(new PatientItemStatus(PatientFacingStatus.NOT_DISPENSED, dispensed.plusSeconds(5),
                    Phase.COMPLETED));
        }

        @Test
        void an_expired_prescription_is_not_dispensed_and_stopped_since_it_expired() {
            Instant expiry = Instant.parse("2026-09-10T12:00:00Z");
            Map<LineItemId, PatientItemStatus> statuses = Scenario.created(2)
                    .move(expiry, "expire", p -> p.expireDue(expiry).orElseThrow())
                    .at(expiry.plus(Duration.ofDays(1)));

            assertThat(statuses.values()).containsOnly(
                    new PatientItemStatus(PatientFacingStatus.NOT_DISPENSED, expiry, Phase.STOPPED));
        }
    }

    // ---- issues -------------------------------------------------------------------------------------------------

    @Test
    void updates_about_another_issue_of_a_repeat_dispensing_prescription_do_not_count() {
        Instant dispensed = RELEASED.plus(Duration.ofHours(1));
        Scenario scenario = Scenario.erd(2)
                .release(RELEASED)
                .update(HOLDER, ITEM_1, BusinessStatus.COLLECTED, TaskStatus.COMPLETED, dispensed)
                .dispense(dispensed, "0001")
                .move(RELEASED.plus(Duration.ofDays(25)), "make-available",
                        p -> p.makeAvailableDue(RELEASED.plus(Duration.ofDays(25))).orElseThrow())
                .release(RELEASED.plus(Duration.ofDays(25)));

        assertThat(scenario.prescription.currentIssue().number()).isEqualTo(2);
        assertThat(scenario.at(RELEASED.plus(Duration.ofDays(25)).plus(Duration.ofHours(2))).get(ITEM_1).status())
                .isEqualTo(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED);
    }

    @Test
    void every_business_status_has_a_patient_facing_status_of_the_same_words() {
        for (BusinessStatus status : BusinessStatus.values()) {
            assertThat(PatientFacingStatus.of(status).text()).isEqualTo(status.code());
            assertThat(PatientFacingStatus.fromText(status.code())).contains(PatientFacingStatus.of(status));
        }
        assertThat(EnumSet.allOf(PatientFacingStatus.class)).extracting(PatientFacingStatus::text).contains(
                "Prescriber Approved", "Prescriber Cancelled", "With Pharmacy but Tracking not Supported");
    }

    @Test
    void only_the_ready_to_collect_statuses_are_ready_to_collect() {
        assertThat(EnumSet.allOf(PatientFacingStatus.class).stream().filter(PatientFacingStatus::readyToCollect))
                .containsExactlyInAnyOrder(PatientFacingStatus.READY_TO_COLLECT, PatientFacingStatus.READY_TO_COLLECT_PARTIAL);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static PatientItemStatus active(PatientFacingStatus status, Instant since) {
        return new PatientItemStatus(status, since, Phase.ACTIVE);
    }

    private static LineItemId itemId(int n) {
        return new LineItemId(String.format(Locale.ROOT, "a54219b8-f741-4c47-b662-%012d", n));
    }

    /** A prescription moved along as the service moves it, with the history it records and the updates received. */
    private static final class Scenario {
        private final Prescription prescription;
        private final List<HistoryEvent> history;
        private final List<PharmacyStatus> updates;

        private Scenario(Prescription prescription, List<HistoryEvent> history, List<PharmacyStatus> updates) {
            this.prescription = prescription;
            this.history = List.copyOf(history);
            this.updates = List.copyOf(updates);
        }

        static Scenario created(int items) {
            return create(order(items, TreatmentType.ACUTE, 1));
        }

        static Scenario erd(int issues) {
            return create(order(1, TreatmentType.REPEAT_DISPENSING, issues));
        }

        private static Scenario create(PrescriptionOrder order) {
            Prescription prescription = Prescription.create(order, RECEIVED);
            List<HistoryEvent> events = new ArrayList<>();
            prescription.issues().forEach(issue -> events.add(HistoryEvent.of(prescription, issue, RECEIVED,
                    Actor.of(PRACTICE, Optional.empty()), "prescription-order", Optional.empty())));
            return new Scenario(prescription, events, List.of());
        }

        Scenario release(Instant at) {
            return move(at, "release", p -> p.release(HOLDER, at));
        }

        /** A dispense notification from the holder, item statuses by EPS code. */
        Scenario dispense(Instant at, String... codes) {
            Map<LineItemId, ItemStatus> reported = new LinkedHashMap<>();
            for (int n = 1; n <= codes.length; n++) {
                reported.put(itemId(n), ItemStatus.fromCode(codes[n - 1]));
            }
            return move(at, "dispense-notification",
                    p -> p.recordDispense(HOLDER, "notification-" + at, reported, OptionalInt.empty(), at));
        }

        /** A move, recorded for every issue it changed, as the service records it. */
        Scenario move(Instant at, String event, UnaryOperator<Prescription> change) {
            Prescription after = change.apply(prescription);
            List<HistoryEvent> events = new ArrayList<>(history);
            after.issues().stream()
                    .filter(issue -> !issue.equals(prescription.issue(issue.number())))
                    .forEach(issue -> events.add(HistoryEvent.of(after, issue, at, Actor.of(HOLDER, Optional.empty()),
                            event, Optional.empty())));
            return new Scenario(after, events, updates);
        }

        Scenario update(OdsCode pharmacy, LineItemId item, BusinessStatus status, TaskStatus taskStatus, Instant modified) {
            return update(pharmacy, item, status, taskStatus, modified, modified);
        }

        Scenario update(OdsCode pharmacy, LineItemId item, BusinessStatus status, TaskStatus taskStatus, Instant modified,
                        Instant received) {
            List<PharmacyStatus> all = new ArrayList<>(updates);
            all.add(new PharmacyStatus("task-" + all.size(), ID, item, prescription.currentIssue().number(), PATIENT,
                    pharmacy, status, taskStatus, modified, received));
            return new Scenario(prescription, history, all);
        }

        Scenario withoutHistory() {
            return new Scenario(prescription, List.of(), updates);
        }

        Map<LineItemId, PatientItemStatus> at(Instant now) {
            return PatientStatusRules.statuses(prescription, prescription.currentIssue(), history, updates, now);
        }

        private static PrescriptionOrder order(int items, TreatmentType treatmentType, int issues) {
            List<LineItem> lineItems = new ArrayList<>();
            for (int n = 1; n <= items; n++) {
                lineItems.add(new LineItem(itemId(n), new Medication("39720311000001101", "Paracetamol 500mg soluble tablets"),
                        new Quantity(new BigDecimal("60"), "tablet"), "2 tablets up to four times a day"));
            }
            return new PrescriptionOrder(ID, new LongFormPrescriptionId("20ba5fb5-cb58-462c-923e-22d180b09356"),
                    new PrescriptionType("0101"), treatmentType,
                    new Prescriber(Optional.of("DR C BOIN"), Optional.empty(), Optional.empty(), Optional.empty(), PRACTICE,
                            Optional.of("HALLGARTH SURGERY")),
                    new Patient(PATIENT, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                    lineItems, Optional.of(new NominatedDispenser(HOLDER, DispensingSiteType.PHARMACY)),
                    Instant.parse("2026-03-10T09:00:00Z"), LocalDate.of(2026, 3, 10),
                    treatmentType == TreatmentType.REPEAT_DISPENSING ? Optional.of(28) : Optional.empty(), issues);
        }
    }
}
