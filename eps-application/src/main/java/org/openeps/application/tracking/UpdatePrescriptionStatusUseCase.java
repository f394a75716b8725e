package org.openeps.application.tracking;

import java.util.List;
import java.util.Objects;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.StatusUpdateBundle;
import org.openeps.domain.tracking.StatusUpdateRules;

/**
 * A pharmacy tells patients how their items are coming on: a Prescription Status Update bundle of Tasks, stored whole
 * or not at all. The prescriptions named need not be stored here; the rules about who holds them apply when the
 * updates are read ({@link PharmacyStatuses}).
 */
public interface UpdatePrescriptionStatusUseCase {

    /**
     * Checks the bundle by {@link StatusUpdateRules} against the service's clock, and stores all its updates in one
     * transaction.
     *
     * @return the entries stored, in the bundle's order
     * @throws InvalidStatusUpdateException when any entry (or the bundle) breaks a rule; nothing is stored
     * @throws DuplicateStatusUpdateException when a Task ID is already stored or given twice; nothing is stored
     */
    List<EntryVerdict.Accepted> update(UpdatePrescriptionStatusCommand command);

    /**
     * @param bundle the bundle as received, at most {@value StatusUpdateRules#MAX_ENTRIES} entries
     */
    record UpdatePrescriptionStatusCommand(StatusUpdateBundle bundle) {
        public UpdatePrescriptionStatusCommand {
            Objects.requireNonNull(bundle, "bundle");
            EpsException.require(bundle.entries().size() <= StatusUpdateRules.MAX_ENTRIES, ErrorCode.INVALID_VALUE,
                    StatusUpdateRules.tooManyEntries(bundle.entries().size()));
        }
    }
}
