package org.openeps.application.prescription;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Cancellation;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.prescription.CancellationResult;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.ReasonsGiven;

/**
 * Cancels what can be cancelled and answers every request with its R-code. A cancellation for a prescription not yet
 * received is answered R-0008 and kept, and applies when the prescription arrives.
 */
public final class CancelPrescriptionService implements CancelPrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionRepository prescriptions;
    private final PrescriptionChanges changes;
    private final CancellationPlaceholders placeholders;
    private final Clock clock;

    public CancelPrescriptionService(Transactions transactions, PrescriptionRepository prescriptions,
                                     PrescriptionChanges changes, CancellationPlaceholders placeholders, Clock clock) {
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.changes = changes;
        this.placeholders = placeholders;
        this.clock = clock;
    }

    @Override
    public Cancelled cancel(CancelCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Optional<Prescription> found = prescriptions.findByIdForUpdate(command.prescriptionId());
            if (found.isEmpty()) {
                // not here yet: remembered (status 9005) so that it is cancelled when it arrives
                placeholders.keep(new CancellationPlaceholder(command.prescriptionId(), command.requestedBy(),
                        command.prescriber(), command.nhsNumber(), command.item(), command.reasonCode(), now));
                return new Cancelled(CancellationResult.NOT_FOUND, Optional.empty());
            }
            Cancellation cancellation = found.get().cancel(command.requestedBy(), command.prescriber(), command.nhsNumber(), command.item(),
                    command.reasonCode(), now);
            Prescription after = changes.apply(found.get(), unchanged -> cancellation.prescription(), now,
                    Actor.of(command.requestedBy(), command.prescriber()), "cancel", command.messageId(),
                    ReasonsGiven.cancellation(command.reasonCode()));
            return new Cancelled(cancellation.result(), Optional.of(after));
        });
    }
}
