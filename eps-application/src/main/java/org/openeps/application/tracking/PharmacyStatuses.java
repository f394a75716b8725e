package org.openeps.application.tracking;

import java.util.List;
import java.util.Map;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PharmacyStatus;

/** The status updates pharmacies have sent, as the trackers and the patient view read them. */
public interface PharmacyStatuses {

    /**
     * The newest status (by {@code lastModified}) of each item of one issue that this pharmacy sent; items it sent
     * nothing about are absent. Callers pass the dispenser holding the issue: updates from anyone else do not count.
     */
    Map<LineItemId, PharmacyStatus> latestFrom(PrescriptionId id, int issueNumber, OdsCode pharmacy);

    /** Every status update received about a prescription, from any pharmacy, oldest {@code lastModified} first. */
    List<PharmacyStatus> findFor(PrescriptionId id);
}
