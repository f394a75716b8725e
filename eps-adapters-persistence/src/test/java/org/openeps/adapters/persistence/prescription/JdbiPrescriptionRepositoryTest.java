package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.LongFormPrescriptionId;
import org.openeps.domain.prescription.Medication;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.PrescriptionType;
import org.openeps.domain.prescription.Quantity;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class JdbiPrescriptionRepositoryTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:15:30Z");
    private static final NhsNumber PATIENT = NhsNumber.parse("9449304130");
    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    private static PostgresDatabase database;
    private static JdbiPrescriptionRepository repository;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        repository = new JdbiPrescriptionRepository(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void stored_prescription_reads_back_equal_in_every_field() {
        Prescription created = Prescription.create(erdOrder(newId(), 3), RECEIVED);

        Prescription stored = repository.add(created, "{\"resourceType\":\"Bundle\"}");
        Prescription loaded = repository.findById(created.id()).orElseThrow();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.order()).isEqualTo(created.order());
        assertThat(loaded.issues()).isEqualTo(created.issues());
        assertThat(loaded.receivedAt()).isEqualTo(RECEIVED);
        assertThat(loaded.issues()).extracting(issue -> issue.status())
                .containsExactly(PrescriptionStatus.TO_BE_DISPENSED, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE,
                        PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
    }

    @Test
    void original_message_is_kept_exactly_as_received() {
        String message = "{ \"resourceType\" : \"Bundle\",\n  \"id\": \"é ü\" }";
        Prescription created = Prescription.create(erdOrder(newId(), 1), RECEIVED);

        repository.add(created, message);

        assertThat(repository.findOriginalMessage(created.id())).contains(message);
    }

    @Test
    void second_prescription_with_the_same_id_is_a_duplicate() {
        PrescriptionId id = newId();
        repository.add(Prescription.create(erdOrder(id, 1), RECEIVED), "{}");

        assertThatThrownBy(() -> repository.add(Prescription.create(erdOrder(id, 2), RECEIVED), "{}"))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_PRESCRIPTION_ID));
        assertThat(repository.findById(id).orElseThrow().issues()).hasSize(1);
    }

    @Test
    void duplicate_inside_a_transaction_rolls_the_whole_transaction_back() {
        PrescriptionId first = newId();
        PrescriptionId existing = newId();
        repository.add(Prescription.create(erdOrder(existing, 1), RECEIVED), "{}");
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            repository.add(Prescription.create(erdOrder(first, 1), RECEIVED), "{}");
            return repository.add(Prescription.create(erdOrder(existing, 1), RECEIVED), "{}");
        })).isInstanceOf(EpsException.class);

        assertThat(repository.findById(first)).isEmpty();
    }

    @Test
    void unknown_prescription_is_not_found() {
        assertThat(repository.findById(newId())).isEmpty();
        assertThat(repository.findOriginalMessage(newId())).isEmpty();
    }

    @Test
    void patient_search_returns_their_prescriptions_newest_first() {
        NhsNumber patient = NhsNumber.parse("5839945242");
        PrescriptionId older = newId();
        PrescriptionId newer = newId();
        repository.add(Prescription.create(order(older, patient), RECEIVED), "{}");
        repository.add(Prescription.create(order(newer, patient), RECEIVED.plusSeconds(60)), "{}");

        List<Prescription> found = repository.findByPatient(patient);

        assertThat(found).extracting(Prescription::id).containsExactly(newer, older);
        assertThat(found.get(0).order().nomination()).isEmpty();
    }

    private static PrescriptionId newId() {
        return PrescriptionId.generate(OdsCode.parse("A83008"), RANDOM.nextInt(0x100000), RANDOM);
    }

    private static PrescriptionOrder erdOrder(PrescriptionId id, int issues) {
        return new PrescriptionOrder(id, LongFormPrescriptionId.parse("20ba5fb5-cb58-462c-923e-22d180b09356"),
                new PrescriptionType("0101"), TreatmentType.REPEAT_DISPENSING,
                new Prescriber(Optional.of("DR C BOIN"), Optional.of("555086689106"), Optional.of("200102238987"),
                        Optional.of("R8000"), OdsCode.parse("A83008"), Optional.of("HALLGARTH SURGERY")),
                new Patient(PATIENT, Optional.of("TWITCHETT"), List.of("STACEY", "MARISA"),
                        Optional.of(LocalDate.of(1948, 4, 30)), Optional.of("female"), Optional.of("KT11 2QY")),
                List.of(item("a54219b8-f741-4c47-b662-e4f8dfa49ab6", "Amoxicillin 250mg capsules"),
                        item("6989b7bd-8db6-428c-a593-4022e3044c00", "Co-codamol 30mg/500mg tablets")),
                Optional.of(new NominatedDispenser(OdsCode.parse("FA565"), DispensingSiteType.PHARMACY)),
                Instant.parse("2026-03-10T09:00:00Z"), LocalDate.of(2026, 3, 10), Optional.of(28), issues);
    }

    private static PrescriptionOrder order(PrescriptionId id, NhsNumber patient) {
        return new PrescriptionOrder(id, LongFormPrescriptionId.parse("30ba5fb5-cb58-462c-923e-22d180b09356"),
                new PrescriptionType("1001"), TreatmentType.ACUTE,
                new Prescriber(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        OdsCode.parse("RRERP"), Optional.empty()),
                new Patient(patient, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of(item("2868554c-5565-4d31-b92a-c5b8dab8b90a", "Pseudoephedrine 60mg tablets")),
                Optional.empty(), Instant.parse("2026-03-10T09:00:00Z"), LocalDate.of(2026, 3, 10), Optional.empty(), 1);
    }

    private static LineItem item(String id, String medication) {
        return new LineItem(LineItemId.parse(id), new Medication("39732311000001104", medication),
                new Quantity(new BigDecimal("20.5"), "tablet"), "2 times a day for 10 days");
    }
}
