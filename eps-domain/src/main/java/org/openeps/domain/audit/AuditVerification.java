package org.openeps.domain.audit;

import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * What checking the audit chain found: intact, or the first place it is broken and how.
 *
 * @param intact              whether every record is there and unchanged
 * @param recordsChecked      how many records, from sequence 1 on, were found intact (all of them when intact)
 * @param firstBrokenSequence where the chain first breaks; empty when intact
 * @param problem             how it breaks there; empty when intact
 * @throws EpsException {@link ErrorCode#INVALID_VALUE} if the count is negative, or a broken sequence and a problem
 *     are not both given exactly when the chain is not intact
 */
public record AuditVerification(boolean intact, long recordsChecked, Optional<Long> firstBrokenSequence,
                                Optional<Problem> problem) {

    /** How the chain breaks. */
    public enum Problem {
        /**
         * A record is not as it was appended: its content, its link to the record before or its hash changed, it
         * cannot be read as a record any more, or it is not the record the chain's head names (or lies beyond it).
         */
        ALTERED,
        /** A record appended to the chain is gone: a gap in the sequence, or the chain ends before its head. */
        MISSING
    }

    public AuditVerification {
        Objects.requireNonNull(firstBrokenSequence, "firstBrokenSequence");
        Objects.requireNonNull(problem, "problem");
        EpsException.require(recordsChecked >= 0, ErrorCode.INVALID_VALUE,
                "Records checked cannot be negative: " + recordsChecked);
        EpsException.require(intact == firstBrokenSequence.isEmpty() && intact == problem.isEmpty(),
                ErrorCode.INVALID_VALUE, "A broken chain has a first broken sequence and a problem; an intact one has neither");
        firstBrokenSequence.ifPresent(sequence -> EpsException.require(sequence >= 1, ErrorCode.INVALID_VALUE,
                "A broken sequence is at least 1: " + sequence));
    }

    /** Every one of the records is there and unchanged. */
    public static AuditVerification intact(long recordsChecked) {
        return new AuditVerification(true, recordsChecked, Optional.empty(), Optional.empty());
    }

    /** The record at this sequence is not as it was appended. */
    public static AuditVerification altered(long recordsChecked, long sequence) {
        return broken(recordsChecked, sequence, Problem.ALTERED);
    }

    /** The record at this sequence is gone. */
    public static AuditVerification missing(long recordsChecked, long sequence) {
        return broken(recordsChecked, sequence, Problem.MISSING);
    }

    public static AuditVerification broken(long recordsChecked, long sequence, Problem problem) {
        return new AuditVerification(false, recordsChecked, Optional.of(sequence), Optional.of(problem));
    }
}
