package org.openeps.application.dispensing;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** A dispenser withdraws its latest dispense notification (Task with status {@code in-progress}, code {@code abort}). */
public interface WithdrawDispenseUseCase {

    Prescription withdraw(WithdrawCommand command);

    /** @param reasonCode the {@code EPS-task-dispense-withdraw-reason} code, e.g. {@code MU} */
    record WithdrawCommand(OdsCode dispenser, PrescriptionId prescriptionId, String reasonCode, OptionalInt issueNumber,
                           Optional<String> messageId) {
        public WithdrawCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(issueNumber, "issueNumber");
            Objects.requireNonNull(messageId, "messageId");
        }
    }
}
