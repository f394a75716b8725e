package org.openeps.domain.tracking;

import java.util.Objects;
import java.util.Optional;

/** What {@link StatusUpdateRules} made of one entry of a status update bundle (or of the bundle as a whole). */
public sealed interface EntryVerdict permits EntryVerdict.Accepted, EntryVerdict.Refused {

    /** The entry's {@code fullUrl}, by which the answer names it; empty when it had none, or for the whole bundle. */
    Optional<String> fullUrl();

    /** The entry is valid: this is the status update it makes. */
    record Accepted(Optional<String> fullUrl, PharmacyStatus status) implements EntryVerdict {
        public Accepted {
            Objects.requireNonNull(fullUrl, "fullUrl");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * The entry (or, without a {@code fullUrl}, the bundle) breaks the rules.
     *
     * @param diagnostics every problem found, in the words of the NHS Prescription Status Update API, joined by spaces
     */
    record Refused(Optional<String> fullUrl, String diagnostics) implements EntryVerdict {
        public Refused {
            Objects.requireNonNull(fullUrl, "fullUrl");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }
    }
}
