package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.ChangeReasons;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link PrescriptionHistory} does, run against the in-memory fake and against PostgreSQL. Events are for
 * stored prescriptions, so each test stores its own first; implementations may share one store between the tests.
 */
public abstract class PrescriptionHistoryContract {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final OdsCode DISPENSER = OdsCode.parse("FA565");
    private static final Actor PHARMACIST = Actor.of(DISPENSER, Optional.of("3415870201"));
    private static final Actor PHARMACY_ONLY = Actor.of(DISPENSER, Optional.empty());

    /** The history under test. */
    protected abstract PrescriptionHistory history();

    /** Where the prescriptions the events are about are stored. */
    protected abstract PrescriptionRepository repository();

    /** Transactions that the history's and the repository's calls on the same thread join. */
    protected abstract Transactions transactions();

    @Test
    void events_read_back_oldest_first_equal_in_every_field() {
        Prescription prescription = stored();
        HistoryEvent released = event(prescription, 1, RECEIVED.plusSeconds(60), PHARMACIST, "release",
                PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("message-1"));
        HistoryEvent expired = event(prescription, 2, RECEIVED.plusSeconds(120), Actor.SERVICE, "expire",
                PrescriptionStatus.EXPIRED, ItemStatus.EXPIRED, Optional.empty());

        history().record(released);
        history().record(expired);

        assertThat(history().findFor(prescription.id())).containsExactly(released, expired);
        assertThat(history().findFor(prescription.id()).get(0).itemStatuses().keySet())
                .containsExactlyElementsOf(prescription.issue(1).itemStatuses().keySet());
    }

    @Test
    void the_person_who_acted_is_kept_and_an_event_without_one_reads_back_without_one() {
        Prescription prescription = stored();
        HistoryEvent byPerson = event(prescription, 1, RECEIVED.plusSeconds(60), PHARMACIST, "release",
                PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("message-1"));
        HistoryEvent byOrganisation = event(prescription, 1, RECEIVED.plusSeconds(120), PHARMACY_ONLY,
                "dispense-notification", PrescriptionStatus.DISPENSED, ItemStatus.FULLY_DISPENSED, Optional.of("m-2"));
        HistoryEvent byService = event(prescription, 2, RECEIVED.plusSeconds(180), Actor.SERVICE, "expire",
                PrescriptionStatus.EXPIRED, ItemStatus.EXPIRED, Optional.empty());

        history().record(byPerson);
        history().record(byOrganisation);
        history().record(byService);

        assertThat(history().findFor(prescription.id())).extracting(HistoryEvent::person)
                .containsExactly(Optional.of("3415870201"), Optional.empty(), Optional.empty());
        assertThat(history().findFor(prescription.id())).extracting(HistoryEvent::organisation)
                .containsExactly(Optional.of(DISPENSER), Optional.of(DISPENSER), Optional.empty());
        assertThat(history().findFor(prescription.id())).containsExactly(byPerson, byOrganisation, byService);
    }

    @Test
    void events_are_found_for_their_own_prescription_only() {
        Prescription mine = stored();
        Prescription another = stored();
        HistoryEvent event = event(mine, 1, RECEIVED, PHARMACIST, "release",
                PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("m"));
        history().record(event);
        history().record(event(another, 1, RECEIVED, PHARMACIST, "release",
                PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("m")));

        assertThat(history().findFor(mine.id())).containsExactly(event);
    }

    @Test
    void prescription_without_events_has_none() {
        assertThat(history().findFor(stored().id())).isEmpty();
        assertThat(history().findFor(newId())).isEmpty();
    }

    @Test
    void an_event_recorded_later_for_an_earlier_moment_comes_first() {
        Prescription prescription = stored();
        HistoryEvent later = event(prescription, 1, RECEIVED.plusSeconds(120), PHARMACIST,
                "dispense-notification", PrescriptionStatus.DISPENSED, ItemStatus.FULLY_DISPENSED, Optional.of("b"));
        HistoryEvent earlier = event(prescription, 1, RECEIVED.plusSeconds(60), PHARMACY_ONLY, "release",
                PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("a"));

        history().record(later);
        history().record(earlier);

        assertThat(history().findFor(prescription.id())).containsExactly(earlier, later);
    }

