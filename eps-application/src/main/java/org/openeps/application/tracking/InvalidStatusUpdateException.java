package org.openeps.application.tracking;

import java.util.List;
import org.openeps.domain.tracking.EntryVerdict;

/**
 * A status update bundle breaks the rules: nothing of it is stored. It carries the verdict on every entry (the valid
 * ones too, which were not stored either), or one verdict on the bundle as a whole, for the answer to report.
 */
public final class InvalidStatusUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<EntryVerdict> verdicts;

    public InvalidStatusUpdateException(List<EntryVerdict> verdicts) {
        super("The status update bundle is invalid: " + verdicts.stream()
                .filter(EntryVerdict.Refused.class::isInstance)
                .map(verdict -> ((EntryVerdict.Refused) verdict).diagnostics())
                .toList());
        this.verdicts = List.copyOf(verdicts);
    }

    /** A verdict per entry in the bundle's order, or one on the bundle as a whole. */
    public List<EntryVerdict> verdicts() {
        return verdicts;
    }
}
