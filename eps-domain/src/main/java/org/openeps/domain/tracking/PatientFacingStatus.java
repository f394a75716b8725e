package org.openeps.domain.tracking;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a patient is told about one item of their prescription, as the NHS Prescriptions for Patients API shows it
 * (extension {@code Extension-DM-PrescriptionStatusHistory}, code system {@value BusinessStatus#SYSTEM}). Each text is
 * the code as that API sends it, which is also what the patient reads.
 *
 * <p>The API also defines "Tracking Temporarily Unavailable", for when its store of pharmacy updates cannot be reached;
 * this service reads its own store in the same request, so it never answers that status.
 */
public enum PatientFacingStatus {
    /** The prescriber has approved it; no pharmacy has it yet (or one has had it for under an hour, untracked). */
    PRESCRIBER_APPROVED("Prescriber Approved"),
    /** The prescriber cancelled the item; the patient should ask the prescriber why. */
    PRESCRIBER_CANCELLED("Prescriber Cancelled"),
    /** A pharmacy that sends status updates has it and is preparing it. */
    WITH_PHARMACY("With Pharmacy"),
    /** A pharmacy has it, but its dispensing system sends no status updates. */
    WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED("With Pharmacy but Tracking not Supported"),
    WITH_PHARMACY_PREPARING_REMAINDER("With Pharmacy - Preparing Remainder"),
    READY_TO_COLLECT("Ready to Collect"),
    READY_TO_COLLECT_PARTIAL("Ready to Collect - Partial"),
    READY_TO_DISPATCH("Ready to Dispatch"),
    READY_TO_DISPATCH_PARTIAL("Ready to Dispatch - Partial"),
    COLLECTED("Collected"),
    DISPATCHED("Dispatched"),
    /** The item was not dispensed (the pharmacy said so, or EPS recorded it not dispensed or expired). */
    NOT_DISPENSED("Not Dispensed");

    private final String text;

    PatientFacingStatus(String text) {
        this.text = text;
    }

    /** The status as the patient reads it and as the API codes it, e.g. {@code Ready to Collect}. */
    public String text() {
        return text;
    }

    /** Whether the patient may go and collect (some of) the item now. */
    public boolean readyToCollect() {
        return this == READY_TO_COLLECT || this == READY_TO_COLLECT_PARTIAL;
    }

    /** The status a pharmacy's business status shows the patient: the same words. */
    public static PatientFacingStatus of(BusinessStatus status) {
        return switch (status) {
            case WITH_PHARMACY -> WITH_PHARMACY;
            case WITH_PHARMACY_PREPARING_REMAINDER -> WITH_PHARMACY_PREPARING_REMAINDER;
            case READY_TO_COLLECT -> READY_TO_COLLECT;
            case READY_TO_COLLECT_PARTIAL -> READY_TO_COLLECT_PARTIAL;
            case READY_TO_DISPATCH -> READY_TO_DISPATCH;
            case READY_TO_DISPATCH_PARTIAL -> READY_TO_DISPATCH_PARTIAL;
            case COLLECTED -> COLLECTED;
            case DISPATCHED -> DISPATCHED;
            case NOT_DISPENSED -> NOT_DISPENSED;
        };
    }

    /** The status with exactly this text. */
    public static Optional<PatientFacingStatus> fromText(String text) {
        return Arrays.stream(values()).filter(status -> status.text.equals(text)).findFirst();
    }
}
