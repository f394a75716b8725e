package org.openeps.domain.prescription;

import static org.openeps.domain.prescription.PrescriptionStatus.AWAITING_RELEASE_READY;
import static org.openeps.domain.prescription.PrescriptionStatus.CANCELLED;
import static org.openeps.domain.prescription.PrescriptionStatus.CANCELLED_FUTURE_ISSUE;
import static org.openeps.domain.prescription.PrescriptionStatus.CLAIMED;
import static org.openeps.domain.prescription.PrescriptionStatus.DISPENSED;
import static org.openeps.domain.prescription.PrescriptionStatus.EXPIRED;
import static org.openeps.domain.prescription.PrescriptionStatus.FUTURE_DATED;
import static org.openeps.domain.prescription.PrescriptionStatus.NOT_DISPENSED;
import static org.openeps.domain.prescription.PrescriptionStatus.NO_CLAIMED;
import static org.openeps.domain.prescription.PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE;
import static org.openeps.domain.prescription.PrescriptionStatus.TO_BE_DISPENSED;
import static org.openeps.domain.prescription.PrescriptionStatus.WITH_DISPENSER;
import static org.openeps.domain.prescription.PrescriptionStatus.WITH_DISPENSER_ACTIVE;

import java.util.EnumSet;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The legal moves of an issue, in one table: each transition names the statuses it may start from and where it
 * lands. {@link Prescription} carries them out; this is where to check the lifecycle against REFERENCE.md.
 *
 * <pre>
 * transition       from                            to
 * RELEASE          0001                            0002 (items 0007 -> 0008)
 * RETURN           0002                            0001 (items 0008 -> 0007, dispenser and nomination cleared)
 * DISPENSE         0002 0003                       0003 some items to go, 0006 all done, 0007 nothing dispensed
 * AMEND_DISPENSE   0003 0006 0007                  as DISPENSE, from the state before the latest notification
 * WITHDRAW         0003 0006 0007                  the state before the latest notification (eRD: not below 0003)
 * CANCEL           0000 0001 9000 9001             0005 (R-0001); other statuses answer an R-code, see cancel()
 * CLAIM            0006 0007                       0008
 * AMEND_CLAIM      0008                            0008 (first claim date kept)
 * NO_CLAIM         0006                            0009 (180 days after the last dispense)
 * EXPIRE           0000 0001 0002 0003 9000 9001   0004; 0003 goes to 0006
 * MAKE_AVAILABLE   0000 9001                       0001 when due
 * NEXT_ISSUE       9000                            0000 (not yet due) or 0001, when the issue before it ends
 * </pre>
 */
public enum Transition {
    RELEASE(EnumSet.of(TO_BE_DISPENSED)),
    RETURN(EnumSet.of(WITH_DISPENSER)),
    DISPENSE(EnumSet.of(WITH_DISPENSER, WITH_DISPENSER_ACTIVE)),
    AMEND_DISPENSE(EnumSet.of(WITH_DISPENSER_ACTIVE, DISPENSED, NOT_DISPENSED)),
    WITHDRAW(EnumSet.of(WITH_DISPENSER_ACTIVE, DISPENSED, NOT_DISPENSED)),
    CANCEL(EnumSet.of(AWAITING_RELEASE_READY, TO_BE_DISPENSED, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED)),
    CLAIM(EnumSet.of(DISPENSED, NOT_DISPENSED)),
    AMEND_CLAIM(EnumSet.of(CLAIMED)),
    NO_CLAIM(EnumSet.of(DISPENSED)),
    EXPIRE(EnumSet.of(AWAITING_RELEASE_READY, TO_BE_DISPENSED, WITH_DISPENSER, WITH_DISPENSER_ACTIVE,
            REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED, CANCELLED_FUTURE_ISSUE)),
    MAKE_AVAILABLE(EnumSet.of(AWAITING_RELEASE_READY, FUTURE_DATED)),
    NEXT_ISSUE(EnumSet.of(REPEAT_DISPENSE_FUTURE_ISSUE));

    private final Set<PrescriptionStatus> from;

    Transition(Set<PrescriptionStatus> from) {
        this.from = from;
    }

    /** The statuses this transition may start from. */
    public Set<PrescriptionStatus> from() {
        return EnumSet.copyOf(from);
    }

    public boolean allowedFrom(PrescriptionStatus status) {
        return from.contains(status);
    }

    /** Throws the EPS error for this transition from this status, unless it is allowed. */
    public void check(PrescriptionStatus status) {
        if (!allowedFrom(status)) {
            throw new EpsException(refusal(status), "Cannot " + name().toLowerCase().replace('_', ' ')
                    + " a prescription whose status is " + status.code() + " (" + status.label() + ")");
        }
    }

    /** The error a caller gets for attempting this transition from a status it does not start from. */
    public ErrorCode refusal(PrescriptionStatus status) {
        return switch (this) {
            case RELEASE -> switch (status) {
                case WITH_DISPENSER, WITH_DISPENSER_ACTIVE -> ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER;
                case EXPIRED -> ErrorCode.PRESCRIPTION_EXPIRED;
                case CANCELLED, CANCELLED_FUTURE_ISSUE -> ErrorCode.PRESCRIPTION_CANCELLED;
                case DISPENSED, NOT_DISPENSED, CLAIMED, NO_CLAIMED -> ErrorCode.PRESCRIPTION_DISPENSED;
                case AWAITING_RELEASE_READY, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED ->
                        ErrorCode.PRESCRIPTION_NOT_YET_AVAILABLE;
                case TO_BE_DISPENSED -> ErrorCode.INVALID_LINE_STATE_TRANSITION;
            };
            case CLAIM -> ErrorCode.CLAIM_INVALID_NOT_DISPENSED;
            case RETURN, DISPENSE, AMEND_DISPENSE, WITHDRAW, CANCEL, AMEND_CLAIM, NO_CLAIM, EXPIRE, MAKE_AVAILABLE,
                 NEXT_ISSUE -> ErrorCode.INVALID_LINE_STATE_TRANSITION;
        };
    }
}
