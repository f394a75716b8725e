package org.openeps.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;
import static org.openeps.application.tracker.TrackerPrescriptions.authoredOn;
import static org.openeps.application.tracker.TrackerPrescriptions.forPatient;
import static org.openeps.application.tracker.TrackerPrescriptions.newFamilyName;
import static org.openeps.application.tracker.TrackerPrescriptions.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link TrackerQueries} does, run against the in-memory fake and against PostgreSQL. Implementations may
 * share one store between the tests, so each test's patients have a family name of their own.
 */
public abstract class TrackerQueriesContract {

    private static final LocalDate BORN = LocalDate.of(1948, 4, 30);
    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final OdsCode PRACTICE = OdsCode.parse("A83008");
    private static final OdsCode PHARMACY = OdsCode.parse("FA565");

    /** The queries under test. */
    protected abstract TrackerQueries queries();

    /** Where the prescriptions they read are stored. */
    protected abstract PrescriptionRepository repository();

    @Test
    void matches_family_name_and_date_of_birth_ignoring_case_and_whitespace() {
        String family = newFamilyName("Mac Donald");
        Patient patient = patient(newPatient(), family, List.of("Stacey"), BORN, "KT11 2QY");
        store(patient, RECEIVED);

        String typed = "  " + family.toUpperCase(java.util.Locale.ROOT).replace(" ", "") + " ";
        assertThat(queries().findPatients(PatientSearch.of(typed, BORN, Optional.empty(), Optional.empty()), 10))
                .containsExactly(patient);
        assertThat(queries().findPatients(PatientSearch.of(family, BORN.plusDays(1), Optional.empty(),
                Optional.empty()), 10)).isEmpty();
        assertThat(queries().findPatients(PatientSearch.of(family + "x", BORN, Optional.empty(), Optional.empty()),
                10)).isEmpty();
    }

