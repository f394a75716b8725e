package org.openeps.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;

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
}
