package org.openeps.domain.prescription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * The prescription aggregate: what was prescribed ({@link PrescriptionOrder}) and where each of its issues stands.
 *
 * <p>Instances are immutable; every change returns a new instance with the same {@link #version()}, and the
 * repository increments the version when it stores the change (optimistic locking).
 */
public final class Prescription {

    /** Prescription dates are English calendar dates. */
    public static final ZoneId EPS_ZONE = ZoneId.of("Europe/London");

    private final PrescriptionOrder order;
    private final List<Issue> issues;
    private final Instant receivedAt;
    private final long version;

    private Prescription(PrescriptionOrder order, List<Issue> issues, Instant receivedAt, long version) {
        this.order = Objects.requireNonNull(order, "order");
        this.issues = List.copyOf(issues);
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.version = version;
        EpsException.require(this.issues.size() == order.numberOfIssues(), ErrorCode.INVALID_VALUE,
                "Prescription " + order.id() + " must have " + order.numberOfIssues() + " issues, not " + this.issues.size());
        for (int i = 0; i < this.issues.size(); i++) {
            Issue issue = this.issues.get(i);
            EpsException.require(issue.number() == i + 1, ErrorCode.INVALID_VALUE, "Issues must be numbered from 1 in order");
            EpsException.require(issue.itemStatuses().keySet().equals(itemIds()), ErrorCode.INVALID_VALUE,
                    "Issue " + issue.number() + " must give a status for exactly the prescription's items");
        }
    }

    /**
     * A prescription received now. Issue 1 is to be dispensed, or future-dated when its start date is more than one
     * day ahead; later eRD issues wait as future issues; every item is to be dispensed.
     */
    public static Prescription create(PrescriptionOrder order, Instant receivedAt) {
        LocalDate today = LocalDate.ofInstant(receivedAt, EPS_ZONE);
        PrescriptionStatus first = order.startDate().isAfter(today.plusDays(1))
                ? PrescriptionStatus.FUTURE_DATED
                : PrescriptionStatus.TO_BE_DISPENSED;
        Map<LineItemId, ItemStatus> toBeDispensed = new LinkedHashMap<>();
        order.items().forEach(item -> toBeDispensed.put(item.id(), ItemStatus.TO_BE_DISPENSED));
        List<Issue> issues = new ArrayList<>();
        for (int number = 1; number <= order.numberOfIssues(); number++) {
            PrescriptionStatus status = number == 1 ? first : PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE;
            issues.add(new Issue(number, status, toBeDispensed));
        }
        return new Prescription(order, issues, receivedAt, 0);
    }

    /** A prescription as the repository stored it. */
    public static Prescription rehydrate(PrescriptionOrder order, List<Issue> issues, Instant receivedAt, long version) {
        return new Prescription(order, issues, receivedAt, version);
    }

    public PrescriptionId id() {
        return order.id();
    }

    public PrescriptionOrder order() {
        return order;
    }

    /** Every issue, issue 1 first. */
    public List<Issue> issues() {
        return issues;
    }

    /** Issue {@code number} (1-based). */
    public Issue issue(int number) {
        EpsException.require(number >= 1 && number <= issues.size(), ErrorCode.RESOURCE_NOT_FOUND,
                "Prescription " + id() + " has no issue " + number);
        return issues.get(number - 1);
    }

    /**
     * The issue a dispenser would act on now: the first that is not complete, or the last issue when all are.
     */
    public Issue currentIssue() {
        return issues.stream()
                .filter(issue -> issue.status().group() != PrescriptionStatus.Group.COMPLETED)
                .findFirst()
                .orElseGet(() -> issues.get(issues.size() - 1));
    }

    /** When EPS received the prescription. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The version stored; 0 for a prescription not yet stored. */
    public long version() {
        return version;
    }

    private Set<LineItemId> itemIds() {
        Set<LineItemId> ids = new LinkedHashSet<>();
        order.items().forEach(item -> ids.add(item.id()));
        return ids;
    }
}
