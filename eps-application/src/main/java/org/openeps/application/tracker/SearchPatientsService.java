package org.openeps.application.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/** The tracker's search by basic details, through {@link TrackerQueries}. */
public final class SearchPatientsService implements SearchPatientsUseCase {

    private final TrackerQueries queries;
    private final Clock clock;

    public SearchPatientsService(TrackerQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public PatientMatches search(SearchPatientsQuery query) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Prescription.EPS_ZONE);
        EpsException.require(!query.dateOfBirth().isAfter(today), ErrorCode.INVALID_VALUE,
                "dateOfBirth must not be in the future: " + query.dateOfBirth());
        List<Patient> found = queries.findPatients(query.criteria(), LIMIT + 1);
        return new PatientMatches(found.stream().limit(LIMIT).map(PatientDetails::of).toList(), found.size() > LIMIT);
    }
}
