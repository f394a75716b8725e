package org.openeps.application.audit;

import java.util.List;
import java.util.function.Supplier;
import org.openeps.domain.audit.AuditRecord;

/**
 * Records an audited request in the audit trail. Called inside the request's own transaction, the record is
 * committed or rolled back with the request's work; a refused or failed request, whose transaction rolled back, is
 * recorded after it, outside any transaction.
 */
public interface RecordAuditUseCase {

    /**
     * Appends the record: in the caller's transaction when there is one, else in one of its own. Appending holds one
     * of the audit chains' heads until the transaction ends, so record last in a transaction.
     */
    void record(AuditRecord record);

    /** Appends the records, in order, as {@link #record(AuditRecord)} appends one: together or not at all. */
    void record(List<AuditRecord> records);

    /**
     * Runs a change in one transaction, so that records made during it are committed with the change, or rolled back
     * with it when it throws.
     */
    <T> T atomically(Supplier<T> change);
}
