package org.openeps.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.InMemoryOrganisationDirectory;
import org.openeps.application.directory.Organisations;
import org.openeps.application.patient.ReadPatientPrescriptionsUseCase.ReadPatientPrescriptionsQuery;
import org.openeps.application.prescription.InMemoryPrescriptionHistory;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.prescription.PrescriptionOrders;
import org.openeps.application.tracking.InMemoryPharmacyStatuses;
import org.openeps.domain.access.Caller;
import org.openeps.domain.directory.OrganisationKind;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PatientFacingStatus;
import org.openeps.domain.tracking.PatientItemStatus.Phase;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * The patient's view over in-memory fakes and a fixed clock: which prescriptions (own or delegated, newest 25), and
 * what each carries for the patient's page and the Prescriptions for Patients API.
 */
class ReadPatientPrescriptionsServiceTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final OdsCode NOMINATED = OdsCode.parse("FA565");
    private static final OdsCode OTHER_PHARMACY = OdsCode.parse("FCG71");
    private static final LineItemId AMOXICILLIN = LineItemId.parse("a54219b8-f741-4c47-b662-e4f8dfa49ab6");
    private static final LineItemId CO_CODAMOL = LineItemId.parse("6989b7bd-8db6-428c-a593-4022e3044c00");

    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final InMemoryPrescriptionHistory history = new InMemoryPrescriptionHistory();
    private final PrescriptionChanges changes = new PrescriptionChanges(prescriptions, history);
    private final InMemoryPharmacyStatuses pharmacyStatuses = new InMemoryPharmacyStatuses();
    private final InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory();
    private final AtomicInteger taskIds = new AtomicInteger();
    private final NhsNumber patient = PrescriptionOrders.newPatient();

    ReadPatientPrescriptionsServiceTest() {
        directory.replaceAll(List.of(Organisations.hallgarth(),
                Organisations.organisation("FA565", "ASDA INSTORE PHARMACY", OrganisationKind.COMMUNITY_PHARMACY,
                        "LS15 8BA")));
    }

    @Test
    void a_patient_sees_at_most_25_prescriptions_newest_first() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            ids.add(create(PrescriptionOrders.acuteOrder(PrescriptionOrders.newId(), patient),
                    RECEIVED.plus(Duration.ofMinutes(n))).id().value());
        }

        PatientPrescriptions read = read(self(patient), RECEIVED.plus(Duration.ofDays(1)));

        assertThat(read.prescriptions()).extracting(PatientPrescription::prescriptionId)
                .containsExactlyElementsOf(ids.reversed().subList(0, ReadPatientPrescriptionsUseCase.LIMIT));
    }

    @Test
    void a_patient_sees_only_their_own_prescriptions() {
        Prescription own = create(erd(patient), RECEIVED);
        create(erd(PrescriptionOrders.newPatient()), RECEIVED.plusSeconds(1));

        PatientPrescriptions read = read(self(patient), RECEIVED.plusSeconds(60));

        assertThat(read.nhsNumber()).isEqualTo(patient.value());
        assertThat(read.actingFor()).isFalse();
        assertThat(read.prescriptions()).extracting(PatientPrescription::prescriptionId).containsExactly(own.id().value());
        assertThat(read.prescriptions()).extracting(PatientPrescription::nhsNumber).containsOnly(patient.value());
    }

    @Test
    void with_delegated_access_a_patient_sees_the_prescriptions_of_the_person_they_act_for_and_not_their_own() {
        NhsNumber child = PrescriptionOrders.newPatient();
        create(erd(patient), RECEIVED);
        Prescription childs = create(erd(child), RECEIVED.plusSeconds(1));

        PatientPrescriptions read = read(new Caller.Patient(patient, Optional.of(child), "demo-patient-app"),
                RECEIVED.plusSeconds(60));

        assertThat(read.nhsNumber()).isEqualTo(child.value());
        assertThat(read.actingFor()).isTrue();
        assertThat(read.prescriptions()).extracting(PatientPrescription::prescriptionId)
                .containsExactly(childs.id().value());
    }

    @Test
    void a_patient_with_no_prescriptions_sees_none() {
        assertThat(read(self(patient), RECEIVED).prescriptions()).isEmpty();
    }

    @Test
    void a_new_prescription_shows_what_a_patient_page_needs() {
        Prescription created = create(erd(patient), RECEIVED);

        PatientPrescription shown = read(self(patient), RECEIVED.plusSeconds(60)).prescriptions().getFirst();

        assertThat(shown.prescriptionId()).isEqualTo(created.id().value());
        assertThat(shown.issueDate()).isEqualTo(PrescriptionOrders.START_DATE);
        assertThat(shown.startDate()).isEqualTo(PrescriptionOrders.START_DATE);
        assertThat(shown.courseOfTherapy()).isEqualTo("continuous-repeat-dispensing");
        assertThat(shown.issueNumber()).isEqualTo(1);
        assertThat(shown.numberOfIssues()).isEqualTo(3);
        assertThat(shown.prescriberName()).contains("DR C BOIN");
        assertThat(shown.prescriber()).isEqualTo(new PatientOrganisation("A83008", Optional.of("HALLGARTH SURGERY"),
                List.of("HALLGARTH SURGERY", "CHEAPSIDE", "SHILDON", "COUNTY DURHAM"), Optional.of("DL4 2HP"),
                Optional.of("0115 9737320"), Optional.empty()));
        assertThat(shown.dispenser()).contains(new PatientOrganisation("FA565", Optional.of("ASDA INSTORE PHARMACY"),
                List.of("1 HIGH STREET", "TOWN"), Optional.of("LS15 8BA"), Optional.empty(), Optional.empty()));
        assertThat(shown.withDispenser()).isFalse();
        assertThat(shown.items()).hasSize(2);
        PatientItem first = shown.items().getFirst();
        assertThat(first.itemId()).isEqualTo(AMOXICILLIN.value());
        assertThat(first.medication()).isEqualTo("Amoxicillin 250mg capsules");
        assertThat(first.medicationCode()).isEqualTo("39732311000001104");
        assertThat(first.quantityValue()).isEqualByComparingTo(new BigDecimal("20.5"));
        assertThat(first.quantity()).isEqualTo("20.5 tablet");
        assertThat(first.dosage()).isEqualTo("2 times a day for 10 days");
        assertThat(first.status()).isEqualTo(PatientFacingStatus.PRESCRIBER_APPROVED);
        assertThat(first.statusText()).isEqualTo("Prescriber Approved");
        assertThat(first.statusDate()).isEqualTo(RECEIVED);
        assertThat(first.phase()).isEqualTo(Phase.ACTIVE);
        assertThat(shown.anythingReadyToCollect()).isFalse();
    }

    @Test
    void a_prescriber_or_dispenser_the_directory_does_not_know_is_shown_by_what_the_prescription_says() {
        create(PrescriptionOrders.acuteOrder(PrescriptionOrders.newId(), patient), RECEIVED);

        PatientPrescription shown = read(self(patient), RECEIVED.plusSeconds(60)).prescriptions().getFirst();

        assertThat(shown.prescriber()).isEqualTo(new PatientOrganisation("RRERP", Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(shown.prescriberName()).isEmpty();
        assertThat(shown.dispenser()).isEmpty();
    }

    @Test
    void a_released_prescription_names_the_dispenser_holding_it_and_is_approved_for_sixty_minutes_if_it_tracks_nothing() {
        Prescription created = create(erd(patient), RECEIVED);
        Instant released = RECEIVED.plus(Duration.ofHours(1));
        release(created.id(), OTHER_PHARMACY, released);

        PatientPrescription within = read(self(patient), released.plus(Duration.ofMinutes(59))).prescriptions().getFirst();
        PatientPrescription after = read(self(patient), released.plus(Duration.ofMinutes(60))).prescriptions().getFirst();

        assertThat(within.withDispenser()).isTrue();
        assertThat(within.dispenser()).contains(new PatientOrganisation("FCG71", Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(within.items()).extracting(PatientItem::statusText).containsOnly("Prescriber Approved");
        assertThat(after.items()).extracting(PatientItem::statusText)
                .containsOnly("With Pharmacy but Tracking not Supported");
        assertThat(after.items()).extracting(PatientItem::statusDate).containsOnly(released);
    }

    @Test
    void status_updates_from_the_holder_are_shown_and_those_of_another_pharmacy_ignored() {
        Prescription created = create(erd(patient), RECEIVED);
        Instant released = RECEIVED.plus(Duration.ofHours(1));
        release(created.id(), NOMINATED, released);
        update(created, NOMINATED, AMOXICILLIN, BusinessStatus.READY_TO_COLLECT, released.plusSeconds(600));
        update(created, OTHER_PHARMACY, CO_CODAMOL, BusinessStatus.COLLECTED, released.plusSeconds(900));

        PatientPrescription shown = read(self(patient), released.plusSeconds(1200)).prescriptions().getFirst();

        assertThat(shown.items()).extracting(PatientItem::statusText).containsExactly("Ready to Collect", "With Pharmacy");
        assertThat(shown.items().getFirst().statusDate()).isEqualTo(released.plusSeconds(600));
        assertThat(shown.anythingReadyToCollect()).isTrue();
    }

    @Test
    void a_collected_item_counts_as_completed_after_seven_days() {
        Prescription created = create(erd(patient), RECEIVED);
        Instant released = RECEIVED.plus(Duration.ofHours(1));
        release(created.id(), NOMINATED, released);
        update(created, NOMINATED, AMOXICILLIN, BusinessStatus.COLLECTED, released);

        assertThat(read(self(patient), released.plus(Duration.ofDays(7))).prescriptions().getFirst().items().getFirst().phase())
                .isEqualTo(Phase.ACTIVE);
        assertThat(read(self(patient), released.plus(Duration.ofDays(7)).plusSeconds(1)).prescriptions().getFirst().items()
                .getFirst().phase()).isEqualTo(Phase.COMPLETED);
    }

    @Test
    void the_answer_is_dated_by_the_services_clock() {
        Instant now = RECEIVED.plus(Duration.ofDays(2));
        assertThat(read(self(patient), now).readAt()).isEqualTo(now);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private PatientPrescriptions read(Caller.Patient caller, Instant now) {
        ReadPatientPrescriptionsService service = new ReadPatientPrescriptionsService(prescriptions, history,
                pharmacyStatuses, directory, Clock.fixed(now, ZoneOffset.UTC));
        return service.read(new ReadPatientPrescriptionsQuery(caller));
    }

    private static Caller.Patient self(NhsNumber nhsNumber) {
        return new Caller.Patient(nhsNumber, Optional.empty(), "demo-patient-app");
    }

    private static PrescriptionOrder erd(NhsNumber nhsNumber) {
        return PrescriptionOrders.erdOrder(PrescriptionOrders.newId(), nhsNumber, 3);
    }

    private Prescription create(PrescriptionOrder order, Instant at) {
        Prescription stored = prescriptions.add(Prescription.create(order, at), "{}");
        changes.recordCurrent(stored, at, Actor.of(order.prescriber().organisation(), Optional.empty()),
                "prescription-order", Optional.empty());
        return stored;
    }

    private void release(PrescriptionId id, OdsCode dispenser, Instant at) {
        changes.change(id, prescription -> prescription.release(dispenser, at), at,
                Actor.of(dispenser, Optional.empty()), "release", Optional.empty());
    }

    private void update(Prescription prescription, OdsCode pharmacy, LineItemId item, BusinessStatus status,
                        Instant lastModified) {
        TaskStatus taskStatus = status.allows(TaskStatus.IN_PROGRESS) ? TaskStatus.IN_PROGRESS : TaskStatus.COMPLETED;
        pharmacyStatuses.record(List.of(new PharmacyStatus("task-" + taskIds.incrementAndGet(), prescription.id(), item,
                1, prescription.order().patient().nhsNumber(), pharmacy, status, taskStatus, lastModified,
                lastModified)));
    }
}
