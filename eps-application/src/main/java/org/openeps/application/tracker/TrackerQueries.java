package org.openeps.application.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;

/** The read models of the clinical tracker that the prescription repository does not give. */
public interface TrackerQueries {

    /**
     * Patients matching basic details, each as the newest prescription received for them describes them (the newest
     * details win: a patient is matched on those, not on older ones), ordered by family name (as its
     * {@link PatientSearch#nameKey key}, by code point) and then NHS number, at most {@code limit}. A prescription
     * without a family name or date of birth never matches.
     */
    List<Patient> findPatients(PatientSearch search, int limit);

    /**
     * The prescription with this ID as the list shows it (its shown issue: the first not complete, else the last),
     * read without its items, item statuses and dispense records; empty when none is stored.
     */
    Optional<ListedPrescription> findListed(PrescriptionId id);

    /**
     * A patient's prescriptions signed at or after {@code signedFrom}, as {@link #findListed(PrescriptionId)} reads
     * one: the newest received first (a tie by ID), at most {@code limit}.
     */
    List<ListedPrescription> findListed(NhsNumber nhsNumber, Instant signedFrom, int limit);
}
