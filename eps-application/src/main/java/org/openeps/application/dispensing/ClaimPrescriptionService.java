package org.openeps.application.dispensing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openeps.application.prescription.PrescriptionChanges;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.prescription.Prescription;

/** Records a claim or a claim amend. */
public final class ClaimPrescriptionService implements ClaimPrescriptionUseCase {

    private final Transactions transactions;
    private final PrescriptionChanges changes;
    private final Clock clock;

    public ClaimPrescriptionService(Transactions transactions, PrescriptionChanges changes, Clock clock) {
        this.transactions = transactions;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Prescription claim(ClaimCommand command) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> changes.change(command.prescriptionId(),
                prescription -> command.replaces()
                        .map(replaces -> prescription.amendClaim(command.dispenser(), command.claimId(), replaces,
                                command.issueNumber(), now))
                        .orElseGet(() -> prescription.claim(command.dispenser(), command.claimId(), command.issueNumber(), now)),
                now, command.actor(), command.replaces().isPresent() ? "claim-amend" : "claim",
                Optional.of(command.claimId())));
    }
}
