package org.openeps.application.dispensing;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** A dispenser gives a released prescription back undispensed (Task with status {@code rejected}). */
public interface ReturnPrescriptionUseCase {

    Prescription returnPrescription(ReturnCommand command);

    /** @param reasonCode the {@code EPS-task-dispense-return-status-reason} code */
    record ReturnCommand(OdsCode dispenser, PrescriptionId prescriptionId, String reasonCode, Optional<String> messageId) {
        public ReturnCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(messageId, "messageId");
        }
    }
}
