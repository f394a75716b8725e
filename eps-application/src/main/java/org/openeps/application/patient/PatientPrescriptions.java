package org.openeps.application.patient;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The prescriptions a patient sees, newest first, at most {@link ReadPatientPrescriptionsUseCase#LIMIT}.
 *
 * @param nhsNumber     whose prescriptions these are (the person acted for, with delegated access)
 * @param actingFor     true when the reader is someone acting for that person by delegated access
 * @param prescriptions newest first
 * @param readAt        when the statuses were worked out
 */
public record PatientPrescriptions(String nhsNumber, boolean actingFor, List<PatientPrescription> prescriptions,
                                   Instant readAt) {

    public PatientPrescriptions {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        prescriptions = List.copyOf(prescriptions);
        Objects.requireNonNull(readAt, "readAt");
    }
}
