package org.openeps.domain.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anErdOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.anOrder;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.item;
import static org.openeps.domain.prescription.PrescriptionOrderBuilder.itemStatuses;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The prescriber's cancellation (REFERENCE.md, "Transitions", Cancel): which R-code each issue status answers, what
 * is cancelled at once, what is only marked pending for the dispenser, and what is left alone.
 */
class CancellationTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-03-10T11:00:00Z");
    private static final Instant DISPENSED = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant CANCELLED_AT = Instant.parse("2026-03-12T10:00:00Z");

    private static final OdsCode PRESCRIBING_PRACTICE = new OdsCode("A83008");
    private static final OdsCode OTHER_PRACTICE = new OdsCode("B81001");
    private static final OdsCode PHARMACY = new OdsCode("FA565");
    private static final Optional<String> DR_SMITH = Optional.of("555086689106");
    private static final Optional<String> DR_JONES = Optional.of("555086690107");
    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final NhsNumber ANOTHER_PATIENT = new NhsNumber("9000000009");
    private static final String PRESCRIBING_ERROR = "0001";
    private static final OptionalInt ANY_ISSUE = OptionalInt.empty();

    /**
     * A prescription of two items whose current issue is in {@code status}, reached through the aggregate's own
     * methods; 9000 as the current issue cannot be reached that way and is rehydrated.
     */
    private static Prescription prescriptionIn(String status) {
        Prescription acute = Prescription.create(anOrder().items(2).build(), RECEIVED);
        Prescription prescription = switch (status) {
            case "0001" -> acute;
            case "9001" -> Prescription.create(anOrder().items(2).startDate(LocalDate.of(2026, 4, 10)).build(), RECEIVED);
            case "0000" -> Prescription.create(anErdOrder(3).items(2).build(), RECEIVED)
                    .release(PHARMACY, RELEASED)
                    .recordDispense(PHARMACY, "dn-1", itemStatuses("0001", "0001"), OptionalInt.of(1), DISPENSED);
            case "9000" -> Prescription.rehydrate(anErdOrder(2).items(2).build(), List.of(
                    new Issue(1, PrescriptionStatus.CLAIMED, itemStatuses("0001", "0001")),
                    new Issue(2, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, itemStatuses("0007", "0007"))),
                    RECEIVED, 3);
            case "0002" -> acute.release(PHARMACY, RELEASED);
            case "0003" -> dispensed(acute, "0001", "0004");
            case "0006" -> dispensed(acute, "0001", "0001");
            case "0007" -> dispensed(acute, "0002", "0002");
            case "0008" -> dispensed(acute, "0001", "0001").claim(PHARMACY, "claim-1", ANY_ISSUE, DISPENSED);
            case "0009" -> dispensed(acute, "0001", "0001")
                    .noClaimDue(DISPENSED.plus(Duration.ofDays(180))).orElseThrow();
            case "0004" -> acute.expireDue(Instant.parse("2026-09-10T10:00:00Z")).orElseThrow();
            case "0005" -> acute.cancel(PRESCRIBING_PRACTICE, DR_SMITH, PATIENT, Optional.empty(), PRESCRIBING_ERROR,
                    RECEIVED).prescription();
            default -> throw new IllegalArgumentException(status);
        };
        assertThat(prescription.currentIssue().status().code()).as("set-up").isEqualTo(status);
        return prescription;
    }

    private static Prescription dispensed(Prescription prescription, String... items) {
        return prescription.release(PHARMACY, RELEASED)
                .recordDispense(PHARMACY, "dn-1", itemStatuses(items), ANY_ISSUE, DISPENSED);
    }

    private static Cancellation cancelWhole(Prescription prescription) {
        return prescription.cancel(PRESCRIBING_PRACTICE, DR_SMITH, PATIENT, Optional.empty(), PRESCRIBING_ERROR,
                CANCELLED_AT);
    }

    private static Cancellation cancelItem(Prescription prescription, int item) {
        return prescription.cancel(PRESCRIBING_PRACTICE, DR_SMITH, PATIENT, Optional.of(item(item).id()),
                PRESCRIBING_ERROR, CANCELLED_AT);
    }

    @ParameterizedTest(name = "issue {0} answers {1}")
    @CsvSource({
        "0001, R-0001",
        "0000, R-0001",
        "9000, R-0001",
        "9001, R-0001",
        "0002, R-0002",
        "0003, R-0003",
        "0006, R-0004",
        "0008, R-0004",
        "0009, R-0004",
        "0004, R-0005",
        "0005, R-0006",
        "0007, R-0010",
    })
    void cancellation_answers_the_r_code_for_the_status_of_the_current_issue(String status, String rCode) {
        Cancellation cancellation = cancelWhole(prescriptionIn(status));

        assertThat(cancellation.result().code()).isEqualTo(rCode);
        assertThat(cancellation.result().cancelled()).isEqualTo(rCode.equals("R-0001"));
    }

    @ParameterizedTest(name = "issue {0}")
    @ValueSource(strings = {"0001", "0000", "9000", "9001"})
    void cancellable_issue_is_cancelled_with_every_item(String status) {
        Prescription before = prescriptionIn(status);
        int current = before.currentIssue().number();

        Cancellation cancellation = cancelWhole(before);

        Issue issue = cancellation.prescription().issue(current);
        assertThat(issue.status().code()).isEqualTo("0005");
        assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0005", "0005"));
        assertThat(issue.pendingCancellation()).isEmpty();
        for (int earlier = 1; earlier < current; earlier++) {
            assertThat(cancellation.prescription().issue(earlier)).isEqualTo(before.issue(earlier));
        }
    }

    @ParameterizedTest(name = "issue {0}")
    @CsvSource({"0002, R-0002", "0003, R-0003"})
    void issue_with_the_dispenser_is_not_cancelled_but_marked_pending_cancellation(String status, String rCode) {
        Prescription before = prescriptionIn(status);

        Cancellation cancellation = cancelWhole(before);

        assertThat(cancellation.result().code()).isEqualTo(rCode);
        Issue issue = cancellation.prescription().issue(1);
        assertThat(issue.status().code()).isEqualTo(status);
        assertThat(issue.itemStatuses()).isEqualTo(before.issue(1).itemStatuses());
        assertThat(issue.dispenser()).contains(PHARMACY);
        assertThat(issue.pendingCancellation()).contains(
                new PendingCancellation(PRESCRIBING_PRACTICE, DR_SMITH, Optional.empty(), PRESCRIBING_ERROR, CANCELLED_AT));
    }

    @ParameterizedTest(name = "issue {0}")
    @ValueSource(strings = {"0004", "0005", "0006", "0007", "0008", "0009"})
    void completed_issue_is_left_as_it_was(String status) {
        Prescription before = prescriptionIn(status);

        Cancellation cancellation = cancelWhole(before);

        assertThat(cancellation.prescription().issues()).isEqualTo(before.issues());
    }

    @Test
    void second_request_from_the_same_prescriber_while_pending_is_answered_as_the_first() {
        Prescription pending = cancelWhole(prescriptionIn("0002")).prescription();

        Cancellation again = cancelWhole(pending);

        assertThat(again.result().code()).isEqualTo("R-0002");
        assertThat(again.prescription().issue(1).pendingCancellation()).isPresent();
    }

    @ParameterizedTest(name = "issue {0}")
    @ValueSource(strings = {"0002", "0003"})
    void request_from_another_prescriber_while_a_cancellation_is_pending_is_r_0007_and_keeps_the_first(String status) {
        Prescription pending = cancelWhole(prescriptionIn(status)).prescription();

        Cancellation second = pending.cancel(PRESCRIBING_PRACTICE, DR_JONES, PATIENT, Optional.empty(), "0002",
                CANCELLED_AT.plusSeconds(60));

        assertThat(second.result().code()).isEqualTo("R-0007");
        assertThat(second.prescription().issue(1).pendingCancellation().map(PendingCancellation::prescriber))
                .contains(DR_SMITH);
        assertThat(second.prescription().issues()).isEqualTo(pending.issues());
    }

    @ParameterizedTest(name = "issue {0}")
    @ValueSource(strings = {"0001", "0002", "0006"})
    void nhs_number_that_does_not_match_is_r_5000_and_changes_nothing(String status) {
        Prescription before = prescriptionIn(status);

        Cancellation cancellation = before.cancel(PRESCRIBING_PRACTICE, DR_SMITH, ANOTHER_PATIENT, Optional.empty(),
                PRESCRIBING_ERROR, CANCELLED_AT);

        assertThat(cancellation.result().code()).isEqualTo("R-5000");
        assertThat(cancellation.prescription().issues()).isEqualTo(before.issues());
    }

    @Test
    void cancellation_from_another_organisation_is_not_permitted() {
        Prescription prescription = prescriptionIn("0001");

        assertThatThrownBy(() -> prescription.cancel(OTHER_PRACTICE, DR_SMITH, PATIENT, Optional.empty(),
                PRESCRIBING_ERROR, CANCELLED_AT))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ORGANISATION_NOT_PERMITTED));
    }

    @Test
    void cancellation_of_an_item_not_on_the_prescription_is_r_0008_and_changes_nothing() {
        Prescription before = prescriptionIn("0001");

        Cancellation cancellation = before.cancel(PRESCRIBING_PRACTICE, DR_SMITH, PATIENT, Optional.of(item(9).id()),
                PRESCRIBING_ERROR, CANCELLED_AT);

        assertThat(cancellation.result().code()).isEqualTo("R-0008");
        assertThat(cancellation.prescription().issues()).isEqualTo(before.issues());
    }

    @Test
    void cancelling_one_of_two_items_cancels_that_item_and_leaves_the_prescription_to_be_dispensed() {
        Cancellation cancellation = cancelItem(prescriptionIn("0001"), 1);

        assertThat(cancellation.result().code()).isEqualTo("R-0001");
        Issue issue = cancellation.prescription().issue(1);
        assertThat(issue.status().code()).isEqualTo("0001");
        assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0005", "0007"));
    }

    @Test
    void cancelling_the_last_item_still_to_be_dispensed_cancels_the_prescription() {
        Prescription oneLeft = cancelItem(prescriptionIn("0001"), 1).prescription();

        Cancellation cancellation = cancelItem(oneLeft, 2);

        assertThat(cancellation.result().code()).isEqualTo("R-0001");
        Issue issue = cancellation.prescription().issue(1);
        assertThat(issue.status().code()).isEqualTo("0005");
        assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0005", "0005"));
    }

    @Test
    void cancelling_an_item_already_cancelled_is_r_0006_and_changes_nothing() {
        Prescription oneCancelled = cancelItem(prescriptionIn("0001"), 1).prescription();

        Cancellation cancellation = cancelItem(oneCancelled, 1);

        assertThat(cancellation.result().code()).isEqualTo("R-0006");
        assertThat(cancellation.prescription().issues()).isEqualTo(oneCancelled.issues());
    }

    @Test
    void cancelling_the_whole_prescription_after_one_item_was_cancelled_cancels_the_rest() {
        Prescription oneCancelled = cancelItem(prescriptionIn("0001"), 1).prescription();

        Cancellation cancellation = cancelWhole(oneCancelled);

        assertThat(cancellation.result().code()).isEqualTo("R-0001");
        assertThat(cancellation.prescription().issue(1).status().code()).isEqualTo("0005");
        assertThat(cancellation.prescription().issue(1).itemStatuses()).isEqualTo(itemStatuses("0005", "0005"));
    }

    @Test
    void cancelling_an_item_with_the_dispenser_marks_that_item_pending_cancellation() {
        Cancellation cancellation = cancelItem(prescriptionIn("0002"), 2);

        assertThat(cancellation.result().code()).isEqualTo("R-0002");
        Issue issue = cancellation.prescription().issue(1);
        assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0008", "0008"));
        assertThat(issue.pendingCancellation().flatMap(PendingCancellation::item)).contains(item(2).id());
    }

    @ParameterizedTest(name = "item {0} in issue 0003 answers {1}")
    @CsvSource({"1, R-0004", "2, R-0003"})
    void cancelling_an_item_of_a_partly_dispensed_prescription_answers_for_that_item(int item, String rCode) {
        // item 1 fully dispensed, item 2 owing
        Cancellation cancellation = cancelItem(prescriptionIn("0003"), item);

        assertThat(cancellation.result().code()).isEqualTo(rCode);
    }

    @Test
    void erd_cancellation_at_issue_1_cancels_every_issue() {
        Prescription erd = Prescription.create(anErdOrder(4).items(2).build(), RECEIVED);

        Cancellation cancellation = cancelWhole(erd);

        assertThat(cancellation.result().code()).isEqualTo("R-0001");
        assertThat(cancellation.prescription().issues()).hasSize(4).allSatisfy(issue -> {
            assertThat(issue.status().code()).isEqualTo("0005");
            assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0005", "0005"));
        });
    }

    @Test
    void erd_item_cancellation_at_issue_1_cancels_that_item_in_every_issue() {
        Prescription erd = Prescription.create(anErdOrder(3).items(2).build(), RECEIVED);

        Cancellation cancellation = cancelItem(erd, 2);

        assertThat(cancellation.result().code()).isEqualTo("R-0001");
        assertThat(cancellation.prescription().issues()).extracting(issue -> issue.status().code())
                .containsExactly("0001", "9000", "9000");
        assertThat(cancellation.prescription().issues()).allSatisfy(
                issue -> assertThat(issue.itemStatuses()).isEqualTo(itemStatuses("0007", "0005")));
    }

    @Test
    void erd_cancellation_at_issue_2_cancels_issues_2_onwards_and_leaves_issue_1_dispensed() {
        Prescription prescription = prescriptionIn("0000");

        Cancellation cancellation = cancelWhole(prescription);

        assertThat(cancellation.prescription().issues()).extracting(issue -> issue.status().code())
                .containsExactly("0006", "0005", "0005");
        assertThat(cancellation.prescription().issue(1)).isEqualTo(prescription.issue(1));
    }

    @Test
    void cancelled_prescription_is_refused_release() {
        Prescription cancelled = cancelWhole(prescriptionIn("0001")).prescription();

        assertThatThrownBy(() -> cancelled.release(PHARMACY, CANCELLED_AT))
                .isInstanceOfSatisfying(EpsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PRESCRIPTION_CANCELLED));
    }
}
