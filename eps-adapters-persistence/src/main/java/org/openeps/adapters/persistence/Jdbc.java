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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

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
    }
}
