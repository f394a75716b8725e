package org.openeps.domain.tracking;

import java.util.List;

/**
 * The verdict on a whole status update bundle: all its entries valid, or not; one invalid entry refuses them all.
 */
public sealed interface StatusUpdateCheck permits StatusUpdateCheck.Valid, StatusUpdateCheck.Invalid {

    /** Every entry is valid: the updates to store, in the bundle's order (none for a bundle without entries). */
    record Valid(List<EntryVerdict.Accepted> entries) implements StatusUpdateCheck {
        public Valid {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Something is wrong: one verdict per entry, in the bundle's order (the valid ones {@link EntryVerdict.Accepted},
     * but not to be stored), or one {@link EntryVerdict.Refused} without a {@code fullUrl} when the bundle itself is
     * wrong.
     */
    record Invalid(List<EntryVerdict> entries) implements StatusUpdateCheck {
        public Invalid {
            entries = List.copyOf(entries);
        }
    }
}
