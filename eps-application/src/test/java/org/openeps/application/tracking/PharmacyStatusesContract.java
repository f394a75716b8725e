package org.openeps.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * What every store of status updates does ({@link PharmacyStatusLog} to write, {@link PharmacyStatuses} to read), run
 * against the in-memory fake and against PostgreSQL. Each test uses prescriptions of its own, so implementations may
 * share one store between the tests.
 */
public abstract class PharmacyStatusesContract {

    private static final Random RANDOM = new Random(20_240_130);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Instant RECEIVED = Instant.parse("2026-03-04T10:11:12.123456Z");
    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");
    private static final NhsNumber PATIENT = new NhsNumber("9449304130");
    private static final OdsCode HOLDER = new OdsCode("FA565");
    private static final OdsCode OTHER = new OdsCode("C9Z1O");

    protected abstract PharmacyStatusLog log();

    protected abstract PharmacyStatuses statuses();

    private static PrescriptionId newPrescription() {
        synchronized (RANDOM) {
            return PrescriptionId.generate(new OdsCode("A83008"), SEQUENCE.incrementAndGet(), RANDOM);
        }
    }

    private static LineItemId newItem() {
        return new LineItemId(UUID.randomUUID().toString());
    }

    private static PharmacyStatus update(PrescriptionId id, LineItemId item, int issue, OdsCode pharmacy,
                                         BusinessStatus status, Instant lastModified) {
        TaskStatus taskStatus = status.allows(TaskStatus.IN_PROGRESS) ? TaskStatus.IN_PROGRESS : TaskStatus.COMPLETED;
        return new PharmacyStatus(UUID.randomUUID().toString(), id, item, issue, PATIENT, pharmacy, status, taskStatus,
                lastModified, RECEIVED);
    }

    @Test
    void nothing_is_found_for_a_prescription_no_update_names() {
        PrescriptionId id = newPrescription();

        assertThat(statuses().findFor(id)).isEmpty();
        assertThat(statuses().latestFrom(id, 1, HOLDER)).isEmpty();
    }

