package org.openeps.application.prescription;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

/**
 * {@link PrescriptionRepository} in memory, behaving as {@code JdbiPrescriptionRepository} does (the
 * {@link PrescriptionRepositoryContract} holds both to it): a prescription is stored with its version plus one, a
 * known ID is refused as {@link ErrorCode#DUPLICATE_PRESCRIPTION_ID}, and a patient search gives at most
 * {@value #PATIENT_SEARCH_LIMIT} prescriptions, newest first, those received at the same moment in order of ID.
 * Pass it to {@link InMemoryTransactions} so that a transaction that fails undoes what it stored.
 */
public final class InMemoryPrescriptionRepository implements PrescriptionRepository, InMemoryTransactions.Participant {

    /** As {@code JdbiPrescriptionRepository.PATIENT_SEARCH_LIMIT}. */
    public static final int PATIENT_SEARCH_LIMIT = 100;

    private static final Comparator<Prescription> NEWEST_FIRST = Comparator
            .comparing(Prescription::receivedAt, Comparator.reverseOrder())
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
        Prescription stored = Prescription.rehydrate(prescription.order(), prescription.issues(),
                prescription.receivedAt().truncatedTo(ChronoUnit.MICROS), prescription.version() + 1);
        prescriptions.put(stored.id(), new Stored(stored, originalMessage));
        return stored;
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

    @Override
    public synchronized Optional<String> findOriginalMessage(PrescriptionId id) {
        return Optional.ofNullable(prescriptions.get(id)).map(Stored::originalMessage);
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
