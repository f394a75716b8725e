package org.openeps.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.tracker.ListPrescriptionsUseCase.ListPrescriptionsQuery;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PrescriptionTab;

class ListPrescriptionsServiceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final OdsCode PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final ListPrescriptionsService service = new ListPrescriptionsService(new InMemoryTrackerQueries(repository),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final NhsNumber patient = newPatient();

    @Test
    void prescriptions_are_grouped_into_tabs_by_the_status_of_the_issue_shown() {
        List<String> current = new ArrayList<>();
        List<String> future = new ArrayList<>();
        List<String> past = new ArrayList<>();
        for (PrescriptionStatus status : PrescriptionStatus.values()) {
            Prescription stored = store(inStatus(acuteOrder(newId(), patient), status));
            (switch (status) {
                case TO_BE_DISPENSED, WITH_DISPENSER, WITH_DISPENSER_ACTIVE, CANCELLED, DISPENSED -> current;
                case AWAITING_RELEASE_READY, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED, CANCELLED_FUTURE_ISSUE -> future;
                case EXPIRED, NOT_DISPENSED, CLAIMED, NO_CLAIMED -> past;
            }).add(stored.id().value());
        }

        PrescriptionList list = service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow();

        assertThat(ids(list.current())).containsExactlyInAnyOrderElementsOf(current).hasSize(5);
        assertThat(ids(list.future())).containsExactlyInAnyOrderElementsOf(future).hasSize(4);
        assertThat(ids(list.past())).containsExactlyInAnyOrderElementsOf(past).hasSize(4);
        assertThat(list.current()).allMatch(summary -> summary.tab() == PrescriptionTab.CURRENT);
    }

    @Test
    void an_nhs_number_search_covers_the_last_two_years_of_issue_dates() {
        Prescription onTheEdge = store(Prescription.create(signedOn(acuteOrder(newId(), patient),
                LocalDate.of(2024, 6, 1)), NOW.minusSeconds(10)));
        Prescription tooOld = store(Prescription.create(signedOn(acuteOrder(newId(), patient),
                LocalDate.of(2024, 5, 31)), NOW.minusSeconds(20)));

        PrescriptionList list = service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow();

        assertThat(ids(list.current())).containsExactly(onTheEdge.id().value());
        assertThat(list.windowStart()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(ids(service.list(ListPrescriptionsQuery.byId(tooOld.id())).orElseThrow().current()))
                .as("a prescription asked for by ID is shown whatever its date")
                .containsExactly(tooOld.id().value());
    }

    @Test
    void each_tab_is_newest_first() {
        Prescription older = store(Prescription.create(signedOn(acuteOrder(newId(), patient), LocalDate.of(2026, 1, 5)),
                NOW));
        Prescription newer = store(Prescription.create(signedOn(acuteOrder(newId(), patient), LocalDate.of(2026, 5, 5)),
                NOW));

        assertThat(ids(service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow().current()))
                .containsExactly(newer.id().value(), older.id().value());
    }

    @Test
    void an_erd_prescription_shows_its_current_issue_as_n_of_m() {
        Prescription erd = Prescription.create(erdOrder(newId(), patient, 3), NOW.minusSeconds(600))
                .release(PHARMACY, NOW.minusSeconds(500));
        Map<LineItemId, ItemStatus> allDispensed = new java.util.LinkedHashMap<>();
        erd.order().items().forEach(item -> allDispensed.put(item.id(), ItemStatus.FULLY_DISPENSED));
        store(erd.recordDispense(PHARMACY, "dn-1", allDispensed, OptionalInt.empty(), NOW.minusSeconds(400)));

        PrescriptionSummary summary = service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow()
                .current().getFirst();

        assertThat(summary.issueNumber()).isEqualTo(2);
        assertThat(summary.numberOfIssues()).isEqualTo(3);
        assertThat(summary.typeLabel()).isEqualTo("eRD 2 of 3");
        assertThat(summary.status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
    }

    @Test
    void pending_cancellations_of_the_prescription_and_of_an_item_are_flagged_apart() {
        Prescription whole = Prescription.create(erdOrder(newId(), patient, 1), NOW).release(PHARMACY, NOW);
        whole = store(whole.cancel(PRACTICE, Optional.of("555086689106"), patient, Optional.empty(), "0001", NOW)
                .prescription());
        Prescription oneItem = Prescription.create(erdOrder(newId(), patient, 1), NOW).release(PHARMACY, NOW);
        oneItem = store(oneItem.cancel(PRACTICE, Optional.of("555086689106"), patient,
                Optional.of(oneItem.order().items().getFirst().id()), "0002", NOW).prescription());

        PrescriptionList list = service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow();

        PrescriptionSummary wholeSummary = find(list, whole);
        PrescriptionSummary itemSummary = find(list, oneItem);
        assertThat(wholeSummary.prescriptionPendingCancellation()).isTrue();
        assertThat(wholeSummary.itemsPendingCancellation()).isFalse();
        assertThat(itemSummary.prescriptionPendingCancellation()).isFalse();
        assertThat(itemSummary.itemsPendingCancellation()).isTrue();
    }

    @Test
    void the_patient_is_described_by_their_newest_prescription() {
        store(Prescription.create(acuteOrder(newId(), patient), NOW.minusSeconds(60)));
        Prescription newest = store(Prescription.create(erdOrder(newId(), patient, 1), NOW));

        PrescriptionList list = service.list(ListPrescriptionsQuery.byPatient(patient)).orElseThrow();

        assertThat(list.patient()).isEqualTo(PatientDetails.of(newest.order().patient()));
        assertThat(list.patient().fullName()).isEqualTo("STACEY MARISA TWITCHETT");
    }

    @Test
    void nothing_found_is_empty() {
        assertThat(service.list(ListPrescriptionsQuery.byPatient(patient))).isEmpty();
        assertThat(service.list(ListPrescriptionsQuery.byId(newId()))).isEmpty();
    }

    private Prescription store(Prescription prescription) {
        return repository.add(prescription, "{}");
    }

    private static PrescriptionSummary find(PrescriptionList list, Prescription prescription) {
        return list.current().stream().filter(summary -> summary.prescriptionId().equals(prescription.id()))
                .findFirst().orElseThrow();
    }

    private static List<String> ids(List<PrescriptionSummary> summaries) {
        return summaries.stream().map(summary -> summary.prescriptionId().value()).toList();
    }

    /** A one-issue prescription whose issue stands in this status, its items in a status that status allows. */
    static Prescription inStatus(PrescriptionOrder order, PrescriptionStatus status) {
        ItemStatus item = status.allowedItemStatuses().stream()
                .filter(candidate -> candidate != ItemStatus.CANCELLED || status == PrescriptionStatus.CANCELLED)
                .findFirst().orElseThrow();
        Map<LineItemId, ItemStatus> items = new java.util.LinkedHashMap<>();
        order.items().forEach(line -> items.put(line.id(), item));
        Optional<OdsCode> dispenser = status.group() == PrescriptionStatus.Group.WITH_DISPENSER
                || status.group() == PrescriptionStatus.Group.COMPLETED ? Optional.of(PHARMACY) : Optional.empty();
        return Prescription.rehydrate(order, List.of(new Issue(1, status, items, dispenser, Optional.empty(),
                List.of(), Optional.empty())), NOW, 0);
    }

    private static PrescriptionOrder signedOn(PrescriptionOrder order, LocalDate day) {
        return TrackerPrescriptions.authoredOn(order, day.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }
}
