package org.openeps.application.dispensing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;

/**
 * A dispenser downloads prescriptions: the ones nominated to it (at most {@link #NOMINATED_BATCH} per call, oldest
 * first, each to exactly one dispenser), or one by its ID when the patient presents the token.
 */
public interface ReleasePrescriptionsUseCase {

    int NOMINATED_BATCH = 25;

    Released release(ReleaseCommand command);

    /**
     * @param person         the SDS user ID of the user releasing, when the request names one
     * @param prescriptionId empty for nominated release
     */
    record ReleaseCommand(OdsCode dispenser, Optional<String> person, Optional<PrescriptionId> prescriptionId,
                          Optional<String> messageId) {
        public ReleaseCommand {
            Objects.requireNonNull(dispenser, "dispenser");
            Objects.requireNonNull(person, "person");
            Objects.requireNonNull(prescriptionId, "prescriptionId");
            Objects.requireNonNull(messageId, "messageId");
        }

        /** Who releases, as the history records it. */
        public Actor actor() {
            return Actor.of(dispenser, person);
        }
    }

    /** The prescriptions handed over, each with the message that created it; empty when there was nothing to hand over. */
    record Released(List<ReleasedPrescription> prescriptions) {
        public Released {
            prescriptions = List.copyOf(prescriptions);
        }
    }

    record ReleasedPrescription(Prescription prescription, String originalMessage) {
    }
}
