package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.Objects;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.tracking.PrescriptionTab;

/**
 * One row of the prescription list: a prescription as its shown issue stands (the issue a dispenser would act on now:
 * the first not yet complete, else the last).
 *
 * @param prescriptionId                  the short-form prescription ID
 * @param issueDate                       the prescription date (the day the prescriber signed it)
 * @param treatmentType                   acute, repeat prescribing or repeat dispensing (eRD)
 * @param issueNumber                     the shown issue, 1 for all but eRD
 * @param numberOfIssues                  how many issues there are, 1 for all but eRD
 * @param status                          the shown issue's status ({@link PrescriptionStatus#label()} is the tracker's text)
 * @param prescriptionPendingCancellation a cancellation of the whole prescription waits while it is with a dispenser
 * @param itemsPendingCancellation        a cancellation of one of its items waits while it is with a dispenser
 */
public record PrescriptionSummary(
        PrescriptionId prescriptionId,
        LocalDate issueDate,
        TreatmentType treatmentType,
        int issueNumber,
        int numberOfIssues,
        PrescriptionStatus status,
        boolean prescriptionPendingCancellation,
        boolean itemsPendingCancellation) {

    public PrescriptionSummary {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(treatmentType, "treatmentType");
        Objects.requireNonNull(status, "status");
    }

    /** The row of a prescription, from the whole of it. */
    public static PrescriptionSummary of(Prescription prescription) {
        Issue issue = prescription.currentIssue();
        boolean wholePending = issue.pendingCancellation().filter(pending -> pending.item().isEmpty()).isPresent();
        boolean itemPending = issue.pendingCancellation().filter(pending -> pending.item().isPresent()).isPresent();
        return new PrescriptionSummary(prescription.id(), prescription.prescriptionDate(),
                prescription.order().treatmentType(), issue.number(), prescription.issues().size(), issue.status(),
                wholePending, itemPending);
    }

    /** "Acute", "Repeat 1 of 1" or "eRD 2 of 6", as the tracker shows the type. */
    public String typeLabel() {
        return TrackerText.typeLabel(treatmentType, issueNumber, numberOfIssues);
    }

    /** The tab the prescription is listed under. */
    public PrescriptionTab tab() {
        return PrescriptionTab.of(status);
    }
}
