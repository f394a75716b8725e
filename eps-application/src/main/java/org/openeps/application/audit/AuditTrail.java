package org.openeps.application.audit;

import java.util.List;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/**
 * The append-only, tamper-evident audit trail: every record chained by hash to the one before it
 * ({@link AuditChain}), so that a record changed or removed afterwards is found by {@link #verify()}.
 */
public interface AuditTrail {

    /**
     * Appends the record as the next in the chain: the next sequence number, linked to the hash of the last record.
     * Joins the caller's transaction when there is one (and is undone with it), else runs in one of its own.
     * Appends from concurrent transactions are serialised, so the chain never forks and has no gaps: an append waits
     * until every transaction that appended before it has ended. Appending last in a transaction keeps that wait
     * short.
     */
    void append(AuditRecord record);

    /** The records matching the query, newest first, at most its limit. */
    List<ChainedAuditRecord> find(AuditQuery query);

    /** Checks the whole chain, from the first record to the head, as of one moment; stops at the first break. */
    AuditVerification verify();
}
