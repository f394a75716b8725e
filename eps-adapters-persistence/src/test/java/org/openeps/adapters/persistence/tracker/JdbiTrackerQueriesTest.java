package org.openeps.adapters.persistence.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.adapters.persistence.prescription.JdbiPrescriptionRepository;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.tracker.TrackerQueries;
import org.openeps.application.tracker.TrackerQueriesContract;

/** The tracker queries contract against a real PostgreSQL, and the index the search uses. */
class JdbiTrackerQueriesTest extends TrackerQueriesContract {

    private static PostgresDatabase database;
    private static JdbiTrackerQueries queries;
    private static JdbiPrescriptionRepository repository;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        queries = new JdbiTrackerQueries(database.jdbi());
        repository = new JdbiPrescriptionRepository(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected TrackerQueries queries() {
        return queries;
    }

    @Override
    protected PrescriptionRepository repository() {
        return repository;
    }

    @Test
    void the_search_by_family_name_and_date_of_birth_can_use_its_index() {
        List<String> plan = database.jdbi().withHandle(handle -> {
            handle.execute("set enable_seqscan = off");
            List<String> lines = handle.createQuery("""
                    explain select nhs_number from prescription
                    where lower(regexp_replace(patient_family_name, '\\s', '', 'g')) = 'smith'
                      and patient_birth_date = date '1948-04-30'
                      and patient_family_name is not null and patient_birth_date is not null
                    """).mapTo(String.class).list();
            handle.execute("reset enable_seqscan");
            return lines;
        });

        assertThat(String.join("\n", plan)).contains("prescription_patient_search");
    }
}
