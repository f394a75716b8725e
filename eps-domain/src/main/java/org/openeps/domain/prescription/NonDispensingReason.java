package org.openeps.domain.prescription;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dispenser's reason for not dispensing an item or a whole prescription: the codes of
 * {@value #SYSTEM}, with the words the NHS gives each. A dispense notification gives them per item
 * ({@code MedicationDispense.statusReasonCodeableConcept}) and for the prescription
 * ({@code Extension-DM-PrescriptionNonDispensingReason}); {@link ReasonsGiven} carries them by code.
 */
public enum NonDispensingReason {
    NOT_REQUIRED_AS_INSTRUCTED_BY_THE_PATIENT("0001", "Not required as instructed by the patient"),
    CLINICALLY_UNSUITABLE("0002", "Clinically unsuitable"),
    OWINGS_NOTE_ISSUED_TO_PATIENT("0003", "Owings note issued to patient"),
    PRESCRIPTION_CANCELLATION("0004", "Prescription cancellation"),
    PRESCRIPTION_CANCELLATION_DUE_TO_DEATH("0005", "Prescription cancellation due to death"),
    ILLEGAL_NHS_PRESCRIPTION("0006", "Illegal NHS prescription"),
    PRESCRIBED_OUT_OF_SCOPE_ITEM("0007", "Prescribed out of scope item"),
    ITEM_OR_PRESCRIPTION_EXPIRED("0008", "Item or prescription expired"),
    NOT_ALLOWED_ON_FP10("0009", "Not allowed on FP10"),
    PATIENT_DID_NOT_COLLECT_MEDICATION("0010", "Patient did not collect medication"),
    PATIENT_PURCHASED_MEDICATION_OVER_THE_COUNTER("0011", "Patient purchased medication over the counter");

    /** The code system of these reasons. */
    public static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/medicationdispense-status-reason";

    private final String code;
    private final String label;

    NonDispensingReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The four-digit code, e.g. {@code "0003"}. */
    public String code() {
        return code;
    }

    /** The reason in words, e.g. "Owings note issued to patient". */
    public String label() {
        return label;
    }

    /** The reason with exactly this code; empty for any other text (codes are compared as sent, case and all). */
    public static Optional<NonDispensingReason> find(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
