package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.shared.NhsNumber;

/**
 * The patient banner: who a prescription is for, as the newest prescription received for them describes them (EPS
 * holds no demographics of its own; what the prescriber sent is all there is).
 *
 * @param nhsNumber   the patient's NHS number
 * @param familyName  the family name, when the prescription gives one
 * @param givenNames  the given names, first first; empty when none were given
 * @param dateOfBirth the date of birth, when given
 * @param gender      the administrative gender as sent ({@code male}, {@code female}, {@code other}, {@code unknown})
 * @param postcode    the postcode as sent
 */
public record PatientDetails(
        NhsNumber nhsNumber,
        Optional<String> familyName,
        List<String> givenNames,
        Optional<LocalDate> dateOfBirth,
        Optional<String> gender,
        Optional<String> postcode) {

    public PatientDetails {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(familyName, "familyName");
        givenNames = List.copyOf(givenNames);
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(postcode, "postcode");
    }

    /** The patient as a prescription describes them. */
    public static PatientDetails of(Patient patient) {
        return new PatientDetails(patient.nhsNumber(), patient.familyName(), patient.givenNames(), patient.birthDate(),
                patient.gender(), patient.postcode());
    }

    /** The given names, then the family name, e.g. {@code Jane Anne Smith}; empty when no name is known. */
    public String fullName() {
        StringBuilder name = new StringBuilder(String.join(" ", givenNames));
        familyName.ifPresent(family -> name.append(name.isEmpty() ? "" : " ").append(family));
        return name.toString();
    }

    /** The NHS number as people write it, {@code 943 476 5919}. */
    public String formattedNhsNumber() {
        String digits = nhsNumber.value();
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }
}
