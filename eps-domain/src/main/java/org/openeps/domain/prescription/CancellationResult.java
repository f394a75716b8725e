package org.openeps.domain.prescription;

/**
 * What a cancellation request achieved, as the R-code EPS answers with. Only {@link #CANCELLED} cancels anything;
 * {@link #WITH_DISPENSER} and {@link #WITH_DISPENSER_ACTIVE} leave a pending cancellation for the dispenser.
 */
public enum CancellationResult {
    CANCELLED("R-0001", "Prescription/item was cancelled"),
    WITH_DISPENSER("R-0002", "Prescription/item was not cancelled. With dispenser. Marked for cancellation"),
    WITH_DISPENSER_ACTIVE("R-0003", "Prescription/item was not cancelled. With dispenser active. Marked for cancellation"),
    DISPENSED("R-0004", "Prescription/item was not cancelled. Dispensed to patient"),
    EXPIRED("R-0005", "Prescription/item had expired"),
    ALREADY_CANCELLED("R-0006", "Prescription/item had already been cancelled"),
    REQUESTED_BY_ANOTHER_PRESCRIBER("R-0007", "Prescription/item cancellation requested by another prescriber"),
    NOT_FOUND("R-0008", "Prescription/item not found"),
    NOT_DISPENSED("R-0010", "Prescription/item was not cancelled. Prescription has been not dispensed"),
    NHS_NUMBER_MISMATCH("R-5000", "Unable to process message. Information missing or invalid - NHS number does not match");

    private final String code;
    private final String display;

    CancellationResult(String code, String display) {
        this.code = code;
        this.display = display;
    }

    /** The R-code, e.g. {@code R-0001}. */
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** Whether the prescription or item is now cancelled. */
    public boolean cancelled() {
        return this == CANCELLED;
    }
}
