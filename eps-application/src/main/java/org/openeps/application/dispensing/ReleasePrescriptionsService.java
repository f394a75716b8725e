package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** Releases prescriptions in one transaction: nominated ones taken with SKIP LOCKED, so racing dispensers never share one. */
public final class ReleasePrescriptionsService implements ReleasePrescriptionsUseCase {

    private final Transactions transactions;
    private final PrescriptionRepository prescriptions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public ReleasePrescriptionsService(Transactions transactions, PrescriptionRepository prescriptions,
                                       PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Released release(ReleaseCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> command.prescriptionId()
                .map(id -> {
                    Prescription released = changes.change(id, p -> p.release(command.dispenser(), now), now,
                            command.actor(), "release", command.messageId());
                    String message = prescriptions.findOriginalMessage(id).orElseThrow(() -> new EpsException(
                            ErrorCode.RESOURCE_NOT_FOUND, "The message of prescription " + id + " was not found"));
                    return new Released(List.of(new ReleasedPrescription(released, message)));
                })
                .orElseGet(() -> new Released(prescriptions.lockNominatedReleasable(command.dispenser(), NOMINATED_BATCH)
                        .stream()
                        .map(releasable -> new ReleasedPrescription(changes.apply(releasable.prescription(),
                                p -> p.release(command.dispenser(), now), now, command.actor(), "release",
                                command.messageId()), releasable.originalMessage()))
                        .toList())));
    }
}
