package org.openeps.domain.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * What checking audit chains found: how many records are intact, and where each chain that is broken first breaks.
 * {@link AuditChain#verify} gives it for one chain; {@link #of} puts the chains' together.
 *
 * @param recordsChecked how many records were found intact: in each chain, those from sequence 1 up to its first
 *                       break, or all of them
 * @param breaks         the first break of each broken chain, in chain order; empty when every chain is intact
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the count is negative or a chain has more than one break
 */
public record AuditVerification(long recordsChecked, List<Break> breaks) {

    /** How a chain breaks. */
    public enum Problem {
        /**
         * A record is not as it was appended: its content, its chain, its link to the record before or its hash
         * changed, it cannot be read as a record any more, or it is not the record the chain's head names (or lies
         * beyond it).
         */
        ALTERED,
        /** A record appended to the chain is gone: a gap in the sequence, or the chain ends before its head. */
        MISSING
    }

    /**
     * Where a chain first breaks: the record at this sequence in this chain is altered or missing; the records before
     * it in the chain are intact.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the chain is not 1 to {@value AuditChain#CHAINS} or the
     *     sequence is not positive, {@link ErrorCode#MISSING_VALUE} if the problem is missing
     */
    public record Break(int chain, long sequence, Problem problem) {

        public Break {
            AuditChain.requireChain(chain);
            EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE, "A broken sequence is at least 1: " + sequence);
            EpsException.require(problem != null, ErrorCode.MISSING_VALUE, "A break needs its problem");
        }
    }

    public AuditVerification {
        EpsException.require(recordsChecked >= 0, ErrorCode.INVALID_VALUE,
                "Records checked cannot be negative: " + recordsChecked);
        Objects.requireNonNull(breaks, "breaks");
        breaks = breaks.stream().sorted(Comparator.comparingInt(Break::chain)).toList();
        EpsException.require(breaks.stream().map(Break::chain).distinct().count() == breaks.size(),
                ErrorCode.INVALID_VALUE, "A chain breaks first in one place: " + breaks);
    }

    /** Every one of the records is there and unchanged. */
    public static AuditVerification intact(long recordsChecked) {
        return new AuditVerification(recordsChecked, List.of());
    }

    /** The record at this sequence in this chain is not as it was appended. */
    public static AuditVerification altered(long recordsChecked, int chain, long sequence) {
        return broken(recordsChecked, chain, sequence, Problem.ALTERED);
    }

    /** The record at this sequence in this chain is gone. */
    public static AuditVerification missing(long recordsChecked, int chain, long sequence) {
        return broken(recordsChecked, chain, sequence, Problem.MISSING);
    }

    public static AuditVerification broken(long recordsChecked, int chain, long sequence, Problem problem) {
        return new AuditVerification(recordsChecked, List.of(new Break(chain, sequence, problem)));
    }

    /** The verifications of several chains as one: the records checked added up, and every chain's break. */
    public static AuditVerification of(List<AuditVerification> chains) {
        return new AuditVerification(chains.stream().mapToLong(AuditVerification::recordsChecked).sum(),
                chains.stream().flatMap(chain -> chain.breaks().stream()).toList());
    }

    /** Whether every record is there and unchanged. */
    public boolean intact() {
        return breaks.isEmpty();
    }

    /** The break of the lowest-numbered broken chain; empty when intact. */
    public Optional<Break> firstBreak() {
        return breaks.stream().findFirst();
    }
}
