package org.openeps.application.tracker;

import java.util.List;

/**
 * The answer to a search by basic details: at most {@link SearchPatientsUseCase#LIMIT} patients, ordered by family
 * name and then NHS number.
 *
 * @param patients     the patients found, each as their newest prescription describes them
 * @param moreThanShown true when more patients matched than are shown: the user should narrow the search
 */
public record PatientMatches(List<PatientDetails> patients, boolean moreThanShown) {

    public PatientMatches {
        patients = List.copyOf(patients);
    }
}
