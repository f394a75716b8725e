package org.openeps.domain.audit;

import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The end of the audit chain: the sequence number and hash of the last record appended, or sequence 0 and
 * {@link AuditChain#GENESIS} before the first. The next record gets sequence {@code sequence + 1} and links to
 * {@code hash}.
 *
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the sequence is negative or the hash is not 64 lowercase hex
 *     digits
 */
public record AuditChainHead(long sequence, String hash) {

    public AuditChainHead {
        EpsException.require(sequence >= 0, ErrorCode.INVALID_VALUE,
                "The audit chain head's sequence cannot be negative: " + sequence);
        AuditChain.requireHash(hash, "audit chain head's hash");
    }

    /** The head of a chain with no records yet. */
    public static AuditChainHead genesis() {
        return new AuditChainHead(0, AuditChain.GENESIS);
    }
}
