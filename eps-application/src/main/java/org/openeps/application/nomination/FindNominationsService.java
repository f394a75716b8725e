package org.openeps.application.nomination;

import java.util.List;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.shared.NhsNumber;

/** Reads nominations from the repository. */
public final class FindNominationsService implements FindNominationsUseCase {

    private final NominationRepository nominations;

    public FindNominationsService(NominationRepository nominations) {
        this.nominations = nominations;
    }

    @Override
    public Nominations find(NhsNumber patient) {
        return nominations.find(patient).orElseGet(() -> Nominations.none(patient));
    }

    @Override
    public List<NominationChange> history(NhsNumber patient) {
        return nominations.history(patient);
    }
}
