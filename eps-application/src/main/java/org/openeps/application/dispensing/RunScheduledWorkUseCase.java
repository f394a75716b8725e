package org.openeps.application.dispensing;

/**
 * The time-driven work of EPS, run by the service's scheduler: expiry, no-claim after the claim period, and
 * prescriptions or eRD issues becoming available when due. Each run is idempotent and takes at most one batch.
 */
public interface RunScheduledWorkUseCase {

    /** Processes at most {@code batchSize} prescriptions with work due; returns how many it changed. */
    int runOnce(int batchSize);
}
