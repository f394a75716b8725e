package org.openeps.domain.audit;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * An audit record in its place in one of the chains: the chain's number, its sequence number in that chain (1 for the
 * first, one more for each next), the hash of the record before it in the chain ({@link AuditChain#GENESIS} for the
 * first) and its own hash, {@link AuditChain#hash} of all of them and its content. The hash is not checked here, so
 * that a record read back altered can still be shown and {@link AuditChain#verify verified}.
 *
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the chain is not 1 to {@value AuditChain#CHAINS}, the
 *     sequence is not positive or a hash is not 64 lowercase hex digits, {@link ErrorCode#MISSING_VALUE} if the
 *     record is missing
 */
public record ChainedAuditRecord(int chain, long sequence, AuditRecord record, String previousHash, String hash) {

    public ChainedAuditRecord {
        AuditChain.requireChain(chain);
        EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE,
                "An audit record's sequence starts at 1: " + sequence);
        EpsException.require(record != null, ErrorCode.MISSING_VALUE, "The chained audit record is missing");
        AuditChain.requireHash(previousHash, "previous hash");
        AuditChain.requireHash(hash, "hash");
    }

    /** Its chain's head once this record is the chain's last. */
    public AuditChainHead asHead() {
        return new AuditChainHead(chain, sequence, hash);
    }
}
