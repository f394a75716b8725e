package org.openeps.application.tracker;

import org.openeps.domain.prescription.CancellationReason;
import org.openeps.domain.prescription.NonDispensingReason;
import org.openeps.domain.prescription.TreatmentType;

/**
 * The words the tracker shows for codes: prescription types, cancellation and non-dispensing reasons, history events. A holder of static
 * functions, as an enum without constants (it is neither a port nor a service).
 */
enum TrackerText {
    ;

    static String typeLabel(TreatmentType type, int issueNumber, int numberOfIssues) {
        return switch (type) {
            case ACUTE -> "Acute";
            case REPEAT_PRESCRIBING -> "Repeat " + issueNumber + " of " + numberOfIssues;
            case REPEAT_DISPENSING -> "eRD " + issueNumber + " of " + numberOfIssues;
        };
    }

    static String cancellationReason(String code) {
        return CancellationReason.find(code).map(CancellationReason::label).orElse(code);
    }

    /** The words of a {@link NonDispensingReason}; a code not among them (kept from before they were checked) as itself. */
    static String nonDispensingReason(String code) {
        return NonDispensingReason.find(code).map(NonDispensingReason::label).orElse(code);
    }

    /** What a history event means, for people; an event not known here is shown by its name. */
    static String event(String event) {
        return switch (event) {
            case "prescription-order" -> "Prescription upload successful";
            case "release" -> "Release request successful";
            case "return" -> "Returned by the dispenser";
            case "dispense-notification" -> "Dispense notification successful";
            case "dispense-notification-amend" -> "Dispense notification amended";
            case "withdraw" -> "Dispense notification withdrawn";
            case "claim" -> "Dispense claim successful";
            case "claim-amend" -> "Dispense claim amended";
            case "cancel" -> "Cancellation";
            case "expire" -> "Prescription expired";
            case "no-claim" -> "Not claimed";
            case "available" -> "Available to download";
            case STATUS_UPDATE -> "Pharmacy status update";
            default -> event;
        };
    }

    /** The event name of a pharmacy status update in the timeline. */
    static final String STATUS_UPDATE = "status-update";
}
