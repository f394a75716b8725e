package org.openeps.adapters.http.tracker;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openeps.application.tracker.ItemDetails;
import org.openeps.application.tracker.OrganisationCard;
import org.openeps.application.tracker.PatientDetails;
import org.openeps.application.tracker.PatientMatches;
import org.openeps.application.tracker.PrescriptionDetails;
import org.openeps.application.tracker.PrescriptionList;
import org.openeps.application.tracker.PrescriptionSummary;
import org.openeps.application.tracker.Reason;
import org.openeps.application.tracker.TimelineEntry;
import org.openeps.application.tracker.TimelineItem;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.TreatmentType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tracker's view model as JSON, with the field names of the NHS Clinical Prescription Tracker's own backend
 * ({@code prescriptionList}, {@code patientSearch} and {@code prescriptionDetails} responses), plus the readable texts
 * ({@code statusText}, {@code type}) a page needs beside the codes. Absent values are {@code null}.
 *
 * <p>Reasons, as the NHS backend names them: the prescription's {@code cancellationReason} and
 * {@code nonDispensingReason}, an item's {@code cancellationReason} and {@code notDispensedReason}, each the reason's
 * text, with its code beside it in {@code ...Code} (the code systems are {@code medicationrequest-status-reason} for
 * cancellations and {@code medicationdispense-status-reason} for not dispensing). Timeline entries carry the reasons
 * of their own event under the same names, for the prescription and for each item.
 */
final class TrackerJson {

    /** Items the dispenser has reported on: listed as {@code dispensedItems}, the rest as {@code prescribedItems}. */
    private static final Set<ItemStatus> DISPENSED = EnumSet.of(ItemStatus.FULLY_DISPENSED, ItemStatus.NOT_DISPENSED,
            ItemStatus.DISPENSED_PARTIAL, ItemStatus.NOT_DISPENSED_OWING);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    ObjectNode prescriptionList(PrescriptionList list) {
        ObjectNode body = NODES.objectNode();
        body.set("patient", patient(list.patient()));
        body.set("currentPrescriptions", summaries(list.current()));
        body.set("futurePrescriptions", summaries(list.future()));
        body.set("pastPrescriptions", summaries(list.past()));
        body.put("searchWindowStart", list.windowStart().toString());
        return body;
    }

    ObjectNode patientSearch(PatientMatches matches) {
        ObjectNode body = NODES.objectNode();
        ArrayNode patients = body.putArray("patients");
        for (PatientDetails patient : matches.patients()) {
            ObjectNode summary = patients.addObject()
                    .put("nhsNumber", patient.nhsNumber().value())
                    .put("familyName", patient.familyName().orElse(null));
            ArrayNode given = summary.putArray("givenName");
            patient.givenNames().forEach(given::add);
            summary.put("gender", patient.gender().orElse(null))
                    .put("dateOfBirth", patient.dateOfBirth().map(Object::toString).orElse(null))
                    .put("postcode", patient.postcode().orElse(null));
        }
        body.put("moreThanShown", matches.moreThanShown());
        return body;
    }

    ObjectNode prescriptionDetails(PrescriptionDetails details) {
        ObjectNode body = NODES.objectNode();
        body.set("patientDetails", patient(details.patient()));
        body.put("prescriptionId", details.prescriptionId().value())
                .put("typeCode", details.treatmentType().code())
                .put("type", details.typeLabel())
                .put("isERD", details.treatmentType() == TreatmentType.REPEAT_DISPENSING)
                .put("statusCode", details.status().code())
                .put("statusText", details.status().label())
                .put("issueDate", details.issueDate().toString())
                .put("instanceNumber", details.issues().shown())
                .put("maxRepeats", details.issues().total())
                .put("currentInstanceNumber", details.issues().current());
        details.issues().previous().ifPresentOrElse(number -> body.put("previousInstanceNumber", number),
                () -> body.putNull("previousInstanceNumber"));
        details.issues().next().ifPresentOrElse(number -> body.put("nextInstanceNumber", number),
                () -> body.putNull("nextInstanceNumber"));
        body.put("daysSupply", details.daysSupply().map(String::valueOf).orElse(null))
                .put("prescriptionPendingCancellation", details.pendingCancellation());
        reasons(body, details.cancellationReason(), "cancellationReason", details.nonDispensingReason(),
                "nonDispensingReason");
        ArrayNode prescribed = body.putArray("prescribedItems");
        ArrayNode dispensed = body.putArray("dispensedItems");
        for (ItemDetails item : details.items()) {
            (DISPENSED.contains(item.status()) ? dispensed : prescribed).addObject().set("itemDetails", item(item));
        }
        ArrayNode history = body.putArray("messageHistory");
        details.timeline().forEach(entry -> history.add(timelineEntry(entry)));
        body.put("olderStatusUpdatesOmitted", details.olderStatusUpdatesOmitted());
        body.set("prescriberOrganisation", summaryObjective(details.prescriber()));
        details.nominatedDispenser().ifPresentOrElse(
                card -> body.set("nominatedDispenser", summaryObjective(card)), () -> body.putNull("nominatedDispenser"));
        ArrayNode current = body.putArray("currentDispenser");
        details.currentDispenser().ifPresent(card -> current.add(summaryObjective(card)));
        return body;
    }

