package org.openeps.application.prescription;

import java.util.Objects;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** A prescriber sends a new prescription (event {@code prescription-order}). */
public interface CreatePrescriptionUseCase {

    /**
     * Stores the prescription with its first issue to be dispensed (or future-dated) and the message as sent, which
     * release hands back to the dispenser later.
     *
     * @throws EpsException {@link ErrorCode#DUPLICATE_PRESCRIPTION_ID} when the ID is already known
     */
    Prescribed create(CreatePrescriptionCommand command);

    /**
     * @param order           the prescription, already validated by its own constructor
     * @param originalMessage the prescription-order message exactly as received
     */
    record CreatePrescriptionCommand(PrescriptionOrder order, String originalMessage) {
        public CreatePrescriptionCommand {
            Objects.requireNonNull(order, "order");
            EpsException.require(originalMessage != null && !originalMessage.isEmpty(), ErrorCode.MISSING_VALUE,
                    "The original message is required");
        }
    }

    /** What was stored. */
    record Prescribed(Prescription prescription) {
    }
}
