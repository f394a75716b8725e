package org.openeps.application.patient;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prescriber or dispenser as the patient sees it: from the organisation directory where it is known there, else
 * only what the prescription says (its ODS code, and for the prescriber the name the message gives).
 *
 * @param addressLines the address without the postcode, first line first; empty when the directory does not know it
 */
public record PatientOrganisation(
        String odsCode,
        Optional<String> name,
        List<String> addressLines,
        Optional<String> postcode,
        Optional<String> telephone,
        Optional<String> website) {

    public PatientOrganisation {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(name, "name");
        addressLines = List.copyOf(addressLines);
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(telephone, "telephone");
        Objects.requireNonNull(website, "website");
    }
}
