package org.openeps.application.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.StatusUpdateCheck;
import org.openeps.domain.tracking.StatusUpdateRules;

/** Checks a status update bundle and stores its updates, all in one transaction, or none. */
public final class UpdatePrescriptionStatusService implements UpdatePrescriptionStatusUseCase {

    private final Transactions transactions;
    private final PharmacyStatusLog log;
    private final Clock clock;

    public UpdatePrescriptionStatusService(Transactions transactions, PharmacyStatusLog log, Clock clock) {
        this.transactions = transactions;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public List<EntryVerdict.Accepted> update(UpdatePrescriptionStatusCommand command) {
        Instant now = clock.instant();
        return switch (StatusUpdateRules.check(command.bundle(), now)) {
            case StatusUpdateCheck.Invalid invalid -> throw new InvalidStatusUpdateException(invalid.entries());
            case StatusUpdateCheck.Valid valid -> transactions.inTransaction(() -> {
                if (!valid.entries().isEmpty()) {
                    log.record(valid.entries().stream().map(EntryVerdict.Accepted::status).toList());
                }
                return valid.entries();
            });
        };
    }
}
