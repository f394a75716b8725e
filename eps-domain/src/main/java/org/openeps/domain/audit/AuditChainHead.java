package org.openeps.domain.audit;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The end of one audit chain: its number, and the sequence number and hash of the last record appended to it, or
 * sequence 0 and {@link AuditChain#GENESIS} before the first. The next record in the chain gets sequence
 * {@code sequence + 1} and links to {@code hash}.
 *
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the chain is not 1 to {@value AuditChain#CHAINS}, the
 *     sequence is negative or the hash is not 64 lowercase hex digits
 */
public record AuditChainHead(int chain, long sequence, String hash) {

    public AuditChainHead {
        AuditChain.requireChain(chain);
        EpsException.require(sequence >= 0, ErrorCode.INVALID_VALUE,
                "The audit chain head's sequence cannot be negative: " + sequence);
        AuditChain.requireHash(hash, "audit chain head's hash");
    }

    /** The head of this chain with no records yet. */
    public static AuditChainHead genesis(int chain) {
        return new AuditChainHead(chain, 0, AuditChain.GENESIS);
    }
}
