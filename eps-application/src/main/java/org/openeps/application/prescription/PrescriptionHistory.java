package org.openeps.application.prescription;

import java.util.List;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.PrescriptionId;

/** The record of every change to every prescription, for the tracker. */
public interface PrescriptionHistory {

    void record(HistoryEvent event);

    /** A prescription's events, oldest first. */
    List<HistoryEvent> findFor(PrescriptionId id);
}
