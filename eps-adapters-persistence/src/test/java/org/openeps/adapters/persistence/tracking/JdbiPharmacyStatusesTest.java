package org.openeps.adapters.persistence.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.tracking.DuplicateStatusUpdateException;
import org.openeps.application.tracking.PharmacyStatusLog;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.application.tracking.PharmacyStatusesContract;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PharmacyStatus;

class JdbiPharmacyStatusesTest extends PharmacyStatusesContract {

    private static PostgresDatabase database;
    private static JdbiPharmacyStatuses store;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        store = new JdbiPharmacyStatuses(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected PharmacyStatusLog log() {
        return store;
    }

    @Override
    protected PharmacyStatuses statuses() {
        return store;
    }

    @Test
    void updates_stored_in_a_transaction_that_fails_afterwards_are_rolled_back_with_it() {
        PrescriptionId id = new PrescriptionId("A0548B-A99968-451485");
        PharmacyStatus status = new PharmacyStatus(UUID.randomUUID().toString(), id,
                new LineItemId(UUID.randomUUID().toString()), 1, new NhsNumber("9449304130"), new OdsCode("FA565"),
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, Instant.parse("2026-03-04T09:00:00Z"),
                Instant.parse("2026-03-04T09:00:01Z"));

        assertThatThrownBy(() -> new JdbiTransactions(database.jdbi()).inTransaction(() -> {
            store.record(List.of(status));
            assertThat(store.findFor(id)).containsExactly(status);
            throw new IllegalStateException("a later step of the same unit of work fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.findFor(id)).isEmpty();
    }

    @Test
    void find_from_reads_the_index_made_for_it() {
        String plan = database.jdbi().withHandle(handle -> {
            handle.execute("analyze pharmacy_status");
            handle.execute("set enable_seqscan = off");
            return String.join("\n", handle.createQuery("""
                    explain select task_id from pharmacy_status
                    where prescription_id = 'X' and issue_number = 1 and pharmacy in ('FA565', 'C9Z1O')
                    order by last_modified desc, seq desc limit 100""").mapTo(String.class).list());
        });

        assertThat(plan).contains("pharmacy_status_by_item");
    }

    /**
     * Bundles sent at the same moment naming some of the same Task IDs, each in an order of its own: inserted in the
     * order received, two of them could each hold a Task ID the other waits for (PostgreSQL breaks the deadlock by
     * failing one with 40P01, a 500). Each must instead store all its updates or be refused as a duplicate.
     */
    @Test
    void concurrent_calls_naming_the_same_task_ids_in_different_orders_each_store_all_or_are_duplicates()
            throws Exception {
        int calls = 6;
        Random random = new Random(20_261_124);
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            for (int round = 0; round < 15; round++) {
                PrescriptionId id = PrescriptionId.generate(new OdsCode("A83008"), 9_000 + round, random);
                List<String> taskIds = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    taskIds.add(UUID.randomUUID().toString());
                }
                // each call names 25 of the 40 (so any two share some), in an order of its own
                List<List<PharmacyStatus>> bundles = new ArrayList<>();
                for (int call = 0; call < calls; call++) {
                    List<String> mine = new ArrayList<>(taskIds);
                    Collections.shuffle(mine, random);
                    LineItemId marker = new LineItemId(UUID.randomUUID().toString());
                    bundles.add(mine.subList(0, 25).stream().map(taskId -> new PharmacyStatus(taskId, id, marker, 1,
                            new NhsNumber("9449304130"), new OdsCode("FA565"), BusinessStatus.WITH_PHARMACY,
                            TaskStatus.IN_PROGRESS, Instant.parse("2026-03-04T09:00:00Z"),
                            Instant.parse("2026-03-04T09:00:01Z"))).toList());
                }
                CyclicBarrier start = new CyclicBarrier(calls);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (List<PharmacyStatus> bundle : bundles) {
                    outcomes.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            store.record(bundle);
                            return true;
                        } catch (DuplicateStatusUpdateException duplicate) {
                            return false;
                        }
                    }));
                }
                List<PharmacyStatus> expected = new ArrayList<>();
                for (int call = 0; call < calls; call++) {
                    // anything but a duplicate (a deadlock above all) fails the test here
                    if (outcomes.get(call).get(30, TimeUnit.SECONDS)) {
                        expected.addAll(bundles.get(call));
                    }
                }

                assertThat(expected).as("round %d: one call stores its updates, the others share Task IDs with it",
                        round).hasSize(25);
                assertThat(store.findFor(id)).as("round %d: all of one call's updates, none of the others'", round)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
