package org.openeps.application.audit;

import java.util.List;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/**
 * The append-only, tamper-evident audit trail: {@value AuditChain#CHAINS} hash chains, every record chained by hash to
 * the one before it in its chain ({@link AuditChain}), so that a record changed or removed afterwards is found by
 * {@link #verify()}. Several chains let concurrent transactions append at once.
 */
public interface AuditTrail {

    /**
     * Appends the record as the next in one of the chains: that chain's next sequence number, linked to the hash of
     * its last record. Joins the caller's transaction when there is one (and is undone with it), else runs in one of
     * its own. A transaction holds the chain it first appends to until it ends, and appends every record it makes to
     * that chain, one after another; concurrent transactions append to other chains, so no chain forks or has gaps.
     * An append waits only when every chain is held by another transaction. Appending last in a transaction keeps
     * the chain held for the shortest time.
     */
    default void append(AuditRecord record) {
        append(List.of(record));
    }

    /**
     * Appends the records, in order, one after another in one chain, as {@link #append(AuditRecord)} appends one: all
     * in one transaction, so together or not at all. Appends nothing for none.
     */
    void append(List<AuditRecord> records);

    /**
     * The records matching the query, newest first (by time, then by chain and sequence, so that the records of one
     * transaction keep their order), at most its limit.
     */
    List<ChainedAuditRecord> find(AuditQuery query);

    /**
     * Checks every chain, from its first record to its head, as of one moment; stops reading each at its first break
     * and reports it.
     */
    AuditVerification verify();
}
