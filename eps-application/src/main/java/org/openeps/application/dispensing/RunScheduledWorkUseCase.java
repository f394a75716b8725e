package org.openeps.application.dispensing;

import java.util.List;
import org.openeps.domain.prescription.PrescriptionId;

/**
 * The time-driven work of EPS, run by the service's scheduler: expiry, no-claim after the claim period, and
 * prescriptions or eRD issues becoming available when due. Each run is idempotent and takes at most one batch.
 */
public interface RunScheduledWorkUseCase {

    /** Processes at most {@code batchSize} prescriptions with work due. */
    ScheduledWork runOnce(int batchSize);

    /**
     * @param changed  how many prescriptions changed
     * @param refused  prescriptions a domain rule refused to move (a defect to look into; they stay as they were)
     */
    record ScheduledWork(int changed, List<PrescriptionId> refused) {
        public ScheduledWork {
            refused = List.copyOf(refused);
        }
    }
}
