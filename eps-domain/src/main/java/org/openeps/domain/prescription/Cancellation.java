package org.openeps.domain.prescription;

import java.util.Objects;

/** The answer to a cancellation request: the prescription as it now stands and the R-code. */
public record Cancellation(Prescription prescription, CancellationResult result) {

    public Cancellation {
        Objects.requireNonNull(prescription, "prescription");
        Objects.requireNonNull(result, "result");
    }
}
