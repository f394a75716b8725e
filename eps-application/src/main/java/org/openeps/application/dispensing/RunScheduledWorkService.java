package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Actor;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;

/**
 * Applies every time-driven move that is due to a batch of prescriptions, in one transaction. The batch is taken with
 * SKIP LOCKED, so several service instances share the work without doing any twice.
 */
public final class RunScheduledWorkService implements RunScheduledWorkUseCase {

    private final Transactions transactions;
    private final PrescriptionRepository prescriptions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public RunScheduledWorkService(Transactions transactions, PrescriptionRepository prescriptions,
                                   PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.prescriptions = prescriptions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public ScheduledWork runOnce(int batchSize) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            int changed = 0;
            List<PrescriptionId> refused = new ArrayList<>();
            for (Prescription due : prescriptions.lockWithWorkDue(now, batchSize)) {
                try {
                    Prescription current = due;
                    current = changes.apply(current, p -> p.expireDue(now).orElse(p), now, Actor.SERVICE, "expire",
                            Optional.empty());
                    current = changes.apply(current, p -> p.noClaimDue(now).orElse(p), now, Actor.SERVICE,
                            "no-claim", Optional.empty());
                    current = changes.apply(current, p -> p.makeAvailableDue(now).orElse(p), now, Actor.SERVICE,
                            "available", Optional.empty());
                    if (current != due) {
                        changed++;
                    }
                } catch (EpsException e) {
                    // a rule refused the move before anything was written: skip it, the rest of the batch goes on
                    refused.add(due.id());
                }
            }
            return new ScheduledWork(changed, refused);
        });
    }
}
