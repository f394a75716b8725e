package org.openeps.application.nomination;

import java.util.List;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.shared.NhsNumber;

/** Reads a patient's nominations and their history. */
public interface FindNominationsUseCase {

    /** The patient's nominations: none at version 0 for a patient who has never nominated. */
    Nominations find(NhsNumber patient);

    /** Every change to the patient's nominations, oldest first. */
    List<NominationChange> history(NhsNumber patient);
}
