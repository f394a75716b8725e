package org.openeps.application.tracking;

import java.util.List;
import java.util.Set;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * The status updates pharmacies have sent, as the trackers and the patient view read them: only what counts, and never
 * more than the reader asks for. Anyone with a status-update system can send an update about any prescription under
 * any ODS code, and as many as they like, so a reader always names the pharmacies it listens to (the dispenser holding
 * the issue, or those that have held it) and how many updates it can use.
 */
public interface PharmacyStatuses {

    /** How many of the holder's updates about one issue the item statuses weigh: far more than a pharmacy sends. */
    int HOLDER_UPDATES_READ = 200;

    /**
     * The newest {@code limit} status updates about one issue of a prescription sent by these pharmacies (newest by
     * {@code lastModified}; of two with the same {@code lastModified}, the one stored later), returned oldest first,
     * those with the same {@code lastModified} in the order stored. Updates from other pharmacies, or about other
     * issues, are not read; future-dated updates are read like the others (the reader decides what counts now).
     *
     * @param pharmacies the pharmacies whose updates count; none: nothing is read
     * @param limit      at most this many, at least 1
     */
    List<PharmacyStatus> findFrom(PrescriptionId id, int issueNumber, Set<OdsCode> pharmacies, int limit);
}
