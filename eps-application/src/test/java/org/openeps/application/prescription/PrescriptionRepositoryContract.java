package org.openeps.application.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.erdOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openeps.application.prescription.PrescriptionRepository.Releasable;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.ClaimRecord;
import org.openeps.domain.prescription.DispenseRecord;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.PendingCancellation;
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
 * tests: each test uses new prescription IDs, new patients and new dispensers, and the queries that look across all
 * prescriptions (work due) are checked only for the prescriptions the test made.
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

    // ---- the lifecycle --------------------------------------------------------------------------------------------

    /** The prescribing organisation of {@link PrescriptionOrders#erdOrder}, and its prescriber. */
    private static final OdsCode PRESCRIBING_PRACTICE = OdsCode.parse("A83008");
    private static final Optional<String> PRESCRIBER = Optional.of("555086689106");

    @Test
    void prescription_driven_through_release_dispense_cancellation_and_claim_reads_back_as_stored_at_every_step() {
        OdsCode dispenser = newDispenser();
        PrescriptionOrder order = nominatedTo(erdOrder(newId(), newPatient(), 2), dispenser);
        LineItemId first = order.items().get(0).id();
        LineItemId second = order.items().get(1).id();
        // times to the nanosecond: what update returns is what a later read gives, to the microsecond
        Instant released = Instant.parse("2026-03-11T08:00:00.100000001Z");
        Instant firstDispense = Instant.parse("2026-03-11T09:00:00.200000999Z");
        Instant cancelled = Instant.parse("2026-03-11T10:00:00.300000500Z");
        Instant secondDispense = Instant.parse("2026-03-12T11:00:00.400000999Z");
        Instant claimed = Instant.parse("2026-03-20T12:00:00.500000001Z");

        Prescription stored = repository().add(Prescription.create(order, RECEIVED), "{\"lifecycle\":true}");
        assertReadsBackAs(stored);
        stored = updated(stored, p -> p.release(dispenser, released));
        assertReadsBackAs(stored);
        stored = updated(stored, p -> p.recordDispense(dispenser, "DN-1",
                Map.of(first, ItemStatus.FULLY_DISPENSED, second, ItemStatus.NOT_DISPENSED_OWING), OptionalInt.empty(),
                firstDispense));
        assertReadsBackAs(stored);
        stored = updated(stored, p -> p.cancel(PRESCRIBING_PRACTICE, PRESCRIBER, order.patient().nhsNumber(),
                Optional.of(second), "0001", cancelled).prescription());
        assertReadsBackAs(stored);
        stored = updated(stored, p -> p.recordDispense(dispenser, "DN-2",
                Map.of(first, ItemStatus.FULLY_DISPENSED, second, ItemStatus.FULLY_DISPENSED), OptionalInt.empty(),
                secondDispense));
        assertReadsBackAs(stored);
        stored = updated(stored, p -> p.claim(dispenser, "CLAIM-1", OptionalInt.of(1), claimed));
        assertReadsBackAs(stored);

        Prescription loaded = repository().findById(order.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(6);
        assertThat(loaded.nomination()).isEqualTo(order.nomination());
        Issue issue = loaded.issue(1);
        assertThat(issue.status()).isEqualTo(PrescriptionStatus.CLAIMED);
        assertThat(issue.itemStatuses()).containsExactly(
                Map.entry(first, ItemStatus.FULLY_DISPENSED), Map.entry(second, ItemStatus.FULLY_DISPENSED));
        assertThat(issue.dispenser()).contains(dispenser);
        assertThat(issue.pendingCancellation()).contains(new PendingCancellation(PRESCRIBING_PRACTICE, PRESCRIBER,
                Optional.of(second), "0001", Instant.parse("2026-03-11T10:00:00.300000Z")));
        assertThat(issue.dispenses()).containsExactly(
                new DispenseRecord("DN-1", Instant.parse("2026-03-11T09:00:00.200000Z"), PrescriptionStatus.WITH_DISPENSER,
                        Map.of(first, ItemStatus.WITH_DISPENSER, second, ItemStatus.WITH_DISPENSER)),
                new DispenseRecord("DN-2", Instant.parse("2026-03-12T11:00:00.400000Z"),
                        PrescriptionStatus.WITH_DISPENSER_ACTIVE,
                        Map.of(first, ItemStatus.FULLY_DISPENSED, second, ItemStatus.NOT_DISPENSED_OWING)));
        assertThat(issue.dispenses().get(1).itemsBefore().keySet()).containsExactly(first, second);
        assertThat(issue.lastDispensedAt()).contains(Instant.parse("2026-03-12T11:00:00.400000Z"));
        assertThat(issue.claim()).contains(new ClaimRecord("CLAIM-1", Instant.parse("2026-03-20T12:00:00.500000Z")));
        assertThat(loaded.issue(2).status()).isEqualTo(PrescriptionStatus.AWAITING_RELEASE_READY);
        assertThat(loaded.issue(2).dispenser()).isEmpty();
        assertThat(loaded.issue(2).dispenses()).isEmpty();
        assertThat(repository().findOriginalMessage(order.id())).contains("{\"lifecycle\":true}");
    }

    @Test
    void withdrawn_dispense_and_a_whole_prescription_cancellation_read_back_as_stored() {
        OdsCode dispenser = newDispenser();
        PrescriptionOrder order = nominatedTo(acuteOrder(newId(), newPatient()), dispenser);
        LineItemId item = order.items().get(0).id();
        OdsCode prescribingTrust = order.prescriber().organisation();

        Prescription stored = repository().add(Prescription.create(order, RECEIVED), "{}");
        stored = updated(stored, p -> p.release(dispenser, RECEIVED.plusSeconds(60)));
        stored = updated(stored, p -> p.recordDispense(dispenser, "DN-1", Map.of(item, ItemStatus.FULLY_DISPENSED),
                OptionalInt.empty(), RECEIVED.plusSeconds(120)));
        assertThat(repository().findById(order.id()).orElseThrow().issue(1).dispenses()).hasSize(1);
        stored = updated(stored, p -> p.withdrawDispense(dispenser, OptionalInt.empty(), RECEIVED.plusSeconds(180)));
        stored = updated(stored, p -> p.cancel(prescribingTrust, Optional.empty(), order.patient().nhsNumber(),
                Optional.empty(), "0002", RECEIVED.plusSeconds(240)).prescription());

        assertReadsBackAs(stored);
        Issue issue = repository().findById(order.id()).orElseThrow().issue(1);
        assertThat(issue.status()).isEqualTo(PrescriptionStatus.WITH_DISPENSER);
        assertThat(issue.itemStatuses()).containsExactly(Map.entry(item, ItemStatus.WITH_DISPENSER));
        assertThat(issue.dispenses()).isEmpty();
        assertThat(issue.lastDispensedAt()).isEmpty();
        assertThat(issue.pendingCancellation()).contains(new PendingCancellation(prescribingTrust, Optional.empty(),
                Optional.empty(), "0002", RECEIVED.plusSeconds(240)));
    }

    @Test
    void returned_prescription_reads_back_with_its_nomination_cleared_and_the_order_unchanged() {
        OdsCode dispenser = newDispenser();
        PrescriptionOrder order = nominatedTo(acuteOrder(newId(), newPatient()), dispenser);

        Prescription stored = repository().add(Prescription.create(order, RECEIVED), "{}");
        stored = updated(stored, p -> p.release(dispenser, RECEIVED.plusSeconds(60)));
        stored = updated(stored, p -> p.returnToSpine(dispenser, RECEIVED.plusSeconds(120)));

        assertReadsBackAs(stored);
        Prescription loaded = repository().findById(order.id()).orElseThrow();
        assertThat(loaded.nomination()).isEmpty();
        assertThat(loaded.order().nomination()).contains(new NominatedDispenser(dispenser, DispensingSiteType.PHARMACY));
        assertThat(loaded.issue(1).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
        assertThat(loaded.issue(1).dispenser()).isEmpty();
        assertThat(repository().findByPatient(order.patient().nhsNumber()).get(0).nomination()).isEmpty();
    }

    @Test
    void a_prescription_stored_already_changed_reads_back_as_given() {
        OdsCode dispenser = newDispenser();
        PrescriptionOrder order = nominatedTo(acuteOrder(newId(), newPatient()), dispenser);
        Prescription returned = Prescription.create(order, RECEIVED)
                .release(dispenser, RECEIVED.plusSeconds(1))
                .returnToSpine(dispenser, RECEIVED.plusSeconds(2));

        Prescription stored = repository().add(returned, "{}");

        assertThat(stored.nomination()).isEmpty();
        assertReadsBackAs(stored);
    }

    @Test
    void update_stores_the_next_version_and_returns_it() {
        OdsCode dispenser = newDispenser();
        Prescription first = repository().add(
                Prescription.create(nominatedTo(acuteOrder(newId(), newPatient()), dispenser), RECEIVED), "{}");

        Prescription second = repository().update(first.release(dispenser, RECEIVED.plusSeconds(1)));
        Prescription third = repository().update(second.returnToSpine(dispenser, RECEIVED.plusSeconds(2)));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(third.version()).isEqualTo(3);
        assertThat(repository().findById(first.id()).orElseThrow().version()).isEqualTo(3);
        assertThat(repository().findByIdForUpdate(first.id()).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void stale_update_is_a_concurrent_update_and_changes_nothing() {
        OdsCode dispenser = newDispenser();
        OdsCode another = newDispenser();
        Prescription loaded = repository().add(
                Prescription.create(nominatedTo(acuteOrder(newId(), newPatient()), dispenser), RECEIVED), "{\"m\":1}");
        Prescription winner = repository().update(loaded.release(dispenser, RECEIVED.plusSeconds(1)));

        assertThatThrownBy(() -> transactions().inTransaction(
                () -> repository().update(loaded.release(another, RECEIVED.plusSeconds(2)))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> repository().update(loaded)).isInstanceOf(ConcurrentUpdateException.class);

        assertReadsBackAs(winner);
        assertThat(repository().findById(loaded.id()).orElseThrow().issue(1).dispenser()).contains(dispenser);
        assertThat(repository().findOriginalMessage(loaded.id())).contains("{\"m\":1}");
    }

    @Test
    void update_of_a_prescription_never_stored_is_a_concurrent_update() {
        Prescription never = Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED);

        assertThatThrownBy(() -> repository().update(never)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(repository().findById(never.id())).isEmpty();
    }

    @Test
    void update_in_a_transaction_that_fails_is_rolled_back() {
        OdsCode dispenser = newDispenser();
        Prescription stored = repository().add(
                Prescription.create(nominatedTo(acuteOrder(newId(), newPatient()), dispenser), RECEIVED), "{}");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            repository().update(repository().findByIdForUpdate(stored.id()).orElseThrow()
                    .release(dispenser, RECEIVED.plusSeconds(1)));
            throw new IllegalStateException("the unit of work fails after the update");
        })).isInstanceOf(IllegalStateException.class);

        assertReadsBackAs(stored);
    }

    @Test
    void find_for_update_finds_what_find_finds() {
        Prescription stored = repository().add(Prescription.create(erdOrder(newId(), newPatient(), 2), RECEIVED), "{}");

        Prescription locked = transactions().inTransaction(() -> repository().findByIdForUpdate(stored.id()).orElseThrow());

        assertSameState(locked, stored);
        assertThat(transactions().inTransaction(() -> repository().findByIdForUpdate(newId()))).isEmpty();
    }

    @Test
    void nominated_download_takes_only_prescriptions_to_be_dispensed_nominated_to_the_dispenser_now_oldest_first() {
        OdsCode dispenser = newDispenser();
        OdsCode another = newDispenser();
        Prescription second = addNominated(dispenser, RECEIVED.plusSeconds(1), "{\"n\":2}");
        Prescription third = addNominated(dispenser, RECEIVED.plusSeconds(2), "{\"n\":3}");
        Prescription first = addNominated(dispenser, RECEIVED, "{\"n\":1}");
        // an eRD prescription whose first issue is dispensed and whose second is now to be dispensed
        PrescriptionOrder erd = nominatedTo(erdOrder(newId(), newPatient(), 2), dispenser);
        Prescription fourth = repository().add(Prescription.create(erd, RECEIVED.plusSeconds(3)), "{\"n\":4}");
        fourth = updated(fourth, p -> p.release(dispenser, RECEIVED.plusSeconds(4)));
        fourth = updated(fourth, p -> p.recordDispense(dispenser, "DN-1",
                Map.of(erd.items().get(0).id(), ItemStatus.FULLY_DISPENSED, erd.items().get(1).id(), ItemStatus.FULLY_DISPENSED),
                OptionalInt.empty(), Instant.parse("2026-04-01T10:00:00Z")));
        assertThat(fourth.issue(2).status()).isEqualTo(PrescriptionStatus.TO_BE_DISPENSED);
        // older, but not to be taken
        Prescription withDispenser = addNominated(dispenser, RECEIVED.minusSeconds(1), "{}");
        updated(withDispenser, p -> p.release(dispenser, RECEIVED));
        Prescription returned = addNominated(dispenser, RECEIVED.minusSeconds(2), "{}");
        returned = updated(returned, p -> p.release(dispenser, RECEIVED));
        updated(returned, p -> p.returnToSpine(dispenser, RECEIVED.plusSeconds(1)));
        Prescription elsewhere = addNominated(another, RECEIVED.minusSeconds(3), "{\"elsewhere\":true}");
        repository().add(Prescription.create(nominatedTo(acuteOrder(newId(), newPatient(), LocalDate.of(2026, 9, 1)),
                dispenser), RECEIVED.minusSeconds(4)), "{}");
        Prescription cancelled = addNominated(dispenser, RECEIVED.minusSeconds(5), "{}");
        updated(cancelled, p -> p.cancel(cancelled.order().prescriber().organisation(), Optional.empty(),
                cancelled.order().patient().nhsNumber(), Optional.empty(), "0001", RECEIVED).prescription());
        repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED.minusSeconds(6)), "{}");

        List<Releasable> all = transactions().inTransaction(() -> repository().lockNominatedReleasable(dispenser, 10));
        List<Releasable> two = transactions().inTransaction(() -> repository().lockNominatedReleasable(dispenser, 2));
        List<Releasable> others = transactions().inTransaction(() -> repository().lockNominatedReleasable(another, 10));

        assertThat(all).extracting(releasable -> releasable.prescription().id())
                .containsExactly(first.id(), second.id(), third.id(), fourth.id());
        assertThat(all).extracting(Releasable::originalMessage)
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        assertSameState(all.get(3).prescription(), fourth);
        assertThat(two).extracting(releasable -> releasable.prescription().id()).containsExactly(first.id(), second.id());
        assertThat(others).extracting(releasable -> releasable.prescription().id()).containsExactly(elsewhere.id());
        assertThat(transactions().inTransaction(() -> repository().lockNominatedReleasable(newDispenser(), 10))).isEmpty();
    }

    /** 23:30 UTC on 9 September 2026 is 00:30 on 10 September in London (BST). */
    private static final Instant DUE_AT = Instant.parse("2026-09-09T23:30:00Z");

    @Test
    void work_due_is_found_for_each_kind_and_not_before_it_is_due() {
        OdsCode dispenser = newDispenser();
        // expiry: issue 1 expires six months after the prescription date, on the London calendar
        Prescription expiring = repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");
        Prescription expiringWithDispenser = addNominated(dispenser, RECEIVED, "{}");
        updated(expiringWithDispenser, p -> p.release(dispenser, RECEIVED.plusSeconds(1)));
        Prescription expiringTomorrow = repository().add(Prescription.create(
                authored(acuteOrder(newId(), newPatient()), Instant.parse("2026-03-11T09:00:00Z"), LocalDate.of(2026, 3, 11)),
                Instant.parse("2026-03-11T10:00:00Z")), "{}");
        Prescription cancelled = repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");
        updated(cancelled, p -> p.cancel(p.order().prescriber().organisation(), Optional.empty(),
                p.order().patient().nhsNumber(), Optional.empty(), "0001", RECEIVED.plusSeconds(1)).prescription());
        // no claim: 180 days after the last dispense
        Prescription unclaimed = dispensed(dispenser, DUE_AT.minus(Prescription.CLAIM_PERIOD));
        Prescription unclaimedForOneSecondMore = dispensed(dispenser, DUE_AT.minus(Prescription.CLAIM_PERIOD).plusSeconds(1));
        Prescription claimed = dispensed(dispenser, DUE_AT.minus(Prescription.CLAIM_PERIOD).minusSeconds(86_400));
        updated(claimed, p -> p.claim(dispenser, "CLAIM-1", OptionalInt.empty(),
                DUE_AT.minus(Prescription.CLAIM_PERIOD).minusSeconds(3_600)));
        // future-dated: available from the day before it starts
        Prescription startingTomorrow = futureDated(LocalDate.of(2026, 9, 11));
        Prescription startingInTwoDays = futureDated(LocalDate.of(2026, 9, 12));
        // eRD: the next issue waits in 0000 until seven days before its supply is due
        Prescription nextIssueDueToday = erdWithSecondIssueWaiting(dispenser, LocalDate.of(2026, 8, 20));
        Prescription nextIssueDueTomorrow = erdWithSecondIssueWaiting(dispenser, LocalDate.of(2026, 8, 21));

        List<PrescriptionId> due = ids(transactions().inTransaction(() -> repository().lockWithWorkDue(DUE_AT, 10_000)));
        List<PrescriptionId> dueAnHourEarlier = ids(transactions().inTransaction(
                () -> repository().lockWithWorkDue(DUE_AT.minusSeconds(3_600), 10_000)));

        assertThat(due).contains(expiring.id(), expiringWithDispenser.id(), unclaimed.id(), startingTomorrow.id(),
                nextIssueDueToday.id());
        assertThat(due).doesNotContain(expiringTomorrow.id(), cancelled.id(), unclaimedForOneSecondMore.id(),
                claimed.id(), startingInTwoDays.id(), nextIssueDueTomorrow.id());
        assertThat(due).doesNotHaveDuplicates();
        assertThat(dueAnHourEarlier).doesNotContain(expiring.id(), expiringWithDispenser.id(), unclaimed.id(),
                startingTomorrow.id(), nextIssueDueToday.id());
        Prescription found = transactions().inTransaction(() -> repository().lockWithWorkDue(DUE_AT, 10_000)).stream()
                .filter(prescription -> prescription.id().equals(unclaimed.id()))
                .findFirst().orElseThrow();
        assertThat(found.noClaimDue(DUE_AT)).isPresent();
        assertSameState(found, repository().findById(unclaimed.id()).orElseThrow());
    }

    @Test
    void work_due_is_found_no_more_than_the_limit_at_a_time() {
        repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");
        repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");
        repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");

        assertThat(transactions().inTransaction(() -> repository().lockWithWorkDue(DUE_AT, 2))).hasSize(2);
    }

    @Test
    void work_done_is_no_longer_due() {
        Prescription expiring = repository().add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED), "{}");
        updated(expiring, p -> p.expireDue(DUE_AT).orElseThrow());

        assertThat(ids(transactions().inTransaction(() -> repository().lockWithWorkDue(DUE_AT, 10_000))))
                .doesNotContain(expiring.id());
    }

    /** An acute prescription received now, nominated to the dispenser, to be dispensed. */
    private Prescription addNominated(OdsCode dispenser, Instant receivedAt, String message) {
        return repository().add(Prescription.create(nominatedTo(acuteOrder(newId(), newPatient()), dispenser), receivedAt),
                message);
    }

    /** An acute prescription of 12 March 2026 released and dispensed in full at {@code at}. */
    private Prescription dispensed(OdsCode dispenser, Instant at) {
        PrescriptionOrder order = nominatedTo(authored(acuteOrder(newId(), newPatient()),
                Instant.parse("2026-03-12T09:00:00Z"), LocalDate.of(2026, 3, 12)), dispenser);
        Prescription stored = repository().add(Prescription.create(order, Instant.parse("2026-03-12T10:00:00Z")), "{}");
        stored = updated(stored, p -> p.release(dispenser, Instant.parse("2026-03-12T11:00:00Z")));
        stored = updated(stored, p -> p.recordDispense(dispenser, "DN-1",
                Map.of(order.items().get(0).id(), ItemStatus.FULLY_DISPENSED), OptionalInt.empty(), at));
        assertThat(stored.issue(1).status()).isEqualTo(PrescriptionStatus.DISPENSED);
        return stored;
    }

    /** An acute prescription of 20 March 2026 that starts later, so waits as future-dated. */
    private Prescription futureDated(LocalDate startDate) {
        Prescription stored = repository().add(Prescription.create(
                authored(acuteOrder(newId(), newPatient()), Instant.parse("2026-03-20T09:00:00Z"), startDate),
                Instant.parse("2026-03-20T10:00:00Z")), "{}");
        assertThat(stored.issue(1).status()).isEqualTo(PrescriptionStatus.FUTURE_DATED);
        return stored;
    }

    /** A two-issue eRD prescription starting then, whose first issue was dispensed the day after. */
    private Prescription erdWithSecondIssueWaiting(OdsCode dispenser, LocalDate startDate) {
        Instant authoredOn = startDate.atTime(9, 0).toInstant(ZoneOffset.UTC);
        PrescriptionOrder order = nominatedTo(authored(erdOrder(newId(), newPatient(), 2), authoredOn, startDate),
                dispenser);
        Prescription stored = repository().add(Prescription.create(order, authoredOn.plusSeconds(3_600)), "{}");
        stored = updated(stored, p -> p.release(dispenser, authoredOn.plusSeconds(7_200)));
        stored = updated(stored, p -> p.recordDispense(dispenser, "DN-1",
                Map.of(order.items().get(0).id(), ItemStatus.FULLY_DISPENSED,
                        order.items().get(1).id(), ItemStatus.FULLY_DISPENSED),
                OptionalInt.empty(), authoredOn.plusSeconds(86_400)));
        assertThat(stored.issue(2).status()).isEqualTo(PrescriptionStatus.AWAITING_RELEASE_READY);
        return stored;
    }

    /** Applies a move to the prescription as stored and stores the result, in a transaction. */
    protected Prescription updated(Prescription stored, UnaryOperator<Prescription> move) {
        return transactions().inTransaction(() -> repository().update(move.apply(stored)));
    }

    /** A later read gives exactly this prescription. */
    protected void assertReadsBackAs(Prescription stored) {
        assertSameState(repository().findById(stored.id()).orElseThrow(), stored);
    }

    protected static void assertSameState(Prescription actual, Prescription expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.order()).isEqualTo(expected.order());
        assertThat(actual.nomination()).isEqualTo(expected.nomination());
        assertThat(actual.issues()).isEqualTo(expected.issues());
        assertThat(actual.receivedAt()).isEqualTo(expected.receivedAt());
        assertThat(actual.version()).isEqualTo(expected.version());
    }

    private static List<PrescriptionId> ids(List<Prescription> prescriptions) {
        return prescriptions.stream().map(Prescription::id).toList();
    }

    /** A dispenser no other test uses. */
    protected static OdsCode newDispenser() {
        return new OdsCode("F" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT));
    }

    /** The order nominated to this pharmacy. */
    protected static PrescriptionOrder nominatedTo(PrescriptionOrder order, OdsCode dispenser) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), order.patient(), order.items(),
                Optional.of(new NominatedDispenser(dispenser, DispensingSiteType.PHARMACY)), order.authoredOn(),
                order.startDate(), order.daysSupply(), order.numberOfIssues());
    }

    private static PrescriptionOrder authored(PrescriptionOrder order, Instant authoredOn, LocalDate startDate) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), order.patient(), order.items(), order.nomination(), authoredOn, startDate,
                order.daysSupply(), order.numberOfIssues());
    }

    private static PrescriptionOrder withPatient(PrescriptionOrder order, Patient patient) {
        return new PrescriptionOrder(order.id(), order.longFormId(), order.type(), order.treatmentType(),
                order.prescriber(), patient, order.items(), order.nomination(), order.authoredOn(), order.startDate(),
                order.daysSupply(), order.numberOfIssues());
    }
}
