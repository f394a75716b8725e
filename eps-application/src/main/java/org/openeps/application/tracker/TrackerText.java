package org.openeps.application.tracker;

import java.util.Map;
import org.openeps.domain.prescription.TreatmentType;

/**
 * The words the tracker shows for codes: prescription types, cancellation and non-dispensing reasons, history events. A holder of static
 * functions, as an enum without constants (it is neither a port nor a service).
 */
enum TrackerText {
    ;

    private static final Map<String, String> CANCELLATION_REASONS = Map.of(
            "0001", "Prescribing Error",
            "0002", "Clinical contra-indication",
            "0003", "Change to medication treatment regime",
            "0004", "Clinical grounds",
            "0005", "At the Patient's request",
            "0006", "At the Pharmacist's request",
            "0007", "Notification of Death",
            "0008", "Patient deducted - other reason",
            "0009", "Patient deducted - registered with new practice");

    private static final Map<String, String> NON_DISPENSING_REASONS = Map.ofEntries(
            Map.entry("0001", "Not required as instructed by the patient"),
            Map.entry("0002", "Clinically unsuitable"),
            Map.entry("0003", "Owings note issued to patient"),
            Map.entry("0004", "Prescription cancellation"),
            Map.entry("0005", "Prescription cancellation due to death"),
            Map.entry("0006", "Illegal NHS prescription"),
            Map.entry("0007", "Prescribed out of scope item"),
            Map.entry("0008", "Item or prescription expired"),
            Map.entry("0009", "Not allowed on FP10"),
            Map.entry("0010", "Patient did not collect medication"),
            Map.entry("0011", "Patient purchased medication over the counter"));

    static String typeLabel(TreatmentType type, int issueNumber, int numberOfIssues) {
        return switch (type) {
            case ACUTE -> "Acute";
            case REPEAT_PRESCRIBING -> "Repeat " + issueNumber + " of " + numberOfIssues;
            case REPEAT_DISPENSING -> "eRD " + issueNumber + " of " + numberOfIssues;
        };
    }

    static String cancellationReason(String code) {
        return CANCELLATION_REASONS.getOrDefault(code, code);
    }

    static String nonDispensingReason(String code) {
        return NON_DISPENSING_REASONS.getOrDefault(code, code);
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
