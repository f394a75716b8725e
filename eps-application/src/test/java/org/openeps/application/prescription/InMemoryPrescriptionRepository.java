package org.openeps.application.prescription;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.ClaimRecord;
import org.openeps.domain.prescription.DispenseRecord;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.NominatedDispenser;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * {@link PrescriptionRepository} in memory, behaving as {@code JdbiPrescriptionRepository} does (the
 * {@link PrescriptionRepositoryContract} holds both to it): a prescription is stored with its version plus one, a
 * known ID is refused as {@link ErrorCode#DUPLICATE_PRESCRIPTION_ID}, and a patient search gives at most
 * {@value #PATIENT_SEARCH_LIMIT} prescriptions, newest first, those received at the same moment in order of ID; an
 * update whose version is not the stored one is a {@link ConcurrentUpdateException}; every instant is kept to the
 * microsecond; a nomination can only be the prescribed one or none. Locking is a no-op: {@link InMemoryTransactions}
 * runs one transaction at a time. Pass it to {@link InMemoryTransactions} so that a transaction that fails undoes what
 * it stored.
 */
public final class InMemoryPrescriptionRepository implements PrescriptionRepository, InMemoryTransactions.Participant {

    /** As {@code JdbiPrescriptionRepository.PATIENT_SEARCH_LIMIT}. */
    public static final int PATIENT_SEARCH_LIMIT = 100;

    private static final Comparator<Prescription> NEWEST_FIRST = Comparator
            .comparing(Prescription::receivedAt, Comparator.reverseOrder())
            .thenComparing(prescription -> prescription.id().value());

    private static final Comparator<Prescription> OLDEST_FIRST = Comparator
            .comparing(Prescription::receivedAt)
            .thenComparing(prescription -> prescription.id().value());

    private record Stored(Prescription prescription, String originalMessage) {
    }

    private final Map<PrescriptionId, Stored> prescriptions = new LinkedHashMap<>();

    @Override
    public synchronized Prescription add(Prescription prescription, String originalMessage) {
        Objects.requireNonNull(originalMessage, "originalMessage");
        if (prescriptions.containsKey(prescription.id())) {
            throw new EpsException(ErrorCode.DUPLICATE_PRESCRIPTION_ID,
                    "Prescription " + prescription.id() + " has already been received");
        }
        Prescription stored = asStored(prescription);
        prescriptions.put(stored.id(), new Stored(stored, originalMessage));
        return stored;
    }

    @Override
    public synchronized Prescription update(Prescription prescription) {
        Stored current = prescriptions.get(prescription.id());
        if (current == null || current.prescription().version() != prescription.version()) {
            throw new ConcurrentUpdateException("Prescription " + prescription.id()
                    + " changed since version " + prescription.version() + " was loaded, or is not stored");
        }
        Prescription stored = asStored(prescription);
        prescriptions.put(stored.id(), new Stored(stored, current.originalMessage()));
        return stored;
    }

    @Override
    public synchronized Optional<Prescription> findByIdForUpdate(PrescriptionId id) {
        return findById(id);
    }

    @Override
    public synchronized List<Releasable> lockNominatedReleasable(OdsCode dispenser, int limit) {
        return prescriptions.values().stream()
                .filter(stored -> stored.prescription().nomination().map(NominatedDispenser::organisation)
                        .equals(Optional.of(dispenser)))
                .filter(stored -> stored.prescription().issues().stream()
                        .anyMatch(issue -> issue.status() == PrescriptionStatus.TO_BE_DISPENSED))
                .sorted(Comparator.comparing(Stored::prescription, OLDEST_FIRST))
                .limit(limit)
                .map(stored -> new Releasable(stored.prescription(), stored.originalMessage()))
                .toList();
    }

    /** Work is due when one of the domain's time-driven moves would change the prescription now. */
    @Override
    public synchronized List<Prescription> lockWithWorkDue(Instant now, int limit) {
        return prescriptions.values().stream()
                .map(Stored::prescription)
                .filter(prescription -> prescription.expireDue(now).isPresent()
                        || prescription.noClaimDue(now).isPresent()
                        || prescription.makeAvailableDue(now).isPresent())
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Optional<Prescription> findById(PrescriptionId id) {
        return Optional.ofNullable(prescriptions.get(id)).map(Stored::prescription);
    }

    @Override
    public synchronized List<Prescription> findByPatient(NhsNumber nhsNumber) {
        return prescriptions.values().stream()
                .map(Stored::prescription)
                .filter(prescription -> prescription.order().patient().nhsNumber().equals(nhsNumber))
                .sorted(NEWEST_FIRST)
                .limit(PATIENT_SEARCH_LIMIT)
                .toList();
    }

    /** Every prescription stored, in the order first stored: for fakes of query ports that read across them. */
    public synchronized List<Prescription> all() {
        return prescriptions.values().stream().map(Stored::prescription).toList();
    }

    @Override
    public synchronized Optional<String> findOriginalMessage(PrescriptionId id) {
        return Optional.ofNullable(prescriptions.get(id)).map(Stored::originalMessage);
    }

    /** As PostgreSQL gives it back: the next version, every instant to the microsecond, a nomination kept or cleared. */
    private static Prescription asStored(Prescription prescription) {
        if (!prescription.nomination().equals(prescription.order().nomination()) && prescription.nomination().isPresent()) {
            throw new IllegalArgumentException("Prescription " + prescription.id()
                    + " is nominated to neither the prescribed dispenser nor none");
        }
        return Prescription.rehydrate(prescription.order(), prescription.nomination(),
                prescription.issues().stream().map(InMemoryPrescriptionRepository::asStored).toList(),
                micros(prescription.receivedAt()), prescription.version() + 1);
    }

    private static Issue asStored(Issue issue) {
        return new Issue(issue.number(), issue.status(), issue.itemStatuses(), issue.dispenser(),
                issue.pendingCancellation().map(pending -> new PendingCancellation(pending.requestedBy(),
                        pending.prescriber(), pending.item(), pending.reasonCode(), micros(pending.at()))),
                issue.dispenses().stream()
                        .map(record -> new DispenseRecord(record.notificationId(), micros(record.at()),
                                record.statusBefore(), record.itemsBefore()))
                        .toList(),
                issue.claim().map(claim -> new ClaimRecord(claim.claimId(), micros(claim.receivedAt()))));
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<PrescriptionId, Stored> then = new LinkedHashMap<>(prescriptions);
        return () -> {
            synchronized (this) {
                prescriptions.clear();
                prescriptions.putAll(then);
            }
        };
    }
}
