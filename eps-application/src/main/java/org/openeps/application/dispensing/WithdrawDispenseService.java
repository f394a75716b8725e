package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;

/** Takes back the latest dispense notification. */
public final class WithdrawDispenseService implements WithdrawDispenseUseCase {

    private final Transactions transactions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public WithdrawDispenseService(Transactions transactions, PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Prescription withdraw(WithdrawCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> changes.change(command.prescriptionId(),
                prescription -> prescription.withdrawDispense(command.dispenser(), command.issueNumber(), now), now,
                command.actor(), "withdraw", command.messageId()));
    }
}