    @Test
    void events_of_the_same_moment_keep_the_order_they_were_recorded_in() {
        Prescription prescription = stored();
        HistoryEvent[] events = new HistoryEvent[5];
        for (int i = 0; i < events.length; i++) {
            events[i] = event(prescription, i % 2 + 1, RECEIVED, Actor.SERVICE, "event-" + (events.length - i),
                    PrescriptionStatus.EXPIRED, ItemStatus.EXPIRED, Optional.empty());
        }

        transactions().inTransaction(() -> {
            for (HistoryEvent event : events) {
                history().record(event);
            }
            return null;
        });

        assertThat(history().findFor(prescription.id())).containsExactly(events);
    }

    @Test
    void times_are_kept_to_the_microsecond() {
        Prescription prescription = stored();

        history().record(event(prescription, 1, Instant.parse("2026-03-11T08:00:00.123456789Z"), Actor.SERVICE,
                "expire", PrescriptionStatus.EXPIRED, ItemStatus.EXPIRED, Optional.empty()));

        assertThat(history().findFor(prescription.id())).extracting(HistoryEvent::at)
                .containsExactly(Instant.parse("2026-03-11T08:00:00.123456Z"));
    }

    @Test
    void the_reasons_of_an_event_read_back_per_item_and_for_the_prescription() {
        Prescription prescription = stored();
        List<LineItemId> items = List.copyOf(prescription.issue(1).itemStatuses().keySet());
        HistoryEvent cancelled = event(prescription, 1, RECEIVED.plusSeconds(60), PHARMACY_ONLY, "cancel",
                PrescriptionStatus.CANCELLED, ItemStatus.CANCELLED, Optional.of("cancel-1"))
                .withReasons(new ChangeReasons(Optional.of("0001"), Optional.empty(),
                        Map.of(items.get(0), "0001", items.get(1), "0005"), Map.of()));
        HistoryEvent notDispensed = event(prescription, 2, RECEIVED.plusSeconds(120), PHARMACIST,
                "dispense-notification", PrescriptionStatus.NOT_DISPENSED, ItemStatus.NOT_DISPENSED, Optional.of("dn-1"))
                .withReasons(new ChangeReasons(Optional.empty(), Optional.of("0008"), Map.of(),
                        Map.of(items.get(1), "0002")));

        history().record(cancelled);
        history().record(notDispensed);

        List<HistoryEvent> read = history().findFor(prescription.id());
        assertThat(read).containsExactly(cancelled, notDispensed);
        assertThat(read.get(0).reasons().cancellationOf(items.get(1))).contains("0005");
        assertThat(read.get(0).reasons().nonDispensing()).isEmpty();
        assertThat(read.get(1).reasons().nonDispensing()).contains("0008");
        assertThat(read.get(1).reasons().nonDispensingOf(items.get(1))).contains("0002");
        assertThat(read.get(1).reasons().nonDispensingOf(items.get(0))).isEmpty();
    }

    @Test
    void an_event_without_reasons_reads_back_without_any() {
        Prescription prescription = stored();
        history().record(event(prescription, 1, RECEIVED, PHARMACIST, "release", PrescriptionStatus.WITH_DISPENSER,
                ItemStatus.WITH_DISPENSER, Optional.empty()));

        assertThat(history().findFor(prescription.id())).singleElement()
                .satisfies(event -> assertThat(event.reasons()).isEqualTo(ChangeReasons.NONE));
    }

    @Test
    void an_event_recorded_in_a_transaction_that_fails_is_not_kept() {
        Prescription prescription = stored();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            history().record(event(prescription, 1, RECEIVED, PHARMACIST, "release",
                    PrescriptionStatus.WITH_DISPENSER, ItemStatus.WITH_DISPENSER, Optional.of("m")));
            throw new IllegalStateException("the unit of work fails after recording");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(history().findFor(prescription.id())).isEmpty();
    }

    private Prescription stored() {
        return repository().add(Prescription.create(erdOrder(newId(), newPatient(), 2), RECEIVED), "{}");
    }

    /** An event with every item of the prescription in the same status. */
    private static HistoryEvent event(Prescription prescription, int issue, Instant at, Actor by, String name,
                                      PrescriptionStatus status, ItemStatus itemStatus, Optional<String> messageId) {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        prescription.issue(issue).itemStatuses().keySet().forEach(item -> items.put(item, itemStatus));
        return new HistoryEvent(prescription.id(), issue, at, by.organisation(), by.person(), name, status, items,
                messageId);
    }
}
