package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Basic details to find patients by, normalised as {@link TrackerQueries} compares them: names lower-cased with every
 * whitespace character removed ({@link #nameKey}), the postcode upper-cased without spaces ({@link #postcodeKey}).
 *
 * @param familyNameKey the family name's key, not empty
 * @param dateOfBirth   the date of birth
 * @param givenNameKey  a given name's key, when the search gives one
 * @param postcodeKey   the postcode's key, when the search gives one
 */
public record PatientSearch(String familyNameKey, LocalDate dateOfBirth, Optional<String> givenNameKey,
                            Optional<String> postcodeKey) {

    public PatientSearch {
        Objects.requireNonNull(familyNameKey, "familyNameKey");
        if (familyNameKey.isEmpty() || !familyNameKey.equals(nameKey(familyNameKey))) {
            throw new IllegalArgumentException("Not a name key: '" + familyNameKey + "'");
        }
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(givenNameKey, "givenNameKey");
        Objects.requireNonNull(postcodeKey, "postcodeKey");
    }

    /** The criteria from names and a postcode as people type them. */
    public static PatientSearch of(String familyName, LocalDate dateOfBirth, Optional<String> givenName,
                                   Optional<String> postcode) {
        return new PatientSearch(nameKey(familyName), dateOfBirth,
                givenName.map(PatientSearch::nameKey).filter(key -> !key.isEmpty()),
                postcode.map(PatientSearch::postcodeKey).filter(key -> !key.isEmpty()));
    }

    /** A name as compared: lower-cased, every whitespace character removed ({@code " Mac Donald "} is {@code macdonald}). */
    public static String nameKey(String name) {
        return name.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }

    /** A postcode as compared: upper-cased, every whitespace character removed ({@code "ls1 1aa"} is {@code LS11AA}). */
    public static String postcodeKey(String postcode) {
        return postcode.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
