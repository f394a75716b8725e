package org.openeps.adapters.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmbeddedPostgresTest {

    @TempDir
    Path dataDirectory;

    @Test
    void starts_in_an_empty_directory_and_answers_queries_over_jdbc() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDirectory)) {
            assertThat(postgres.jdbcUrl("postgres"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
            try (Connection connection = connect(postgres);
                    ResultSet result = connection.createStatement().executeQuery("select 1")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void data_survives_a_stop_and_a_restart_on_the_same_directory() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDirectory);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.execute("create table prescription (id text primary key)");
            statement.execute("insert into prescription values ('RX-1')");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDirectory);
                Connection connection = connect(postgres);
                ResultSet result = connection.createStatement().executeQuery("select id from prescription")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("RX-1");
            assertThat(result.next()).isFalse();
        }
    }

    @Test
    void closing_twice_is_harmless_and_the_server_is_gone_afterwards() {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDirectory);
        postgres.close();
        assertThatCode(postgres::close).doesNotThrowAnyException();
        assertThatThrownBy(() -> connect(postgres).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void refuses_to_start_a_second_server_on_a_data_directory_already_in_use() {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(dataDirectory)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dataDirectory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining(dataDirectory.toString());
        }
    }

    private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), "");
    }
}
