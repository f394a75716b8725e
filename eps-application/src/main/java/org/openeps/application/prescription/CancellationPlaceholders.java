package org.openeps.application.prescription;

import java.util.Optional;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.prescription.PrescriptionId;

/** Cancellations that arrived before their prescription, kept until it arrives. */
public interface CancellationPlaceholders {

    /** Keeps a cancellation for an unknown prescription; when one is already kept for that ID, the first stays. */
    void keep(CancellationPlaceholder placeholder);

    /** Removes and returns the cancellation kept for this prescription ID, if any. */
    Optional<CancellationPlaceholder> take(PrescriptionId id);

    /** The cancellation kept for this prescription ID, if any. */
    Optional<CancellationPlaceholder> find(PrescriptionId id);
}
