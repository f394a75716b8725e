package org.openeps.domain.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;

/**
 * What a patient is told about each item of one issue of their prescription, from where EPS has the issue and the
 * status updates pharmacies sent: the rules of the NHS Prescriptions for Patients (PfP) API.
 *
 * <p>The real service works in two steps: Spine gives each item a first status from the EPS record (approved,
 * cancelled, not dispensed, or "with pharmacy but tracking not supported" since its release), and PfP then applies the
 * pharmacy status updates it reads from the Prescription Status Update (PSU) store for the pharmacy holding the
 * prescription ({@code enrichPrescriptions/statusUpdates.ts} and PSU's {@code gsul/getStatusUpdates.ts}). Both steps
 * are here, item by item, first rule that applies:
 * <ol>
 *   <li>The item is cancelled ({@code 0005}): <b>Prescriber Cancelled</b>, phase cancelled. No pharmacy update
 *       changes it (PfP skips updates for a cancelled item).</li>
 *   <li>No dispenser holds the issue (never released, or returned) and the item is to be dispensed: <b>Prescriber
 *       Approved</b>. No pharmacy update changes it (PfP skips updates for an approved item, and only asks PSU about
 *       the pharmacy holding the prescription).</li>
 *   <li>The dispenser holding the issue sent a status update for the item: the newest one (by {@code lastModified})
 *       whose {@code lastModified} is not in the future, shown in its own words; updates from any other pharmacy, for
 *       another issue, or dated ahead of now do not count (PSU drops future-dated updates and keeps the newest per
 *       item; PfP asks only about the holder).</li>
 *   <li>The item was not dispensed ({@code 0002}) or expired ({@code 0006}): <b>Not Dispensed</b>, phase stopped, as
 *       Spine reports it (the published PfP example {@code success-multiple-cancelled} shows such items "Not
 *       Dispensed" with {@code MedicationRequest.status} {@code stopped}; EPS's not-dispensed reason {@code 0008} is
 *       "item or prescription expired").</li>
 *   <li>The holder has sent status updates about this issue (for any of its items, even future-dated ones: PSU counts
 *       the pharmacy as onboarded once it has sent anything): <b>With Pharmacy</b>.</li>
 *   <li>Otherwise the holder sends no status updates: <b>Prescriber Approved</b> while less than
 *       {@link #UNTRACKED_DELAY} (60 minutes) has passed since the release, <b>With Pharmacy but Tracking not
 *       Supported</b> from then on (PfP's {@code delayWithPharmacyStatus}: {@code now - released < 60 min}).</li>
 * </ol>
 * The phase of an item the pharmacy finished with (its update has {@code Task.status} {@code completed}: collected,
 * dispatched, not dispensed, or a ready status sent as completed) is <b>completed</b> only once the update is more
 * than {@link #COMPLETED_AFTER} (7 days) old, <b>active</b> until then, so the patient's app keeps showing it among
 * the current items for a week (PfP's {@code determineStatus}: {@code now - lastModified > ONE_WEEK_IN_MS}). Every
 * other status is active.
 *
 * <p>Two refinements over the real service, both because this service knows more than PfP does: updates count only for
 * the issue they name (PSU keys them by prescription alone, so an eRD issue would show the last issue's "Collected"),
 * and an item EPS recorded as not dispensed or expired is not shown "With Pharmacy" merely because its pharmacy
 * tracks other items.
 */
public final class PatientStatusRules {

    /** How long after release an untracked dispenser's items still show "Prescriber Approved". */
    public static final Duration UNTRACKED_DELAY = Duration.ofMinutes(60);
    /** How long after a terminal status update the item still counts as under way. */
    public static final Duration COMPLETED_AFTER = Duration.ofDays(7);
    /** The history event that hands an issue to a dispenser. */
    public static final String RELEASE_EVENT = "release";

    private static final Comparator<PharmacyStatus> NEWEST_LAST = Comparator
            .comparing(PharmacyStatus::lastModified).thenComparing(PharmacyStatus::receivedAt);

    private PatientStatusRules() {
    }

    /**
     * What the patient is told about every item of one issue, in prescription order.
     *
     * @param history  the prescription's history events, oldest first: the release time, and when items changed
     * @param updates  status updates received about the prescription, in the order stored (only the holder's count,
     *                 so a reader may pass the holder's alone)
     * @param now      the time the patient asks
     */
    public static Map<LineItemId, PatientItemStatus> statuses(Prescription prescription, Issue issue,
                                                             List<HistoryEvent> history, List<PharmacyStatus> updates,
                                                             Instant now) {
        Objects.requireNonNull(prescription, "prescription");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(now, "now");
        List<HistoryEvent> events = history.stream()
                .filter(event -> event.prescriptionId().equals(prescription.id()) && event.issueNumber() == issue.number())
                .sorted(Comparator.comparing(HistoryEvent::at))
                .toList();
        List<PharmacyStatus> fromHolder = issue.dispenser()
                .map(holder -> updates.stream()
                        .filter(update -> update.prescriptionId().equals(prescription.id())
                                && update.issueNumber() == issue.number()
                                && update.pharmacy().equals(holder))
                        .toList())
                .orElse(List.of());
        Optional<Instant> releasedAt = events.stream()
                .filter(event -> event.event().equals(RELEASE_EVENT))
                .map(HistoryEvent::at)
                .reduce((first, second) -> second);
        Tracking tracking = new Tracking(fromHolder, releasedAt.orElse(prescription.receivedAt()), now);
        Map<LineItemId, PatientItemStatus> result = new LinkedHashMap<>();
        for (LineItemId item : issue.itemStatuses().keySet()) {
            result.put(item, status(prescription, issue, item, events, tracking));
        }
        return result;
    }

