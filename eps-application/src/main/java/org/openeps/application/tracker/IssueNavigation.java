package org.openeps.application.tracker;

import java.util.OptionalInt;

/**
 * Which issue of a prescription the details show, for "eRD 2 of 6" with links to the previous and next issue.
 *
 * @param shown   the issue shown (1-based)
 * @param total   how many issues the prescription has (1 for all but eRD)
 * @param current the issue a dispenser would act on now (the first not complete, else the last): shown by default
 */
public record IssueNavigation(int shown, int total, int current) {

    public IssueNavigation {
        if (total < 1 || shown < 1 || shown > total || current < 1 || current > total) {
            throw new IllegalArgumentException("Issue " + shown + " (current " + current + ") of " + total);
        }
    }

    /** The issue before the shown one, unless the first is shown. */
    public OptionalInt previous() {
        return shown > 1 ? OptionalInt.of(shown - 1) : OptionalInt.empty();
    }

    /** The issue after the shown one, unless the last is shown. */
    public OptionalInt next() {
        return shown < total ? OptionalInt.of(shown + 1) : OptionalInt.empty();
    }

    /** Whether there is more than one issue to move between. */
    public boolean navigable() {
        return total > 1;
    }
}
