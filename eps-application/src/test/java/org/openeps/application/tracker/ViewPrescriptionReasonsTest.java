package org.openeps.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.InMemoryOrganisationDirectory;
import org.openeps.application.directory.Organisations;
import org.openeps.application.dispensing.DispensePrescriptionService;
import org.openeps.application.dispensing.DispensePrescriptionUseCase.DispenseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsService;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReturnPrescriptionService;
import org.openeps.application.dispensing.ReturnPrescriptionUseCase.ReturnCommand;
import org.openeps.application.dispensing.WithdrawDispenseService;
import org.openeps.application.dispensing.WithdrawDispenseUseCase.WithdrawCommand;
import org.openeps.application.prescription.CancelPrescriptionService;
import org.openeps.application.prescription.CancelPrescriptionUseCase.CancelCommand;
import org.openeps.application.prescription.InMemoryCancellationPlaceholders;
import org.openeps.application.prescription.InMemoryPrescriptionHistory;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.tracker.ViewPrescriptionUseCase.ViewPrescriptionQuery;
import org.openeps.application.tracking.InMemoryPharmacyStatuses;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The tracker shows why: the cancellation reason of what was cancelled (kept after it applied), the dispenser's
 * reason for what it did not dispense (from the notification that stands), and a pending cancellation's reason as
 * before; each timeline entry carries its own event's reasons. Driven through the real services and fakes.
 */
class ViewPrescriptionReasonsTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");
    private static final Optional<String> DR_BOIN = Optional.of("555086689106");

    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final InMemoryCancellationPlaceholders placeholders = new InMemoryCancellationPlaceholders();
    private final InMemoryTransactions transactions = new InMemoryTransactions(prescriptions, history, placeholders);
    private final PrescriptionChanges changes = new PrescriptionChanges(prescriptions, history);
    private final MovingClock clock = new MovingClock(T0);
    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();

    private final CancelPrescriptionService cancel =
            new CancelPrescriptionService(transactions, prescriptions, changes, placeholders, clock);
    private final ReleasePrescriptionsService release =
            new ReleasePrescriptionsService(transactions, prescriptions, changes, clock);
    private final DispensePrescriptionService dispense = new DispensePrescriptionService(transactions, changes, clock);
    private final WithdrawDispenseService withdraw = new WithdrawDispenseService(transactions, changes, clock);
    private final ReturnPrescriptionService returns = new ReturnPrescriptionService(transactions, changes, clock);
    private final ViewPrescriptionService view =
            new ViewPrescriptionService(prescriptions, history, new InMemoryPharmacyStatuses(), directory, clock);

    private final NhsNumber patient = newPatient();
    private final Prescription prescription = prescriptions.add(
            Prescription.create(erdOrder(newId(), patient, 1), T0), "{}");
    private final PrescriptionId id = prescription.id();
    private final LineItemId first = prescription.order().items().get(0).id();
    private final LineItemId second = prescription.order().items().get(1).id();

    ViewPrescriptionReasonsTest() {
        directory.replaceAll(List.of(Organisations.hallgarth()));
    }

    @Test
    void an_item_cancelled_and_an_item_not_dispensed_each_show_their_reason_and_the_prescription_the_dispensers() {
        cancelItem(Optional.of(first), "0002");
        releaseIt();
        notify("dn-1", Optional.empty(), statuses(ItemStatus.CANCELLED, ItemStatus.NOT_DISPENSED), Optional.of("0002"),
                Map.of(first, "0004", second, "0002"));

        PrescriptionDetails details = details();

        assertThat(details.status()).isEqualTo(PrescriptionStatus.NOT_DISPENSED);
        assertThat(details.items().get(0).cancellationReason()).contains(new Reason("0002", "Clinical contra-indication"));
        assertThat(details.items().get(0).nonDispensingReason()).as("the dispenser confirmed the cancellation")
                .contains(new Reason("0004", "Prescription cancellation"));
        assertThat(details.items().get(0).pendingCancellation()).isFalse();
        assertThat(details.items().get(1).cancellationReason()).isEmpty();
        assertThat(details.items().get(1).nonDispensingReason()).contains(new Reason("0002", "Clinically unsuitable"));
        assertThat(details.items().get(1).reason()).contains(new Reason("0002", "Clinically unsuitable"));
        assertThat(details.cancellationReason()).as("the prescription itself was not cancelled").isEmpty();
        assertThat(details.nonDispensingReason()).contains(new Reason("0002", "Clinically unsuitable"));

        TimelineEntry cancelled = entry(details, "cancel");
        assertThat(cancelled.items().get(0).cancellationReason()).contains(new Reason("0002", "Clinical contra-indication"));
        assertThat(cancelled.items().get(1).cancellationReason()).isEmpty();
        assertThat(cancelled.cancellationReason()).isEmpty();
        TimelineEntry notified = entry(details, "dispense-notification");
        assertThat(notified.nonDispensingReason()).contains(new Reason("0002", "Clinically unsuitable"));
        assertThat(notified.items().get(1).nonDispensingReason()).contains(new Reason("0002", "Clinically unsuitable"));
        assertThat(entry(details, "release").items()).allSatisfy(item -> {
            assertThat(item.cancellationReason()).isEmpty();
            assertThat(item.nonDispensingReason()).isEmpty();
        });
    }

    @Test
    void a_cancelled_prescription_shows_its_cancellation_reason_once_applied() {
        cancelItem(Optional.of(first), "0003");
        cancelItem(Optional.of(second), "0005");

        PrescriptionDetails details = details();

        assertThat(details.status()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(details.pendingCancellation()).isFalse();
        assertThat(details.cancellationReason()).as("the latest cancellation, which cancelled the prescription")
                .contains(new Reason("0005", "At the Patient's request"));
        assertThat(details.items()).extracting(ItemDetails::cancellationReason).containsExactly(
                Optional.of(new Reason("0003", "Change to medication treatment regime")),
                Optional.of(new Reason("0005", "At the Patient's request")));
        assertThat(details.timeline().get(details.timeline().size() - 1).cancellationReason())
                .contains(new Reason("0005", "At the Patient's request"));
    }

    @Test
    void a_pending_cancellation_shows_its_reason_and_once_applied_on_return_it_stays_as_the_cancellation_reason() {
        releaseIt();
        cancelItem(Optional.empty(), "0001");

        PrescriptionDetails pending = details();
        assertThat(pending.pendingCancellation()).isTrue();
        assertThat(pending.cancellationReason()).contains(new Reason("0001", "Prescribing Error"));
        assertThat(pending.items()).allSatisfy(item -> {
            assertThat(item.pendingCancellation()).isTrue();
            assertThat(item.cancellationReason()).contains(new Reason("0001", "Prescribing Error"));
        });

        clock.advance();
        returns.returnPrescription(new ReturnCommand(PHARMACY, Optional.empty(), id, "0002", Optional.of("return-1")));

        PrescriptionDetails cancelled = details();
        assertThat(cancelled.status()).isEqualTo(PrescriptionStatus.CANCELLED);
        assertThat(cancelled.pendingCancellation()).isFalse();
        assertThat(cancelled.cancellationReason()).contains(new Reason("0001", "Prescribing Error"));
        assertThat(cancelled.items()).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.CANCELLED);
            assertThat(item.pendingCancellation()).isFalse();
            assertThat(item.cancellationReason()).contains(new Reason("0001", "Prescribing Error"));
        });
        assertThat(entry(cancelled, "return").cancellationReason()).contains(new Reason("0001", "Prescribing Error"));
    }

    @Test
    void the_reason_shown_is_the_standing_notifications_so_a_withdrawal_brings_back_the_one_before() {
        releaseIt();
        notify("dn-1", Optional.empty(), statuses(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED_OWING),
                Optional.empty(), Map.of(second, "0003"));
        notify("dn-2", Optional.empty(), statuses(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED),
                Optional.empty(), Map.of(second, "0011"));
        assertThat(details().items().get(1).nonDispensingReason())
                .contains(new Reason("0011", "Patient purchased medication over the counter"));

        clock.advance();
        withdraw.withdraw(new WithdrawCommand(PHARMACY, Optional.empty(), id, "MU", OptionalInt.empty(),
                Optional.of("withdraw-1")));

        PrescriptionDetails details = details();
        assertThat(details.items().get(1).status()).isEqualTo(ItemStatus.NOT_DISPENSED_OWING);
        assertThat(details.items().get(1).nonDispensingReason())
                .contains(new Reason("0003", "Owings note issued to patient"));
        assertThat(details.items().get(0).nonDispensingReason()).as("a dispensed item has none").isEmpty();
    }

    @Test
    void an_amend_replaces_the_reasons_of_the_notification_it_amends() {
        releaseIt();
        notify("dn-1", Optional.empty(), statuses(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED),
                Optional.of("0001"), Map.of(second, "0001"));
        notify("dn-2", Optional.of("dn-1"), statuses(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED),
                Optional.empty(), Map.of(second, "0010"));

        PrescriptionDetails details = details();

        assertThat(details.items().get(1).nonDispensingReason())
                .contains(new Reason("0010", "Patient did not collect medication"));
        assertThat(details.nonDispensingReason()).as("the amend gives none for the prescription").isEmpty();
    }

    @Test
    void an_unknown_code_is_shown_as_itself() {
        releaseIt();
        notify("dn-1", Optional.empty(), statuses(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED),
                Optional.empty(), Map.of(second, "0099"));

        assertThat(details().items().get(1).nonDispensingReason()).contains(new Reason("0099", "0099"));
    }

    private void cancelItem(Optional<LineItemId> item, String reason) {
        clock.advance();
        cancel.cancel(new CancelCommand(PRACTICE, DR_BOIN, id, patient, item, reason, Optional.of("cancel-" + reason)));
    }

    private void releaseIt() {
        clock.advance();
        release.release(new ReleaseCommand(PHARMACY, Optional.empty(), Optional.of(id), Optional.of("release-1")));
    }

    private void notify(String notificationId, Optional<String> replaces, Map<LineItemId, ItemStatus> items,
                        Optional<String> prescriptionReason, Map<LineItemId, String> itemReasons) {
        clock.advance();
        dispense.dispense(new DispenseCommand(PHARMACY, Optional.empty(), id, notificationId, replaces,
                OptionalInt.empty(), items, Optional.empty(), prescriptionReason, itemReasons));
    }

    private Map<LineItemId, ItemStatus> statuses(ItemStatus ofFirst, ItemStatus ofSecond) {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        items.put(first, ofFirst);
        items.put(second, ofSecond);
        return items;
    }

    private PrescriptionDetails details() {
        return view.view(ViewPrescriptionQuery.of(id)).orElseThrow();
    }

    private static TimelineEntry entry(PrescriptionDetails details, String event) {
        return details.timeline().stream().filter(entry -> entry.event().equals(event)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No " + event + " in " + details.timeline()));
    }

    /** A clock the test moves on, so that each change is a moment after the one before. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance() {
            now = now.plus(Duration.ofMinutes(1));
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The services read instants only");
        }
    }
}