    /**
     * The newest status update of one item that counts at {@code now}: the newest {@code lastModified} not after
     * {@code now}; of two with the same {@code lastModified}, the one received later; of two received at the same
     * moment too (one bundle), the later in the list (stores list them in the order stored). The tracker and the
     * patient view both read an item's status through this.
     */
    public static Optional<PharmacyStatus> latest(List<PharmacyStatus> updates, LineItemId item, Instant now) {
        Optional<PharmacyStatus> latest = Optional.empty();
        for (PharmacyStatus update : updates) {
            if (update.itemId().equals(item) && !update.lastModified().isAfter(now)
                    && latest.map(before -> NEWEST_LAST.compare(update, before) >= 0).orElse(true)) {
                latest = Optional.of(update);
            }
        }
        return latest;
    }

    /** The phase of an item whose latest update is this one: completed a week after a terminal update. */
    public static PatientItemStatus.Phase phaseOf(PharmacyStatus update, Instant now) {
        boolean finishedLongAgo = update.taskStatus() == TaskStatus.COMPLETED
                && Duration.between(update.lastModified(), now).compareTo(COMPLETED_AFTER) > 0;
        return finishedLongAgo ? PatientItemStatus.Phase.COMPLETED : PatientItemStatus.Phase.ACTIVE;
    }

    private static PatientItemStatus status(Prescription prescription, Issue issue, LineItemId item,
                                            List<HistoryEvent> events, Tracking tracking) {
        ItemStatus itemStatus = issue.itemStatus(item);
        if (itemStatus == ItemStatus.CANCELLED) {
            return cancelled(prescription, item, events);
        }
        if (issue.dispenser().isEmpty() && itemStatus == ItemStatus.TO_BE_DISPENSED) {
            return approved(prescription);
        }
        Optional<PharmacyStatus> latest = latest(tracking.fromHolder(), item, tracking.now());
        if (latest.isPresent()) {
            PharmacyStatus update = latest.get();
            return new PatientItemStatus(PatientFacingStatus.of(update.businessStatus()), update.lastModified(),
                    phaseOf(update, tracking.now()));
        }
        return switch (itemStatus) {
            case NOT_DISPENSED, EXPIRED -> new PatientItemStatus(PatientFacingStatus.NOT_DISPENSED,
                    changedAt(events, item, prescription.receivedAt()), PatientItemStatus.Phase.STOPPED);
            case TO_BE_DISPENSED, WITH_DISPENSER, FULLY_DISPENSED, DISPENSED_PARTIAL, NOT_DISPENSED_OWING ->
                    issue.dispenser().isEmpty() ? approved(prescription) : withPharmacy(prescription, tracking);
            case CANCELLED -> cancelled(prescription, item, events);
        };
    }

    private static PatientItemStatus cancelled(Prescription prescription, LineItemId item, List<HistoryEvent> events) {
        return new PatientItemStatus(PatientFacingStatus.PRESCRIBER_CANCELLED,
                changedAt(events, item, prescription.receivedAt()), PatientItemStatus.Phase.CANCELLED);
    }

    /** An item with the dispenser holding the issue, about which that dispenser has sent nothing. */
    private static PatientItemStatus withPharmacy(Prescription prescription, Tracking tracking) {
        if (tracking.onboarded()) {
            return active(PatientFacingStatus.WITH_PHARMACY, tracking.releasedAt());
        }
        if (Duration.between(tracking.releasedAt(), tracking.now()).compareTo(UNTRACKED_DELAY) < 0) {
            return approved(prescription);
        }
        return active(PatientFacingStatus.WITH_PHARMACY_BUT_TRACKING_NOT_SUPPORTED, tracking.releasedAt());
    }

    private static PatientItemStatus approved(Prescription prescription) {
        return active(PatientFacingStatus.PRESCRIBER_APPROVED, prescription.receivedAt());
    }

    private static PatientItemStatus active(PatientFacingStatus status, Instant since) {
        return new PatientItemStatus(status, since, PatientItemStatus.Phase.ACTIVE);
    }

    /** When the item last changed status in the issue's history; {@code otherwise} when the history does not say. */
    private static Instant changedAt(List<HistoryEvent> events, LineItemId item, Instant otherwise) {
        Instant changed = otherwise;
        Optional<ItemStatus> previous = Optional.empty();
        for (HistoryEvent event : events) {
            Optional<ItemStatus> current = Optional.ofNullable(event.itemStatuses().get(item));
            if (current.isPresent() && !current.equals(previous)) {
                changed = event.at();
            }
            previous = current;
        }
        return changed;
    }

    /**
     * What the holder has said about the issue.
     *
     * @param fromHolder its updates about this issue, every item, any date
     * @param releasedAt when the issue was released to it (when EPS received the prescription, if no release is
     *                   recorded)
     */
    private record Tracking(List<PharmacyStatus> fromHolder, Instant releasedAt, Instant now) {
        /** A pharmacy that has sent anything about the prescription sends status updates (PSU's "onboarded"). */
        boolean onboarded() {
            return !fromHolder.isEmpty();
        }
    }
}
