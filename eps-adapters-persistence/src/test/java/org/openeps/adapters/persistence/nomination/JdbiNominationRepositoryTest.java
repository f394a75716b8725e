package org.openeps.adapters.persistence.nomination;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.nomination.NominationRepository;
import org.openeps.application.nomination.NominationRepositoryContract;

class JdbiNominationRepositoryTest extends NominationRepositoryContract {

    private static PostgresDatabase database;
    private static JdbiNominationRepository repository;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        repository = new JdbiNominationRepository(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected NominationRepository repository() {
        return repository;
    }
}
