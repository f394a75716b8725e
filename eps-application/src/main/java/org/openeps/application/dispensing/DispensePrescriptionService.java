package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;

/** Applies a dispense notification or its amend. */
public final class DispensePrescriptionService implements DispensePrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public DispensePrescriptionService(Transactions transactions, PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Prescription dispense(DispenseCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> changes.change(command.prescriptionId(),
                prescription -> command.replaces()
                        .map(replaces -> prescription.amendDispense(command.dispenser(), command.notificationId(),
                                replaces, command.items(), command.declaredStatus(), command.issueNumber(), now))
                        .orElseGet(() -> prescription.recordDispense(command.dispenser(), command.notificationId(),
                                command.items(), command.declaredStatus(), command.issueNumber(), now)),
                now, command.actor(),
                command.replaces().isPresent() ? "dispense-notification-amend" : "dispense-notification",
                Optional.of(command.notificationId()), command.reasons()));
    }
}
