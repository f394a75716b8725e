package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openeps.domain.tracking.PrescriptionTab;

/**
 * The answer to a search by prescription ID or NHS number: the patient banner and their prescriptions in the tracker's
 * three tabs, each tab newest first (by issue date, then prescription ID).
 *
 * @param patient     the patient, as their newest prescription describes them
 * @param current     issues to be dispensed, with a dispenser, cancelled or dispensed ({@link PrescriptionTab#CURRENT})
 * @param future      issues not available yet ({@link PrescriptionTab#FUTURE})
 * @param past        issues that are over ({@link PrescriptionTab#PAST})
 * @param windowStart the first issue date an NHS number search covers (two years back); a prescription asked for by
 *                    ID is shown whatever its date
 */
public record PrescriptionList(
        PatientDetails patient,
        List<PrescriptionSummary> current,
        List<PrescriptionSummary> future,
        List<PrescriptionSummary> past,
        LocalDate windowStart) {

    public PrescriptionList {
        Objects.requireNonNull(patient, "patient");
        current = List.copyOf(current);
        future = List.copyOf(future);
        past = List.copyOf(past);
        Objects.requireNonNull(windowStart, "windowStart");
    }

    /** The prescriptions of one tab. */
    public List<PrescriptionSummary> tab(PrescriptionTab tab) {
        return switch (tab) {
            case CURRENT -> current;
            case FUTURE -> future;
            case PAST -> past;
        };
    }

    /** How many prescriptions the three tabs hold together. */
    public int size() {
        return current.size() + future.size() + past.size();
    }
}
