package org.openeps.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openeps.application.dispensing.RunScheduledWorkUseCase;
import org.openeps.application.dispensing.RunScheduledWorkUseCase.ScheduledWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the time-driven work (expiry, no-claim, availability) every interval, batch after batch until a batch comes
 * back short. Several service instances may run it against one database: each batch is taken with SKIP LOCKED.
 */
final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "eps-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final RunScheduledWorkUseCase work;
    private final int batchSize;

    Scheduler(RunScheduledWorkUseCase work, Duration interval, int batchSize) {
        this.work = work;
        this.batchSize = batchSize;
        executor.scheduleWithFixedDelay(this::runDue, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runDue() {
        try {
            ScheduledWork batch;
            int total = 0;
            do {
                batch = work.runOnce(batchSize);
                total += batch.changed();
                if (!batch.refused().isEmpty()) {
                    LOG.error("Scheduled work refused by a domain rule for {}; these prescriptions stay as they are",
                            batch.refused());
                }
            } while (batch.changed() == batchSize && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.info("Scheduled work changed {} prescriptions", total);
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduled work failed; it will run again at the next interval", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