    private static ObjectNode patient(PatientDetails patient) {
        ObjectNode node = NODES.objectNode()
                .put("nhsNumber", patient.nhsNumber().value())
                .put("given", String.join(" ", patient.givenNames()))
                .put("family", patient.familyName().orElse(null))
                .put("gender", patient.gender().orElse(null))
                .put("dateOfBirth", patient.dateOfBirth().map(Object::toString).orElse(null));
        patient.postcode().ifPresentOrElse(postcode -> node.putObject("address").put("postcode", postcode),
                () -> node.putNull("address"));
        return node;
    }

    private static ArrayNode summaries(List<PrescriptionSummary> summaries) {
        ArrayNode array = NODES.arrayNode();
        for (PrescriptionSummary summary : summaries) {
            array.addObject()
                    .put("prescriptionId", summary.prescriptionId().value())
                    .put("statusCode", summary.status().code())
                    .put("statusText", summary.status().label())
                    .put("issueDate", summary.issueDate().toString())
                    .put("prescriptionTreatmentType", summary.treatmentType().code())
                    .put("type", summary.typeLabel())
                    .put("issueNumber", summary.issueNumber())
                    .put("maxRepeats", summary.numberOfIssues())
                    .put("prescriptionPendingCancellation", summary.prescriptionPendingCancellation())
                    .put("itemsPendingCancellation", summary.itemsPendingCancellation());
        }
        return array;
    }

    private static ObjectNode item(ItemDetails item) {
        ObjectNode node = NODES.objectNode()
                .put("itemId", item.itemId().value())
                .put("medicationName", item.medicationName())
                .put("medicationCode", item.medicationCode())
                .put("quantity", item.quantity())
                .put("dosageInstructions", item.dosageInstructions())
                .put("epsStatusCode", item.status().code())
                .put("epsStatusText", item.status().label())
                .put("pharmacyStatus", item.pharmacyStatus().map(status -> status.status().code()).orElse(null))
                .put("pharmacyStatusLastModified",
                        item.pharmacyStatus().map(status -> status.lastModified().toString()).orElse(null))
                .put("itemPendingCancellation", item.pendingCancellation());
        reasons(node, item.cancellationReason(), "cancellationReason", item.nonDispensingReason(), "notDispensedReason");
        return node;
    }

    /** The cancellation and non-dispensing reasons, each as its text and its code ({@code name} + {@code Code}). */
    private static void reasons(ObjectNode node, Optional<Reason> cancellation, String cancellationName,
                                Optional<Reason> nonDispensing, String nonDispensingName) {
        node.put(cancellationName, cancellation.map(Reason::display).orElse(null))
                .put(cancellationName + "Code", cancellation.map(Reason::code).orElse(null))
                .put(nonDispensingName, nonDispensing.map(Reason::display).orElse(null))
                .put(nonDispensingName + "Code", nonDispensing.map(Reason::code).orElse(null));
    }

    private static ObjectNode timelineEntry(TimelineEntry entry) {
        ObjectNode node = NODES.objectNode()
                .put("messageCode", entry.event())
                .put("messageText", entry.description())
                .put("kind", entry.kind() == TimelineEntry.Kind.STATUS_CHANGE ? "status-change" : "pharmacy-status")
                .put("sentDateTime", entry.at().toString())
                .put("organisationName", entry.organisationName().orElse(null))
                .put("organisationODS", entry.organisationCode().map(Object::toString).orElse(null))
                .put("newStatusCode", entry.newStatus().map(status -> status.code()).orElse(null))
                .put("newStatusText", entry.newStatus().map(status -> status.label()).orElse(null));
        reasons(node, entry.cancellationReason(), "cancellationReason", entry.nonDispensingReason(),
                "nonDispensingReason");
        ArrayNode items = node.putArray("items");
        for (TimelineItem item : entry.items()) {
            ObjectNode itemNode = items.addObject()
                    .put("ID", item.itemId().value())
                    .put("medicationName", item.medicationName())
                    .put("epsStatusCode", item.status().map(ItemStatus::code).orElse(null))
                    .put("pharmacyStatus", item.pharmacyStatus().map(status -> status.code()).orElse(null));
            reasons(itemNode, item.cancellationReason(), "cancellationReason", item.nonDispensingReason(),
                    "notDispensedReason");
        }
        ArrayNode dispensed = node.putArray("dispenseNotification");
        entry.dispensedItems().forEach(item -> dispensed.addObject()
                .put("ID", item.itemId().value())
                .put("medicationName", item.medicationName()));
        return node;
    }

    private static ObjectNode summaryObjective(OrganisationCard card) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.putObject("organisationSummaryObjective")
                .put("name", card.name().orElse(null))
                .put("odsCode", card.odsCode().toString())
                .put("address", card.address().orElse(null))
                .put("telephone", card.telephone().orElse(null))
                .put("inDirectory", card.inDirectory());
        return wrapper;
    }
}
