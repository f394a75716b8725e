package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link PrescriptionRepository} does, run against the in-memory fake and against PostgreSQL so that
 * services tested with the fake behave the same in production. Implementations may share one store between the
 * tests: each test uses new prescription IDs and new patients.
 */
public abstract class PrescriptionRepositoryContract {

    /** When the prescriptions arrive: to the microsecond, as precisely as PostgreSQL keeps time. */
    protected static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30.123456Z");

    /** The most prescriptions one patient search returns. */
    private static final int PATIENT_SEARCH_LIMIT = 100;

    /** The repository under test. */
    protected abstract PrescriptionRepository repository();

    /** Transactions that the repository's calls on the same thread join. */
    protected abstract Transactions transactions();

    @Test
    void stored_erd_prescription_reads_back_equal_in_every_field() {
        Prescription created = Prescription.create(erdOrder(newId(), newPatient(), 3), RECEIVED);

        Prescription stored = repository().add(created, "{\"resourceType\":\"Bundle\"}");
        Prescription loaded = repository().findById(created.id()).orElseThrow();

        assertThat(created.version()).isZero();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.id()).isEqualTo(created.id());
        assertThat(loaded.order()).isEqualTo(created.order());
        assertThat(loaded.issues()).isEqualTo(created.issues());
        assertThat(loaded.receivedAt()).isEqualTo(RECEIVED);
        assertThat(loaded.issues()).extracting(issue -> issue.status())
                .containsExactly(PrescriptionStatus.TO_BE_DISPENSED, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE,
                        PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
        assertThat(loaded.order().nomination())
                .contains(new NominatedDispenser(OdsCode.parse("FA565"), DispensingSiteType.PHARMACY));
        assertThat(loaded.order().daysSupply()).contains(28);
        assertThat(loaded.order().numberOfIssues()).isEqualTo(3);
        assertThat(stored.order()).isEqualTo(loaded.order());
        assertThat(stored.issues()).isEqualTo(loaded.issues());
        assertThat(stored.receivedAt()).isEqualTo(loaded.receivedAt());
    }

    @Test
    void prescription_with_only_the_required_details_reads_back_with_nothing_added() {
        Prescription created = Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED);

        repository().add(created, "{}");
        Prescription loaded = repository().findById(created.id()).orElseThrow();

