package org.openeps.application.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;

/** The tracker's prescription list, from the prescription repository. */
public final class ListPrescriptionsService implements ListPrescriptionsUseCase {

    private static final Comparator<PrescriptionSummary> NEWEST_FIRST = Comparator
            .comparing(PrescriptionSummary::issueDate, Comparator.reverseOrder())
            .thenComparing(summary -> summary.prescriptionId().value());

    private final PrescriptionRepository prescriptions;
    private final Clock clock;

    public ListPrescriptionsService(PrescriptionRepository prescriptions, Clock clock) {
        this.prescriptions = prescriptions;
        this.clock = clock;
    }

    @Override
    public Optional<PrescriptionList> list(ListPrescriptionsQuery query) {
        LocalDate windowStart = LocalDate.ofInstant(clock.instant(), Prescription.EPS_ZONE).minus(WINDOW);
        List<Prescription> found = query.prescriptionId()
                .map(id -> prescriptions.findById(id).stream().toList())
                .orElseGet(() -> prescriptions.findByPatient(query.nhsNumber().orElseThrow()).stream()
                        .filter(prescription -> !prescription.prescriptionDate().isBefore(windowStart))
                        .toList());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Prescription newest = found.stream().max(Comparator.comparing(Prescription::receivedAt)).orElseThrow();
        List<PrescriptionSummary> current = new ArrayList<>();
        List<PrescriptionSummary> future = new ArrayList<>();
        List<PrescriptionSummary> past = new ArrayList<>();
        for (Prescription prescription : found) {
            PrescriptionSummary summary = summary(prescription);
            switch (summary.tab()) {
                case CURRENT -> current.add(summary);
                case FUTURE -> future.add(summary);
                case PAST -> past.add(summary);
            }
        }
        current.sort(NEWEST_FIRST);
        future.sort(NEWEST_FIRST);
        past.sort(NEWEST_FIRST);
        return Optional.of(new PrescriptionList(PatientDetails.of(newest.order().patient()), current, future, past,
                windowStart));
    }

    static PrescriptionSummary summary(Prescription prescription) {
        Issue issue = prescription.currentIssue();
        boolean wholePending = issue.pendingCancellation().filter(pending -> pending.item().isEmpty()).isPresent();
        boolean itemPending = issue.pendingCancellation().filter(pending -> pending.item().isPresent()).isPresent();
        return new PrescriptionSummary(prescription.id(), prescription.prescriptionDate(),
                prescription.order().treatmentType(), issue.number(), prescription.issues().size(), issue.status(),
                wholePending, itemPending);
    }
}
