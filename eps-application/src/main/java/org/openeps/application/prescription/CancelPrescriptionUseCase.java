package org.openeps.application.prescription;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.CancellationResult;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/** A prescriber cancels a prescription or one of its items (event {@code prescription-order-update}). */
public interface CancelPrescriptionUseCase {

    Cancelled cancel(CancelCommand command);

    /**
     * @param requestedBy the prescribing organisation
     * @param prescriber  the SDS user ID of the prescriber, when the message names one
     * @param item        the item to cancel, or empty for the whole prescription
     * @param reasonCode  the {@code medicationrequest-status-reason} code
     */
    record CancelCommand(OdsCode requestedBy, Optional<String> prescriber, PrescriptionId prescriptionId,
                         NhsNumber nhsNumber, Optional<LineItemId> item, String reasonCode, Optional<String> messageId) {
        public CancelCommand {
            Objects.requireNonNull(requestedBy, "requestedBy");
            Objects.requireNonNull(prescriber, "prescriber");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(nhsNumber, "nhsNumber");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** The R-code, and the prescription as it now stands (empty when it was not found). */
    record Cancelled(CancellationResult result, Optional<Prescription> prescription) {
    }
}
