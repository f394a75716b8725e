package org.openeps.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openeps.adapters.http.Admission;
import org.openeps.adapters.persistence.DatabaseSettings;

/**
 * The service's settings, read from environment variables (documented in the README). A value that cannot be used
 * stops the service at start with a message naming the variable.
 *
 * @param database          empty to run on the embedded PostgreSQL kept in {@code dataDirectory}
 * @param schedulerInterval how often the time-driven work runs; zero turns the scheduler off
 * @param directoryFile     a directory file (CSV) to load at start when the directory is empty; when absent, the
 *                          embedded default loads the sample shipped with the service and a configured database
 *                          nothing
 * @param admission         how many requests are worked on at once and how many wait, before 503 (overload)
 * @param access            how access tokens are verified, and the rate limit
 * @param web               the web pages' sessions and sign-in
 */
public record Configuration(
        int port,
        Optional<DatabaseSettings> database,
        Path dataDirectory,
        long maxRequestBytes,
        int httpThreads,
        Admission admission,
        Duration schedulerInterval,
        int schedulerBatchSize,
        Optional<Path> directoryFile,
        AccessSettings access,
        WebSettings web) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATA_DIRECTORY = "./eps-data";
    static final long DEFAULT_MAX_REQUEST_BYTES = 5_000_000;
    static final int DEFAULT_HTTP_THREADS = 200;
    static final int DEFAULT_POOL_SIZE = 10;
    static final int DEFAULT_SCHEDULER_INTERVAL_SECONDS = 60;
    static final int DEFAULT_SCHEDULER_BATCH = 500;

    /**
     * Settings for tests and embedding: no scheduler, the given database (empty: embedded in the data directory),
     * development tokens.
     */
    public static Configuration of(int port, Optional<DatabaseSettings> database, Path dataDirectory) {
        return new Configuration(port, database, dataDirectory, DEFAULT_MAX_REQUEST_BYTES, 32,
                Admission.forPool(DEFAULT_POOL_SIZE), Duration.ZERO,
                DEFAULT_SCHEDULER_BATCH, Optional.empty(), AccessSettings.development(), WebSettings.development());
    }

    public static Configuration fromEnvironment(Map<String, String> env) {
        // at least 2: Flyway holds one connection for its lock while it migrates on another
        int poolSize = integer(env, "EPS_DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, 2, 1000);
        Optional<DatabaseSettings> database = value(env, "EPS_DATABASE_URL").map(url -> {
            try {
                return new DatabaseSettings(url, value(env, "EPS_DATABASE_USER").orElse("postgres"),
                        env.getOrDefault("EPS_DATABASE_PASSWORD", ""), poolSize);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("EPS_DATABASE_URL: " + e.getMessage(), e);
            }
        });
        Admission admission = Admission.forPool(poolSize);
        AccessSettings access = AccessSettings.fromEnvironment(env, database.isEmpty(),
                integer(env, "EPS_RATE_LIMIT_PER_MINUTE", AccessSettings.DEFAULT_RATE_LIMIT, 1, 100_000_000));
        return new Configuration(
                integer(env, "EPS_PORT", DEFAULT_PORT, 0, 65535),
                database,
                Path.of(value(env, "EPS_DATA_DIR").orElse(DEFAULT_DATA_DIRECTORY)).toAbsolutePath().normalize(),
                integer(env, "EPS_MAX_REQUEST_BYTES", (int) DEFAULT_MAX_REQUEST_BYTES, 1_000, 100_000_000),
                integer(env, "EPS_HTTP_THREADS", DEFAULT_HTTP_THREADS, 8, 10_000),
                new Admission(
                        integer(env, "EPS_MAX_CONCURRENT_REQUESTS", admission.maxConcurrent(), 1, 10_000),
                        integer(env, "EPS_MAX_QUEUED_REQUESTS", admission.maxQueued(), 0, 1_000_000),
                        admission.maxWait()),
                Duration.ofSeconds(integer(env, "EPS_SCHEDULER_INTERVAL_SECONDS", DEFAULT_SCHEDULER_INTERVAL_SECONDS, 0,
                        86_400)),
                integer(env, "EPS_SCHEDULER_BATCH", DEFAULT_SCHEDULER_BATCH, 1, 100_000),
                value(env, "EPS_DIRECTORY_CSV").map(Configuration::readableFile),
                access,
                WebSettings.fromEnvironment(env, access.devTokens()));
    }

    /** The same settings with a directory file to load at start. */
    public Configuration withDirectoryFile(Path file) {
        return new Configuration(port, database, dataDirectory, maxRequestBytes, httpThreads, admission,
                schedulerInterval, schedulerBatchSize, Optional.of(file), access, web);
    }

    /** The same settings with other limits on the requests worked on at once and waiting. */
    public Configuration withAdmission(Admission limits) {
        return new Configuration(port, database, dataDirectory, maxRequestBytes, httpThreads, limits,
                schedulerInterval, schedulerBatchSize, directoryFile, access, web);
    }

    /** The same settings with other access settings. */
    public Configuration withAccess(AccessSettings settings) {
        return new Configuration(port, database, dataDirectory, maxRequestBytes, httpThreads, admission,
                schedulerInterval, schedulerBatchSize, directoryFile, settings, web);
    }

    /** The same settings with other web page settings. */
    public Configuration withWeb(WebSettings settings) {
        return new Configuration(port, database, dataDirectory, maxRequestBytes, httpThreads, admission,
                schedulerInterval, schedulerBatchSize, directoryFile, access, settings);
    }

    private static Path readableFile(String text) {
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("EPS_DIRECTORY_CSV must name a readable file, not " + text);
        }
        return path;
    }

    /** Pool size used for the embedded database, which is always local. */
    int embeddedPoolSize() {
        return DEFAULT_POOL_SIZE;
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(text -> !text.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        return value(env, name).map(text -> {
            try {
                int number = Integer.parseInt(text);
                if (number < min || number > max) {
                    throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + text);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + text, e);
            }
        }).orElse(fallback);
    }
}
