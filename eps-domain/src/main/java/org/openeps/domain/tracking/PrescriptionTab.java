package org.openeps.domain.tracking;

import org.openeps.domain.prescription.PrescriptionStatus;

/** The tabs the tracker's prescription list shows, by the status of the issue each prescription shows. */
public enum PrescriptionTab {
    /** {@code 0001 0002 0003 0005 0006}: to be dispensed, with a dispenser, cancelled or dispensed. */
    CURRENT("Current"),
    /** {@code 0000 9000 9001 9005}: not yet available. */
    FUTURE("Future"),
    /** {@code 0004 0007 0008 0009}: over. */
    PAST("Past");

    private final String label;

    PrescriptionTab(String label) {
        this.label = label;
    }

    /** The tab's heading, e.g. {@code Current}. */
    public String label() {
        return label;
    }

    /** The tab a prescription whose shown issue has this status belongs in. */
    public static PrescriptionTab of(PrescriptionStatus status) {
        return switch (status) {
            case TO_BE_DISPENSED, WITH_DISPENSER, WITH_DISPENSER_ACTIVE, CANCELLED, DISPENSED -> CURRENT;
            case AWAITING_RELEASE_READY, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED, CANCELLED_FUTURE_ISSUE -> FUTURE;
            case EXPIRED, NOT_DISPENSED, CLAIMED, NO_CLAIMED -> PAST;
        };
    }
}
