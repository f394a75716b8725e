package org.openeps.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openeps.application.directory.Organisations;
import org.openeps.application.prescription.CreatePrescriptionService;
import org.openeps.application.prescription.InMemoryCancellationPlaceholders;
import org.openeps.application.prescription.InMemoryPrescriptionHistory;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.prescription.CreatePrescriptionUseCase.CreatePrescriptionCommand;
import org.openeps.application.prescription.InMemoryPrescriptionRepository;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.domain.prescription.PrescriptionId;

class ProcessOnceServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:15:30Z"), ZoneOffset.UTC);

    private final InMemoryRecordedReplies replies = new InMemoryRecordedReplies();
    private final InMemoryPrescriptionRepository prescriptions = new InMemoryPrescriptionRepository();
    private final InMemoryTransactions transactions = new InMemoryTransactions(replies, prescriptions);
    private final ProcessOnceService processOnce = new ProcessOnceService(transactions, replies);
    private final CreatePrescriptionService create = new CreatePrescriptionService(transactions, prescriptions,
            new PrescriptionChanges(prescriptions, new InMemoryPrescriptionHistory()),
            new InMemoryCancellationPlaceholders(), Organisations.nominable(), CLOCK);

    @Test
    void a_replay_gets_the_first_reply_without_running_the_work_again() {
        AtomicInteger runs = new AtomicInteger();
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("bundle", "m-1"), "fingerprint-a");

        RecordedReply first = processOnce.process(command, () -> reply(runs.incrementAndGet()));
        RecordedReply second = processOnce.process(command, () -> reply(runs.incrementAndGet()));

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(text(second)).isEqualTo("run 1");
    }

    @Test
    void a_replayed_prescription_order_is_stored_once_and_answered_the_same() {
        PrescriptionId id = newId();
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("bundle", "m-2"), "fingerprint");
        CreatePrescriptionCommand order = new CreatePrescriptionCommand(acuteOrder(id, newPatient()), "{}");

        RecordedReply first = processOnce.process(command, () -> created(create.create(order).prescription().id()));
        RecordedReply replay = processOnce.process(command, () -> created(create.create(order).prescription().id()));

        assertThat(replay).isEqualTo(first);
        assertThat(text(replay)).isEqualTo(id.value());
        assertThat(prescriptions.findById(id)).hasValueSatisfying(
                prescription -> assertThat(prescription.version()).isEqualTo(1));
    }

    @Test
    void the_same_identifier_with_other_content_is_another_request() {
        AtomicInteger runs = new AtomicInteger();
        RequestKey key = new RequestKey("bundle", "m-3");

        processOnce.process(new ProcessOnceCommand(key, "content-a"), () -> reply(runs.incrementAndGet()));
        RecordedReply other = processOnce.process(new ProcessOnceCommand(key, "content-b"),
                () -> reply(runs.incrementAndGet()));

        assertThat(runs).hasValue(2);
        assertThat(text(other)).isEqualTo("run 2");
    }

    @Test
    void a_failing_work_records_nothing_and_may_be_retried() {
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("bundle", "m-4"), "fingerprint");

        assertThatThrownBy(() -> processOnce.process(command, () -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        RecordedReply retried = processOnce.process(command, () -> reply(7));

        assertThat(text(retried)).isEqualTo("run 7");
        assertThat(processOnce.process(command, () -> reply(8))).isEqualTo(retried);
    }

    @Test
    void a_failing_work_changes_nothing() {
        PrescriptionId id = newId();
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("bundle", "m-5"), "fingerprint");
        CreatePrescriptionCommand order = new CreatePrescriptionCommand(acuteOrder(id, newPatient()), "{}");

        assertThatThrownBy(() -> processOnce.process(command, () -> {
            create.create(order);
            throw new IllegalStateException("failed after storing");
        })).hasMessage("failed after storing");

        assertThat(prescriptions.findById(id)).isEmpty();
        RecordedReply retried = processOnce.process(command, () -> created(create.create(order).prescription().id()));
        assertThat(text(retried)).isEqualTo(id.value());
        assertThat(prescriptions.findById(id)).isPresent();
    }

    private static RecordedReply reply(int run) {
        return new RecordedReply(200, "text/plain", ("run " + run).getBytes(StandardCharsets.UTF_8));
    }

    private static RecordedReply created(PrescriptionId id) {
        return new RecordedReply(201, "text/plain", id.value().getBytes(StandardCharsets.UTF_8));
    }

    private static String text(RecordedReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }
}
