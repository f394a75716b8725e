package org.openeps.application.tracker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openeps.application.directory.OrganisationDirectory;
import org.openeps.application.prescription.PrescriptionHistory;
import org.openeps.domain.directory.Organisation;
import org.openeps.application.prescription.PrescriptionRepository;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PendingCancellation;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * The tracker's prescription details: the prescription from the repository, its history, the status updates pharmacies
 * sent, and the organisations from the directory.
 */
public final class ViewPrescriptionService implements ViewPrescriptionUseCase {

    private final PrescriptionRepository prescriptions;
    private final PrescriptionHistory history;
    private final PharmacyStatuses pharmacyStatuses;
    private final OrganisationDirectory directory;

    public ViewPrescriptionService(PrescriptionRepository prescriptions, PrescriptionHistory history,
                                   PharmacyStatuses pharmacyStatuses, OrganisationDirectory directory) {
        this.prescriptions = prescriptions;
        this.history = history;
        this.pharmacyStatuses = pharmacyStatuses;
        this.directory = directory;
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

        Map<LineItemId, PharmacyStatus> latest = issue.dispenser()
                .map(holder -> pharmacyStatuses.latestFrom(prescription.id(), shown, holder))
                .orElse(Map.of());
        List<ItemDetails> items = order.items().stream().map(item -> {
            boolean itemPending = pending.filter(cancel -> cancel.item().map(item.id()::equals).orElse(true)).isPresent();
            return new ItemDetails(item.id(), item.medication().display(), item.medication().code(),
                    quantity(item), item.dosageText(), issue.itemStatus(item.id()),
                    Optional.ofNullable(latest.get(item.id())).map(status -> new ItemPharmacyStatus(
                            status.businessStatus(), status.taskStatus(), status.lastModified(), status.pharmacy())),
                    itemPending,
                    itemPending ? pending.map(cancel -> Reason.cancellation(cancel.reasonCode())) : Optional.empty());
        }).toList();

        return new PrescriptionDetails(
                PatientDetails.of(order.patient()),
                prescription.id(),
                prescription.prescriptionDate(),
                order.treatmentType(),
                issue.status(),
                order.daysSupply(),
                new IssueNavigation(shown, total, prescription.currentIssue().number()),
                pending.filter(cancel -> cancel.item().isEmpty()).isPresent(),
                pending.map(cancel -> Reason.cancellation(cancel.reasonCode())),
                items,
                cards.card(prescriber, prescriberName),
                prescription.nomination().map(nominated -> cards.card(nominated.organisation(),
                        nameGiven(nominated.organisation(), prescriber, prescriberName))),
                issue.dispenser().map(holder -> cards.card(holder, nameGiven(holder, prescriber, prescriberName))),
                timeline(prescription, shown, cards, prescriber, prescriberName));
    }

    /** The issue's status changes and the pharmacy status updates about it, oldest first (a change before an update). */
    private List<TimelineEntry> timeline(Prescription prescription, int shown, OrganisationCards cards,
                                         OdsCode prescriber, Optional<String> prescriberName) {
        PrescriptionOrder order = prescription.order();
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoryEvent event : history.findFor(prescription.id())) {
            if (event.issueNumber() != shown) {
                continue;
            }
            List<TimelineItem> items = order.items().stream()
                    .filter(item -> event.itemStatuses().containsKey(item.id()))
                    .map(item -> new TimelineItem(item.id(), item.medication().display(),
                            Optional.of(event.itemStatuses().get(item.id())), Optional.empty()))
                    .toList();
            entries.add(new TimelineEntry(event.at(), TimelineEntry.Kind.STATUS_CHANGE, event.event(),
                    TrackerText.event(event.event()), event.organisation(),
                    event.organisation().flatMap(ods -> cards.name(ods, nameGiven(ods, prescriber, prescriberName))),
                    Optional.of(event.status()), items));
        }
        for (PharmacyStatus status : pharmacyStatuses.findFor(prescription.id())) {
            if (status.issueNumber() != shown) {
                continue;
            }
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
