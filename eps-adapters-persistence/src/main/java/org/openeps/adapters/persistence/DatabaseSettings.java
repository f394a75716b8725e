package org.openeps.adapters.persistence;

import java.util.Objects;

/**
 * How to reach a PostgreSQL database.
 *
 * @param jdbcUrl         e.g. {@code jdbc:postgresql://127.0.0.1:5432/eps}
 * @param maximumPoolSize the most connections the service holds open
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Only PostgreSQL is supported; the JDBC URL must start with jdbc:postgresql:");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("The connection pool needs at least one connection");
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}
