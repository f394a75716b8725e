package org.openeps.domain.prescription;

import java.util.Arrays;
import java.util.Optional;

/**
 * A prescriber's reason for cancelling a prescription or an item: the codes of {@value #SYSTEM}, with the words the
 * NHS gives each. A cancel message gives one in {@code MedicationRequest.statusReason}; {@link ReasonsGiven} carries
 * it by code.
 */
public enum CancellationReason {
    PRESCRIBING_ERROR("0001", "Prescribing Error"),
    CLINICAL_CONTRA_INDICATION("0002", "Clinical contra-indication"),
    CHANGE_TO_MEDICATION_TREATMENT_REGIME("0003", "Change to medication treatment regime"),
    CLINICAL_GROUNDS("0004", "Clinical grounds"),
    AT_THE_PATIENTS_REQUEST("0005", "At the Patient's request"),
    AT_THE_PHARMACISTS_REQUEST("0006", "At the Pharmacist's request"),
    NOTIFICATION_OF_DEATH("0007", "Notification of Death"),
    PATIENT_DEDUCTED_OTHER_REASON("0008", "Patient deducted - other reason"),
    PATIENT_DEDUCTED_REGISTERED_WITH_NEW_PRACTICE("0009", "Patient deducted - registered with new practice");

    /** The code system of these reasons. */
    public static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason";

    private final String code;
    private final String label;

    CancellationReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The four-digit code, e.g. {@code "0001"}. */
    public String code() {
        return code;
    }

    /** The reason in words, e.g. "Prescribing Error". */
    public String label() {
        return label;
    }

    /** The reason with exactly this code; empty for any other text. */
    public static Optional<CancellationReason> find(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
