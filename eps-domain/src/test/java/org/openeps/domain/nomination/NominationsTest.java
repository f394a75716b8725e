package org.openeps.domain.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.DispensingSiteType;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

class NominationsTest {

    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final Instant NOW = Instant.parse("2026-01-02T10:00:00Z");
    private static final Actor BY = Actor.of(new OdsCode("A83008"), Optional.of("555086689106"));
    private static final OdsCode FA565 = new OdsCode("FA565");
    private static final OdsCode FCG71 = new OdsCode("FCG71");

    @Test
    void a_patient_who_never_nominated_has_nothing_nominated_at_version_0() {
        Nominations none = Nominations.none(PATIENT);

        assertThat(none.all()).isEmpty();
        assertThat(none.version()).isZero();
        assertThat(none.changes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DispensingSiteType.class, names = {"PHARMACY", "APPLIANCE_CONTRACTOR", "DISPENSING_DOCTOR"})
    void nominating_sets_one_dispenser_per_site_type_and_records_the_change(DispensingSiteType type) {
        Nominations after = Nominations.none(PATIENT).nominate(type, FA565, BY, NOW);

        assertThat(after.nominated(type)).contains(FA565);
        assertThat(after.all()).hasSize(1);
        assertThat(after.changes()).containsExactly(
                new NominationChange(PATIENT, type, Optional.empty(), Optional.of(FA565), BY, NOW));
    }

    @Test
    void changing_replaces_the_dispenser_and_records_from_and_to() {
        Nominations after = Nominations.none(PATIENT)
                .nominate(DispensingSiteType.PHARMACY, FA565, BY, NOW)
                .nominate(DispensingSiteType.PHARMACY, FCG71, BY, NOW.plusSeconds(1));

        assertThat(after.nominated(DispensingSiteType.PHARMACY)).contains(FCG71);
        assertThat(after.changes()).hasSize(2);
        assertThat(after.changes().get(1).from()).contains(FA565);
        assertThat(after.changes().get(1).to()).contains(FCG71);
    }

    @Test
    void each_site_type_holds_its_own_nomination() {
        Nominations after = Nominations.none(PATIENT)
                .nominate(DispensingSiteType.PHARMACY, FA565, BY, NOW)
                .nominate(DispensingSiteType.APPLIANCE_CONTRACTOR, FCG71, BY, NOW);

        assertThat(after.all()).isEqualTo(Map.of(DispensingSiteType.PHARMACY, FA565,
                DispensingSiteType.APPLIANCE_CONTRACTOR, FCG71));
    }

    @Test
    void removing_clears_the_nomination_and_records_it() {
        Nominations after = Nominations.rehydrate(PATIENT, Map.of(DispensingSiteType.PHARMACY, FA565), 3)
                .remove(DispensingSiteType.PHARMACY, BY, NOW);

        assertThat(after.nominated(DispensingSiteType.PHARMACY)).isEmpty();
        assertThat(after.changes()).containsExactly(
                new NominationChange(PATIENT, DispensingSiteType.PHARMACY, Optional.of(FA565), Optional.empty(), BY, NOW));
        assertThat(after.version()).isEqualTo(3);
    }

    @Test
    void nominating_the_same_dispenser_or_removing_none_changes_nothing() {
        Nominations stored = Nominations.rehydrate(PATIENT, Map.of(DispensingSiteType.PHARMACY, FA565), 2);

        assertThat(stored.nominate(DispensingSiteType.PHARMACY, FA565, BY, NOW)).isEqualTo(stored);
        assertThat(stored.remove(DispensingSiteType.DISPENSING_DOCTOR, BY, NOW)).isEqualTo(stored);
    }

    @Test
    void storing_moves_to_the_next_version_with_no_change_left() {
        Nominations stored = Nominations.none(PATIENT).nominate(DispensingSiteType.PHARMACY, FA565, BY, NOW).stored();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.changes()).isEmpty();
        assertThat(stored.nominated(DispensingSiteType.PHARMACY)).contains(FA565);
    }

    @Test
    void site_type_0004_cannot_be_nominated() {
        assertThatThrownBy(() -> Nominations.none(PATIENT).nominate(DispensingSiteType.NONE, FA565, BY, NOW))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        assertThatThrownBy(() -> Nominations.rehydrate(PATIENT, Map.of(DispensingSiteType.NONE, FA565), 1))
                .isInstanceOf(EpsException.class);
    }
}