    @Test
    void stored_updates_read_back_whole_oldest_last_modified_first() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        PharmacyStatus later = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0.plusSeconds(600));
        PharmacyStatus earlier = update(id, item, 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0);
        PharmacyStatus erd = update(id, newItem(), 3, OTHER, BusinessStatus.DISPATCHED, T0.plusSeconds(60));

        log().record(List.of(later, earlier, erd));

        assertThat(statuses().findFor(id)).containsExactly(earlier, erd, later);
    }

    @Test
    void the_newest_last_modified_of_each_item_wins_whatever_the_order_received() {
        PrescriptionId id = newPrescription();
        LineItemId first = newItem();
        LineItemId second = newItem();
        PharmacyStatus firstNewest = update(id, first, 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(300));
        PharmacyStatus secondNewest = update(id, second, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(5));
        log().record(List.of(firstNewest, update(id, second, 1, HOLDER, BusinessStatus.NOT_DISPENSED, T0)));
        log().record(List.of(update(id, first, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0), secondNewest));

        assertThat(statuses().latestFrom(id, 1, HOLDER)).isEqualTo(Map.of(first, firstNewest, second, secondNewest));
    }

    @Test
    void only_the_pharmacy_asked_about_and_the_issue_asked_about_count() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        PharmacyStatus holders = update(id, item, 2, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus others = update(id, item, 2, OTHER, BusinessStatus.COLLECTED, T0.plusSeconds(3600));
        PharmacyStatus issueOne = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0.plusSeconds(7200));
        log().record(List.of(holders, others, issueOne));

        assertThat(statuses().latestFrom(id, 2, HOLDER)).isEqualTo(Map.of(item, holders));
        assertThat(statuses().latestFrom(id, 2, OTHER)).isEqualTo(Map.of(item, others));
        assertThat(statuses().latestFrom(id, 1, HOLDER)).isEqualTo(Map.of(item, issueOne));
        assertThat(statuses().latestFrom(id, 3, HOLDER)).isEmpty();
        assertThat(statuses().latestFrom(newPrescription(), 2, HOLDER)).isEmpty();
    }

    @Test
    void of_two_updates_with_the_same_last_modified_the_one_stored_last_wins() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        log().record(List.of(update(id, item, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0)));
        PharmacyStatus second = update(id, item, 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0);
        log().record(List.of(second));
        PharmacyStatus inOneCallFirst = update(id, item, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0.plusSeconds(1));
        PharmacyStatus inOneCallLast = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0.plusSeconds(1));

        assertThat(statuses().latestFrom(id, 1, HOLDER)).isEqualTo(Map.of(item, second));
        log().record(List.of(inOneCallFirst, inOneCallLast));
        assertThat(statuses().latestFrom(id, 1, HOLDER)).isEqualTo(Map.of(item, inOneCallLast));
    }

    @Test
    void a_task_id_already_stored_is_refused_naming_it_and_nothing_of_that_call_is_stored() {
        PrescriptionId id = newPrescription();
        PharmacyStatus first = update(id, newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        log().record(List.of(first));
        PharmacyStatus fresh = update(id, newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus resent = new PharmacyStatus(first.taskId(), id, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.COLLECTED, TaskStatus.COMPLETED, T0.plusSeconds(60), RECEIVED);

        assertThatThrownBy(() -> log().record(List.of(fresh, resent)))
                .isInstanceOfSatisfying(DuplicateStatusUpdateException.class,
                        e -> assertThat(e.taskIds()).containsExactly(first.taskId()));
        assertThat(statuses().findFor(id)).containsExactly(first);
    }

    @Test
    void a_task_id_given_twice_in_one_call_is_refused_and_nothing_is_stored() {
        PrescriptionId id = newPrescription();
        PharmacyStatus once = update(id, newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus other = update(id, newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus twice = new PharmacyStatus(once.taskId(), id, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, T0, RECEIVED);

        assertThatThrownBy(() -> log().record(List.of(once, other, twice)))
                .isInstanceOfSatisfying(DuplicateStatusUpdateException.class,
                        e -> assertThat(e.taskIds()).containsExactly(once.taskId()));
        assertThat(statuses().findFor(id)).isEmpty();
    }

    @Test
    void a_task_id_is_unique_across_prescriptions() {
        PharmacyStatus first = update(newPrescription(), newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        log().record(List.of(first));
        PrescriptionId another = newPrescription();
        PharmacyStatus sameTask = new PharmacyStatus(first.taskId(), another, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, T0, RECEIVED);

        assertThatThrownBy(() -> log().record(List.of(sameTask))).isInstanceOf(DuplicateStatusUpdateException.class);
        assertThat(statuses().findFor(another)).isEmpty();
    }

    @Test
    void five_hundred_updates_in_one_call_are_stored_whole() {
        PrescriptionId id = newPrescription();
        List<PharmacyStatus> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(update(id, newItem(), 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(i)));
        }

        log().record(many);

        assertThat(statuses().findFor(id)).containsExactlyElementsOf(many);
        assertThat(statuses().latestFrom(id, 1, HOLDER)).hasSize(500);
    }

    @Test
    void instants_are_kept_to_the_microsecond() {
        PrescriptionId id = newPrescription();
        PharmacyStatus precise = new PharmacyStatus(UUID.randomUUID().toString(), id, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, Instant.parse("2026-03-04T09:00:00.123456789Z"),
                Instant.parse("2026-03-04T10:00:00.987654321Z"));

        log().record(List.of(precise));

        PharmacyStatus read = statuses().findFor(id).getFirst();
        assertThat(read.lastModified()).isEqualTo(Instant.parse("2026-03-04T09:00:00.123456Z"));
        assertThat(read.receivedAt()).isEqualTo(Instant.parse("2026-03-04T10:00:00.987654Z"));
    }
}
