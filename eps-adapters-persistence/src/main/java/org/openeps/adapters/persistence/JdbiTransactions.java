package org.openeps.adapters.persistence;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.openeps.application.shared.Transactions;

/**
 * Transactions on the Jdbi handle bound to the current thread: repositories built with {@link Jdbi#onDemand} and
 * nested calls on the same thread use the same handle, and so the same transaction.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
