package org.openeps.adapters.http.prescription;

import java.util.List;
import java.util.UUID;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.prescription.PrescriptionStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prescriptions as the Task resources of the EPS tracker search ({@code GET /FHIR/R4/Task}): one Task per issue
 * (an eRD prescription has several, told apart by {@code Extension-EPS-RepeatInformation}), its business status the
 * issue's status, its owner the dispenser holding it (else the nominated one), and one output per item with that
 * item's status.
 */
public final class TaskMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ITEM_STATUS_SYSTEM = "https://fhir.nhs.uk/CodeSystem/medicationdispense-type";

    /** A searchset Bundle holding one Task per issue of each prescription. */
    public ObjectNode searchset(List<Prescription> prescriptions) {
        ObjectNode bundle = NODES.objectNode();
        String id = UUID.randomUUID().toString();
        bundle.put("resourceType", "Bundle").put("id", id);
        bundle.putObject("identifier").put("system", FhirSystems.MESSAGE_ID).put("value", id);
        bundle.put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        prescriptions.forEach(prescription -> prescription.issues()
                .forEach(issue -> entries.addObject().set("resource", task(prescription, issue))));
        bundle.put("total", entries.size());
        return bundle;
    }

    private ObjectNode task(Prescription prescription, Issue issue) {
        PrescriptionOrder order = prescription.order();
        ObjectNode task = NODES.objectNode();
        task.put("resourceType", "Task");
        task.put("id", order.longFormId().value() + (order.numberOfIssues() > 1 ? "-" + issue.number() : ""));
        ArrayNode extensions = task.putArray("extension");
        ObjectNode prescriptionExtension = extensions.addObject()
                .put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-EPS-Prescription");
        prescriptionExtension.putArray("extension").addObject()
                .put("url", "treatmentType")
                .putObject("valueCoding")
                .put("system", "https://fhir.nhs.uk/CodeSystem/prescription-treatment-type")
                .put("code", order.treatmentType().code());
        if (order.numberOfIssues() > 1) {
            ArrayNode repeat = extensions.addObject()
                    .put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-EPS-RepeatInformation")
                    .putArray("extension");
            repeat.addObject().put("url", "numberOfRepeatsAllowed").put("valueUnsignedInt", order.numberOfIssues() - 1);
            repeat.addObject().put("url", "numberOfRepeatsIssued").put("valueUnsignedInt", issue.number() - 1);
        }
        task.putArray("identifier").addObject()
                .put("system", FhirSystems.MESSAGE_ID)
                .put("value", order.longFormId().value());
        task.put("status", taskStatus(issue.status()));
        task.putObject("businessStatus").putArray("coding").addObject()
                .put("system", FhirSystems.TASK_BUSINESS_STATUS)
                .put("code", issue.status().code())
                .put("display", issue.status().label());
        task.put("intent", "order");
        task.putObject("focus").putObject("identifier")
                .put("system", FhirSystems.PRESCRIPTION_ORDER_NUMBER)
                .put("value", order.id().value());
        task.putObject("for").putObject("identifier")
                .put("system", FhirSystems.NHS_NUMBER)
                .put("value", order.patient().nhsNumber().value());
        ObjectNode requester = task.putObject("requester");
        requester.putObject("identifier")
                .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                .put("value", order.prescriber().organisation().value());
        order.prescriber().organisationName().ifPresent(name -> requester.put("display", name));
        issue.dispenser().or(() -> prescription.nomination().map(nomination -> nomination.organisation()))
                .ifPresent(owner -> task.putObject("owner").putObject("identifier")
                        .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                        .put("value", owner.value()));
        task.put("authoredOn", order.authoredOn().toString());
        ArrayNode outputs = task.putArray("output");
        order.items().forEach(item -> {
            ObjectNode output = outputs.addObject();
            output.putObject("type").putArray("coding").addObject()
                    .put("system", ITEM_STATUS_SYSTEM)
                    .put("code", issue.itemStatus(item.id()).code())
                    .put("display", issue.itemStatus(item.id()).label());
            ObjectNode reference = output.putObject("valueReference");
            reference.putObject("identifier")
                    .put("system", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                    .put("value", item.id().value());
            reference.put("display", item.medication().display());
        });
        return task;
    }

    /** The FHIR Task.status that goes with an EPS status. */
    private static String taskStatus(PrescriptionStatus status) {
        return switch (status) {
            case AWAITING_RELEASE_READY, TO_BE_DISPENSED, REPEAT_DISPENSE_FUTURE_ISSUE, FUTURE_DATED -> "requested";
            case WITH_DISPENSER, WITH_DISPENSER_ACTIVE -> "in-progress";
            case EXPIRED, CANCELLED, CANCELLED_FUTURE_ISSUE -> "cancelled";
            case NOT_DISPENSED -> "rejected";
            case DISPENSED, CLAIMED, NO_CLAIMED -> "completed";
        };
    }
}
