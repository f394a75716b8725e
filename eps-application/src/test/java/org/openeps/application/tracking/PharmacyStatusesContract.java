package org.openeps.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

    /** What one pharmacy sent about one issue, as much as there is (these tests send far fewer). */
    private List<PharmacyStatus> from(PrescriptionId id, int issue, OdsCode... pharmacies) {
        return statuses().findFrom(id, issue, Set.of(pharmacies), 10_000);
    }

    @Test
    void nothing_is_found_for_a_prescription_no_update_names_nor_from_no_pharmacy() {
        PrescriptionId id = newPrescription();
        log().record(List.of(update(id, newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0)));

        assertThat(from(newPrescription(), 1, HOLDER)).isEmpty();
        assertThat(statuses().findFrom(id, 1, Set.of(), 10)).isEmpty();
    }

    @Test
    void stored_updates_read_back_whole_oldest_last_modified_first() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        PharmacyStatus later = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0.plusSeconds(600));
        PharmacyStatus earlier = update(id, item, 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0);
        PharmacyStatus another = update(id, newItem(), 1, HOLDER, BusinessStatus.DISPATCHED, T0.plusSeconds(60));

        log().record(List.of(later, earlier, another));

        assertThat(from(id, 1, HOLDER)).containsExactly(earlier, another, later);
    }

    @Test
    void only_the_pharmacies_asked_about_and_the_issue_asked_about_are_read() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        PharmacyStatus holders = update(id, item, 2, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus others = update(id, item, 2, OTHER, BusinessStatus.COLLECTED, T0.plusSeconds(3600));
        PharmacyStatus issueOne = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0.plusSeconds(7200));
        PharmacyStatus stranger = update(id, item, 2, new OdsCode("FX111"), BusinessStatus.COLLECTED,
                T0.plusSeconds(60));
        log().record(List.of(holders, others, issueOne, stranger));

        assertThat(from(id, 2, HOLDER)).containsExactly(holders);
        assertThat(from(id, 2, OTHER)).containsExactly(others);
        assertThat(from(id, 2, HOLDER, OTHER)).containsExactly(holders, others);
        assertThat(from(id, 1, HOLDER)).containsExactly(issueOne);
        assertThat(from(id, 3, HOLDER, OTHER)).isEmpty();
        assertThat(from(newPrescription(), 2, HOLDER)).isEmpty();
    }

    @Test
    void only_the_newest_up_to_the_limit_are_read_and_returned_oldest_first() {
        PrescriptionId id = newPrescription();
        List<PharmacyStatus> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(update(id, newItem(), 1, i % 2 == 0 ? HOLDER : OTHER, BusinessStatus.WITH_PHARMACY,
                    T0.plusSeconds(i)));
        }
        List<PharmacyStatus> shuffled = new ArrayList<>(sent);
        synchronized (RANDOM) {
            Collections.shuffle(shuffled, RANDOM);
        }
        log().record(shuffled.subList(0, 5));
        log().record(shuffled.subList(5, 10));

        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER, OTHER), 3)).containsExactlyElementsOf(sent.subList(7, 10));
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER), 2)).containsExactly(sent.get(6), sent.get(8));
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER, OTHER), 1)).containsExactly(sent.get(9));
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER, OTHER), 10)).containsExactlyElementsOf(sent);
        assertThatThrownBy(() -> statuses().findFrom(id, 1, Set.of(HOLDER), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_updates_with_the_same_last_modified_those_stored_later_come_later_and_are_kept_by_the_limit() {
        PrescriptionId id = newPrescription();
        LineItemId item = newItem();
        PharmacyStatus first = update(id, item, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        log().record(List.of(first));
        PharmacyStatus second = update(id, item, 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0);
        log().record(List.of(second));
        PharmacyStatus inOneCallFirst = update(id, item, 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        PharmacyStatus inOneCallLast = update(id, item, 1, HOLDER, BusinessStatus.COLLECTED, T0);
        log().record(List.of(inOneCallFirst, inOneCallLast));

        assertThat(from(id, 1, HOLDER)).containsExactly(first, second, inOneCallFirst, inOneCallLast);
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER), 1)).containsExactly(inOneCallLast);
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER), 3)).containsExactly(second, inOneCallFirst, inOneCallLast);
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
        assertThat(from(id, 1, HOLDER)).containsExactly(first);
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
        assertThat(from(id, 1, HOLDER)).isEmpty();
    }

    @Test
    void a_task_id_is_unique_across_prescriptions() {
        PharmacyStatus first = update(newPrescription(), newItem(), 1, HOLDER, BusinessStatus.WITH_PHARMACY, T0);
        log().record(List.of(first));
        PrescriptionId another = newPrescription();
        PharmacyStatus sameTask = new PharmacyStatus(first.taskId(), another, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, T0, RECEIVED);

        assertThatThrownBy(() -> log().record(List.of(sameTask))).isInstanceOf(DuplicateStatusUpdateException.class);
        assertThat(from(another, 1, HOLDER)).isEmpty();
    }

    @Test
    void five_hundred_updates_in_one_call_are_stored_whole() {
        PrescriptionId id = newPrescription();
        List<PharmacyStatus> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(update(id, newItem(), 1, HOLDER, BusinessStatus.READY_TO_COLLECT, T0.plusSeconds(i)));
        }

        log().record(many);

        assertThat(from(id, 1, HOLDER)).containsExactlyElementsOf(many);
        assertThat(statuses().findFrom(id, 1, Set.of(HOLDER), 100)).containsExactlyElementsOf(many.subList(400, 500));
    }

    @Test
    void instants_are_kept_to_the_microsecond() {
        PrescriptionId id = newPrescription();
        PharmacyStatus precise = new PharmacyStatus(UUID.randomUUID().toString(), id, newItem(), 1, PATIENT, HOLDER,
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, Instant.parse("2026-03-04T09:00:00.123456789Z"),
                Instant.parse("2026-03-04T10:00:00.987654321Z"));

        log().record(List.of(precise));

        PharmacyStatus read = from(id, 1, HOLDER).getFirst();
        assertThat(read.lastModified()).isEqualTo(Instant.parse("2026-03-04T09:00:00.123456Z"));
        assertThat(read.receivedAt()).isEqualTo(Instant.parse("2026-03-04T10:00:00.987654Z"));
    }
}
