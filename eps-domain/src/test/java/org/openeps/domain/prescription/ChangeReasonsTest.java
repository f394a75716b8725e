package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.item;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.itemStatuses;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * History events keep the reasons of what their change did: a cancellation's reason for what it cancelled (given, or
 * that of the pending cancellation a return or a dispense notification applies), and the dispenser's reasons for not
 * dispensing, only for the issue and the items they belong to.
 */
class ChangeReasonsTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-10T12:00:00Z");
    private static final OdsCode PRACTICE = new OdsCode("A83008");
    private static final OdsCode PHARMACY = new OdsCode("FA565");
    private static final Optional<String> DR_SMITH = Optional.of("555086689106");
    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final Actor PRESCRIBER = Actor.of(PRACTICE, DR_SMITH);
    private static final Actor DISPENSER = Actor.of(PHARMACY, Optional.empty());
    private static final LineItemId FIRST = item(1).id();
    private static final LineItemId SECOND = item(2).id();

    @Test
    void a_cancelled_item_keeps_the_cancellations_reason_and_the_prescription_stays_uncancelled() {
        Prescription before = Prescription.create(anOrder().items(2).build(), RECEIVED);
        Prescription after = cancel(before, Optional.of(FIRST), "0002");

        HistoryEvent event = event(before, after, 1, PRESCRIBER, "cancel", ReasonsGiven.cancellation("0002"));

        assertThat(event.reasons().itemCancellations()).containsExactly(Map.entry(FIRST, "0002"));
        assertThat(event.reasons().cancellation()).as("the prescription is still to be dispensed").isEmpty();
        assertThat(event.reasons().itemNonDispensing()).isEmpty();
    }

    @Test
    void cancelling_the_last_item_gives_the_prescription_the_reason_too() {
        Prescription before = cancel(Prescription.create(anOrder().items(2).build(), RECEIVED), Optional.of(FIRST), "0002");
        Prescription after = cancel(before, Optional.of(SECOND), "0005");

        HistoryEvent event = event(before, after, 1, PRESCRIBER, "cancel", ReasonsGiven.cancellation("0005"));

        assertThat(event.status()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(event.reasons().cancellation()).contains("0005");
        assertThat(event.reasons().itemCancellations())
                .as("only what this change cancelled").containsExactly(Map.entry(SECOND, "0005"));
    }

    @Test
    void an_erd_cancellation_gives_its_reason_to_every_issue_it_cancels() {
        Prescription before = Prescription.create(anErdOrder(3).build(), RECEIVED);
        Prescription after = cancel(before, Optional.empty(), "0007");

        for (int issue = 1; issue <= 3; issue++) {
            HistoryEvent event = event(before, after, issue, PRESCRIBER, "cancel", ReasonsGiven.cancellation("0007"));
            assertThat(event.reasons().cancellation()).as("issue %d", issue).contains("0007");
            assertThat(event.reasons().cancellationOf(FIRST)).as("issue %d", issue).contains("0007");
        }
    }

    @Test
    void marking_a_cancellation_pending_cancels_nothing_so_keeps_no_reason() {
        Prescription before = Prescription.create(anOrder().items(2).build(), RECEIVED).release(PHARMACY, RELEASED);
        Prescription after = cancel(before, Optional.of(FIRST), "0001");

        assertThat(after.currentIssue().pendingCancellation()).isPresent();
        assertThat(event(before, after, 1, PRESCRIBER, "cancel", ReasonsGiven.cancellation("0001")).reasons())
                .isEqualTo(ChangeReasons.NONE);
    }

    @Test
    void a_pending_cancellation_applied_on_return_keeps_its_reason_without_being_given_it() {
        Prescription released = Prescription.create(anErdOrder(2).items(2).build(), RECEIVED).release(PHARMACY, RELEASED);
        Prescription before = cancel(released, Optional.empty(), "0003");
        Prescription after = before.returnToSpine(PHARMACY, LATER);

        HistoryEvent first = event(before, after, 1, DISPENSER, "return", ReasonsGiven.NONE);
        HistoryEvent second = event(before, after, 2, DISPENSER, "return", ReasonsGiven.NONE);

        assertThat(first.status()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(first.reasons().cancellation()).contains("0003");
        assertThat(first.reasons().itemCancellations()).containsOnlyKeys(FIRST, SECOND).containsValue("0003");
        assertThat(second.reasons().cancellation()).as("an eRD cancellation applies to the later issues too")
                .contains("0003");
    }

    @Test
    void an_item_the_dispenser_reports_cancelled_while_its_cancellation_is_pending_keeps_the_prescribers_reason() {
        Prescription released = Prescription.create(anOrder().items(2).build(), RECEIVED).release(PHARMACY, RELEASED);
        Prescription before = cancel(released, Optional.of(SECOND), "0002");
        Prescription after = before.recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0005"), OptionalInt.empty(),
                LATER);

        HistoryEvent event = event(before, after, 1, DISPENSER, "dispense-notification",
                ReasonsGiven.notDispensed(Optional.empty(), Map.of(SECOND, "0004")));

        assertThat(event.reasons().cancellationOf(SECOND)).contains("0002");
        assertThat(event.reasons().nonDispensingOf(SECOND)).contains("0004");
        assertThat(event.reasons().cancellationOf(FIRST)).isEmpty();
    }

    @Test
    void a_dispensers_reasons_are_kept_for_items_not_dispensed_owing_or_cancelled_and_not_for_items_dispensed() {
        Prescription before = Prescription.create(anOrder().items(4).build(), RECEIVED).release(PHARMACY, RELEASED);
        Prescription after = before.recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0002", "0004", "0005"),
                OptionalInt.empty(), LATER);
        Map<LineItemId, String> given = Map.of(item(1).id(), "0001", item(2).id(), "0002", item(3).id(), "0003",
                item(4).id(), "0004");

        HistoryEvent event = event(before, after, 1, DISPENSER, "dispense-notification",
                ReasonsGiven.notDispensed(Optional.of("0008"), given));

        assertThat(event.reasons().itemNonDispensing()).containsOnly(Map.entry(item(2).id(), "0002"),
                Map.entry(item(3).id(), "0003"), Map.entry(item(4).id(), "0004"));
        assertThat(event.reasons().nonDispensing()).contains("0008");
        assertThat(event.reasons().itemCancellations()).as("no cancellation was pending").isEmpty();
    }

    @Test
    void the_next_erd_issue_a_notification_opens_does_not_take_its_reasons() {
        Prescription before = Prescription.create(anErdOrder(2).items(2).build(), RECEIVED).release(PHARMACY, RELEASED);
        Prescription after = before.recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0002"), OptionalInt.of(1),
                LATER);
        ReasonsGiven given = ReasonsGiven.notDispensed(Optional.of("0001"), Map.of(SECOND, "0001"));

        assertThat(event(before, after, 1, DISPENSER, "dispense-notification", given).reasons().nonDispensingOf(SECOND))
                .contains("0001");
        assertThat(after.issue(2).status()).isNotEqualTo(PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
        assertThat(event(before, after, 2, DISPENSER, "dispense-notification", given).reasons())
                .isEqualTo(ChangeReasons.NONE);
    }

    @Test
    void an_amended_notification_keeps_the_reasons_it_gives() {
        Prescription before = Prescription.create(anOrder().items(2).build(), RECEIVED).release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0004"), OptionalInt.empty(), LATER);
        Prescription after = before.amendDispense(PHARMACY, "dn-2", "dn-1", itemStatuses("0001", "0002"),
                OptionalInt.empty(), LATER);

        HistoryEvent event = event(before, after, 1, DISPENSER, "dispense-notification-amend",
                ReasonsGiven.notDispensed(Optional.empty(), Map.of(SECOND, "0010")));

        assertThat(event.reasons().nonDispensingOf(SECOND)).contains("0010");
    }

    @Test
    void the_events_factory_without_reasons_and_the_old_constructor_give_none() {
        Prescription created = Prescription.create(anOrder().build(), RECEIVED);
        HistoryEvent event = HistoryEvent.of(created, created.currentIssue(), RECEIVED, PRESCRIBER,
                "prescription-order", Optional.empty());

        assertThat(event.reasons()).isEqualTo(ChangeReasons.NONE);
        assertThat(new HistoryEvent(created.id(), 1, RECEIVED, Optional.empty(), Optional.empty(), "expire",
                PrescriptionStatus.EXPIRED, itemStatuses("0006"), Optional.empty()).reasons()).isEqualTo(ChangeReasons.NONE);
        assertThat(event.withReasons(new ChangeReasons(Optional.of("0001"), Optional.empty(), Map.of(FIRST, "0001"),
                Map.of())).reasons().cancellationOf(FIRST)).contains("0001");
    }

    @Test
    void reasons_for_items_not_in_the_event_and_blank_codes_are_refused() {
        Prescription created = Prescription.create(anOrder().build(), RECEIVED);
        HistoryEvent event = HistoryEvent.of(created, created.currentIssue(), RECEIVED, PRESCRIBER, "cancel",
                Optional.empty());

        assertThatThrownBy(() -> event.withReasons(new ChangeReasons(Optional.empty(), Optional.empty(),
                Map.of(SECOND, "0001"), Map.of())))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> new ChangeReasons(Optional.of(" "), Optional.empty(), Map.of(), Map.of()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        assertThatThrownBy(() -> ReasonsGiven.notDispensed(Optional.empty(), Map.of(FIRST, "")))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void a_non_dispensing_reason_belongs_to_items_not_dispensed_owing_or_cancelled() {
        assertThat(List.of(ItemStatus.values()).stream().filter(ChangeReasons::nonDispensingAppliesTo))
                .containsExactlyInAnyOrder(ItemStatus.NOT_DISPENSED, ItemStatus.NOT_DISPENSED_OWING, ItemStatus.CANCELLED);
    }

    private static Prescription cancel(Prescription prescription, Optional<LineItemId> item, String reason) {
        return prescription.cancel(PRACTICE, DR_SMITH, PATIENT, item, reason, RELEASED).prescription();
    }

    private static HistoryEvent event(Prescription before, Prescription after, int issue, Actor by, String name,
                                      ReasonsGiven given) {
        return HistoryEvent.of(before, after, after.issue(issue), LATER, by, name, Optional.empty(), given);
    }
}
