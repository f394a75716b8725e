package org.openeps.domain.prescription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/**
 * The prescription aggregate: what was prescribed ({@link PrescriptionOrder}), where it is nominated to now, and
 * where each of its issues stands. Every lifecycle move of {@link Transition} is a method here.
 *
 * <p>Instances are immutable; every change returns a new instance with the same {@link #version()}, and the
 * repository increments the version when it stores the change (optimistic locking). Time comes in as a parameter.
 */
public final class Prescription {

    /** Prescription dates are English calendar dates. */
    public static final ZoneId EPS_ZONE = PrescriptionCalendar.EPS_ZONE;
    /** How long after the last dispense a claim may come; after it, a dispensed issue is no-claimed. */
    public static final Duration CLAIM_PERIOD = PrescriptionCalendar.CLAIM_PERIOD;

    private final PrescriptionOrder order;
    private final Optional<NominatedDispenser> nomination;
    private final List<Issue> issues;
    private final Instant receivedAt;
    private final long version;

    private Prescription(PrescriptionOrder order, Optional<NominatedDispenser> nomination, List<Issue> issues,
                         Instant receivedAt, long version) {
        this.order = Objects.requireNonNull(order, "order");
        this.nomination = Objects.requireNonNull(nomination, "nomination");
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
        PrescriptionStatus first = new PrescriptionCalendar(order).futureDatedOn(today(receivedAt))
                ? PrescriptionStatus.FUTURE_DATED
                : PrescriptionStatus.TO_BE_DISPENSED;
        Map<LineItemId, ItemStatus> toBeDispensed = new LinkedHashMap<>();
        order.items().forEach(item -> toBeDispensed.put(item.id(), ItemStatus.TO_BE_DISPENSED));
        List<Issue> issues = new ArrayList<>();
        for (int number = 1; number <= order.numberOfIssues(); number++) {
            PrescriptionStatus status = number == 1 ? first : PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE;
            issues.add(new Issue(number, status, toBeDispensed));
        }
        return new Prescription(order, order.nomination(), issues, receivedAt, 0);
    }

    /** A prescription as the repository stored it, still nominated as the order says. */
    public static Prescription rehydrate(PrescriptionOrder order, List<Issue> issues, Instant receivedAt, long version) {
        return new Prescription(order, order.nomination(), issues, receivedAt, version);
    }

    /** A prescription as the repository stored it. */
    public static Prescription rehydrate(PrescriptionOrder order, Optional<NominatedDispenser> nomination,
                                         List<Issue> issues, Instant receivedAt, long version) {
        return new Prescription(order, nomination, issues, receivedAt, version);
    }

    public PrescriptionId id() {
        return order.id();
    }

    public PrescriptionOrder order() {
        return order;
    }

