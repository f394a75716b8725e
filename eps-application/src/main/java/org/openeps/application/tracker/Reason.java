package org.openeps.application.tracker;

import java.util.Objects;

/**
 * A coded reason with the text the tracker shows, e.g. a cancellation reason ({@code medicationrequest-status-reason}
 * {@code 0001} "Prescribing Error") or a non-dispensing reason ({@code medicationdispense-status-reason} {@code 0003}
 * "Owings note issued to patient").
 */
public record Reason(String code, String display) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(display, "display");
    }

    /** A cancellation reason ({@code medicationrequest-status-reason}); an unknown code is shown as itself. */
    public static Reason cancellation(String code) {
        return new Reason(code, TrackerText.cancellationReason(code));
    }

    /** A dispenser's reason for not dispensing ({@code medicationdispense-status-reason}); an unknown code is itself. */
    public static Reason nonDispensing(String code) {
        return new Reason(code, TrackerText.nonDispensingReason(code));
    }
}
