package org.openeps.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.postgresql.util.PSQLException;

/**
 * The statements on the request path, run as JDBC prepared statements on the connection of a Jdbi handle, so in its
 * transaction (ADR 9). Jdbi's statement and SQL Object layers derive a configuration, resolve argument factories and
 * look up mappers again for every statement: 41% of the service's CPU samples under the benchmark's load. Here a
 * statement is the driver's own (the PostgreSQL driver keeps it prepared on the server after a few uses), bound by
 * position and read by a {@link Row} written for it.
 *
 * <p>Values bind by their type: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code byte[]},
 * {@code Instant} (as a UTC {@code timestamptz}), {@code String[]} (as {@code text[]}), {@code Integer[]} (as
 * {@code integer[]}), and anything else the driver takes with {@code setObject} ({@code LocalDate},
 * {@code OffsetDateTime}, {@code BigDecimal}); {@code null} binds a null {@code varchar}, and a null of another type
 * is made with {@link #date}, {@link #timestamp}, {@link #integer} or {@link #texts}.
 */
public final class Jdbc {

    /** Reads one row of a result set, positioned on it. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    /**
     * A null of a given SQL type. A bare {@code null} binds as a null {@code varchar}, the type a {@code String}
     * binds as: a nullable text column then keeps one parameter type whether its value is null or not, and the
     * driver keeps the statement prepared. (An untyped null would change the statement's parameter types between
     * executions, and the driver would parse and plan it again each time it changed: one of the causes of a first
     * version that ran at half the throughput, ADR 9.) A nullable value of another type goes through {@link #date},
     * {@link #timestamp}, {@link #integer} or {@link #texts}.
     */
    private record TypedNull(int sqlType) {
    }

    public static Object date(LocalDate value) {
        return value != null ? value : new TypedNull(Types.DATE);
    }