    @Test
    void a_patient_with_several_prescriptions_is_found_once_with_the_newest_details() {
        String family = newFamilyName("Twitchett");
        NhsNumber nhsNumber = newPatient();
        store(patient(nhsNumber, family, List.of("Stacey"), BORN, "KT11 2QY"), RECEIVED);
        Patient moved = patient(nhsNumber, family, List.of("Stacey", "Marisa"), BORN, "LS1 1AA");
        store(moved, RECEIVED.plusSeconds(3600));
        store(patient(nhsNumber, family, List.of("Stacey"), BORN, "KT11 2QY"), RECEIVED.minusSeconds(3600));

        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.empty(), Optional.empty()), 10))
                .containsExactly(moved);
    }

    @Test
    void older_details_no_longer_match_once_newer_ones_arrive() {
        String before = newFamilyName("Maiden");
        String after = newFamilyName("Married");
        NhsNumber nhsNumber = newPatient();
        store(patient(nhsNumber, before, List.of("Jane"), BORN, "KT11 2QY"), RECEIVED);
        Patient renamed = patient(nhsNumber, after, List.of("Jane"), BORN, "KT11 2QY");
        store(renamed, RECEIVED.plusSeconds(60));

        assertThat(queries().findPatients(PatientSearch.of(before, BORN, Optional.empty(), Optional.empty()), 10))
                .isEmpty();
        assertThat(queries().findPatients(PatientSearch.of(after, BORN, Optional.empty(), Optional.empty()), 10))
                .containsExactly(renamed);
    }

    @Test
    void a_given_name_matches_any_of_the_patients_given_names() {
        String family = newFamilyName("Smith");
        Patient stacey = patient(newPatient(), family, List.of("Stacey", "Marisa"), BORN, "KT11 2QY");
        Patient john = patient(newPatient(), family, List.of("John"), BORN, "KT11 2QY");
        store(stacey, RECEIVED);
        store(john, RECEIVED);

        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.of(" marisa "), Optional.empty()),
                10)).containsExactly(stacey);
        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.of("JOHN"), Optional.empty()), 10))
                .containsExactly(john);
        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.of("Mary"), Optional.empty()), 10))
                .isEmpty();
    }

    @Test
    void a_postcode_matches_ignoring_case_and_spaces() {
        String family = newFamilyName("Jones");
        Patient leeds = patient(newPatient(), family, List.of("Ann"), BORN, "LS1 1AA");
        store(leeds, RECEIVED);
        store(patient(newPatient(), family, List.of("Ann"), BORN, "KT11 2QY"), RECEIVED);

        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.empty(), Optional.of("ls11aa")), 10))
                .containsExactly(leeds);
        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.empty(), Optional.of("LS1 1AB")), 10))
                .isEmpty();
    }

    @Test
    void a_prescription_without_family_name_or_date_of_birth_never_matches() {
        NhsNumber nhsNumber = newPatient();
        Prescription bare = Prescription.create(acuteOrder(newId(), nhsNumber), RECEIVED);
        repository().add(bare, "{}");

        assertThat(bare.order().patient().familyName()).isEmpty();
        assertThat(queries().findPatients(PatientSearch.of("anything", BORN, Optional.empty(), Optional.empty()), 100))
                .noneMatch(found -> found.nhsNumber().equals(nhsNumber));
    }

    @Test
    void at_most_the_limit_ordered_by_family_name_then_nhs_number() {
        String family = newFamilyName("Brown");
        List<Patient> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Patient patient = patient(newPatient(), family, List.of("Pat"), BORN, "KT11 2QY");
            store(patient, RECEIVED.plusSeconds(i));
            stored.add(patient);
        }
        stored.sort(Comparator.comparing(patient -> patient.nhsNumber().value()));

        assertThat(queries().findPatients(PatientSearch.of(family, BORN, Optional.empty(), Optional.empty()), 11))
                .containsExactlyElementsOf(stored.subList(0, 11));
    }

    @Test
    void a_listed_prescription_is_summarised_as_the_whole_of_it_is_in_every_status() {
        NhsNumber nhsNumber = newPatient();
        List<Prescription> stored = new ArrayList<>();
        for (PrescriptionStatus status : PrescriptionStatus.values()) {
            stored.add(add(ListPrescriptionsServiceTest.inStatus(acuteOrder(newId(), nhsNumber), status)));
        }
        Prescription erd = Prescription.create(erdOrder(newId(), nhsNumber, 3), RECEIVED).release(PHARMACY, RECEIVED);
        Map<LineItemId, ItemStatus> allDispensed = new LinkedHashMap<>();
        erd.order().items().forEach(item -> allDispensed.put(item.id(), ItemStatus.FULLY_DISPENSED));
        stored.add(add(erd.recordDispense(PHARMACY, "dn-1", allDispensed, OptionalInt.empty(), RECEIVED)));
        Prescription whole = Prescription.create(erdOrder(newId(), nhsNumber, 1), RECEIVED).release(PHARMACY, RECEIVED);
        stored.add(add(whole.cancel(PRACTICE, Optional.of("555086689106"), nhsNumber, Optional.empty(), "0001",
                RECEIVED).prescription()));
        Prescription oneItem = Prescription.create(erdOrder(newId(), nhsNumber, 1), RECEIVED)
                .release(PHARMACY, RECEIVED);
        stored.add(add(oneItem.cancel(PRACTICE, Optional.of("555086689106"), nhsNumber,
                Optional.of(oneItem.order().items().getFirst().id()), "0002", RECEIVED).prescription()));

        for (Prescription prescription : stored) {
            assertThat(queries().findListed(prescription.id()))
                    .as("prescription %s, issue %s", prescription.id(), prescription.currentIssue().status())
                    .contains(new ListedPrescription(PrescriptionSummary.of(prescription),
                            prescription.order().patient(), prescription.receivedAt()));
        }
        assertThat(stored).extracting(prescription -> PrescriptionSummary.of(prescription).issueNumber()).contains(2);
        assertThat(queries().findListed(newId())).isEmpty();
    }

    @Test
    void a_patients_list_is_newest_received_first_signed_from_the_bound_at_most_the_limit() {
        NhsNumber nhsNumber = newPatient();
        Instant signedFrom = Instant.parse("2025-01-01T00:00:00Z");
        Prescription tooEarly = add(signed(nhsNumber, signedFrom.minusSeconds(1), RECEIVED.plusSeconds(40)));
        Prescription atTheBound = add(signed(nhsNumber, signedFrom, RECEIVED));
        Prescription later = add(signed(nhsNumber, signedFrom.plusSeconds(86_400), RECEIVED.plusSeconds(30)));
        Prescription tiedA = add(signed(nhsNumber, signedFrom.plusSeconds(3_600), RECEIVED.plusSeconds(20)));
        Prescription tiedB = add(signed(nhsNumber, signedFrom.plusSeconds(7_200), RECEIVED.plusSeconds(20)));
        add(signed(newPatient(), signedFrom, RECEIVED.plusSeconds(50)));
        List<String> tied = Stream.of(tiedA, tiedB).map(p -> p.id().value()).sorted().toList();

        assertThat(ids(queries().findListed(nhsNumber, signedFrom, 10)))
                .containsExactly(later.id().value(), tied.get(0), tied.get(1), atTheBound.id().value());
        assertThat(ids(queries().findListed(nhsNumber, signedFrom, 2)))
                .containsExactly(later.id().value(), tied.get(0));
        assertThat(ids(queries().findListed(nhsNumber, signedFrom.minusSeconds(1), 10)))
                .startsWith(tooEarly.id().value()).hasSize(5);
        assertThat(queries().findListed(newPatient(), signedFrom, 10)).isEmpty();
    }

    private Prescription add(Prescription prescription) {
        return repository().add(prescription, "{}");
    }

    private static Prescription signed(NhsNumber nhsNumber, Instant authoredOn, Instant receivedAt) {
        return Prescription.create(authoredOn(acuteOrder(newId(), nhsNumber), authoredOn), receivedAt);
    }

    private static List<String> ids(List<ListedPrescription> listed) {
        return listed.stream().map(prescription -> prescription.summary().prescriptionId().value()).toList();
    }

    private void store(Patient patient, Instant receivedAt) {
        repository().add(Prescription.create(forPatient(erdOrder(newId(), patient.nhsNumber(), 2), patient),
                receivedAt), "{}");
    }
}
