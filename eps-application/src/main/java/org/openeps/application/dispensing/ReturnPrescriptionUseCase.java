package org.openeps.application.dispensing;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** A dispenser gives a released prescription back undispensed (Task with status {@code rejected}). */
public interface ReturnPrescriptionUseCase {

    Prescription returnPrescription(ReturnCommand command);

    /**
     * @param person     the SDS user ID of the user returning it, when the Task names one
     * @param reasonCode the {@code EPS-task-dispense-return-status-reason} code
     */
    record ReturnCommand(OdsCode dispenser, Optional<String> person, PrescriptionId prescriptionId, String reasonCode,
                         Optional<String> messageId) {
        public ReturnCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(messageId, "messageId");
        }

        /** Who returns it, as the history records it. */
        public Actor actor() {
            return Actor.of(dispenser, person);
        }
    }
}
