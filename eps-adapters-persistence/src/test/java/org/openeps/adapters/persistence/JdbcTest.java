package org.openeps.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request path's statements on the handle's JDBC connection (ADR 9). */
class JdbcTest {

    /** Executions of one statement: the driver prepares it on the server from the fifth on. */
    private static final int EXECUTIONS = 12;

    private static PostgresDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        database.jdbi().useHandle(handle -> handle.execute("""
                create table jdbc_test (id integer, t text, ts timestamptz, d date, i integer, texts text[],
                                        b bytea, n numeric, flag boolean)
                """));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void every_type_reads_back_as_bound_and_text_date_timestamp_integer_and_array_nulls_as_nulls() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String sql = "insert into jdbc_test (id, t, ts, d, i, texts, b, n, flag) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<String> rows = database.jdbi().inTransaction(handle -> {
            Jdbc.update(handle, sql, 1, "text", Jdbc.timestamp(at), Jdbc.date(LocalDate.of(2026, 11, 24)),
                    Jdbc.integer(28), Jdbc.texts(new String[] {"a", "b"}), new byte[] {1, 2}, new BigDecimal("2.5"), true);
            Jdbc.update(handle, sql, 2, null, Jdbc.timestamp(null), Jdbc.date(null), Jdbc.integer(null),
                    Jdbc.texts(null), new byte[] {3}, BigDecimal.ZERO, false);
            return Jdbc.query(handle, "select * from jdbc_test where id = any(?) order by id",
                    rs -> rs.getString("t") + "|" + rs.getObject("ts", java.time.OffsetDateTime.class) + "|"
                            + rs.getObject("d", LocalDate.class) + "|" + rs.getObject("i") + "|"
                            + (rs.getArray("texts") == null ? null : List.of((String[]) rs.getArray("texts").getArray()))
                            + "|" + (rs.getBytes("b") == null ? null : rs.getBytes("b").length) + "|"
                            + rs.getBigDecimal("n") + "|" + rs.getBoolean("flag"),
                    (Object) new Integer[] {1, 2});
        });

        assertThat(rows).containsExactly(
                "text|" + at.atOffset(java.time.ZoneOffset.UTC) + "|2026-11-24|28|[a, b]|2|2.5|true",
                "null|null|null|null|null|1|0|false");
    }

    @Test
    void a_statement_whose_values_are_sometimes_null_stays_prepared_on_the_server() {
        String sql = "insert into jdbc_test (id, t, ts, d, i, texts) values (?, ?, ?, ?, ?, ?) /* sometimes null */";
        long executions = database.jdbi().inTransaction(handle -> {
            for (int i = 0; i < EXECUTIONS; i++) {
                boolean none = i % 2 == 0;
                Jdbc.update(handle, sql, 100 + i, none ? null : "text",
                        Jdbc.timestamp(none ? null : Instant.now()), Jdbc.date(none ? null : LocalDate.now()),
                        Jdbc.integer(none ? null : i), Jdbc.texts(none ? null : new String[] {"a"}));
            }
            return plannedExecutions(handle, "sometimes null");
        });

        assertThat(executions).as("executions of the one server-side statement: not parsed again when a value is null")
                .isEqualTo(EXECUTIONS - 4);
    }

    @Test
    void a_batch_runs_each_row_and_an_empty_batch_runs_nothing() {
        String sql = "insert into jdbc_test (id, t) values (?, ?) on conflict do nothing";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(new Object[] {200 + i, i == 1 ? null : "row " + i});
        }

        int[] counts = database.jdbi().inTransaction(handle -> Jdbc.batch(handle, sql, rows));
        int[] none = database.jdbi().inTransaction(handle -> Jdbc.batch(handle, sql, List.of()));

        assertThat(counts).containsExactly(1, 1, 1);
        assertThat(none).isEmpty();
        List<String> stored = database.jdbi().withHandle(handle -> Jdbc.query(handle,
                "select t from jdbc_test where id between 200 and 202 order by id", rs -> rs.getString("t")));
        assertThat(stored).containsExactly("row 0", null, "row 2");
    }

    @Test
    void a_refused_statement_gives_its_sqlstate_and_not_the_values_of_the_row() {
        database.jdbi().useHandle(handle -> handle.execute(
                "create table jdbc_unique (nhs_number text primary key); insert into jdbc_unique values ('9449304130')"));

        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> Jdbc.update(handle,
                "insert into jdbc_unique (nhs_number) values (?)", "9449304130")))
                .isInstanceOfSatisfying(Jdbc.StatementFailedException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo("23505"))
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("9449304130"));
    }

    @Test
    void a_round_trip_runs_its_statements_in_order_and_gives_each_its_rows_or_count() {
        List<Object> results = database.jdbi().inTransaction(handle -> {
            Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
            Jdbc.Result<Integer> inserted = trip.update("insert into jdbc_test (id, t) values (?, ?), (?, ?)",
                    300, "first", 301, null);
            Jdbc.Result<String> read = trip.query("select t from jdbc_test where id in (?, ?) order by id",
                    rs -> rs.getString("t"), 300, 301);
            Jdbc.Result<Integer> updated = trip.update("update jdbc_test set t = ? where id = ?", "second", 301);
            Jdbc.Result<String> none = trip.query("select t from jdbc_test where id = ?", rs -> rs.getString("t"), -1);
            Jdbc.Result<String> after = trip.query("select t from jdbc_test where id = ?", rs -> rs.getString("t"), 301);
            trip.run(handle);
            return List.of(inserted.count(), read.rows(), updated.count(), none.rows(), after.rows());
        });

        assertThat(results).containsExactly(2, Arrays.asList("first", null), 1, List.of(), List.of("second"));
    }

    @Test
    void a_round_trip_with_many_executions_stays_prepared_on_the_server() {
        long executions = database.jdbi().inTransaction(handle -> {
            for (int i = 0; i < EXECUTIONS; i++) {
                Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
                trip.query("select t from jdbc_test where id = ? /* round trip one */", rs -> rs.getString("t"), i);
                trip.update("update jdbc_test set t = t where id = ? /* round trip two */", i);
                trip.run(handle);
            }
            return plannedExecutions(handle, "round trip one") + plannedExecutions(handle, "round trip two");
        });

        assertThat(executions).as("executions of the two server-side statements").isEqualTo(2 * (EXECUTIONS - 4));
    }

    @Test
    void a_round_trip_stops_at_the_statement_refused_and_gives_its_sqlstate() {
        database.jdbi().useHandle(handle -> handle.execute(
                "create table jdbc_unique_trip (id integer primary key); insert into jdbc_unique_trip values (1)"));

        assertThatThrownBy(() -> database.jdbi().useTransaction(handle -> {
            Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
            trip.update("insert into jdbc_unique_trip (id) values (?)", 2);
            trip.update("insert into jdbc_unique_trip (id) values (?)", 1);
            Jdbc.Result<Integer> third = trip.update("insert into jdbc_unique_trip (id) values (?)", 3);
            try {
                trip.run(handle);
            } finally {
                assertThatThrownBy(third::count).isInstanceOf(IllegalStateException.class);
            }
        }))
                .isInstanceOfSatisfying(Jdbc.StatementFailedException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo("23505"));
        List<Integer> stored = database.jdbi().withHandle(handle -> Jdbc.query(handle,
                "select id from jdbc_unique_trip order by id", rs -> rs.getInt("id")));
        assertThat(stored).as("the transaction rolled back; the statement after the refused one never ran")
                .containsExactly(1);
        assertThatThrownBy(() -> new Jdbc.RoundTrip().update("select 1; select 2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** How many times the server planned the session's prepared statement whose text holds the marker. */
    private static long plannedExecutions(Handle handle, String marker) {
        return Jdbc.first(handle, """
                select coalesce(sum(generic_plans + custom_plans), 0) from pg_prepared_statements
                where statement like '%' || ? || '%'
                """, rs -> rs.getLong(1), marker).orElseThrow();
    }
}
