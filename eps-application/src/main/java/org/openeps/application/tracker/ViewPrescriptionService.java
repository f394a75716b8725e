package org.openeps.application.tracker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.prescription.PrescriptionHistory;
import org.openeps.domain.directory.Organisation;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.prescription.ChangeReasons;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PatientStatusRules;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * The tracker's prescription details: the prescription from the repository, its history, the status updates pharmacies
 * sent, and the organisations from the directory.
 *
 * <p>Status updates: anyone may send one about any prescription, so only those that count are read. An item's latest
 * pharmacy status is what the patient is shown too ({@link PatientStatusRules#latest}): the newest update from the
 * dispenser holding the shown issue whose {@code lastModified} has come (one dated ahead waits for its time). The
 * timeline shows the updates about the shown issue from the pharmacies it was released to (the holder, and those that
 * held it before a return), the newest {@value PrescriptionDetails#STATUS_UPDATES_SHOWN} of them.
 *
 * <p>Reasons: an item (or the issue) that is cancelled shows the reason of the latest event that cancelled it; one a
 * cancellation waits for shows that pending cancellation's reason. An item left not dispensed, owing or cancelled by
 * the dispenser shows the reason the standing dispense notification gave for it (the latest one not withdrawn; an
 * amend replaces the one it amends), and the prescription shows that notification's own reason.
 */
public final class ViewPrescriptionService implements ViewPrescriptionUseCase {

    private final PrescriptionRepository prescriptions;
    private final PrescriptionHistory history;
    private final PharmacyStatuses pharmacyStatuses;
    private final OrganisationDirectory directory;
    private final Clock clock;

    public ViewPrescriptionService(PrescriptionRepository prescriptions, PrescriptionHistory history,
                                   PharmacyStatuses pharmacyStatuses, OrganisationDirectory directory, Clock clock) {
        this.prescriptions = prescriptions;
        this.history = history;
        this.pharmacyStatuses = pharmacyStatuses;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Optional<PrescriptionDetails> view(ViewPrescriptionQuery query) {
        return prescriptions.findById(query.prescriptionId()).map(prescription -> details(prescription, query));
    }

    private PrescriptionDetails details(Prescription prescription, ViewPrescriptionQuery query) {
        int total = prescription.issues().size();
        int shown = query.issueNumber().orElse(prescription.currentIssue().number());
        EpsException.require(shown <= total, ErrorCode.INVALID_VALUE, "issueNumber " + shown + ": prescription "
                + prescription.id() + " has " + (total == 1 ? "only issue 1" : "issues 1 to " + total));
        Issue issue = prescription.issue(shown);
        PrescriptionOrder order = prescription.order();
        OrganisationCards cards = new OrganisationCards(directory);
        Optional<String> prescriberName = order.prescriber().organisationName();
        OdsCode prescriber = order.prescriber().organisation();
        Optional<PendingCancellation> pending = issue.pendingCancellation();
        List<HistoryEvent> events = history.findFor(prescription.id()).stream()
                .filter(event -> event.issueNumber() == shown)
                .toList();
        ChangeReasons standing = standingNotification(events);

        Instant now = clock.instant();
        List<PharmacyStatus> fromHolder = issue.dispenser()
                .map(holder -> pharmacyStatuses.findFrom(prescription.id(), shown, Set.of(holder),
                        PharmacyStatuses.HOLDER_UPDATES_READ))
                .orElse(List.of());
        List<ItemDetails> items = order.items().stream().map(item -> {
            boolean itemPending = pending.filter(cancel -> cancel.item().map(item.id()::equals).orElse(true)).isPresent();
            ItemStatus status = issue.itemStatus(item.id());
            Optional<Reason> pendingReason = itemPending
                    ? pending.map(cancel -> Reason.cancellation(cancel.reasonCode())) : Optional.empty();
            Optional<Reason> cancellationReason = status == ItemStatus.CANCELLED
                    ? latestReason(events, reasons -> reasons.cancellationOf(item.id())).map(Reason::cancellation)
                            .or(() -> pendingReason)
                    : pendingReason;
            Optional<Reason> nonDispensingReason = ChangeReasons.nonDispensingAppliesTo(status)
                    ? standing.nonDispensingOf(item.id()).map(Reason::nonDispensing) : Optional.empty();
            return new ItemDetails(item.id(), item.medication().display(), item.medication().code(),
                    quantity(item), item.dosageText(), status,
                    PatientStatusRules.latest(fromHolder, item.id(), now).map(update -> new ItemPharmacyStatus(
                            update.businessStatus(), update.taskStatus(), update.lastModified(), update.pharmacy())),
                    itemPending, cancellationReason, nonDispensingReason);
        }).toList();
        Optional<Reason> pendingReason = pending.map(cancel -> Reason.cancellation(cancel.reasonCode()));
        Optional<Reason> cancellationReason = issue.status() == PrescriptionStatus.CANCELLED
                ? latestReason(events, ChangeReasons::cancellation).map(Reason::cancellation).or(() -> pendingReason)
                : pendingReason;
        List<PharmacyStatus> updates = pharmacyStatuses.findFrom(prescription.id(), shown, holders(issue, events),
                PrescriptionDetails.STATUS_UPDATES_SHOWN + 1);
        boolean olderUpdatesOmitted = updates.size() > PrescriptionDetails.STATUS_UPDATES_SHOWN;
        List<PharmacyStatus> shownUpdates = olderUpdatesOmitted ? updates.subList(1, updates.size()) : updates;

        return new PrescriptionDetails(
                PatientDetails.of(order.patient()),
                prescription.id(),
                prescription.prescriptionDate(),
                order.treatmentType(),
                issue.status(),
                order.daysSupply(),
                new IssueNavigation(shown, total, prescription.currentIssue().number()),
                pending.filter(cancel -> cancel.item().isEmpty()).isPresent(),
                cancellationReason,
                items,
                cards.card(prescriber, prescriberName),
                prescription.nomination().map(nominated -> cards.card(nominated.organisation(),
                        nameGiven(nominated.organisation(), prescriber, prescriberName))),
                issue.dispenser().map(holder -> cards.card(holder, nameGiven(holder, prescriber, prescriberName))),
                timeline(prescription, events, shownUpdates, cards, prescriber, prescriberName),
                standing.nonDispensing().map(Reason::nonDispensing),
                olderUpdatesOmitted);
    }

    /** The pharmacies the issue was released to, oldest first, and the one holding it now. */
    private static Set<OdsCode> holders(Issue issue, List<HistoryEvent> events) {
        Set<OdsCode> holders = new LinkedHashSet<>();
        events.stream()
                .filter(event -> event.event().equals(PatientStatusRules.RELEASE_EVENT))
                .forEach(event -> event.organisation().ifPresent(holders::add));
        issue.dispenser().ifPresent(holders::add);
        return holders;
    }

    /** The reason the latest event that gives one gives. */
    private static Optional<String> latestReason(List<HistoryEvent> events,
                                                 Function<ChangeReasons, Optional<String>> reason) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Optional<String> found = reason.apply(events.get(i).reasons());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The reasons of the dispense notification that stands: each notification goes on top, an amend replaces the top
     * one, a withdrawal takes it away. {@link ChangeReasons#NONE} when none stands.
     */
    private static ChangeReasons standingNotification(List<HistoryEvent> events) {
        Deque<ChangeReasons> notifications = new ArrayDeque<>();
        for (HistoryEvent event : events) {
            switch (event.event()) {
                case "dispense-notification" -> notifications.push(event.reasons());
                case "dispense-notification-amend" -> {
                    notifications.poll();
                    notifications.push(event.reasons());
                }
                case "withdraw" -> notifications.poll();
                default -> { }
            }
        }
        return notifications.isEmpty() ? ChangeReasons.NONE : notifications.peek();
    }

    /** The issue's status changes and the pharmacy status updates about it, oldest first (a change before an update). */
    private static List<TimelineEntry> timeline(Prescription prescription, List<HistoryEvent> events,
                                                List<PharmacyStatus> updates, OrganisationCards cards,
                                                OdsCode prescriber, Optional<String> prescriberName) {
        PrescriptionOrder order = prescription.order();
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryEvent event : events) {
            ChangeReasons reasons = event.reasons();
            List<TimelineItem> items = order.items().stream()
                    .filter(item -> event.itemStatuses().containsKey(item.id()))
                    .map(item -> new TimelineItem(item.id(), item.medication().display(),
                            Optional.of(event.itemStatuses().get(item.id())), Optional.empty(),
                            reasons.cancellationOf(item.id()).map(Reason::cancellation),
                            reasons.nonDispensingOf(item.id()).map(Reason::nonDispensing)))
                    .toList();
            entries.add(new TimelineEntry(event.at(), TimelineEntry.Kind.STATUS_CHANGE, event.event(),
                    TrackerText.event(event.event()), event.organisation(),
                    event.organisation().flatMap(ods -> cards.name(ods, nameGiven(ods, prescriber, prescriberName))),
                    Optional.of(event.status()), items, reasons.cancellation().map(Reason::cancellation),
                    reasons.nonDispensing().map(Reason::nonDispensing)));
        }
        for (PharmacyStatus status : updates) {
            String medication = order.item(status.itemId()).map(item -> item.medication().display())
                    .orElse("Item " + status.itemId());
            entries.add(new TimelineEntry(status.lastModified(), TimelineEntry.Kind.PHARMACY_STATUS,
                    TrackerText.STATUS_UPDATE, TrackerText.event(TrackerText.STATUS_UPDATE) + ": "
                            + status.businessStatus().code(),
                    Optional.of(status.pharmacy()), cards.name(status.pharmacy(), Optional.empty()), Optional.empty(),
                    List.of(new TimelineItem(status.itemId(), medication, Optional.empty(),
                            Optional.of(status.businessStatus())))));
        }
        // a stable sort: status changes stay before pharmacy updates at the same instant, each in its own order
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private static Optional<String> nameGiven(OdsCode ods, OdsCode prescriber, Optional<String> prescriberName) {
        return ods.equals(prescriber) ? prescriberName : Optional.empty();
    }

    /** {@code 28 tablet}: the amount without trailing zeros, then the unit. */
    private static String quantity(LineItem item) {
        return item.quantity().value().stripTrailingZeros().toPlainString() + " " + item.quantity().unit();
    }

    /** Organisation cards from the directory, each organisation looked up once per request. */
    private static final class OrganisationCards {

        private final OrganisationDirectory directory;
        private final Map<OdsCode, Optional<Organisation>> found = new HashMap<>();

        OrganisationCards(OrganisationDirectory directory) {
            this.directory = directory;
        }

        /** The organisation as the directory knows it, else its code and the name given elsewhere, if any. */
        OrganisationCard card(OdsCode ods, Optional<String> nameGiven) {
            return lookUp(ods)
                    .map(organisation -> new OrganisationCard(ods, Optional.of(organisation.name()),
                            organisation.addressLines(), Optional.of(organisation.postcode().value()),
                            organisation.telephone(), true))
                    .orElseGet(() -> OrganisationCard.unknown(ods, nameGiven));
        }

        /** The organisation's name from the directory, else the name given elsewhere, if any. */
        Optional<String> name(OdsCode ods, Optional<String> nameGiven) {
            return lookUp(ods).map(Organisation::name).or(() -> nameGiven);
        }

        private Optional<Organisation> lookUp(OdsCode ods) {
            return found.computeIfAbsent(ods, directory::find);
        }
    }
}
