package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.itemStatuses;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.OdsCode;

/**
 * What the service does as time passes (REFERENCE.md, "Transitions": Expiry, No claim; "Treatment types and issues":
 * future-dated prescriptions and eRD download dates). The prescription date is 2026-03-10.
 */
class TimeDrivenTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final Instant DISPENSED = Instant.parse("2026-03-10T12:00:00Z");
    /** Issue 1 expires on the prescription date + 6 months: 2026-09-10 (11:00 in London, BST). */
    private static final Instant ISSUE_1_EXPIRY = Instant.parse("2026-09-10T10:00:00Z");
    private static final Instant DAY_BEFORE_ISSUE_1_EXPIRY = Instant.parse("2026-09-09T10:00:00Z");
    /** Later eRD issues expire on the prescription date + 12 months: 2027-03-10. */
    private static final Instant LATER_ISSUE_EXPIRY = Instant.parse("2027-03-10T10:00:00Z");
    private static final Instant DAY_BEFORE_LATER_ISSUE_EXPIRY = Instant.parse("2027-03-09T10:00:00Z");

    private static final OdsCode PHARMACY = new OdsCode("FA565");
    private static final OptionalInt ANY_ISSUE = OptionalInt.empty();

    private static Prescription acute(int items) {
        return Prescription.create(anOrder().items(items).build(), RECEIVED);
    }

    private static Prescription dispensed(Prescription prescription, String... items) {
        return prescription.release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses(items), ANY_ISSUE, DISPENSED);
    }

    private static List<String> statuses(Prescription prescription) {
        return prescription.issues().stream().map(issue -> issue.status().code()).toList();
    }

    // ---- expiry -----------------------------------------------------------------------------------------------

    @Test
    void issue_1_expires_six_months_after_the_prescription_date_and_later_issues_twelve() {
        Prescription prescription = Prescription.create(anErdOrder(3).build(), RECEIVED);

        assertThat(prescription.prescriptionDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(prescription.expiresOn(1)).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(prescription.expiresOn(2)).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(prescription.expiresOn(3)).isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @Test
    void prescription_to_be_dispensed_expires_on_its_expiry_date_with_items_expired() {
        Prescription expired = acute(2).expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(expired.issue(1).status().code()).isEqualTo("0004");
        assertThat(expired.issue(1).itemStatuses()).isEqualTo(itemStatuses("0006", "0006"));
    }

    @Test
    void prescription_does_not_expire_the_day_before() {
        assertThat(acute(1).expireDue(DAY_BEFORE_ISSUE_1_EXPIRY)).isEmpty();
    }

    @Test
    void expiry_counts_london_dates_not_utc_dates() {
        // 23:30 UTC on 9 September is 00:30 on 10 September in London (BST)
        assertThat(acute(1).expireDue(Instant.parse("2026-09-09T23:30:00Z"))).isPresent();
        assertThat(acute(1).expireDue(Instant.parse("2026-09-09T22:59:59Z"))).isEmpty();
    }

    @Test
    void prescription_with_the_dispenser_expires_with_items_expired() {
        Prescription released = acute(2).release(PHARMACY, RELEASED);

        Prescription expired = released.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(expired.issue(1).status().code()).isEqualTo("0004");
        assertThat(expired.issue(1).itemStatuses()).isEqualTo(itemStatuses("0006", "0006"));
    }

    @Test
    void future_dated_prescription_still_waiting_expires() {
        Prescription future = Prescription.create(anOrder().startDate(LocalDate.of(2026, 12, 1)).build(), RECEIVED);
        assertThat(future.issue(1).status().code()).isEqualTo("9001");

        Prescription expired = future.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(expired.issue(1).status().code()).isEqualTo("0004");
        assertThat(expired.issue(1).itemStatuses()).isEqualTo(itemStatuses("0006"));
    }

    @Test
    void partly_dispensed_prescription_counts_as_dispensed_at_expiry() {
        // REFERENCE.md allows 0008 items under 0003; no dispense notification produces that mix, so it is rehydrated
        Issue active = new Issue(1, PrescriptionStatus.WITH_DISPENSER_ACTIVE, itemStatuses("0003", "0004", "0008", "0001"),
                Optional.of(PHARMACY), Optional.empty(),
                List.of(new DispenseRecord("dn-1", DISPENSED, PrescriptionStatus.WITH_DISPENSER,
                        itemStatuses("0008", "0008", "0008", "0008"))),
                Optional.empty());
        Prescription prescription = Prescription.rehydrate(anOrder().items(4).build(), List.of(active), RECEIVED, 2);

        Prescription expired = prescription.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        Issue issue = expired.issue(1);
        assertThat(issue.status().code()).isEqualTo("0006");
        assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0001", "0002", "0006", "0001"));
        assertThat(issue.dispenser()).contains(PHARMACY);
        assertThat(issue.dispenses()).hasSize(1);
    }

    @Test
    void partly_dispensed_prescription_reached_by_a_dispense_notification_counts_as_dispensed_at_expiry() {
        Prescription active = dispensed(acute(2), "0003", "0004");

        Prescription expired = active.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(expired.issue(1).status().code()).isEqualTo("0006");
        assertThat(expired.issue(1).itemStatuses()).isEqualTo(itemStatuses("0001", "0002"));
    }

    @Test
    void partly_dispensed_prescription_expired_to_0006_is_no_claimed_once_the_claim_period_is_over() {
        Prescription expired = dispensed(acute(2), "0001", "0004").expireDue(ISSUE_1_EXPIRY).orElseThrow();
        assertThat(Duration.between(DISPENSED, ISSUE_1_EXPIRY).toDays()).isGreaterThanOrEqualTo(180);

        Prescription noClaimed = expired.noClaimDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(noClaimed.issue(1).status().code()).isEqualTo("0009");
    }

    @ParameterizedTest(name = "issue {0}")
    @ValueSource(strings = {"0006", "0007", "0008"})
    void finished_prescription_does_not_expire(String status) {
        Prescription prescription = switch (status) {
            case "0006" -> dispensed(acute(1), "0001");
            case "0007" -> dispensed(acute(1), "0002");
            case "0008" -> dispensed(acute(1), "0001").claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED);
            default -> throw new IllegalArgumentException(status);
        };

        assertThat(prescription.expireDue(Instant.parse("2028-01-01T10:00:00Z"))).isEmpty();
    }

    @Test
    void cancelled_prescription_does_not_expire() {
        Prescription cancelled = acute(1).cancel(new OdsCode("A83008"), Optional.empty(),
                anOrder().build().patient().nhsNumber(), Optional.empty(), "0001", RECEIVED).prescription();

        assertThat(cancelled.expireDue(ISSUE_1_EXPIRY)).isEmpty();
    }

    @Test
    void expiring_erd_issue_1_expires_every_later_issue() {
        Prescription erd = Prescription.create(anErdOrder(3).items(2).build(), RECEIVED);

        Prescription expired = erd.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(statuses(expired)).containsExactly("0004", "0004", "0004");
        assertThat(expired.issues()).allSatisfy(issue ->
                assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0006", "0006")));
    }

    @Test
    void erd_issue_1_partly_dispensed_at_expiry_is_dispensed_and_later_issues_expire() {
        Prescription active = Prescription.create(anErdOrder(3).items(2).build(), RECEIVED)
                .release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0004"), OptionalInt.of(1), DISPENSED);

        Prescription expired = active.expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(statuses(expired)).containsExactly("0006", "0004", "0004");
        assertThat(expired.issue(1).itemStatuses()).isEqualTo(itemStatuses("0001", "0002"));
    }

    @Test
    void later_erd_issues_expire_twelve_months_after_the_prescription_date_not_six() {
        Prescription issueTwoAvailable = Prescription.create(anErdOrder(3).items(2).build(), RECEIVED)
                .release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0001"), OptionalInt.of(1), DISPENSED)
                .claim(PHARMACY, "claim-1", OptionalInt.of(1), DISPENSED)
                .makeAvailableDue(Instant.parse("2026-03-31T10:00:00Z")).orElseThrow();
        assertThat(statuses(issueTwoAvailable)).containsExactly("0008", "0001", "9000");

        assertThat(issueTwoAvailable.expireDue(ISSUE_1_EXPIRY)).isEmpty();
        assertThat(issueTwoAvailable.expireDue(DAY_BEFORE_LATER_ISSUE_EXPIRY)).isEmpty();
        Prescription expired = issueTwoAvailable.expireDue(LATER_ISSUE_EXPIRY).orElseThrow();

        assertThat(statuses(expired)).containsExactly("0008", "0004", "0004");
        assertThat(expired.issue(1)).isEqualTo(issueTwoAvailable.issue(1));
        assertThat(expired.issue(2).itemStatuses()).isEqualTo(itemStatuses("0006", "0006"));
        assertThat(expired.issue(3).itemStatuses()).isEqualTo(itemStatuses("0006", "0006"));
    }

    @Test
    void erd_issue_awaiting_its_download_date_expires_with_the_later_issues() {
        Prescription issueTwoAwaiting = Prescription.create(anErdOrder(3).build(), RECEIVED)
                .release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001"), OptionalInt.of(1), DISPENSED);
        assertThat(statuses(issueTwoAwaiting)).containsExactly("0006", "0000", "9000");

        Prescription expired = issueTwoAwaiting.expireDue(LATER_ISSUE_EXPIRY).orElseThrow();

        assertThat(statuses(expired)).containsExactly("0006", "0004", "0004");
    }

    @Test
    void nothing_due_to_expire_gives_empty() {
        assertThat(acute(1).expireDue(RECEIVED)).isEmpty();
        assertThat(Prescription.create(anErdOrder(3).build(), RECEIVED).expireDue(DAY_BEFORE_ISSUE_1_EXPIRY)).isEmpty();
    }

    @Test
    void expired_prescription_does_not_expire_again() {
        Prescription expired = acute(1).expireDue(ISSUE_1_EXPIRY).orElseThrow();

        assertThat(expired.expireDue(LATER_ISSUE_EXPIRY)).isEmpty();
    }

    // ---- no claim ---------------------------------------------------------------------------------------------

    @Test
    void dispensed_prescription_unclaimed_180_days_after_the_last_dispense_is_no_claimed() {
        Prescription dispensed = dispensed(acute(2), "0001", "0002");

        Prescription noClaimed = dispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(180))).orElseThrow();

        assertThat(noClaimed.issue(1).status().code()).isEqualTo("0009");
        assertThat(noClaimed.issue(1).itemStatuses()).isEqualTo(itemStatuses("0001", "0002"));
    }

    @Test
    void dispensed_prescription_179_days_after_the_last_dispense_is_not_yet_no_claimed() {
        Prescription dispensed = dispensed(acute(1), "0001");

        assertThat(dispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(179)))).isEmpty();
        assertThat(dispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(180)).minusSeconds(1))).isEmpty();
    }

    @Test
    void not_dispensed_prescription_is_never_no_claimed() {
        Prescription notDispensed = dispensed(acute(1), "0002");

        assertThat(notDispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(180)))).isEmpty();
        assertThat(notDispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(1000)))).isEmpty();
    }

    @Test
    void claimed_prescription_is_never_no_claimed() {
        Prescription claimed = dispensed(acute(1), "0001").claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED);

        assertThat(claimed.noClaimDue(DISPENSED.plus(Duration.ofDays(400)))).isEmpty();
    }

    @Test
    void no_claim_period_counts_from_the_last_dispense_notification() {
        Instant second = DISPENSED.plus(Duration.ofDays(20));
        Prescription dispensed = dispensed(acute(2), "0001", "0004")
                .recordDispense(PHARMACY, "dn-2", itemStatuses("0001", "0001"), ANY_ISSUE, second);

        assertThat(dispensed.noClaimDue(DISPENSED.plus(Duration.ofDays(180)))).isEmpty();
        assertThat(dispensed.noClaimDue(second.plus(Duration.ofDays(180)))).isPresent();
    }

    // ---- becoming available -----------------------------------------------------------------------------------

    @Test
    void future_dated_prescription_becomes_available_the_day_before_it_starts() {
        Prescription future = Prescription.create(anOrder().items(2).startDate(LocalDate.of(2026, 3, 20)).build(),
                RECEIVED);
        assertThat(future.issue(1).status().code()).isEqualTo("9001");

        Prescription available = future.makeAvailableDue(Instant.parse("2026-03-19T10:00:00Z")).orElseThrow();

        assertThat(available.issue(1).status().code()).isEqualTo("0001");
        assertThat(available.issue(1).itemStatuses()).isEqualTo(itemStatuses("0007", "0007"));
    }

    @Test
    void future_dated_prescription_is_not_available_two_days_before_it_starts() {
        Prescription future = Prescription.create(anOrder().startDate(LocalDate.of(2026, 3, 20)).build(), RECEIVED);

        assertThat(future.makeAvailableDue(Instant.parse("2026-03-18T10:00:00Z"))).isEmpty();
    }

    @Test
    void future_dated_prescription_past_its_start_date_is_available() {
        Prescription future = Prescription.create(anOrder().startDate(LocalDate.of(2026, 3, 20)).build(), RECEIVED);

        assertThat(future.makeAvailableDue(Instant.parse("2026-03-25T10:00:00Z")).map(p -> p.issue(1).status().code()))
                .contains("0001");
    }

    @Test
    void erd_issue_awaiting_release_becomes_available_on_its_download_date() {
        Prescription awaiting = Prescription.create(anErdOrder(3).items(2).build(), RECEIVED)
                .release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0001"), OptionalInt.of(1), DISPENSED);
        assertThat(awaiting.availableFrom(2)).isEqualTo(LocalDate.of(2026, 3, 31));

        assertThat(awaiting.makeAvailableDue(Instant.parse("2026-03-30T10:00:00Z"))).isEmpty();
        Prescription available = awaiting.makeAvailableDue(Instant.parse("2026-03-31T10:00:00Z")).orElseThrow();

        assertThat(statuses(available)).containsExactly("0006", "0001", "9000");
        assertThat(available.issue(2).itemStatuses()).isEqualTo(itemStatuses("0007", "0007"));
        assertThat(available.makeAvailableDue(Instant.parse("2026-04-28T10:00:00Z"))).isEmpty();
    }

    @Test
    void erd_download_date_is_a_london_date() {
        Prescription awaiting = Prescription.create(anErdOrder(3).build(), RECEIVED)
                .release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses("0001"), OptionalInt.of(1), DISPENSED);

        // 23:30 UTC on 30 March is 00:30 on 31 March in London (BST)
        assertThat(awaiting.makeAvailableDue(Instant.parse("2026-03-30T23:30:00Z"))).isPresent();
    }

    @Test
    void future_erd_issue_is_not_made_available_by_the_clock_alone() {
        Prescription erd = Prescription.create(anErdOrder(3).build(), RECEIVED);

        assertThat(erd.makeAvailableDue(Instant.parse("2026-06-01T10:00:00Z"))).isEmpty();
    }

    @Test
    void prescription_already_available_has_nothing_to_make_available() {
        assertThat(acute(1).makeAvailableDue(RECEIVED)).isEmpty();
    }
}
