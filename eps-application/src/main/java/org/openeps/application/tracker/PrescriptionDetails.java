package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.TreatmentType;

/**
 * Everything the prescription details page shows about one issue of a prescription.
 *
 * @param patient                         the patient banner (as this prescription describes the patient)
 * @param prescriptionId                  the short-form prescription ID
 * @param issueDate                       the prescription date
 * @param treatmentType                   acute, repeat prescribing or repeat dispensing (eRD)
 * @param status                          the shown issue's status
 * @param daysSupply                      the expected supply duration in days, when the prescription gives it
 * @param issues                          which issue is shown, of how many
 * @param pendingCancellation             a cancellation of the whole prescription waits while it is with a dispenser
 * @param cancellationReason              the reason of the pending cancellation (of the prescription or an item); once
 *                                        the shown issue is cancelled, the reason it was cancelled for (when known)
 * @param items                           the item cards, in prescription order
 * @param prescriber                      the prescribing organisation
 * @param nominatedDispenser              the dispenser the prescription is nominated to now, if any
 * @param currentDispenser                the dispenser the shown issue was released to, if any
 * @param timeline                        the shown issue's history, oldest first: its status changes, and the status
 *                                        updates about it from the pharmacies it was released to
 * @param nonDispensingReason             the reason the dispenser gave for not dispensing the prescription, in the
 *                                        dispense notification that stands (not one withdrawn)
 * @param olderStatusUpdatesOmitted       the pharmacies that held the issue sent more status updates about it than the
 *                                        timeline shows ({@value #STATUS_UPDATES_SHOWN}, the newest): older ones are
 *                                        left out
 */
public record PrescriptionDetails(
        PatientDetails patient,
        PrescriptionId prescriptionId,
        LocalDate issueDate,
        TreatmentType treatmentType,
        PrescriptionStatus status,
        Optional<Integer> daysSupply,
        IssueNavigation issues,
        boolean pendingCancellation,
        Optional<Reason> cancellationReason,
        List<ItemDetails> items,
        OrganisationCard prescriber,
        Optional<OrganisationCard> nominatedDispenser,
        Optional<OrganisationCard> currentDispenser,
        List<TimelineEntry> timeline,
        Optional<Reason> nonDispensingReason,
        boolean olderStatusUpdatesOmitted) {

    /** How many pharmacy status updates the timeline shows at most: the newest. */
    public static final int STATUS_UPDATES_SHOWN = 100;

    public PrescriptionDetails {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(treatmentType, "treatmentType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(daysSupply, "daysSupply");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        items = List.copyOf(items);
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(nominatedDispenser, "nominatedDispenser");
        Objects.requireNonNull(currentDispenser, "currentDispenser");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(nonDispensingReason, "nonDispensingReason");
    }

    /** The details with every status update in the timeline. */
    public PrescriptionDetails(PatientDetails patient, PrescriptionId prescriptionId, LocalDate issueDate,
                               TreatmentType treatmentType, PrescriptionStatus status, Optional<Integer> daysSupply,
                               IssueNavigation issues, boolean pendingCancellation, Optional<Reason> cancellationReason,
                               List<ItemDetails> items, OrganisationCard prescriber,
                               Optional<OrganisationCard> nominatedDispenser, Optional<OrganisationCard> currentDispenser,
                               List<TimelineEntry> timeline, Optional<Reason> nonDispensingReason) {
        this(patient, prescriptionId, issueDate, treatmentType, status, daysSupply, issues, pendingCancellation,
                cancellationReason, items, prescriber, nominatedDispenser, currentDispenser, timeline,
                nonDispensingReason, false);
    }

    /** The details without a non-dispensing reason for the prescription. */
    public PrescriptionDetails(PatientDetails patient, PrescriptionId prescriptionId, LocalDate issueDate,
                               TreatmentType treatmentType, PrescriptionStatus status, Optional<Integer> daysSupply,
                               IssueNavigation issues, boolean pendingCancellation, Optional<Reason> cancellationReason,
                               List<ItemDetails> items, OrganisationCard prescriber,
                               Optional<OrganisationCard> nominatedDispenser, Optional<OrganisationCard> currentDispenser,
                               List<TimelineEntry> timeline) {
        this(patient, prescriptionId, issueDate, treatmentType, status, daysSupply, issues, pendingCancellation,
                cancellationReason, items, prescriber, nominatedDispenser, currentDispenser, timeline, Optional.empty(),
                false);
    }

    /** The reason for the prescription banner: why it is cancelled (or to be), else why it was not dispensed. */
    public Optional<Reason> reason() {
        return cancellationReason.or(() -> nonDispensingReason);
    }

    /** "Acute", "Repeat 1 of 1" or "eRD 2 of 6", for the shown issue. */
    public String typeLabel() {
        return TrackerText.typeLabel(treatmentType, issues.shown(), issues.total());
    }

    /** Whether a cancellation of any item (or of the whole prescription) waits. */
    public boolean itemsPendingCancellation() {
        return items.stream().anyMatch(ItemDetails::pendingCancellation);
    }
}
