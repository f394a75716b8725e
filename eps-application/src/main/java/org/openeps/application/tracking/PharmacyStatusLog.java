package org.openeps.application.tracking;

import java.util.List;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * Where the status updates pharmacies send are kept, as received: the write side of {@link PharmacyStatuses}. Updates
 * are stored by their IDs alone; the prescription they name need not be stored.
 */
public interface PharmacyStatusLog {

    /**
     * Stores every update, all or none: in the caller's transaction when there is one.
     *
     * @throws DuplicateStatusUpdateException when any of their Task IDs is already stored, or given twice; then none
     *     of them is stored (the transaction the call ran in must roll back, which the exception does by passing
     *     through it)
     */
    void record(List<PharmacyStatus> statuses);
}
