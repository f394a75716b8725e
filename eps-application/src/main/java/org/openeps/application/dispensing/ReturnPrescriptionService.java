package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;

/** Puts a returned prescription back to be dispensed, no longer nominated. */
public final class ReturnPrescriptionService implements ReturnPrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public ReturnPrescriptionService(Transactions transactions, PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Prescription returnPrescription(ReturnCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> changes.change(command.prescriptionId(),
                prescription -> prescription.returnToSpine(command.dispenser(), now), now,
                command.actor(), "return", command.messageId()));
    }
}
