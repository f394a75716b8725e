package org.openeps.adapters.persistence.directory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.directory.OrganisationDirectoryContract;
import org.openeps.application.shared.Transactions;

class JdbiOrganisationDirectoryTest extends OrganisationDirectoryContract {

    private static PostgresDatabase database;
    private static JdbiOrganisationDirectory directory;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        directory = new JdbiOrganisationDirectory(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected OrganisationDirectory directory() {
        return directory;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
