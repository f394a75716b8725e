package org.openeps.domain.tracking;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a pharmacy tells the patient about an item, as the Prescription Status Update API carries it
 * ({@code Task.businessStatus}, code system {@value #SYSTEM}), with the {@code Task.status} each allows.
 */
public enum BusinessStatus {
    WITH_PHARMACY("With Pharmacy", TaskStatus.IN_PROGRESS),
    WITH_PHARMACY_PREPARING_REMAINDER("With Pharmacy - Preparing Remainder", TaskStatus.IN_PROGRESS),
    READY_TO_COLLECT("Ready to Collect", TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED),
    READY_TO_COLLECT_PARTIAL("Ready to Collect - Partial", TaskStatus.IN_PROGRESS),
    READY_TO_DISPATCH("Ready to Dispatch", TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED),
    READY_TO_DISPATCH_PARTIAL("Ready to Dispatch - Partial", TaskStatus.IN_PROGRESS),
    COLLECTED("Collected", TaskStatus.COMPLETED),
    DISPATCHED("Dispatched", TaskStatus.COMPLETED),
    NOT_DISPENSED("Not Dispensed", TaskStatus.COMPLETED);

    public static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/task-businessStatus-nppt";

    private final String code;
    private final java.util.Set<TaskStatus> allowedTaskStatuses;

    BusinessStatus(String code, TaskStatus... allowed) {
        this.code = code;
        this.allowedTaskStatuses = java.util.Set.of(allowed);
    }

    /** The code as sent, which is also what the patient reads, e.g. {@code Ready to Collect}. */
    public String code() {
        return code;
    }

    /** Whether a Task with this business status may have that {@code Task.status}. */
    public boolean allows(TaskStatus status) {
        return allowedTaskStatuses.contains(status);
    }

    /** The status with exactly this code (the codes are case-sensitive, as the API defines them). */
    public static Optional<BusinessStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }

    /** {@code Task.status} of a status update: still going on, or finished. */
    public enum TaskStatus {
        IN_PROGRESS("in-progress"),
        COMPLETED("completed");

        private final String code;

        TaskStatus(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<TaskStatus> fromCode(String code) {
            return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
        }
    }
}
