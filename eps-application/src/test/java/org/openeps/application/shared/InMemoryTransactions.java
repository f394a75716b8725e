package org.openeps.application.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link Transactions} for the in-memory fakes, with the semantics the port promises: a nested call joins the outer
 * transaction, and an exception thrown by the work rolls back every change made inside it to the fakes this was
 * built with (each takes a {@link Participant#checkpoint() checkpoint} when the outermost transaction begins).
 *
 * <p>Transactions run one at a time: a second thread waits until the first one's transaction ends, as it would on a
 * row the first has locked in PostgreSQL. Calls made to a fake outside any transaction take effect at once, like
 * auto-commit; a rollback puts back the state the transaction began with, so it would also undo such a call made
 * meanwhile by another thread (tests do not do that). A fake that was not passed to the constructor is not rolled
 * back. A nested call that throws rolls nothing back by itself: the outermost transaction decides.
 */
public final class InMemoryTransactions implements Transactions {

    /** An in-memory fake whose changes a transaction can undo. */
    public interface Participant {

        /** Remembers the current state and returns the action that puts it back. */
        Runnable checkpoint();

        /** The outermost transaction has ended, committed or rolled back (after the rollback). */
        default void ended() {
        }
    }

    private final List<Participant> participants;
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryTransactions(Participant... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Runnable> rollback = new ArrayList<>();
            participants.forEach(participant -> rollback.add(participant.checkpoint()));
            try {
                return work.get();
            } catch (Throwable failure) {
                rollback.forEach(Runnable::run);
                throw failure;
            } finally {
                participants.forEach(Participant::ended);
            }
        } finally {
            lock.unlock();
        }
    }
}
