package org.openeps.application.tracker;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The clinical tracker's search by basic details: patients whose newest prescription names this family name and date
 * of birth (and the given name and postcode, when asked). Names match ignoring case and whitespace, postcodes ignoring
 * case and spaces.
 */
public interface SearchPatientsUseCase {

    /** The most patients one search returns. */
    int LIMIT = 10;

    /**
     * The matching patients, at most {@link #LIMIT}.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when the date of birth is in the future
     */
    PatientMatches search(SearchPatientsQuery query);

    /**
     * The details to search by.
     *
     * @param familyName  required, not blank
     * @param dateOfBirth required
     * @param givenName   optional; matches any of the patient's given names
     * @param postcode    optional
     */
    record SearchPatientsQuery(String familyName, LocalDate dateOfBirth, Optional<String> givenName,
                               Optional<String> postcode) {
        public SearchPatientsQuery {
            EpsException.require(familyName != null && !familyName.isBlank(), ErrorCode.MISSING_VALUE,
                    "familyName is required");
            EpsException.require(dateOfBirth != null, ErrorCode.MISSING_VALUE, "dateOfBirth is required");
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(postcode, "postcode");
            givenName = givenName.filter(name -> !name.isBlank());
            postcode = postcode.filter(code -> !code.isBlank());
        }

        /** The criteria as {@link TrackerQueries} compares them. */
        public PatientSearch criteria() {
            return PatientSearch.of(familyName, dateOfBirth, givenName, postcode);
        }
    }
}
