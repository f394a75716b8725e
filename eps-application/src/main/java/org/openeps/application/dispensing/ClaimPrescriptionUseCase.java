package org.openeps.application.dispensing;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/** A dispenser claims payment for a dispensed issue from the NHSBSA, or amends its claim. */
public interface ClaimPrescriptionUseCase {

    Prescription claim(ClaimCommand command);

    /**
     * @param person   the SDS user ID of the user claiming, when the Claim names one
     * @param replaces for a claim amend, the identifier of the claim it replaces
     */
    record ClaimCommand(OdsCode dispenser, Optional<String> person, PrescriptionId prescriptionId, String claimId,
                        Optional<String> replaces, OptionalInt issueNumber) {
        public ClaimCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(replaces, "replaces");
            Objects.requireNonNull(issueNumber, "issueNumber");
        }

        /** Who claims, as the history records it. */
        public Actor actor() {
            return Actor.of(dispenser, person);
        }
    }
}