    /** Where the prescription is nominated to now: as prescribed, until a dispenser returns it. */
    public Optional<NominatedDispenser> nomination() {
        return nomination;
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

    /** Whether a dispenser could download the prescription now: one of its issues is in a status release is allowed from. */
    public boolean releasable() {
        return issues.stream().anyMatch(issue -> Transition.RELEASE.allowedFrom(issue.status()));
    }

    /** The issue a dispenser would act on now: the first that is not complete, or the last issue when all are. */
    public Issue currentIssue() {
        return issues.get(currentIssueIndex(issues.stream().map(Issue::status).toList()));
    }

    /**
     * Where the issue a dispenser would act on now stands among issues with these statuses, first issue first: the
     * first that is not complete, or the last when all are. For read models that hold an issue's status only.
     */
    public static int currentIssueIndex(List<PrescriptionStatus> statuses) {
        EpsException.require(!statuses.isEmpty(), ErrorCode.MISSING_VALUE, "A prescription has at least one issue");
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).group() != PrescriptionStatus.Group.COMPLETED) {
                return i;
            }
        }
        return statuses.size() - 1;
    }

    /** When EPS received the prescription. */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** The version stored; 0 for a prescription not yet stored. */
    public long version() {
        return version;
    }

    // ---- dispensing -------------------------------------------------------------------------------------------

    /**
     * Hands the current issue to a dispenser: {@code 0001} to {@code 0002}, items to be dispensed go with it. Asking
     * again for an issue the same dispenser already holds, unchanged, hands it over again.
     */
    public Prescription release(OdsCode dispenser, Instant now) {
        Issue issue = currentIssue();
        if (issue.status() == PrescriptionStatus.WITH_DISPENSER && issue.dispenser().equals(Optional.of(dispenser))) {
            return this;
        }
        if (issue.status().group() == PrescriptionStatus.Group.WITH_DISPENSER) {
            throw withAnotherDispenser(issue);
        }
        Transition.RELEASE.check(issue.status());
        return replace(issue.withStatus(PrescriptionStatus.WITH_DISPENSER,
                        mapItems(issue, status -> status == ItemStatus.TO_BE_DISPENSED ? ItemStatus.WITH_DISPENSER : status))
                .withDispenser(Optional.of(dispenser)));
    }

    /**
     * The dispenser gives the issue back undispensed: {@code 0002} to {@code 0001}, and the prescription is no longer
     * nominated, so only release by ID can take it. A cancellation that was pending applies now.
     */
    public Prescription returnToSpine(OdsCode dispenser, Instant now) {
        Issue issue = currentIssue();
        requireHolder(issue, dispenser);
        Transition.RETURN.check(issue.status());
        Issue returned = issue.withStatus(PrescriptionStatus.TO_BE_DISPENSED,
                        mapItems(issue, status -> status == ItemStatus.WITH_DISPENSER ? ItemStatus.TO_BE_DISPENSED : status))
                .withDispenser(Optional.empty())
                .withPendingCancellation(Optional.empty());
        Prescription result = new Prescription(order, Optional.empty(), replaced(returned), receivedAt, version);
        return issue.pendingCancellation()
                .map(pending -> result.applyCancellation(returned.number(), pending.item()))
                .orElse(result);
    }

    /**
     * A dispense notification: the items as the dispenser reports them (every item must be named), and from them the
     * issue's status; when an eRD issue ends, the next one becomes available (or waits until it is due).
     *
     * @param issueNumber the eRD issue the notification is for, when it says
     */
    public Prescription recordDispense(OdsCode dispenser, String notificationId, Map<LineItemId, ItemStatus> reported,
                                       OptionalInt issueNumber, Instant now) {
        return recordDispense(dispenser, notificationId, reported, Optional.empty(), issueNumber, now);
    }

    /**
     * Like {@link #recordDispense(OdsCode, String, Map, OptionalInt, Instant)}, with the prescription status the
     * dispenser declares ({@code Extension-EPS-TaskBusinessStatus}): {@code 0003} keeps the issue with the dispenser
     * even when every item is done (more to follow); {@code 0006} and {@code 0007} must agree with the items.
     */
    public Prescription recordDispense(OdsCode dispenser, String notificationId, Map<LineItemId, ItemStatus> reported,
                                       Optional<PrescriptionStatus> declared, OptionalInt issueNumber, Instant now) {
        Issue issue = target(Transition.DISPENSE, issueNumber);
        requireHolder(issue, dispenser);
        Transition.DISPENSE.check(issue.status());
        return dispense(issue, new DispenseRecord(notificationId, now, issue.status(), issue.itemStatuses()), reported,
                declared, now);
    }

    /** Replaces the latest dispense notification of the issue ({@code replacementOf}) with a corrected one. */
    public Prescription amendDispense(OdsCode dispenser, String notificationId, String replaces,
                                      Map<LineItemId, ItemStatus> reported, OptionalInt issueNumber, Instant now) {
        return amendDispense(dispenser, notificationId, replaces, reported, Optional.empty(), issueNumber, now);
    }

    /** Replaces the latest dispense notification, with the prescription status the dispenser declares. */
    public Prescription amendDispense(OdsCode dispenser, String notificationId, String replaces,
                                      Map<LineItemId, ItemStatus> reported, Optional<PrescriptionStatus> declared,
                                      OptionalInt issueNumber, Instant now) {
        Issue issue = target(Transition.AMEND_DISPENSE, issueNumber);
        requireHolder(issue, dispenser);
        Transition.AMEND_DISPENSE.check(issue.status());
        DispenseRecord latest = latestDispense(issue);
        EpsException.require(latest.notificationId().equals(replaces), ErrorCode.DISPENSE_AMEND_IDENTIFIER_MISMATCH,
                "Only the latest dispense notification (" + latest.notificationId() + ") may be amended, not " + replaces);
        Prescription undone = undoDispense(issue, false);
        Issue reopened = undone.issue(issue.number());
        return undone.dispense(reopened, new DispenseRecord(notificationId, now, latest.statusBefore(), latest.itemsBefore()),
                reported, declared, now);
    }

    /** Withdraws the latest dispense notification: the issue goes back to where it was before it (eRD: not below 0003). */
    public Prescription withdrawDispense(OdsCode dispenser, OptionalInt issueNumber, Instant now) {
        Issue issue = target(Transition.WITHDRAW, issueNumber);
        requireHolder(issue, dispenser);
        Transition.WITHDRAW.check(issue.status());
        latestDispense(issue);
        return undoDispense(issue, order.treatmentType() == TreatmentType.REPEAT_DISPENSING);
    }

    /** A claim for a dispensed (or not dispensed) issue: {@code 0008}. It must come within the claim period. */
    public Prescription claim(OdsCode dispenser, String claimId, OptionalInt issueNumber, Instant now) {
        Issue issue = target(Transition.CLAIM, issueNumber);
        requireHolder(issue, dispenser);
        Transition.CLAIM.check(issue.status());
        requireWithinClaimPeriod(issue, now);
        return replace(issue.withStatus(PrescriptionStatus.CLAIMED, issue.itemStatuses())
                .withClaim(Optional.of(new ClaimRecord(claimId, now))));
    }

    /** Replaces the claim of an issue; the issue stays claimed and keeps the date of the first claim. */
    public Prescription amendClaim(OdsCode dispenser, String claimId, String replaces, OptionalInt issueNumber, Instant now) {
        Issue issue = issueNumber.isPresent() ? target(Transition.AMEND_CLAIM, issueNumber) : issues.stream()
                .filter(candidate -> candidate.claim().filter(claim -> claim.claimId().equals(replaces)).isPresent())
                .findFirst()
                .orElseGet(() -> target(Transition.AMEND_CLAIM, issueNumber));
        requireHolder(issue, dispenser);
        Transition.AMEND_CLAIM.check(issue.status());
        ClaimRecord claim = issue.claim().orElseThrow(() -> new EpsException(ErrorCode.INVALID_LINE_STATE_TRANSITION,
                "Issue " + issue.number() + " has no claim to amend"));
        EpsException.require(claim.claimId().equals(replaces), ErrorCode.DISPENSE_AMEND_IDENTIFIER_MISMATCH,
                "The claim to amend is " + claim.claimId() + ", not " + replaces);
        requireWithinClaimPeriod(issue, now);
        return replace(issue.withClaim(Optional.of(new ClaimRecord(claimId, claim.receivedAt()))));
    }

    // ---- prescribing ------------------------------------------------------------------------------------------

    /**
     * The prescriber cancels the whole prescription or one item. Cancellable issues are cancelled at once, from the
     * current issue to the last; an issue with a dispenser is marked pending cancellation; anything else is answered
     * with the R-code that says why nothing changed. A second prescriber asking while one's cancellation is pending is
     * told so (R-0007).
     *
     * @param prescriber the SDS user ID of the prescriber asking, when the message says
     */
    public Cancellation cancel(OdsCode requestedBy, Optional<String> prescriber, NhsNumber nhsNumber,
                               Optional<LineItemId> item, String reasonCode, Instant now) {
        if (!nhsNumber.equals(order.patient().nhsNumber())) {
            return new Cancellation(this, CancellationResult.NHS_NUMBER_MISMATCH);
        }
        EpsException.require(requestedBy.equals(order.prescriber().organisation()), ErrorCode.ORGANISATION_NOT_PERMITTED,
                "Only the prescribing organisation " + order.prescriber().organisation() + " may cancel prescription " + id());
        if (item.isPresent() && order.item(item.get()).isEmpty()) {
            return new Cancellation(this, CancellationResult.NOT_FOUND);
        }
        Issue issue = currentIssue();
        Optional<ItemStatus> itemStatus = item.map(issue::itemStatus);
        if (itemStatus.isPresent()) {
            Optional<CancellationResult> finished = switch (itemStatus.get()) {
                case CANCELLED -> Optional.of(CancellationResult.ALREADY_CANCELLED);
                case EXPIRED -> Optional.of(CancellationResult.EXPIRED);
                case FULLY_DISPENSED -> Optional.of(CancellationResult.DISPENSED);
                case NOT_DISPENSED -> Optional.of(CancellationResult.NOT_DISPENSED);
                case TO_BE_DISPENSED, WITH_DISPENSER, DISPENSED_PARTIAL, NOT_DISPENSED_OWING -> Optional.empty();
            };
            if (finished.isPresent()) {
                return new Cancellation(this, finished.get());
            }
        }
        return switch (issue.status()) {
            case AWAITING_RELEASE_READY, TO_BE_DISPENSED, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED ->
                    new Cancellation(applyCancellation(issue.number(), item), CancellationResult.CANCELLED);
            case WITH_DISPENSER, WITH_DISPENSER_ACTIVE -> {
                if (issue.pendingCancellation().filter(pending -> !pending.prescriber().equals(prescriber)).isPresent()) {
                    yield new Cancellation(this, CancellationResult.REQUESTED_BY_ANOTHER_PRESCRIBER);
                }
                Prescription marked = replace(issue.withPendingCancellation(
                        Optional.of(new PendingCancellation(requestedBy, prescriber, item, reasonCode, now))));
                yield new Cancellation(marked, issue.status() == PrescriptionStatus.WITH_DISPENSER
                        ? CancellationResult.WITH_DISPENSER : CancellationResult.WITH_DISPENSER_ACTIVE);
            }
            case DISPENSED, CLAIMED, NO_CLAIMED -> new Cancellation(this, CancellationResult.DISPENSED);
            case NOT_DISPENSED -> new Cancellation(this, CancellationResult.NOT_DISPENSED);
            case EXPIRED -> new Cancellation(this, CancellationResult.EXPIRED);
            case CANCELLED, CANCELLED_FUTURE_ISSUE -> new Cancellation(this, CancellationResult.ALREADY_CANCELLED);
        };
    }

    // ---- time-driven ------------------------------------------------------------------------------------------

    /** The dates EPS works out for this prescription. */
    public PrescriptionCalendar calendar() {
        return new PrescriptionCalendar(order);
    }

    /** The first day issue {@code number} counts as expired. */
    public LocalDate expiresOn(int number) {
        return calendar().expiresOn(number);
    }

    /**
     * Expires every issue whose time is up, and all issues after it: what was still to supply expires, an issue with
     * some items dispensed counts as dispensed. Empty when nothing is due.
     */
    public Optional<Prescription> expireDue(Instant now) {
        LocalDate today = today(now);
        OptionalInt first = IntStream.range(0, issues.size())
                .filter(i -> Transition.EXPIRE.allowedFrom(issues.get(i).status()))
                .filter(i -> !today.isBefore(expiresOn(i + 1)))
                .findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<Issue> updated = new ArrayList<>(issues);
        for (int i = first.getAsInt(); i < issues.size(); i++) {
            Issue issue = issues.get(i);
            if (Transition.EXPIRE.allowedFrom(issue.status())) {
                PrescriptionStatus status = issue.status() == PrescriptionStatus.WITH_DISPENSER_ACTIVE
                        ? PrescriptionStatus.DISPENSED : PrescriptionStatus.EXPIRED;
                updated.set(i, issue.withStatus(status, mapItems(issue, ItemOutcomes::expired)));
            }
        }
        return Optional.of(new Prescription(order, nomination, updated, receivedAt, version));
    }

    /** A dispensed issue with no claim by the end of the claim period becomes no-claimed. Empty when none is due. */
    public Optional<Prescription> noClaimDue(Instant now) {
        return issues.stream()
                .filter(issue -> Transition.NO_CLAIM.allowedFrom(issue.status()))
                .filter(issue -> issue.lastDispensedAt()
                        .filter(at -> !PrescriptionCalendar.withinClaimPeriod(at, now)).isPresent())
                .findFirst()
                .map(issue -> replace(issue.withStatus(PrescriptionStatus.NO_CLAIMED, issue.itemStatuses())));
    }

    /**
     * Makes available what has become due: a future-dated prescription from the day before it starts, an eRD issue
     * waiting in {@code 0000} from its download date. Empty when nothing is due.
     */
    public Optional<Prescription> makeAvailableDue(Instant now) {
        LocalDate today = today(now);
        return issues.stream()
                .filter(issue -> Transition.MAKE_AVAILABLE.allowedFrom(issue.status()))
                .filter(issue -> issue.status() == PrescriptionStatus.FUTURE_DATED
                        ? !calendar().futureDatedOn(today)
                        : !availableFrom(issue.number()).isAfter(today))
                .findFirst()
                .map(issue -> replace(issue.withStatus(PrescriptionStatus.TO_BE_DISPENSED, issue.itemStatuses())));
    }

    /** The day eRD issue {@code number} may be downloaded: start date + days supply x (n - 1) - 7 days. */
    public LocalDate availableFrom(int number) {
        return calendar().availableFrom(number);
    }

    /** The prescription date: the day the prescriber signed it. */
    public LocalDate prescriptionDate() {
        return calendar().prescriptionDate();
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private Prescription dispense(Issue issue, DispenseRecord record, Map<LineItemId, ItemStatus> reported,
                                  Optional<PrescriptionStatus> declared, Instant now) {
        Map<LineItemId, ItemStatus> items = ItemOutcomes.apply(issue.itemStatuses(), reported);
        PrescriptionStatus status = declared.map(ItemOutcomes::declarable).orElseGet(() -> ItemOutcomes.issueStatus(items));
        List<DispenseRecord> dispenses = new ArrayList<>(issue.dispenses());
        dispenses.add(record);
        Optional<PendingCancellation> stillPending = issue.pendingCancellation().filter(pending -> pending.item()
                .map(item -> items.get(item) != ItemStatus.CANCELLED)
                .orElseGet(() -> items.values().stream().anyMatch(item -> item != ItemStatus.CANCELLED)));
        Prescription dispensed = replace(issue.withStatus(status, items).withDispenses(dispenses)
                .withPendingCancellation(stillPending));
        return status == PrescriptionStatus.WITH_DISPENSER_ACTIVE ? dispensed : dispensed.openNextIssue(issue.number(), now);
    }

    /** When an eRD issue ends, the next future issue waits for its download date ({@code 0000}) or is available now. */
    private Prescription openNextIssue(int ended, Instant now) {
        if (ended >= issues.size() || issue(ended + 1).status() != PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE) {
            return this;
        }
        Issue next = issue(ended + 1);
        PrescriptionStatus status = availableFrom(next.number()).isAfter(today(now))
                ? PrescriptionStatus.AWAITING_RELEASE_READY : PrescriptionStatus.TO_BE_DISPENSED;
        return replace(next.withStatus(status, next.itemStatuses()));
    }

    /** Takes back the latest dispense notification, and closes again a next issue it had opened. */
    private Prescription undoDispense(Issue issue, boolean keepActive) {
        DispenseRecord latest = latestDispense(issue);
        PrescriptionStatus status = keepActive && latest.statusBefore() == PrescriptionStatus.WITH_DISPENSER
                ? PrescriptionStatus.WITH_DISPENSER_ACTIVE : latest.statusBefore();
        List<DispenseRecord> dispenses = new ArrayList<>(issue.dispenses());
        dispenses.remove(dispenses.size() - 1);
        Prescription undone = replace(issue.withStatus(status, latest.itemsBefore()).withDispenses(dispenses));
        if (issue.number() < issues.size() && issue.status().group() == PrescriptionStatus.Group.COMPLETED) {
            Issue next = issue(issue.number() + 1);
            switch (next.status()) {
                case AWAITING_RELEASE_READY, TO_BE_DISPENSED -> undone = undone.replace(
                        next.withStatus(PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE, next.itemStatuses()));
                case REPEAT_DISPENSE_FUTURE_ISSUE, CANCELLED, EXPIRED -> { }
                case WITH_DISPENSER, WITH_DISPENSER_ACTIVE, DISPENSED, NOT_DISPENSED, CLAIMED, NO_CLAIMED, FUTURE_DATED,
                     CANCELLED_FUTURE_ISSUE -> throw new EpsException(ErrorCode.INVALID_LINE_STATE_TRANSITION,
                        "Issue " + next.number() + " has already been released; the dispense of issue "
                                + issue.number() + " can no longer be changed");
            }
        }
        return undone;
    }

    /** Cancels one item, or the whole issue, in this issue and every later one that is still cancellable. */
    private Prescription applyCancellation(int fromIssue, Optional<LineItemId> item) {
        Prescription result = this;
        for (int number = fromIssue; number <= issues.size(); number++) {
            Issue issue = result.issue(number);
            if (!Transition.CANCEL.allowedFrom(issue.status())) {
                continue;
            }
            Map<LineItemId, ItemStatus> items = new LinkedHashMap<>(issue.itemStatuses());
            items.replaceAll((id, status) -> status == ItemStatus.TO_BE_DISPENSED
                    && (item.isEmpty() || item.get().equals(id)) ? ItemStatus.CANCELLED : status);
            boolean nothingLeft = !items.containsValue(ItemStatus.TO_BE_DISPENSED);
            result = result.replace(issue.withStatus(nothingLeft ? PrescriptionStatus.CANCELLED : issue.status(), items));
        }
        return result;
    }

    /**
     * The issue a dispensing message is about: the one it names, else the one the transition may act on: the latest
     * such issue for amending or withdrawing a dispense (only the latest notification may change), the first otherwise.
     */
    private Issue target(Transition transition, OptionalInt issueNumber) {
        List<Issue> allowed = issues.stream().filter(issue -> transition.allowedFrom(issue.status())).toList();
        boolean latest = transition == Transition.AMEND_DISPENSE || transition == Transition.WITHDRAW;
        Optional<Issue> candidate = allowed.isEmpty() ? Optional.empty()
                : Optional.of(allowed.get(latest ? allowed.size() - 1 : 0));
        if (issueNumber.isEmpty() || order.treatmentType() != TreatmentType.REPEAT_DISPENSING) {
            // only eRD prescriptions have issues to choose from; a repeat number on any other is ignored
            return candidate.orElseGet(this::currentIssue);
        }
        int number = issueNumber.getAsInt();
        boolean exists = number >= 1 && number <= issues.size();
        EpsException.require(exists && (transition.allowedFrom(issue(number).status()) || candidate.isEmpty()),
                ErrorCode.MAX_REPEAT_MISMATCH, "The message is for issue " + number + " but issue "
                        + candidate.map(Issue::number).orElse(currentIssue().number()) + " of " + issues.size() + " is the one "
                        + transition.name().toLowerCase().replace('_', ' ') + " applies to");
        return issue(number);
    }

    private static DispenseRecord latestDispense(Issue issue) {
        EpsException.require(!issue.dispenses().isEmpty(), ErrorCode.INVALID_LINE_STATE_TRANSITION,
                "Issue " + issue.number() + " has no dispense notification");
        return issue.dispenses().get(issue.dispenses().size() - 1);
    }

    /**
     * Checked before anything else about the issue, so that a dispenser that does not hold it learns nothing of its
     * state.
     */
    private static void requireHolder(Issue issue, OdsCode dispenser) {
        if (!issue.dispenser().equals(Optional.of(dispenser))) {
            throw withAnotherDispenser(issue);
        }
    }

    private static EpsException withAnotherDispenser(Issue issue) {
        return new EpsException(ErrorCode.PRESCRIPTION_WITH_ANOTHER_DISPENSER, issue.dispenser()
                .map(holder -> "The prescription is with another dispenser: " + holder)
                .orElse("The prescription is not with this dispenser"));
    }

    private static void requireWithinClaimPeriod(Issue issue, Instant now) {
        Instant dispensed = issue.lastDispensedAt().orElseThrow(() -> new EpsException(
                ErrorCode.CLAIM_INVALID_NOT_DISPENSED, "Issue " + issue.number() + " has no dispense notification"));
        EpsException.require(PrescriptionCalendar.withinClaimPeriod(dispensed, now), ErrorCode.CLAIM_AMEND_PERIOD_ISSUE,
                "Claims must come within " + CLAIM_PERIOD.toDays() + " days of dispensing");
    }

    private static Map<LineItemId, ItemStatus> mapItems(Issue issue, UnaryOperator<ItemStatus> change) {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>(issue.itemStatuses());
        items.replaceAll((id, status) -> change.apply(status));
        return items;
    }

    private Prescription replace(Issue issue) {
        return new Prescription(order, nomination, replaced(issue), receivedAt, version);
    }

    private List<Issue> replaced(Issue issue) {
        List<Issue> updated = new ArrayList<>(issues);
        updated.set(issue.number() - 1, issue);
        return updated;
    }

    private static LocalDate today(Instant now) {
        return PrescriptionCalendar.today(now);
    }

    private Set<LineItemId> itemIds() {
        Set<LineItemId> ids = new LinkedHashSet<>();
        order.items().forEach(item -> ids.add(item.id()));
        return ids;
    }
}
