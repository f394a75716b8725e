package org.openeps.domain.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one item of a prescription stands for the patient: what they are told, since when, and whether the item is
 * still under way.
 *
 * @param status what the patient is told
 * @param since  when that became so: the pharmacy's {@code lastModified} for a status it sent, else the time EPS
 *               recorded the change behind it (the prescription's arrival, its release, the cancellation)
 * @param phase  whether the item is still under way, finished, cancelled or stopped
 */
public record PatientItemStatus(PatientFacingStatus status, Instant since, Phase phase) {

    public PatientItemStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(phase, "phase");
    }

    /**
     * Whether an item is still under way, as the Prescriptions for Patients API gives it in
     * {@code MedicationRequest.status}.
     */
    public enum Phase {
        /** Still under way, or finished less than {@link PatientStatusRules#COMPLETED_AFTER} ago. */
        ACTIVE("active"),
        /** The pharmacy finished with it (a terminal status update) more than {@link PatientStatusRules#COMPLETED_AFTER} ago. */
        COMPLETED("completed"),
        /** The prescriber cancelled it. */
        CANCELLED("cancelled"),
        /** It ended without being dispensed, as EPS recorded it (not dispensed, or expired). */
        STOPPED("stopped");

        private final String code;

        Phase(String code) {
            this.code = code;
        }

        /** The FHIR {@code MedicationRequest.status} code. */
        public String code() {
            return code;
        }
    }
}
