package org.openeps.application.tracking;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * Status updates in a list, in the order they were stored, with what the ports promise: Task IDs unique, a bundle
 * stored all or none, the newest {@code lastModified} wins (a tie: the one stored last), instants kept to the
 * microsecond as PostgreSQL keeps them. Build it with {@code new InMemoryPharmacyStatuses()}, store with
 * {@link #record(List)}, read through {@link PharmacyStatuses}; pass it to {@link InMemoryTransactions} to have a
 * failed transaction undo what it stored.
 */
public final class InMemoryPharmacyStatuses implements PharmacyStatuses, PharmacyStatusLog,
        InMemoryTransactions.Participant {

    private List<PharmacyStatus> stored = new ArrayList<>();

    public InMemoryPharmacyStatuses() {
        // empty
    }

    @Override
    public synchronized void record(List<PharmacyStatus> statuses) {
        Set<String> taken = new HashSet<>();
        stored.forEach(status -> taken.add(status.taskId()));
        List<String> duplicates = new ArrayList<>();
        for (PharmacyStatus status : statuses) {
            if (!taken.add(status.taskId())) {
                duplicates.add(status.taskId());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateStatusUpdateException(duplicates);
        }
        statuses.stream().map(InMemoryPharmacyStatuses::asStored).forEach(stored::add);
    }

    @Override
    public synchronized List<PharmacyStatus> findFrom(PrescriptionId id, int issueNumber, Set<OdsCode> pharmacies,
                                                      int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        // a stable sort keeps the order stored among equal lastModified: the newest are the last
        List<PharmacyStatus> counted = stored.stream()
                .filter(status -> status.prescriptionId().equals(id) && status.issueNumber() == issueNumber
                        && pharmacies.contains(status.pharmacy()))
                .sorted(Comparator.comparing(PharmacyStatus::lastModified))
                .toList();
        return List.copyOf(counted.subList(Math.max(0, counted.size() - limit), counted.size()));
    }

    /**
     * Every status update stored about a prescription, from any pharmacy, about any issue, oldest {@code lastModified}
     * first (as {@code JdbiPharmacyStatuses.findFor}): for tests, not part of {@link PharmacyStatuses}.
     */
    public synchronized List<PharmacyStatus> findFor(PrescriptionId id) {
        // a stable sort keeps the order stored among equal lastModified
        return stored.stream()
                .filter(status -> status.prescriptionId().equals(id))
                .sorted(Comparator.comparing(PharmacyStatus::lastModified))
                .toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        List<PharmacyStatus> before = new ArrayList<>(stored);
        return () -> {
            synchronized (this) {
                stored = before;
            }
        };
    }

    private static PharmacyStatus asStored(PharmacyStatus status) {
        return new PharmacyStatus(status.taskId(), status.prescriptionId(), status.itemId(), status.issueNumber(),
                status.nhsNumber(), status.pharmacy(), status.businessStatus(), status.taskStatus(),
                status.lastModified().truncatedTo(ChronoUnit.MICROS), status.receivedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
