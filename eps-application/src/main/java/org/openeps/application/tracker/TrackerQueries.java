package org.openeps.application.tracker;

import java.util.List;
import org.openeps.domain.prescription.Patient;

/** The read models of the clinical tracker that the prescription repository does not give. */
public interface TrackerQueries {

    /**
     * Patients matching basic details, each as the newest prescription received for them describes them (the newest
     * details win: a patient is matched on those, not on older ones), ordered by family name (as its
     * {@link PatientSearch#nameKey key}, by code point) and then NHS number, at most {@code limit}. A prescription
     * without a family name or date of birth never matches.
     */
    List<Patient> findPatients(PatientSearch search, int limit);
}
