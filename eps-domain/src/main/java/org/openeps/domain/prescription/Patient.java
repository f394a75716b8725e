package org.openeps.domain.prescription;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.NhsNumber;

/** The patient a prescription is for, as the prescriber described them. */
public record Patient(
        NhsNumber nhsNumber,
        Optional<String> familyName,
        List<String> givenNames,
        Optional<LocalDate> birthDate,
        Optional<String> gender,
        Optional<String> postcode) {

    public Patient {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(familyName, "familyName");
        givenNames = List.copyOf(givenNames);
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(postcode, "postcode");
    }
}
