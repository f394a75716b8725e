package org.openeps.domain.tracking;

import java.time.Instant;
import java.util.Objects;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;

/**
 * One status update a pharmacy sent about one item of one issue: one Task of a Prescription Status Update bundle.
 *
 * @param taskId       the Task's own ID, unique across all updates ever received (a UUID in lower case, as
 *                     {@link StatusUpdateRules} accepts it)
 * @param issueNumber  the repeat number for eRD ({@code Task.input} Repeat Number), otherwise 1
 * @param pharmacy     the pharmacy that sent it ({@code Task.owner})
 * @param lastModified when the pharmacy says the status changed; the newest wins
 * @param receivedAt   when the service stored it
 */
public record PharmacyStatus(
        String taskId,
        PrescriptionId prescriptionId,
        LineItemId itemId,
        int issueNumber,
        NhsNumber nhsNumber,
        OdsCode pharmacy,
        BusinessStatus businessStatus,
        TaskStatus taskStatus,
        Instant lastModified,
        Instant receivedAt) {

    public PharmacyStatus {
        EpsException.require(taskId != null && !taskId.isBlank(), ErrorCode.MISSING_VALUE, "A status update needs a Task ID");
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(itemId, "itemId");
        EpsException.require(issueNumber >= 1, ErrorCode.INVALID_VALUE, "Repeat numbers start at 1");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(pharmacy, "pharmacy");
        Objects.requireNonNull(businessStatus, "businessStatus");
        Objects.requireNonNull(taskStatus, "taskStatus");
        EpsException.require(businessStatus.allows(taskStatus), ErrorCode.INVALID_VALUE,
                "Business status '" + businessStatus.code() + "' cannot have Task.status " + taskStatus.code());
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Whether the pharmacy has finished with the item (collected, dispatched or not dispensed, or said completed). */
    public boolean terminal() {
        return taskStatus == TaskStatus.COMPLETED;
    }
}
