package org.openeps.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The PostgreSQL server of the run: databases created and dropped, sizes read. */
final class Postgres {

    private final String host;
    private final int port;
    private final String user;

    Postgres(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    Connection connect(String database) throws SQLException {
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        return DriverManager.getConnection(url(database), user, password);
    }

    void recreate(String database) throws SQLException {
        drop(database);
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + database + "\"");
        }
    }

    void createIfMissing(String database) throws SQLException {
        try (Connection connection = connect("postgres");
             PreparedStatement select = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            select.setString(1, database);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create database \"" + database + "\"");
            }
        }
    }

    void drop(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
        }
    }

    String version() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    String setting(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('" + name.replace("'", "") + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Bytes of the whole database. */
    long databaseSize(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Bytes of each table of the service's schema, its indexes and TOAST included, largest first. */
    Map<String, Long> tableSizes(String database) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select c.relname, pg_total_relation_size(c.oid)
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind = 'r' and n.nspname = 'public'
                     order by 2 desc""")) {
            while (rows.next()) {
                sizes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sizes;
    }

    long count(String database, String table) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The server's checkpoints since its statistics were reset: on its schedule, and asked for (mostly by WAL volume). */
    record Checkpoints(long timed, long requested) {

        Checkpoints since(Checkpoints start) {
            return new Checkpoints(timed - start.timed, requested - start.requested);
        }
    }

    /** The checkpoint counters now (PostgreSQL 17 moved them to {@code pg_stat_checkpointer}). */
    Checkpoints checkpoints() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            String sql = major >= 17
                    ? "select num_timed, num_requested from pg_stat_checkpointer"
                    : "select checkpoints_timed, checkpoints_req from pg_stat_bgwriter";
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return new Checkpoints(rows.getLong(1), rows.getLong(2));
            }
        }
    }
}
