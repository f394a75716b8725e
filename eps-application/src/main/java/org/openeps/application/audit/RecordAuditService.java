package org.openeps.application.audit;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.audit.AuditRecord;

/**
 * Appends to the audit trail in the caller's transaction, or in one of its own when there is none; runs a change whose
 * records must commit with it in one transaction.
 */
public final class RecordAuditService implements RecordAuditUseCase {

    private final Transactions transactions;
    private final AuditTrail trail;

    public RecordAuditService(Transactions transactions, AuditTrail trail) {
        this.transactions = transactions;
        this.trail = trail;
    }

    @Override
    public void record(AuditRecord record) {
        Objects.requireNonNull(record, "record");
        record(List.of(record));
    }

    @Override
    public void record(List<AuditRecord> records) {
        List<AuditRecord> copy = List.copyOf(records);
        transactions.inTransaction(() -> {
            trail.append(copy);
            return null;
        });
    }

    @Override
    public <T> T atomically(Supplier<T> change) {
        return transactions.inTransaction(change);
    }
}
