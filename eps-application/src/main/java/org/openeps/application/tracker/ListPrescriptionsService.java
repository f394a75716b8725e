package org.openeps.application.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openeps.domain.prescription.Prescription;

/**
 * The tracker's prescription list, from the tracker's read model: a list needs each prescription's shown issue and
 * patient, not its items or dispense records (reading those made the NHS-number search the slowest look-up at 10
 * million stored, docs/benchmarks.md).
 */
public final class ListPrescriptionsService implements ListPrescriptionsUseCase {

    /** The most prescriptions an NHS-number search lists, the newest received first. */
    static final int MOST_LISTED = 100;

    private static final Comparator<PrescriptionSummary> NEWEST_FIRST = Comparator
            .comparing(PrescriptionSummary::issueDate, Comparator.reverseOrder())
            .thenComparing(summary -> summary.prescriptionId().value());

    private final TrackerQueries queries;
    private final Clock clock;

    public ListPrescriptionsService(TrackerQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Optional<PrescriptionList> list(ListPrescriptionsQuery query) {
        LocalDate windowStart = LocalDate.ofInstant(clock.instant(), Prescription.EPS_ZONE).minus(WINDOW);
        List<ListedPrescription> found = query.prescriptionId()
                .map(id -> queries.findListed(id).stream().toList())
                .orElseGet(() -> queries.findListed(query.nhsNumber().orElseThrow(),
                        windowStart.atStartOfDay(Prescription.EPS_ZONE).toInstant(), MOST_LISTED));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ListedPrescription newest = found.stream().max(Comparator.comparing(ListedPrescription::receivedAt))
                .orElseThrow();
        List<PrescriptionSummary> current = new ArrayList<>();
        List<PrescriptionSummary> future = new ArrayList<>();
        List<PrescriptionSummary> past = new ArrayList<>();
        for (ListedPrescription listed : found) {
            PrescriptionSummary summary = listed.summary();
            switch (summary.tab()) {
                case CURRENT -> current.add(summary);
                case FUTURE -> future.add(summary);
                case PAST -> past.add(summary);
            }
        }
        current.sort(NEWEST_FIRST);
        future.sort(NEWEST_FIRST);
        past.sort(NEWEST_FIRST);
        return Optional.of(new PrescriptionList(PatientDetails.of(newest.patient()), current, future, past,
                windowStart));
    }
}
