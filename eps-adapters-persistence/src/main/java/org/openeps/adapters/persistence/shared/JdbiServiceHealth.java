package org.openeps.adapters.persistence.shared;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.openeps.application.shared.ServiceHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks PostgreSQL for {@code select 1} with a short timeout. */
public final class JdbiServiceHealth implements ServiceHealth {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiServiceHealth.class);

    private final Jdbi jdbi;

    public JdbiServiceHealth(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean databaseReachable() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("select 1")
                    .setQueryTimeout(2)
                    .mapTo(Integer.class)
                    .one()) == 1;
        } catch (JdbiException e) {
            LOG.warn("Database health check failed", e);
            return false;
        }
    }
}
