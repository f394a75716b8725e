package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.FindPrescriptionsUseCase.FindPrescriptionsQuery;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;

class FindPrescriptionsServiceTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30Z");

    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final FindPrescriptionsService service = new FindPrescriptionsService(prescriptions);

    @Test
    void search_by_id_finds_that_prescription() {
        NhsNumber patient = newPatient();
        PrescriptionId wanted = newId();
        prescriptions.add(Prescription.create(erdOrder(wanted, patient, 2), RECEIVED), "{}");
        prescriptions.add(Prescription.create(erdOrder(newId(), patient, 1), RECEIVED), "{}");

        List<Prescription> found = service.find(FindPrescriptionsQuery.byId(wanted));

        assertThat(found).singleElement().satisfies(prescription -> {
            assertThat(prescription.id()).isEqualTo(wanted);
            assertThat(prescription.issues()).hasSize(2);
            assertThat(prescription.version()).isEqualTo(1);
        });
    }

    @Test
    void search_by_an_unknown_id_finds_nothing() {
        prescriptions.add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");

        assertThat(service.find(FindPrescriptionsQuery.byId(newId()))).isEmpty();
    }

    @Test
    void search_by_patient_finds_only_their_prescriptions_newest_first() {
        NhsNumber patient = newPatient();
        PrescriptionId oldest = newId();
        PrescriptionId newest = newId();
        PrescriptionId between = newId();
        prescriptions.add(Prescription.create(acuteOrder(oldest, patient), RECEIVED), "{}");
        prescriptions.add(Prescription.create(acuteOrder(newest, patient), RECEIVED.plusSeconds(120)), "{}");
        prescriptions.add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED.plusSeconds(90)), "{}");
        prescriptions.add(Prescription.create(erdOrder(between, patient, 1), RECEIVED.plusSeconds(60)), "{}");

        List<Prescription> found = service.find(FindPrescriptionsQuery.byPatient(patient));

        assertThat(found).extracting(Prescription::id).containsExactly(newest, between, oldest);
    }

    @Test
    void search_by_a_patient_without_prescriptions_finds_nothing() {
        prescriptions.add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");

        assertThat(service.find(FindPrescriptionsQuery.byPatient(newPatient()))).isEmpty();
    }
}