        assertThat(loaded.order()).isEqualTo(created.order());
        assertThat(loaded.issues()).isEqualTo(created.issues());
        assertThat(loaded.order().nomination()).isEmpty();
        assertThat(loaded.order().daysSupply()).isEmpty();
        assertThat(loaded.order().patient().givenNames()).isEmpty();
        assertThat(loaded.order().patient().familyName()).isEmpty();
        assertThat(loaded.order().prescriber().name()).isEmpty();
    }

    @Test
    void patient_names_are_kept_exactly_as_written() {
        PrescriptionOrder order = erdOrder(newId(), newPatient(), 1);
        Patient patient = order.patient();
        Patient named = new Patient(patient.nhsNumber(), Optional.of("Ó Súilleabháin"),
                List.of("Zoë", "Anne, Marie", "\"Jo\"", "NULL", " {x} ", "\\"), patient.birthDate(),
                patient.gender(), patient.postcode());
        Prescription created = Prescription.create(withPatient(order, named), RECEIVED);

        repository().add(created, "{}");

        assertThat(repository().findById(created.id()).orElseThrow().order().patient()).isEqualTo(named);
    }

    @Test
    void what_add_returns_is_what_a_later_read_gives_even_for_a_nanosecond_clock() {
        Prescription created = Prescription.create(erdOrder(newId(), newPatient(), 1),
                Instant.parse("2026-11-24T07:53:14.037819036Z"));

        Prescription stored = repository().add(created, "{}");

        assertThat(repository().findById(created.id()).orElseThrow().receivedAt()).isEqualTo(stored.receivedAt());
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2026-11-24T07:53:14.037819Z"));
    }

    @Test
    void original_message_is_kept_exactly_as_received() {
        String message = "{ \"resourceType\" : \"Bundle\",\n  \"id\": \"é ü\" }";
        String awkward = " \t{\r\n  \"name\": \"Zoë 😀 \\u00e9\" }\n\n  ";
        Prescription first = Prescription.create(erdOrder(newId(), newPatient(), 1), RECEIVED);
        Prescription second = Prescription.create(erdOrder(newId(), newPatient(), 1), RECEIVED);

        repository().add(first, message);
        repository().add(second, awkward);

        assertThat(repository().findOriginalMessage(first.id())).contains(message);
        assertThat(repository().findOriginalMessage(second.id())).contains(awkward);
    }

    @Test
    void second_prescription_with_the_same_id_is_a_duplicate_and_the_first_is_unchanged() {
        PrescriptionId id = newId();
        NhsNumber patient = newPatient();
        repository().add(Prescription.create(erdOrder(id, patient, 1), RECEIVED), "{\"first\":true}");

        assertThatThrownBy(() -> repository().add(Prescription.create(erdOrder(id, patient, 2), RECEIVED.plusSeconds(5)),
                "{\"second\":true}"))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_PRESCRIPTION_ID));

        Prescription kept = repository().findById(id).orElseThrow();
        assertThat(kept.issues()).hasSize(1);
        assertThat(kept.version()).isEqualTo(1);
        assertThat(kept.receivedAt()).isEqualTo(RECEIVED);
        assertThat(repository().findOriginalMessage(id)).contains("{\"first\":true}");
        assertThat(repository().findByPatient(patient)).extracting(Prescription::id).containsExactly(id);
    }

    @Test
    void duplicate_inside_a_transaction_rolls_the_whole_transaction_back() {
        PrescriptionId first = newId();
        PrescriptionId existing = newId();
        repository().add(Prescription.create(erdOrder(existing, newPatient(), 1), RECEIVED), "{}");
        Transactions transactions = transactions();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            repository().add(Prescription.create(erdOrder(first, newPatient(), 1), RECEIVED), "{}");
            return repository().add(Prescription.create(erdOrder(existing, newPatient(), 1), RECEIVED), "{}");
        })).isInstanceOf(EpsException.class);

        assertThat(repository().findById(first)).isEmpty();
        assertThat(repository().findOriginalMessage(first)).isEmpty();
        assertThat(repository().findById(existing)).isPresent();
    }

    @Test
    void unknown_prescription_is_not_found() {
        assertThat(repository().findById(newId())).isEmpty();
        assertThat(repository().findOriginalMessage(newId())).isEmpty();
    }

    @Test
    void patient_without_prescriptions_finds_none() {
        assertThat(repository().findByPatient(newPatient())).isEmpty();
    }

    @Test
    void patient_search_returns_only_their_prescriptions_newest_first() {
        NhsNumber patient = newPatient();
        PrescriptionId older = newId();
        PrescriptionId newer = newId();
        PrescriptionId someoneElses = newId();
        repository().add(Prescription.create(acuteOrder(older, patient), RECEIVED), "{}");
        repository().add(Prescription.create(acuteOrder(someoneElses, newPatient()), RECEIVED.plusSeconds(30)), "{}");
        repository().add(Prescription.create(acuteOrder(newer, patient), RECEIVED.plusSeconds(60)), "{}");

        List<Prescription> found = repository().findByPatient(patient);

        assertThat(found).extracting(Prescription::id).containsExactly(newer, older);
        assertThat(found.get(0).order().nomination()).isEmpty();
        assertThat(found).allSatisfy(prescription -> assertThat(prescription.version()).isEqualTo(1));
    }

    @Test
    void prescriptions_received_at_the_same_moment_are_found_in_order_of_id() {
        NhsNumber patient = newPatient();
        List<PrescriptionId> ids = List.of(newId(), newId(), newId(), newId());
        ids.forEach(id -> repository().add(Prescription.create(acuteOrder(id, patient), RECEIVED), "{}"));

        assertThat(repository().findByPatient(patient)).extracting(Prescription::id)
                .containsExactlyElementsOf(ids.stream().sorted(Comparator.comparing(PrescriptionId::value)).toList());
    }

    @Test
    void patient_search_returns_at_most_the_hundred_newest() {
        NhsNumber patient = newPatient();
        List<PrescriptionId> oldestFirst = new ArrayList<>();
        for (int i = 0; i <= PATIENT_SEARCH_LIMIT; i++) {
            PrescriptionId id = newId();
            oldestFirst.add(id);
            repository().add(Prescription.create(acuteOrder(id, patient), RECEIVED.plusSeconds(i)), "{}");
        }

        List<Prescription> found = repository().findByPatient(patient);

        assertThat(found).hasSize(PATIENT_SEARCH_LIMIT);
        assertThat(found).extracting(Prescription::id)
                .containsExactlyElementsOf(oldestFirst.reversed().subList(0, PATIENT_SEARCH_LIMIT));
    }

    private static PrescriptionOrder withPatient(PrescriptionOrder order, Patient patient) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), patient, order.items(), order.nomination(), order.authoredOn(), order.startDate(),
                order.daysSupply(), order.numberOfIssues());
    }
}
