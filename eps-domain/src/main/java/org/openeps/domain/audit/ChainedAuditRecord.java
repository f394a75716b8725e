package org.openeps.domain.audit;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * An audit record in its place in the chain: its sequence number (1 for the first, one more for each next), the hash
 * of the record before it ({@link AuditChain#GENESIS} for the first) and its own hash, {@link AuditChain#hash}
 * of both and its content. The hash is not checked here, so that a record read back altered can still be shown and
 * {@link AuditChain#verify verified}.
 *
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the sequence is not positive or a hash is not 64 lowercase
 *     hex digits, {@link ErrorCode#MISSING_VALUE} if the record is missing
 */
public record ChainedAuditRecord(long sequence, AuditRecord record, String previousHash, String hash) {

    public ChainedAuditRecord {
        EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE,
                "An audit record's sequence starts at 1: " + sequence);
        EpsException.require(record != null, ErrorCode.MISSING_VALUE, "The chained audit record is missing");
        AuditChain.requireHash(previousHash, "previous hash");
        AuditChain.requireHash(hash, "hash");
    }

    /** The chain's head once this record is its last. */
    public AuditChainHead asHead() {
        return new AuditChainHead(sequence, hash);
    }
}
