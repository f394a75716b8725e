package org.openeps.application.nomination;

import java.util.List;
import java.util.Optional;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.shared.NhsNumber;

/** Where patients' nominations and their history are kept. */
public interface NominationRepository {

    /** The patient's stored nominations; empty for a patient who has never nominated. */
    Optional<Nominations> find(NhsNumber patient);

    /**
     * Stores the nominations as the next version, if the stored version is still theirs (none stored for version 0),
     * and appends their {@link Nominations#changes() changes} to the history.
     *
     * @return the nominations as stored, one version on
     * @throws StaleNominationsException when another change was stored first
     */
    Nominations save(Nominations nominations);

    /** The patient's nomination history, oldest first. */
    List<NominationChange> history(NhsNumber patient);
}
