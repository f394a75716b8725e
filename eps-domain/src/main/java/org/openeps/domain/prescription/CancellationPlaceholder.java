package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * A cancellation that arrived before its prescription (status {@code 9005}, "future prescription cancelled"). It
 * is kept so that the prescription, when it arrives, is cancelled at once.
 *
 * @param requestedBy the organisation that asked, which must be the one that then prescribes
 * @param prescriber  the SDS user ID of the prescriber who asked, when the message says
 * @param item        the item to cancel, or empty for the whole prescription
 */
public record CancellationPlaceholder(
        PrescriptionId prescriptionId,
        OdsCode requestedBy,
        Optional<String> prescriber,
        NhsNumber nhsNumber,
        Optional<LineItemId> item,
        String reasonCode,
        Instant at) {

    public CancellationPlaceholder {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        Objects.requireNonNull(item, "item");
        EpsException.require(reasonCode != null && !reasonCode.isBlank(), ErrorCode.MISSING_VALUE,
                "A cancellation needs a reason");
        Objects.requireNonNull(at, "at");
    }

    /** The status the tracker shows for a prescription known only by its cancellation. */
    public PrescriptionStatus status() {
        return PrescriptionStatus.CANCELLED_FUTURE_ISSUE;
    }

    /**
     * Applies the early cancellation to the prescription that has now arrived, as if it had been sent now: a
     * cancellation for another patient or from another organisation does not apply (the answer says why).
     */
    public Cancellation applyTo(Prescription arrived, Instant now) {
        EpsException.require(arrived.id().equals(prescriptionId), ErrorCode.INVALID_VALUE,
                "The cancellation is for " + prescriptionId + ", not " + arrived.id());
        if (!requestedBy.equals(arrived.order().prescriber().organisation())) {
            return new Cancellation(arrived, CancellationResult.NOT_FOUND);
        }
        return arrived.cancel(requestedBy, prescriber, nhsNumber, item, reasonCode, now);
    }
}
