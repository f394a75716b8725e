package org.openeps.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.openeps.adapters.persistence.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL databases for tests, each new and empty. They live on the server named by
 * {@code EPS_TEST_DATABASE_URL} (a JDBC URL of a database the user may create databases from, with
 * {@code EPS_TEST_DATABASE_USER} and {@code EPS_TEST_DATABASE_PASSWORD}), or else on one embedded PostgreSQL started
 * for the whole test run in a temporary directory.
 */
public final class TestDatabases {

    private static final Object LOCK = new Object();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static Server server;

    private TestDatabases() {
    }

    /**
     * Creates a new database migrated up to and including {@code version} only, for tests of a later migration on
     * rows written by an earlier schema.
     */
    public static DatabaseSettings migratedTo(String version) {
        DatabaseSettings settings = create();
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
        return settings;
    }

    /** Creates a new, empty database and returns how to reach it; the schema is not migrated. */
    public static DatabaseSettings create() {
        Server target = server();
        String name = "eps_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(target.adminUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database on " + target.adminUrl(), e);
        }
        return new DatabaseSettings(target.urlFor(name), target.user(), target.password(), 10);
    }

    private static Server server() {
        synchronized (LOCK) {
            if (server == null) {
                server = Optional.ofNullable(System.getenv("EPS_TEST_DATABASE_URL"))
                        .filter(url -> !url.isBlank())
                        .map(url -> new Server(url, env("EPS_TEST_DATABASE_USER", "postgres"),
                                env("EPS_TEST_DATABASE_PASSWORD", "")))
                        .orElseGet(TestDatabases::embedded);
                Server created = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(created), "eps-test-databases-drop"));
            }
            return server;
        }
    }

    private static Server embedded() {
        try {
            Path directory = Files.createTempDirectory("eps-test-postgres");
            EmbeddedPostgres postgres = EmbeddedPostgres.start(directory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                postgres.close();
                deleteRecursively(directory);
            }, "eps-test-postgres-stop"));
            return new Server(postgres.jdbcUrl("postgres"), postgres.user(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops this run's databases so that a shared server does not fill up with them. */
    private static void dropAll(Server target) {
        try (Connection connection = DriverManager.getConnection(target.adminUrl(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            // the server is going away or unreachable: nothing left to tidy
        }
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).orElse(fallback);
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private record Server(String adminUrl, String user, String password) {
        /** The same server and parameters, another database. */
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String parameters = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
        }
    }
}
