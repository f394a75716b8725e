package org.openeps.application.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.Organisations;
import org.openeps.application.dispensing.ClaimPrescriptionUseCase.ClaimCommand;
import org.openeps.application.dispensing.DispensePrescriptionUseCase.DispenseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReturnPrescriptionUseCase.ReturnCommand;
import org.openeps.application.dispensing.WithdrawDispenseUseCase.WithdrawCommand;
import org.openeps.application.prescription.CreatePrescriptionService;
import org.openeps.application.prescription.CreatePrescriptionUseCase.CreatePrescriptionCommand;
import org.openeps.application.prescription.InMemoryCancellationPlaceholders;
import org.openeps.application.prescription.InMemoryPrescriptionHistory;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.OdsCode;

/**
 * The history records who made every change: the organisation and, when the message names one, the person (their SDS
 * user ID), as each command carries them; the service's own time-driven changes name neither.
 */
class DispensingHistoryTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30Z");
    private static final OdsCode PRESCRIBING_PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");
    private static final String PRESCRIBER = "555086689106";
    private static final String JACKIE = "3415870201";
    private static final String PETER = "7654321";

    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final InMemoryCancellationPlaceholders placeholders = new InMemoryCancellationPlaceholders();
    private final InMemoryTransactions transactions = new InMemoryTransactions(prescriptions, history, placeholders);
    private final PrescriptionChanges changes = new PrescriptionChanges(prescriptions, history);
    private final MovingClock clock = new MovingClock(RECEIVED);

    private final CreatePrescriptionService create =
            new CreatePrescriptionService(transactions, prescriptions, changes, placeholders,
                    Organisations.nominable(), clock);
    private final ReleasePrescriptionsService release =
            new ReleasePrescriptionsService(transactions, prescriptions, changes, clock);
    private final ReturnPrescriptionService returns = new ReturnPrescriptionService(transactions, changes, clock);
    private final DispensePrescriptionService dispense = new DispensePrescriptionService(transactions, changes, clock);
    private final WithdrawDispenseService withdraw = new WithdrawDispenseService(transactions, changes, clock);
    private final ClaimPrescriptionService claim = new ClaimPrescriptionService(transactions, changes, clock);
    private final RunScheduledWorkService scheduledWork =
            new RunScheduledWorkService(transactions, prescriptions, changes, clock);

    @Test
    void every_change_records_the_organisation_and_the_person_the_command_names() {
        PrescriptionOrder order = erdOrder(newId(), newPatient(), 1);
        PrescriptionId id = order.id();
        create.create(new CreatePrescriptionCommand(order, "{}"));

        clock.advance();
        release.release(new ReleaseCommand(PHARMACY, Optional.of(JACKIE), Optional.empty(), Optional.of("release-1")));
        clock.advance();
        returns.returnPrescription(new ReturnCommand(PHARMACY, Optional.of(PETER), id, "0002", Optional.of("return-1")));
        clock.advance();
        release.release(new ReleaseCommand(PHARMACY, Optional.of(PETER), Optional.of(id), Optional.of("release-2")));
        clock.advance();
        dispense.dispense(new DispenseCommand(PHARMACY, Optional.of(JACKIE), id, "dispense-1", Optional.empty(),
                OptionalInt.empty(), everyItem(order, ItemStatus.FULLY_DISPENSED), Optional.empty()));
        clock.advance();
        withdraw.withdraw(new WithdrawCommand(PHARMACY, Optional.of(PETER), id, "MU", OptionalInt.empty(),
                Optional.of("withdraw-1")));
        clock.advance();
        // a notification naming no person
        dispense.dispense(new DispenseCommand(PHARMACY, Optional.empty(), id, "dispense-2", Optional.empty(),
                OptionalInt.empty(), everyItem(order, ItemStatus.FULLY_DISPENSED), Optional.empty()));
        clock.advance();
        claim.claim(new ClaimCommand(PHARMACY, Optional.of(JACKIE), id, "claim-1", Optional.empty(), OptionalInt.empty()));

        assertThat(history.findFor(id))
                .extracting(HistoryEvent::event, HistoryEvent::organisation, HistoryEvent::person, HistoryEvent::status)
                .containsExactly(
                        tuple("prescription-order", Optional.of(PRESCRIBING_PRACTICE), Optional.of(PRESCRIBER),
                                PrescriptionStatus.TO_BE_DISPENSED),
                        tuple("release", Optional.of(PHARMACY), Optional.of(JACKIE), PrescriptionStatus.WITH_DISPENSER),
                        tuple("return", Optional.of(PHARMACY), Optional.of(PETER), PrescriptionStatus.TO_BE_DISPENSED),
                        tuple("release", Optional.of(PHARMACY), Optional.of(PETER), PrescriptionStatus.WITH_DISPENSER),
                        tuple("dispense-notification", Optional.of(PHARMACY), Optional.of(JACKIE),
                                PrescriptionStatus.DISPENSED),
                        tuple("withdraw", Optional.of(PHARMACY), Optional.of(PETER),
                                PrescriptionStatus.WITH_DISPENSER_ACTIVE),
                        tuple("dispense-notification", Optional.of(PHARMACY), Optional.empty(),
                                PrescriptionStatus.DISPENSED),
                        tuple("claim", Optional.of(PHARMACY), Optional.of(JACKIE), PrescriptionStatus.CLAIMED));
    }

    @Test
    void a_change_the_service_makes_on_the_clock_names_no_organisation_and_no_person() {
        PrescriptionOrder order = acuteOrder(newId(), newPatient());
        create.create(new CreatePrescriptionCommand(order, "{}"));

        clock.advance(Duration.ofDays(400));
        scheduledWork.runOnce(10);

        assertThat(history.findFor(order.id())).last()
                .satisfies(event -> assertThat(event.event()).isEqualTo("expire"))
                .satisfies(event -> assertThat(event.organisation()).isEmpty())
                .satisfies(event -> assertThat(event.person()).isEmpty());
    }

    private static Map<LineItemId, ItemStatus> everyItem(PrescriptionOrder order, ItemStatus status) {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        order.items().forEach(item -> items.put(item.id(), status));
        return items;
    }

    /** A clock the test moves on, a minute at a time unless told otherwise. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance() {
            advance(Duration.ofMinutes(1));
        }

        void advance(Duration by) {
            now = now.plus(by);
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
