package org.openeps.domain.prescription;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;

/**
 * A cancellation the prescriber asked for while the prescription was with a dispenser: not applied, but shown to the
 * dispenser, and applied if the dispenser returns the prescription.
 *
 * @param requestedBy the prescribing organisation
 * @param prescriber  who asked (their SDS user ID), when the message says
 * @param item        the item to cancel, or empty for the whole prescription
 * @param reasonCode  the {@code medicationrequest-status-reason} code, e.g. {@code 0001} prescribing error
 */
public record PendingCancellation(OdsCode requestedBy, Optional<String> prescriber, Optional<LineItemId> item,
                                  String reasonCode, Instant at) {

    public PendingCancellation {
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(prescriber, "prescriber");
        Objects.requireNonNull(item, "item");
        EpsException.require(reasonCode != null && !reasonCode.isBlank(), ErrorCode.MISSING_VALUE,
                "A cancellation needs a reason");
        Objects.requireNonNull(at, "at");
    }
}
