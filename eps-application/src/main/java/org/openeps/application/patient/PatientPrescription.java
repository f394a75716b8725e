package org.openeps.application.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One prescription as its patient sees it: the issue under way now (for repeat dispensing, the current issue of
 * several), who prescribed it, where it is to be dispensed, and each item.
 *
 * @param prescriptionId     the short-form prescription ID, e.g. {@code 24F5DA-A83008-7EFE6Z}
 * @param nhsNumber          the patient's NHS number
 * @param issueDate          the prescription date (when the prescriber signed it)
 * @param startDate          the first day it may be dispensed
 * @param courseOfTherapy    {@code acute}, {@code continuous} (repeat prescribing) or
 *                           {@code continuous-repeat-dispensing} (eRD)
 * @param issueNumber        the issue shown, 1 unless repeat dispensing
 * @param numberOfIssues     1 unless repeat dispensing
 * @param prescriberName     the prescriber's name as the prescription gives it, e.g. {@code DR C BOIN}
 * @param prescriber         the prescribing organisation
 * @param dispenser          the dispenser holding the issue, else the nominated one; empty when neither
 * @param withDispenser      true when {@code dispenser} holds the issue (it was released to it), false when it is only
 *                           nominated
 * @param items              in prescription order
 */
public record PatientPrescription(
        String prescriptionId,
        String nhsNumber,
        LocalDate issueDate,
        LocalDate startDate,
        String courseOfTherapy,
        int issueNumber,
        int numberOfIssues,
        Optional<String> prescriberName,
        PatientOrganisation prescriber,
        Optional<PatientOrganisation> dispenser,
        boolean withDispenser,
        List<PatientItem> items) {

    public PatientPrescription {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(courseOfTherapy, "courseOfTherapy");
        Objects.requireNonNull(prescriberName, "prescriberName");
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(dispenser, "dispenser");
        items = List.copyOf(items);
    }

    /** Whether any item may be collected now. */
    public boolean anythingReadyToCollect() {
        return items.stream().anyMatch(PatientItem::readyToCollect);
    }
}
