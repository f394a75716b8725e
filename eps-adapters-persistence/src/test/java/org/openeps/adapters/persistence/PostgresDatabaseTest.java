package org.openeps.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.ServiceBusyException;

/** The service's database as the adapters get it. */
class PostgresDatabaseTest {

    @Test
    void a_failed_statement_does_not_carry_its_bound_values_into_its_message() {
        try (PostgresDatabase database = PostgresDatabase.open(TestDatabases.create())) {
            assertThatThrownBy(() -> database.jdbi().withHandle(handle -> handle
                    .createQuery("select length(:familyName) / 0")
                    .bind("familyName", "TWITCHETT-1948-04-30-KT11")
                    .mapTo(Integer.class)
                    .one()))
                    .isInstanceOf(StatementException.class)
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("TWITCHETT"));
        }
    }

    @Test
    void a_request_that_finds_every_connection_taken_for_the_whole_timeout_is_told_the_service_is_busy() {
        DatabaseSettings settings = TestDatabases.create();
        DatabaseSettings twoConnections = new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), 2);
        try (PostgresDatabase database = PostgresDatabase.open(twoConnections, 300)) {
            try (Handle first = database.jdbi().open(); Handle second = database.jdbi().open()) {
                assertThatThrownBy(() -> database.jdbi().withHandle(handle -> handle.createQuery("select 1")
                        .mapTo(Integer.class).one()))
                        .isInstanceOf(ServiceBusyException.class)
                        .hasMessageContaining("300 ms");
            }

            int answer = database.jdbi().withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
            assertThat(answer).as("once connections are free again").isEqualTo(1);
        }
    }
}
