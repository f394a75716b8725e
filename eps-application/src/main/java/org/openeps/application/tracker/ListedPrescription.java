package org.openeps.application.tracker;

import java.time.Instant;
import java.util.Objects;
import org.openeps.domain.prescription.Patient;

/**
 * A prescription as the tracker's list reads it: its row in the list, the patient as it describes them, and when it
 * was received (the banner describes the patient as the newest received prescription does).
 *
 * @param summary    the row of the list
 * @param patient    the patient as this prescription describes them
 * @param receivedAt when EPS received it
 */
public record ListedPrescription(PrescriptionSummary summary, Patient patient, Instant receivedAt) {

    public ListedPrescription {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
