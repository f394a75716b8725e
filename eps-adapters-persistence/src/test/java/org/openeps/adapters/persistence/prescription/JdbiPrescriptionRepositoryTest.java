package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

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
import org.openeps.application.prescription.PrescriptionRepositoryContract;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
