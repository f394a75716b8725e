package org.openeps.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.InMemoryOrganisationDirectory;
import org.openeps.application.directory.Organisations;
import org.openeps.application.prescription.InMemoryPrescriptionHistory;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.tracker.ViewPrescriptionUseCase.ViewPrescriptionQuery;
import org.openeps.application.tracking.InMemoryPharmacyStatuses;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PatientStatusRules;
import org.openeps.domain.tracking.PharmacyStatus;

class ViewPrescriptionServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    /** When the tracker is asked: after every update of these tests but those dated ahead. */
    private static final Instant NOW = T0.plus(Duration.ofDays(1));
    private static final OdsCode PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");
    private static final OdsCode OTHER_PHARMACY = OdsCode.parse("FX111");
    private static final Actor PHARMACIST = Actor.of(PHARMACY, Optional.of("3415870201"));

    private final InMemoryPrescriptionRepository repository = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final InMemoryPharmacyStatuses statuses = new InMemoryPharmacyStatuses();
    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
    private final PrescriptionChanges changes = new PrescriptionChanges(repository, history);
    private final ViewPrescriptionService service = serviceAt(NOW);
    private final NhsNumber patient = newPatient();

    ViewPrescriptionServiceTest() {
        directory.replaceAll(List.of(Organisations.hallgarth(),
                Organisations.organisation("FA565", "CROSS STREET PHARMACY", OrganisationKind.COMMUNITY_PHARMACY,
                        "LS1 1AA")));
    }

    @Test
    void the_current_issue_is_shown_by_default_with_its_place_among_the_issues() {
        Prescription erd = dispensedFirstIssue(3);

        PrescriptionDetails details = service.view(ViewPrescriptionQuery.of(erd.id())).orElseThrow();

        assertThat(details.issues()).isEqualTo(new IssueNavigation(2, 3, 2));
        assertThat(details.issues().previous()).hasValue(1);
        assertThat(details.issues().next()).hasValue(3);
        assertThat(details.typeLabel()).isEqualTo("eRD 2 of 3");
        assertThat(details.status()).isEqualTo(PrescriptionStatus.AWAITING_RELEASE_READY);
        assertThat(details.daysSupply()).contains(28);
    }

    @Test
    void another_issue_is_shown_when_asked_for_and_an_unknown_one_is_refused_naming_it() {
        Prescription erd = dispensedFirstIssue(3);

        PrescriptionDetails first = view(erd.id(), 1);
        PrescriptionDetails last = view(erd.id(), 3);

        assertThat(first.status()).isEqualTo(PrescriptionStatus.DISPENSED);
        assertThat(first.items()).allMatch(item -> item.status() == ItemStatus.FULLY_DISPENSED);
        assertThat(first.issues().previous()).isEmpty();
        assertThat(first.currentDispenser().map(OrganisationCard::odsCode)).contains(PHARMACY);
        assertThat(last.status()).isEqualTo(PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
        assertThat(last.issues().next()).isEmpty();
        assertThat(last.currentDispenser()).isEmpty();
        assertThatThrownBy(() -> view(erd.id(), 4))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessageContaining("issueNumber 4");
    }

    @Test
    void an_unknown_prescription_is_empty() {
        assertThat(service.view(ViewPrescriptionQuery.of(newId()))).isEmpty();
    }

    @Test
    void the_latest_pharmacy_status_of_an_item_is_the_holders_alone() {
        Prescription erd = released(erdOrderStored(1));
        LineItemId first = erd.order().items().get(0).id();
        LineItemId second = erd.order().items().get(1).id();
        statuses.record(List.of(
                status("t1", erd, first, PHARMACY, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(100)),
                status("t2", erd, first, PHARMACY, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(200)),
                status("t3", erd, first, OTHER_PHARMACY, BusinessStatus.COLLECTED, T0.plusSeconds(300)),
                status("t4", erd, second, OTHER_PHARMACY, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(300))));

        PrescriptionDetails details = service.view(ViewPrescriptionQuery.of(erd.id())).orElseThrow();

        assertThat(details.items().get(0).pharmacyStatus().map(ItemPharmacyStatus::status))
                .contains(BusinessStatus.READY_TO_COLLECT);
        assertThat(details.items().get(1).pharmacyStatus()).as("only another pharmacy sent about it").isEmpty();
    }

    @Test
    void an_update_dated_ahead_is_not_the_latest_pharmacy_status_until_its_time_comes_as_the_patient_is_told() {
        Prescription acute = released(acuteStored());
        LineItemId item = acute.order().items().get(0).id();
        Instant ahead = NOW.plus(Duration.ofHours(3));
        statuses.record(List.of(
                status("t1", acute, item, PHARMACY, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(100)),
                status("t2", acute, item, PHARMACY, BusinessStatus.COLLECTED, ahead)));

        PrescriptionDetails now = service.view(ViewPrescriptionQuery.of(acute.id())).orElseThrow();
        PrescriptionDetails then = serviceAt(ahead).view(ViewPrescriptionQuery.of(acute.id())).orElseThrow();

        assertThat(now.items().getFirst().pharmacyStatus().map(ItemPharmacyStatus::status))
                .contains(BusinessStatus.WITH_PHARMACY);
        assertThat(then.items().getFirst().pharmacyStatus().map(ItemPharmacyStatus::status))
                .contains(BusinessStatus.COLLECTED);
        assertThat(now.items().getFirst().pharmacyStatus()).isEqualTo(
                PatientStatusRules.latest(statuses.findFor(acute.id()), item, NOW).map(update -> new ItemPharmacyStatus(
                        update.businessStatus(), update.taskStatus(), update.lastModified(), update.pharmacy())));
    }

    @Test
    void the_timeline_shows_no_update_from_a_pharmacy_the_issue_was_never_released_to() {
        Prescription acute = released(acuteStored());
        LineItemId item = acute.order().items().get(0).id();
        statuses.record(List.of(
                status("t1", acute, item, PHARMACY, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(100)),
                status("t2", acute, item, OTHER_PHARMACY, BusinessStatus.COLLECTED, T0.plusSeconds(200))));

        List<TimelineEntry> timeline = view(acute.id(), 1).timeline();

        assertThat(timeline).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PHARMACY_STATUS)
                .extracting(entry -> entry.organisationCode().orElseThrow()).containsExactly(PHARMACY);
    }

    @Test
    void the_timeline_keeps_the_updates_of_a_pharmacy_that_held_the_issue_before_it_was_returned() {
        Prescription acute = released(acuteStored());
        LineItemId item = acute.order().items().get(0).id();
        statuses.record(List.of(status("t1", acute, item, PHARMACY, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(70))));
        acute = changes.apply(acute, p -> p.returnToSpine(PHARMACY, T0.plusSeconds(80)), T0.plusSeconds(80),
                PHARMACIST, "return", Optional.empty());
        acute = changes.apply(acute, p -> p.release(OTHER_PHARMACY, T0.plusSeconds(90)), T0.plusSeconds(90),
                Actor.of(OTHER_PHARMACY, Optional.empty()), "release", Optional.empty());
        statuses.record(List.of(
                status("t2", acute, item, OTHER_PHARMACY, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(100)),
                status("t3", acute, item, OdsCode.parse("FY222"), BusinessStatus.COLLECTED, T0.plusSeconds(110))));

        PrescriptionDetails details = view(acute.id(), 1);

        assertThat(details.timeline()).extracting(TimelineEntry::event)
                .containsExactly("release", "status-update", "return", "release", "status-update");
        assertThat(details.timeline()).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PHARMACY_STATUS)
                .extracting(entry -> entry.organisationCode().orElseThrow())
                .containsExactly(PHARMACY, OTHER_PHARMACY);
        assertThat(details.items().getFirst().pharmacyStatus().map(ItemPharmacyStatus::status))
                .as("the item's status is the holder's alone").contains(BusinessStatus.READY_TO_COLLECT);
    }

    @Test
    void the_timeline_shows_the_newest_status_updates_up_to_its_cap_and_says_older_ones_are_left_out() {
        Prescription acute = released(acuteStored());
        LineItemId item = acute.order().items().get(0).id();
        int shown = PrescriptionDetails.STATUS_UPDATES_SHOWN;
        List<PharmacyStatus> sent = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            sent.add(status("t" + i, acute, item, PHARMACY, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(100 + i)));
        }
        statuses.record(sent);

        PrescriptionDetails all = view(acute.id(), 1);
        statuses.record(List.of(status("newest", acute, item, PHARMACY, BusinessStatus.READY_TO_COLLECT,
                T0.plusSeconds(1000))));
        PrescriptionDetails capped = view(acute.id(), 1);

        assertThat(all.olderStatusUpdatesOmitted()).isFalse();
        assertThat(all.timeline()).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PHARMACY_STATUS)
                .hasSize(shown);
        assertThat(capped.olderStatusUpdatesOmitted()).isTrue();
        assertThat(capped.timeline()).filteredOn(entry -> entry.kind() == TimelineEntry.Kind.PHARMACY_STATUS)
                .hasSize(shown)
                .extracting(TimelineEntry::at)
                .as("the oldest left out, the newest kept")
                .doesNotContain(T0.plusSeconds(100)).contains(T0.plusSeconds(101), T0.plusSeconds(1000));
        assertThat(capped.timeline()).extracting(TimelineEntry::event).startsWith("release");
    }

    @Test
    void organisation_cards_come_from_the_directory() {
        Prescription erd = released(erdOrderStored(1));

        PrescriptionDetails details = service.view(ViewPrescriptionQuery.of(erd.id())).orElseThrow();

        assertThat(details.prescriber()).isEqualTo(new OrganisationCard(PRACTICE, Optional.of("HALLGARTH SURGERY"),
                List.of("HALLGARTH SURGERY", "CHEAPSIDE", "SHILDON", "COUNTY DURHAM"), Optional.of("DL4 2HP"),
                Optional.of("0115 9737320"), true));
        assertThat(details.prescriber().address())
                .contains("HALLGARTH SURGERY, CHEAPSIDE, SHILDON, COUNTY DURHAM, DL4 2HP");
        assertThat(details.nominatedDispenser().flatMap(OrganisationCard::name)).contains("CROSS STREET PHARMACY");
        assertThat(details.currentDispenser().flatMap(OrganisationCard::name)).contains("CROSS STREET PHARMACY");
    }

    @Test
    void organisations_the_directory_lacks_are_shown_by_their_code() {
        Prescription acute = repository.add(Prescription.create(acuteOrder(newId(), patient), T0), "{}");
        acute = changes.apply(acute, p -> p.release(OTHER_PHARMACY, T0), T0, Actor.of(OTHER_PHARMACY,
                Optional.empty()), "release", Optional.empty());

        PrescriptionDetails details = service.view(ViewPrescriptionQuery.of(acute.id())).orElseThrow();

        assertThat(details.prescriber()).isEqualTo(OrganisationCard.unknown(OdsCode.parse("RRERP"), Optional.empty()));
        assertThat(details.prescriber().address()).isEmpty();
        assertThat(details.nominatedDispenser()).isEmpty();
        assertThat(details.currentDispenser()).contains(OrganisationCard.unknown(OTHER_PHARMACY, Optional.empty()));
        assertThat(details.typeLabel()).isEqualTo("Acute");
    }

    @Test
    void the_timeline_merges_status_changes_and_pharmacy_updates_oldest_first() {
        Prescription erd = erdOrderStored(2);
        changes.recordCurrent(erd, T0, Actor.of(PRACTICE, Optional.of("555086689106")), "prescription-order",
                Optional.of("order-1"));
        erd = released(erd);
        LineItemId first = erd.order().items().get(0).id();
        statuses.record(List.of(
                status("t1", erd, first, PHARMACY, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(300))));
        erd = dispense(erd, T0.plusSeconds(600));

        List<TimelineEntry> timeline = view(erd.id(), 1).timeline();

        assertThat(timeline).extracting(TimelineEntry::event)
                .containsExactly("prescription-order", "release", "status-update", "dispense-notification");
        assertThat(timeline).extracting(TimelineEntry::newStatus).containsExactly(
                Optional.of(PrescriptionStatus.TO_BE_DISPENSED), Optional.of(PrescriptionStatus.WITH_DISPENSER),
                Optional.empty(), Optional.of(PrescriptionStatus.DISPENSED));
        assertThat(timeline.get(0).organisationName()).contains("HALLGARTH SURGERY");
        assertThat(timeline.get(1).organisationCode()).contains(PHARMACY);
        assertThat(timeline.get(1).organisationName()).contains("CROSS STREET PHARMACY");
        assertThat(timeline.get(2).items()).singleElement()
                .satisfies(item -> assertThat(item.pharmacyStatus()).contains(BusinessStatus.READY_TO_COLLECT));
        assertThat(timeline.get(3).dispensedItems()).hasSize(2);
        assertThat(view(erd.id(), 2).timeline()).extracting(TimelineEntry::event)
                .as("issue 2's own history: its creation and its becoming available")
                .containsExactly("prescription-order", "dispense-notification");
    }

    @Test
    void a_pending_cancellation_is_shown_with_its_reason_on_the_items_it_concerns() {
        Prescription erd = released(erdOrderStored(1));
        LineItemId first = erd.order().items().get(0).id();
        erd = changes.apply(erd, p -> p.cancel(PRACTICE, Optional.of("555086689106"), patient, Optional.of(first),
                "0002", T0).prescription(), T0, Actor.of(PRACTICE, Optional.empty()), "cancel", Optional.empty());

        PrescriptionDetails details = service.view(ViewPrescriptionQuery.of(erd.id())).orElseThrow();

        assertThat(details.pendingCancellation()).isFalse();
        assertThat(details.itemsPendingCancellation()).isTrue();
        assertThat(details.items().get(0).pendingCancellation()).isTrue();
        assertThat(details.items().get(0).cancellationReason())
                .contains(new Reason("0002", "Clinical contra-indication"));
        assertThat(details.items().get(1).pendingCancellation()).isFalse();
        assertThat(details.items().get(1).cancellationReason()).isEmpty();
    }

    private ViewPrescriptionService serviceAt(Instant now) {
        return new ViewPrescriptionService(repository, history, statuses, directory, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Prescription acuteStored() {
        return repository.add(Prescription.create(acuteOrder(newId(), patient), T0), "{}");
    }

    private PrescriptionDetails view(PrescriptionId id, int issue) {
        return service.view(new ViewPrescriptionQuery(id, OptionalInt.of(issue))).orElseThrow();
    }

    private Prescription erdOrderStored(int issues) {
        return repository.add(Prescription.create(erdOrder(newId(), patient, issues), T0), "{}");
    }

    private Prescription released(Prescription prescription) {
        return changes.apply(prescription, p -> p.release(PHARMACY, T0.plusSeconds(60)), T0.plusSeconds(60),
                PHARMACIST, "release", Optional.empty());
    }

    private Prescription dispense(Prescription prescription, Instant at) {
        Map<LineItemId, ItemStatus> all = new LinkedHashMap<>();
        prescription.order().items().forEach(item -> all.put(item.id(), ItemStatus.FULLY_DISPENSED));
        return changes.apply(prescription, p -> p.recordDispense(PHARMACY, "dn-" + at, all, OptionalInt.empty(), at),
                at, PHARMACIST, "dispense-notification", Optional.empty());
    }

    private Prescription dispensedFirstIssue(int issues) {
        return dispense(released(erdOrderStored(issues)), T0.plusSeconds(120));
    }

    private PharmacyStatus status(String taskId, Prescription prescription, LineItemId item, OdsCode pharmacy,
                                  BusinessStatus status, Instant lastModified) {
        TaskStatus task = status.allows(TaskStatus.IN_PROGRESS) ? TaskStatus.IN_PROGRESS : TaskStatus.COMPLETED;
        return new PharmacyStatus(taskId + "-" + prescription.id(), prescription.id(), item, 1, patient, pharmacy,
                status, task, lastModified, lastModified);
    }
}
