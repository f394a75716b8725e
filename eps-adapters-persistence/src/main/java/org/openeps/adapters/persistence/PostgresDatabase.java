package org.openeps.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLTransientConnectionException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.openeps.application.shared.ServiceBusyException;

/**
 * The service's PostgreSQL database: a connection pool, the schema migrated to the latest version, and a Jdbi
 * instance for the repositories. Closing it closes the pool.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private PostgresDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        // a pool that stays exhausted for its whole timeout means the service is overloaded, not broken
        this.jdbi = Jdbi.create(() -> {
            try {
                return dataSource.getConnection();
            } catch (SQLTransientConnectionException e) {
                throw new ServiceBusyException("No database connection became free within "
                        + dataSource.getConnectionTimeout() + " ms", e);
            }
        })
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        // a failed statement's message must not carry its bound values (names, dates of birth, postcodes) into the logs
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /** How long a request waits for a free connection before it is answered "busy". */
    static final long CONNECTION_TIMEOUT_MS = 10_000;

    /** Connects, migrates the schema with Flyway, and returns the database ready for use. */
    public static PostgresDatabase open(DatabaseSettings settings) {
        return open(settings, CONNECTION_TIMEOUT_MS);
    }

    static PostgresDatabase open(DatabaseSettings settings, long connectionTimeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setPoolName("eps");
        config.setConnectionTimeout(connectionTimeoutMs);
        // a refused statement's message must not quote the row it refused (a key's values: IDs, NHS numbers)
        config.addDataSourceProperty("logServerErrorDetail", "false");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new PostgresDatabase(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
