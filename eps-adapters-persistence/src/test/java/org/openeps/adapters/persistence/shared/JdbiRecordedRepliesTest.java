package org.openeps.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.shared.ProcessOnceService;
import org.openeps.application.shared.ProcessOnceUseCase.ProcessOnceCommand;
import org.openeps.application.shared.RecordedReplies;
import org.openeps.application.shared.RecordedRepliesContract;
import org.openeps.application.shared.RecordedReply;
import org.openeps.application.shared.RequestKey;
import org.openeps.application.shared.Transactions;

/**
 * The recorded-replies contract and the replay guard against a real PostgreSQL, where "at the same moment" is decided
 * by the database's locks.
 */
class JdbiRecordedRepliesTest extends RecordedRepliesContract {

    private static PostgresDatabase database;
    private static JdbiRecordedReplies replies;
    private static JdbiTransactions transactions;
    private static ProcessOnceService processOnce;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        replies = new JdbiRecordedReplies(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
        processOnce = new ProcessOnceService(transactions, replies);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected RecordedReplies replies() {
        return replies;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void a_repeated_request_gets_the_first_reply_without_running_again() {
        AtomicInteger runs = new AtomicInteger();
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("message", "m-1"), "fingerprint-a");

        RecordedReply first = processOnce.process(command, () -> reply(runs.incrementAndGet()));
        RecordedReply second = processOnce.process(command, () -> reply(runs.incrementAndGet()));

        assertThat(runs).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("run 1");
    }

    @Test
    void the_same_identifier_with_other_content_is_another_request() {
        AtomicInteger runs = new AtomicInteger();
        RequestKey key = new RequestKey("message", "m-2");

        processOnce.process(new ProcessOnceCommand(key, "content-a"), () -> reply(runs.incrementAndGet()));
        RecordedReply other = processOnce.process(new ProcessOnceCommand(key, "content-b"), () -> reply(runs.incrementAndGet()));

        assertThat(runs).hasValue(2);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo("run 2");
    }

    @Test
    void a_request_that_failed_records_nothing_and_may_be_sent_again() {
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("message", "m-3"), "fingerprint");

        assertThatThrownBy(() -> processOnce.process(command, () -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        RecordedReply retried = processOnce.process(command, () -> reply(7));

        assertThat(new String(retried.body(), StandardCharsets.UTF_8)).isEqualTo("run 7");
    }

    @Test
    void copies_arriving_at_the_same_moment_run_the_work_once() throws Exception {
        int copies = 8;
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ProcessOnceCommand command = new ProcessOnceCommand(new RequestKey("message", "m-4"), "fingerprint");
        ExecutorService threads = Executors.newFixedThreadPool(copies);
        try {
            List<Future<RecordedReply>> replies = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                replies.add(threads.submit(() -> {
                    start.await();
                    return processOnce.process(command, () -> {
                        int run = runs.incrementAndGet();
                        sleep(200);
                        return reply(run);
                    });
                }));
            }
            start.countDown();
            List<RecordedReply> answers = new ArrayList<>();
            for (Future<RecordedReply> reply : replies) {
                answers.add(reply.get(30, TimeUnit.SECONDS));
            }

            assertThat(runs).hasValue(1);
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        } finally {
            threads.shutdownNow();
        }
    }

    private static RecordedReply reply(int run) {
        return new RecordedReply(200, "text/plain", ("run " + run).getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
