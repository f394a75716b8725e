package org.openeps.application.tracker;

import java.time.Instant;
import java.util.Objects;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;

/**
 * The newest status update the dispenser holding an issue sent about one of its items (updates from any other
 * pharmacy do not count).
 *
 * @param status       what the pharmacy told the patient, e.g. {@code Ready to Collect} ({@link BusinessStatus#code()})
 * @param taskStatus   in progress, or completed
 * @param lastModified when the pharmacy says the status changed
 * @param pharmacy     the pharmacy that sent it
 */
public record ItemPharmacyStatus(BusinessStatus status, TaskStatus taskStatus, Instant lastModified, OdsCode pharmacy) {

    public ItemPharmacyStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(taskStatus, "taskStatus");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(pharmacy, "pharmacy");
    }
}