    public static Object timestamp(Instant value) {
        return value != null ? value : new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    public static Object integer(Integer value) {
        return value != null ? value : new TypedNull(Types.INTEGER);
    }

    public static Object texts(String[] value) {
        return value != null ? value : new TypedNull(Types.ARRAY);
    }

    /**
     * The parameter list of an {@code in} of {@code count} values, {@code (?, ?, ?)}: one statement text per count,
     * each with a plan PostgreSQL can keep ({@code = any(?)} with an array of unknown length has a generic plan that
     * PostgreSQL judges against a fresh plan for each execution, and the generic one joined whole tables).
     */
    public static String in(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("An in list needs at least one value");
        }
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * The {@code values} list of an insert of {@code rows} rows of {@code columns} values each, {@code (?, ?), (?, ?)}:
     * one statement for all the rows, one text (and one prepared statement) per number of rows.
     */
    public static String rows(int rows, int columns) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("A values list needs at least one row of one column");
        }
        return String.join(", ", Collections.nCopies(rows, in(columns)));
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    public static int update(Handle handle, String sql, Object... values) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StatementFailedException(e);
        }
    }

    /** Runs one statement for each row of values, sent together; returns each one's count of rows changed. */
    public static int[] batch(Handle handle, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] values : rows) {
                bind(connection, statement, values);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new StatementFailedException(e.getNextException() != null ? e.getNextException() : e);
        }
    }

    /** Runs a query and reads every row it gives. */
    public static <T> List<T> query(Handle handle, String sql, Row<T> row, Object... values) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(connection, statement, values);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StatementFailedException(e);
        }
    }

    /** Runs a query and reads its first row, if it gives one. */
    public static <T> Optional<T> first(Handle handle, String sql, Row<T> row, Object... values) {
        return query(handle, sql, row, values).stream().findFirst();
    }

    /**
     * Several statements sent in one round trip: the driver takes a prepared statement of several, separated by
     * semicolons, as one message to the server (each still parsed, planned and kept prepared on its own) and reads
     * their results in order. The server runs them one after the other and stops at the first that fails. A round
     * trip costs both processes system calls and a switch of process each way, whatever the statement: with 2 cores,
     * pgbench runs 3.5 times the transactions of 5 point reads when it sends them together (ADR 10).
     *
     * <p>Add each statement with {@link #query} or {@link #update}, then {@link #run} them; each {@link Result} is
     * filled by the run.
     */
    public static final class RoundTrip {

        private final List<String> statements = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private final List<Result<?>> results = new ArrayList<>();

        /** A query (or a statement with {@code returning}) whose rows the run reads. */
        public <T> Result<T> query(String sql, Row<T> row, Object... values) {
            return add(sql, row, values);
        }

        /** An insert, update or delete whose count of rows changed the run reads (as the only row). */
        public Result<Integer> update(String sql, Object... values) {
            return add(sql, null, values);
        }

        private <T> Result<T> add(String sql, Row<T> row, Object[] statementValues) {
            if (sql.contains(";")) {
                throw new IllegalArgumentException("One statement at a time: " + sql);
            }
            statements.add(sql.strip());
            values.addAll(Arrays.asList(statementValues));
            Result<T> result = new Result<>(row);
            results.add(result);
            return result;
        }

        /** Sends every statement added, in order, in one round trip, and reads each one's result. */
        @SuppressWarnings("unchecked")
        public void run(Handle handle) {
            if (statements.isEmpty()) {
                return;
            }
            Connection connection = handle.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
                bind(connection, statement, values.toArray());
                boolean rows = statement.execute();
                for (Result<?> result : results) {
                    if (result.row == null) {
                        if (rows) {
                            throw new IllegalStateException("An update gave rows: " + statements);
                        }
                        ((Result<Integer>) result).rows = List.of(statement.getUpdateCount());
                    } else {
                        if (!rows) {
                            throw new IllegalStateException("A query gave no rows: " + statements);
                        }
                        try (ResultSet rs = statement.getResultSet()) {
                            result.read(rs);
                        }
                    }
                    rows = statement.getMoreResults();
                }
            } catch (SQLException e) {
                throw new StatementFailedException(e);
            }
        }
    }

    /** What one statement of a {@link RoundTrip} gave, once the round trip has run. */
    public static final class Result<T> {

        private final Row<T> row;
        private List<T> rows;

        private Result(Row<T> row) {
            this.row = row;
        }

        private void read(ResultSet rs) throws SQLException {
            List<T> read = new ArrayList<>();
            while (rs.next()) {
                read.add(row.read(rs));
            }
            rows = read;
        }

        /** The rows a query gave; for an update, its count of rows changed. */
        public List<T> rows() {
            if (rows == null) {
                throw new IllegalStateException("The round trip has not run");
            }
            return rows;
        }

        /** The count of rows an update changed. */
        public int count() {
            return (Integer) rows().getFirst();
        }
    }

    /** Binds the values to the statement's parameters, in order. */
    private static void bind(Connection connection, PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            switch (values[i]) {
                case null -> statement.setNull(index, Types.VARCHAR);
                case TypedNull typed -> statement.setNull(index, typed.sqlType());
                case String text -> statement.setString(index, text);
                case Integer number -> statement.setInt(index, number);
                case Long number -> statement.setLong(index, number);
                case Boolean flag -> statement.setBoolean(index, flag);
                case byte[] bytes -> statement.setBytes(index, bytes);
                case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case String[] texts -> statement.setArray(index, connection.createArrayOf("text", texts));
                case Integer[] numbers -> statement.setArray(index, connection.createArrayOf("integer", numbers));
                default -> statement.setObject(index, values[i]);
            }
        }
    }

    /** A statement PostgreSQL refused or could not run; {@link #getCause()} is the driver's exception. */
    public static final class StatementFailedException extends RuntimeException {
        public StatementFailedException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** The SQLSTATE PostgreSQL gave, e.g. {@code 23505} for a unique violation. */
        public String sqlState() {
            return ((SQLException) getCause()).getSQLState();
        }

        /** The name of the constraint PostgreSQL said the statement broke, if it named one. */
        public Optional<String> constraint() {
            return getCause() instanceof PSQLException failure && failure.getServerErrorMessage() != null
                    ? Optional.ofNullable(failure.getServerErrorMessage().getConstraint())
                    : Optional.empty();
        }
    }
}
