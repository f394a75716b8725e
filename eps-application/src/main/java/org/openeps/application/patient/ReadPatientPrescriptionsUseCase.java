package org.openeps.application.patient;

import java.util.Objects;
import org.openeps.domain.access.Caller;

/**
 * A patient reads their prescriptions (or, by delegated access, those of the person they act for): the newest
 * {@value #LIMIT}, each item with what the patient is told about it. The answer is a view model: the Prescriptions for
 * Patients API and the patient's web page are both drawn from it.
 */
public interface ReadPatientPrescriptionsUseCase {

    /** The most prescriptions one answer holds, as the Prescriptions for Patients API gives. */
    int LIMIT = 25;

    PatientPrescriptions read(ReadPatientPrescriptionsQuery query);

    /** The patient asking; they see the prescriptions of {@link Caller.Patient#subject()}. */
    record ReadPatientPrescriptionsQuery(Caller.Patient patient) {
        public ReadPatientPrescriptionsQuery {
            Objects.requireNonNull(patient, "patient");
        }
    }
}
