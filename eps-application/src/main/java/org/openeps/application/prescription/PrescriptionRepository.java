package org.openeps.application.prescription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/** Where prescriptions are kept, with the messages that created them. */
public interface PrescriptionRepository {

    /**
     * Stores a new prescription and returns it as stored (version 1).
     *
     * @throws EpsException {@link ErrorCode#DUPLICATE_PRESCRIPTION_ID} if its ID is already stored, also when another
     *                      transaction stored it a moment ago
     */
    Prescription add(Prescription prescription, String originalMessage);

    Optional<Prescription> findById(PrescriptionId id);

    /** The patient's prescriptions, newest first. */
    List<Prescription> findByPatient(NhsNumber nhsNumber);

    /** The prescription-order message exactly as it was received. */
    Optional<String> findOriginalMessage(PrescriptionId id);

    /**
     * Loads a prescription to change it, locking it until the current transaction ends, so that concurrent changes to
     * the same prescription happen one after the other.
     */
    Optional<Prescription> findByIdForUpdate(PrescriptionId id);

    /**
     * Stores a changed prescription and returns it as stored (version + 1).
     *
     * @throws ConcurrentUpdateException if it changed since it was loaded
     */
    Prescription update(Prescription prescription);

    /**
     * Locks up to {@code limit} prescriptions nominated to this dispenser whose current issue is to be dispensed,
     * oldest first, skipping any another transaction holds, and returns them with their original messages.
     */
    List<Releasable> lockNominatedReleasable(OdsCode dispenser, int limit);

    /**
     * Locks up to {@code limit} prescriptions with time-driven work due at {@code now} (expiry, no-claim, becoming
     * available), skipping any another transaction holds.
     */
    List<Prescription> lockWithWorkDue(Instant now, int limit);

    /** A prescription that may be released, with the message that created it. */
    record Releasable(Prescription prescription, String originalMessage) {
    }
}
