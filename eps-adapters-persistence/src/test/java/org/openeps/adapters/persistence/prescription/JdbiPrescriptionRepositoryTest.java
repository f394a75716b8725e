package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
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
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.prescription.PrescriptionRepository.Releasable;
import org.openeps.application.prescription.PrescriptionRepositoryContract;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The repository contract against a real PostgreSQL, plus what only a database shared by many connections can show.
 */
class JdbiPrescriptionRepositoryTest extends PrescriptionRepositoryContract {

    private static PostgresDatabase database;
    private static JdbiPrescriptionRepository repository;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        repository = new JdbiPrescriptionRepository(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void an_id_stored_by_another_transaction_a_moment_ago_is_a_duplicate() throws Exception {
        PrescriptionId id = newId();
        CountDownLatch firstAdded = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Prescription> first = threads.submit(() -> transactions.inTransaction(() -> {
                Prescription stored = repository.add(Prescription.create(acuteOrder(id, newPatient()), RECEIVED),
                        "{\"first\":true}");
                firstAdded.countDown();
                sleep(300);
                return stored;
            }));
            Future<ErrorCode> second = threads.submit(() -> {
                firstAdded.await();
                try {
                    transactions.inTransaction(() -> repository.add(
                            Prescription.create(acuteOrder(id, newPatient()), RECEIVED), "{\"second\":true}"));
                    return null;
                } catch (EpsException e) {
                    return e.code();
                }
            });

            assertThat(first.get(30, TimeUnit.SECONDS).version()).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(ErrorCode.DUPLICATE_PRESCRIPTION_ID);
            assertThat(repository.findOriginalMessage(id)).contains("{\"first\":true}");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void two_dispensers_downloading_at_once_lock_disjoint_sets_of_prescriptions() throws Exception {
        OdsCode dispenser = newDispenser();
        List<PrescriptionId> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Prescription stored = repository.add(Prescription.create(
                    nominatedTo(acuteOrder(newId(), newPatient()), dispenser), RECEIVED.plusSeconds(i)), "{}");
            oldestFirst.add(stored.id());
        }
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<PrescriptionId>> first = threads.submit(() -> transactions.inTransaction(() -> {
                List<PrescriptionId> locked = ids(repository.lockNominatedReleasable(dispenser, 3));
                firstLocked.countDown();
                await(secondDone);
                return locked;
            }));
            Future<List<PrescriptionId>> second = threads.submit(() -> {
                await(firstLocked);
                try {
                    return transactions.inTransaction(() -> ids(repository.lockNominatedReleasable(dispenser, 10)));
                } finally {
                    secondDone.countDown();
                }
            });

            List<PrescriptionId> firstSet = first.get(30, TimeUnit.SECONDS);
            List<PrescriptionId> secondSet = second.get(30, TimeUnit.SECONDS);
            assertThat(firstSet).containsExactlyElementsOf(oldestFirst.subList(0, 3));
            assertThat(secondSet).containsExactlyElementsOf(oldestFirst.subList(3, 6));
            Set<PrescriptionId> both = new HashSet<>(firstSet);
            both.retainAll(secondSet);
            assertThat(both).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void two_schedulers_at_once_lock_disjoint_sets_of_prescriptions_with_work_due() throws Exception {
        Instant dueAt = Instant.parse("2026-09-10T12:00:00Z");
        for (int i = 0; i < 4; i++) {
            repository.add(Prescription.create(acuteOrder(newId(), newPatient()), RECEIVED.plusSeconds(i)), "{}");
        }
        CountDownLatch firstLocked = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<PrescriptionId>> first = threads.submit(() -> transactions.inTransaction(() -> {
                List<PrescriptionId> locked = repository.lockWithWorkDue(dueAt, 2).stream().map(Prescription::id).toList();
                firstLocked.countDown();
                await(secondDone);
                return locked;
            }));
            Future<List<PrescriptionId>> second = threads.submit(() -> {
                await(firstLocked);
                try {
                    return transactions.inTransaction(
                            () -> repository.lockWithWorkDue(dueAt, 2).stream().map(Prescription::id).toList());
                } finally {
                    secondDone.countDown();
                }
            });

            List<PrescriptionId> firstSet = first.get(30, TimeUnit.SECONDS);
            List<PrescriptionId> secondSet = second.get(30, TimeUnit.SECONDS);
            assertThat(firstSet).hasSize(2);
            assertThat(secondSet).hasSize(2).doesNotContainAnyElementsOf(firstSet);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_prescription_found_for_update_waits_for_the_transaction_holding_it() throws Exception {
        OdsCode dispenser = newDispenser();
        Prescription stored = repository.add(
                Prescription.create(nominatedTo(acuteOrder(newId(), newPatient()), dispenser), RECEIVED), "{}");
        CountDownLatch firstLoaded = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Prescription> first = threads.submit(() -> transactions.inTransaction(() -> {
                Prescription loaded = repository.findByIdForUpdate(stored.id()).orElseThrow();
                firstLoaded.countDown();
                await(secondWaiting);
                sleep(300);
                return repository.update(loaded.release(dispenser, RECEIVED.plusSeconds(1)));
            }));
            Future<Prescription> second = threads.submit(() -> {
                await(firstLoaded);
                secondWaiting.countDown();
                return transactions.inTransaction(() -> repository.findByIdForUpdate(stored.id()).orElseThrow());
            });

            assertThat(first.get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
            Prescription seenBySecond = second.get(30, TimeUnit.SECONDS);
            assertThat(seenBySecond.version()).isEqualTo(2);
            assertThat(seenBySecond.issue(1).dispenser()).contains(dispenser);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<PrescriptionId> ids(List<Releasable> releasable) {
        return releasable.stream().map(item -> item.prescription().id()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
