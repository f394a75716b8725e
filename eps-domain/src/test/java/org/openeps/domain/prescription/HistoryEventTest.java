package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/** A history event records who acted: the organisation, and the person when the message names one. */
class HistoryEventTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final OdsCode PHARMACY = new OdsCode("FA565");

    @Test
    void an_event_records_the_organisation_and_the_person_who_acted() {
        Prescription released = Prescription.create(anOrder().build(), RECEIVED).release(PHARMACY, RELEASED);
        Issue issue = released.currentIssue();

        HistoryEvent event = HistoryEvent.of(released, issue, RELEASED, Actor.of(PHARMACY, Optional.of("3415870201")),
                "release", Optional.of("message-1"));

        assertThat(event.organisation()).contains(PHARMACY);
        assertThat(event.person()).contains("3415870201");
        assertThat(event.status()).isEqualTo(PrescriptionStatus.WITH_DISPENSER);
        assertThat(event.itemStatuses()).isEqualTo(issue.itemStatuses());
    }

    @Test
    void the_service_acting_on_the_clock_is_no_organisation_and_no_person() {
        Prescription created = Prescription.create(anOrder().build(), RECEIVED);

        HistoryEvent event = HistoryEvent.of(created, created.currentIssue(), RECEIVED, Actor.SERVICE, "expire",
                Optional.empty());

        assertThat(event.organisation()).isEmpty();
        assertThat(event.person()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void a_blank_person_is_refused(String person) {
        assertThatThrownBy(() -> Actor.of(PHARMACY, Optional.of(person)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
        Prescription created = Prescription.create(anOrder().build(), RECEIVED);
        assertThatThrownBy(() -> new HistoryEvent(created.id(), 1, RECEIVED, Optional.of(PHARMACY), Optional.of(person),
                "release", PrescriptionStatus.WITH_DISPENSER, Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }
}
