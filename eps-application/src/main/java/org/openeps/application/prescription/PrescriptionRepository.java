package org.openeps.application.prescription;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;

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
}
