package org.openeps.application.dispensing;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** A dispenser withdraws its latest dispense notification (Task with status {@code in-progress}, code {@code abort}). */
public interface WithdrawDispenseUseCase {

    Prescription withdraw(WithdrawCommand command);

    /**
     * @param person     the SDS user ID of the user withdrawing it, when the Task names one
     * @param reasonCode the {@code EPS-task-dispense-withdraw-reason} code, e.g. {@code MU}
     */
    record WithdrawCommand(OdsCode dispenser, Optional<String> person, PrescriptionId prescriptionId, String reasonCode,
                           OptionalInt issueNumber, Optional<String> messageId) {
        public WithdrawCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(issueNumber, "issueNumber");
            Objects.requireNonNull(messageId, "messageId");
        }

        /** Who withdraws it, as the history records it. */
        public Actor actor() {
            return Actor.of(dispenser, person);
        }
    }
}
