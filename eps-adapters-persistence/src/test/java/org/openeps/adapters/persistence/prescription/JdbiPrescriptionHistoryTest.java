package org.openeps.adapters.persistence.prescription;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.prescription.PrescriptionHistory;
import org.openeps.application.prescription.PrescriptionHistoryContract;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.shared.Transactions;

/** The history contract against a real PostgreSQL. */
class JdbiPrescriptionHistoryTest extends PrescriptionHistoryContract {

    private static PostgresDatabase database;
    private static JdbiPrescriptionHistory history;
    private static JdbiPrescriptionRepository repository;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        history = new JdbiPrescriptionHistory(database.jdbi());
        repository = new JdbiPrescriptionRepository(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected PrescriptionHistory history() {
        return history;
    }

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
