package org.openeps.adapters.persistence.prescription;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.prescription.CancellationPlaceholders;
import org.openeps.application.prescription.CancellationPlaceholdersContract;

class JdbiCancellationPlaceholdersTest extends CancellationPlaceholdersContract {

    private static PostgresDatabase database;
    private static JdbiCancellationPlaceholders placeholders;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        placeholders = new JdbiCancellationPlaceholders(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected CancellationPlaceholders placeholders() {
        return placeholders;
    }
}
