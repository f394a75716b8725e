package org.openeps.application.prescription;

import java.time.Clock;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** Accepts a new prescription once per prescription ID. */
public final class CreatePrescriptionService implements CreatePrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionRepository prescriptions;
    private final Clock clock;

    public CreatePrescriptionService(Transactions transactions, PrescriptionRepository prescriptions, Clock clock) {
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.clock = clock;
    }

    @Override
    public Prescribed create(CreatePrescriptionCommand command) {
        return transactions.inTransaction(() -> {
            var id = command.order().id();
            EpsException.require(prescriptions.findById(id).isEmpty(), ErrorCode.DUPLICATE_PRESCRIPTION_ID,
                    "Prescription " + id + " has already been received");
            Prescription prescription = Prescription.create(command.order(), clock.instant());
            return new Prescribed(prescriptions.add(prescription, command.originalMessage()));
        });
    }
}
