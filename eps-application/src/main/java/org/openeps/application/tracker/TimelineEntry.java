package org.openeps.application.tracker;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.OdsCode;

/**
 * One entry of the shown issue's history timeline, oldest first: a change EPS made to the status, or a status
 * update a pharmacy sent about one of its items.
 *
 * @param at               when: the change, or the pharmacy's {@code lastModified}
 * @param kind             a status change or a pharmacy status update
 * @param event            the EPS event, e.g. {@code prescription-order}, {@code release}, {@code dispense-notification},
 *                         {@code claim}, {@code expire}; {@code status-update} for a pharmacy status update
 * @param description      what happened, for people, e.g. {@code Release request successful}
 * @param organisationCode the organisation that made the change; empty for what the service does on its own (expiry)
 * @param organisationName its name from the directory (for the prescriber, else the name the prescription gives)
 * @param newStatus        the status after a status change; empty for a pharmacy status update
 * @param items            the items: after a status change every item with its status; for a pharmacy status update
 *                         the item it is about
 * @param cancellationReason  why the change cancelled the issue, when it did and the reason is known
 * @param nonDispensingReason the reason the dispense notification gave for not dispensing the prescription
 */
public record TimelineEntry(
        Instant at,
        Kind kind,
        String event,
        String description,
        Optional<OdsCode> organisationCode,
        Optional<String> organisationName,
        Optional<PrescriptionStatus> newStatus,
        List<TimelineItem> items,
        Optional<Reason> cancellationReason,
        Optional<Reason> nonDispensingReason) {

    /** What made a timeline entry. */
    public enum Kind { STATUS_CHANGE, PHARMACY_STATUS }

    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(newStatus, "newStatus");
        items = List.copyOf(items);
        Objects.requireNonNull(cancellationReason, "cancellationReason");
        Objects.requireNonNull(nonDispensingReason, "nonDispensingReason");
    }

    /** An entry without reasons for the prescription. */
    public TimelineEntry(Instant at, Kind kind, String event, String description, Optional<OdsCode> organisationCode,
                         Optional<String> organisationName, Optional<PrescriptionStatus> newStatus,
                         List<TimelineItem> items) {
        this(at, kind, event, description, organisationCode, organisationName, newStatus, items, Optional.empty(),
                Optional.empty());
    }

    /** The items the entry reports dispensed (fully or in part). */
    public List<TimelineItem> dispensedItems() {
        return items.stream().filter(TimelineItem::dispensed).toList();
    }
}
