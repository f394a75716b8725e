package org.openeps.application.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * What every {@link NominationRepository} does, run against the in-memory fake and against PostgreSQL. Each test uses
 * patients of its own, so implementations may share one store between the tests.
 */
public abstract class NominationRepositoryContract {

    private static final AtomicLong NEXT_PATIENT = new AtomicLong(944930413L);
    private static final Instant NOW = Instant.parse("2026-03-04T10:11:12.123456Z");
    private static final Actor GP = Actor.of(new OdsCode("A83008"), Optional.of("555086689106"));
    private static final OdsCode FA565 = new OdsCode("FA565");
    private static final OdsCode FCG71 = new OdsCode("FCG71");

    protected abstract NominationRepository repository();

    /** A valid NHS number no other test uses. */
    private static NhsNumber newPatient() {
        while (true) {
            Optional<NhsNumber> number = NhsNumber.withCheckDigit(Long.toString(NEXT_PATIENT.incrementAndGet()));
            if (number.isPresent()) {
                return number.get();
            }
        }
    }

    @Test
    void a_patient_never_saved_is_not_found_and_has_no_history() {
        NhsNumber patient = newPatient();

        assertThat(repository().find(patient)).isEmpty();
        assertThat(repository().history(patient)).isEmpty();
    }

    @Test
    void saved_nominations_read_back_at_the_next_version_with_their_history() {
        NhsNumber patient = newPatient();
        Nominations changed = Nominations.none(patient)
                .nominate(DispensingSiteType.PHARMACY, FA565, GP, NOW)
                .nominate(DispensingSiteType.APPLIANCE_CONTRACTOR, FCG71, Actor.SERVICE, NOW);

        Nominations saved = repository().save(changed);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(repository().find(patient)).contains(saved);
        assertThat(saved.all()).isEqualTo(Map.of(DispensingSiteType.PHARMACY, FA565,
                DispensingSiteType.APPLIANCE_CONTRACTOR, FCG71));
        assertThat(repository().history(patient)).containsExactlyElementsOf(changed.changes());
    }

    @Test
    void changes_and_removals_are_stored_and_the_history_keeps_every_step_in_order() {
        NhsNumber patient = newPatient();
        Nominations first = repository().save(Nominations.none(patient)
                .nominate(DispensingSiteType.PHARMACY, FA565, GP, NOW));
        Nominations second = repository().save(first
                .nominate(DispensingSiteType.PHARMACY, FCG71, GP, NOW.plusSeconds(60))
                .nominate(DispensingSiteType.DISPENSING_DOCTOR, FA565, GP, NOW.plusSeconds(60)));
        Nominations third = repository().save(second.remove(DispensingSiteType.PHARMACY, GP, NOW.plusSeconds(120)));

        assertThat(third.version()).isEqualTo(3);
        assertThat(repository().find(patient).orElseThrow().all())
                .isEqualTo(Map.of(DispensingSiteType.DISPENSING_DOCTOR, FA565));
        assertThat(repository().history(patient)).extracting(NominationChange::siteType, NominationChange::from,
                NominationChange::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DispensingSiteType.PHARMACY, Optional.empty(), Optional.of(FA565)),
                org.assertj.core.groups.Tuple.tuple(DispensingSiteType.PHARMACY, Optional.of(FA565), Optional.of(FCG71)),
                org.assertj.core.groups.Tuple.tuple(DispensingSiteType.DISPENSING_DOCTOR, Optional.empty(),
                        Optional.of(FA565)),
                org.assertj.core.groups.Tuple.tuple(DispensingSiteType.PHARMACY, Optional.of(FCG71), Optional.empty()));
    }

    @Test
    void saving_from_a_stale_version_is_refused_and_changes_nothing() {
        NhsNumber patient = newPatient();
        Nominations read = repository().save(Nominations.none(patient)
                .nominate(DispensingSiteType.PHARMACY, FA565, GP, NOW));
        repository().save(read.nominate(DispensingSiteType.PHARMACY, FCG71, GP, NOW));

        assertThatThrownBy(() -> repository().save(read.remove(DispensingSiteType.PHARMACY, GP, NOW)))
                .isInstanceOf(StaleNominationsException.class);
        assertThat(repository().find(patient).orElseThrow().nominated(DispensingSiteType.PHARMACY)).contains(FCG71);
        assertThat(repository().history(patient)).hasSize(2);
    }

    @Test
    void two_first_nominations_for_the_same_patient_store_only_one() {
        NhsNumber patient = newPatient();
        repository().save(Nominations.none(patient).nominate(DispensingSiteType.PHARMACY, FA565, GP, NOW));

        assertThatThrownBy(() -> repository().save(Nominations.none(patient)
                .nominate(DispensingSiteType.PHARMACY, FCG71, GP, NOW)))
                .isInstanceOf(StaleNominationsException.class);
        assertThat(repository().find(patient).orElseThrow().nominated(DispensingSiteType.PHARMACY)).contains(FA565);
    }
}
