package org.openeps.adapters.http.patient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.patient.PatientItem;
import org.openeps.application.patient.PatientOrganisation;
import org.openeps.application.patient.PatientPrescription;
import org.openeps.application.patient.PatientPrescriptions;
import org.openeps.domain.prescription.CourseOfTherapy;
import org.openeps.domain.tracking.BusinessStatus;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patient's prescriptions in the shape of the NHS Prescriptions for Patients API ({@code GET /Bundle}): a searchset
 * Bundle holding one collection Bundle per prescription, each with a MedicationRequest per item (its patient-facing
 * status in {@code Extension-DM-PrescriptionStatusHistory}, whether it is under way in {@code status}), the
 * PractitionerRole, Practitioner and Organization of the prescriber, and the Organization of the dispenser holding it
 * (else the nominated one) as {@code dispenseRequest.performer}.
 */
public final class PatientBundleMapper {

    /** The extension that carries an item's patient-facing status and since when. */
    public static final String STATUS_HISTORY = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String COURSE_OF_THERAPY = "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy";

    /**
     * The searchset Bundle.
     *
     * @param bundleId the Bundle's ID (the real API uses the request's {@code X-Request-ID})
     */
    public ObjectNode searchset(PatientPrescriptions prescriptions, String bundleId) {
        ObjectNode bundle = NODES.objectNode();
        bundle.put("resourceType", "Bundle").put("id", bundleId);
        bundle.putObject("meta").put("lastUpdated", dateTime(prescriptions.readAt()));
        bundle.put("type", "searchset");
        bundle.put("total", prescriptions.prescriptions().size());
        ArrayNode entries = bundle.putArray("entry");
        for (PatientPrescription prescription : prescriptions.prescriptions()) {
            ObjectNode collection = collection(prescription);
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", "urn:uuid:" + collection.path("id").asString());
            entry.putObject("search").put("mode", "match");
            entry.set("resource", collection);
        }
        return bundle;
    }

    private static ObjectNode collection(PatientPrescription prescription) {
        String practitionerRoleId = uuid();
        String practitionerId = uuid();
        String prescriberId = uuid();
        Optional<String> dispenserId = prescription.dispenser().map(dispenser -> uuid());
        ObjectNode bundle = NODES.objectNode();
        bundle.put("resourceType", "Bundle").put("id", uuid()).put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (PatientItem item : prescription.items()) {
            add(entries, uuid(), medicationRequest(prescription, item, practitionerRoleId, dispenserId));
        }
        ObjectNode role = NODES.objectNode().put("resourceType", "PractitionerRole").put("id", practitionerRoleId);
        prescription.prescriberName().ifPresent(name -> role.putObject("practitioner")
                .put("reference", "urn:uuid:" + practitionerId));
        role.putObject("organization").put("reference", "urn:uuid:" + prescriberId);
        add(entries, practitionerRoleId, role);
        prescription.prescriberName().ifPresent(name -> {
            ObjectNode practitioner = NODES.objectNode().put("resourceType", "Practitioner").put("id", practitionerId);
            practitioner.putArray("name").addObject().put("text", name);
            add(entries, practitionerId, practitioner);
        });
        add(entries, prescriberId, organisation(prescription.prescriber(), prescriberId));
        prescription.dispenser().ifPresent(dispenser ->
                add(entries, dispenserId.orElseThrow(), organisation(dispenser, dispenserId.orElseThrow())));
        return bundle;
    }

    private static ObjectNode medicationRequest(PatientPrescription prescription, PatientItem item,
                                                String practitionerRoleId, Optional<String> dispenserId) {
        ObjectNode request = NODES.objectNode();
        request.put("resourceType", "MedicationRequest");
        request.putArray("identifier").addObject()
                .put("system", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                .put("value", item.itemId());
        request.put("status", item.phase().code());
        request.put("intent", "order");
        request.putObject("medicationCodeableConcept").putArray("coding").addObject()
                .put("system", SNOMED)
                .put("code", item.medicationCode())
                .put("display", item.medication());
        request.putObject("subject").putObject("identifier")
                .put("system", FhirSystems.NHS_NUMBER)
                .put("value", prescription.nhsNumber());
        request.putObject("requester").put("reference", "urn:uuid:" + practitionerRoleId);
        request.putObject("groupIdentifier")
                .put("system", FhirSystems.PRESCRIPTION_ORDER_NUMBER)
                .put("value", prescription.prescriptionId());
        request.putObject("courseOfTherapyType").putArray("coding").addObject()
                .put("system", COURSE_OF_THERAPY)
                .put("code", prescription.courseOfTherapy())
                .put("display", courseOfTherapyDisplay(prescription.courseOfTherapy()));
        request.putArray("dosageInstruction").addObject().put("text", item.dosage());
        ObjectNode dispenseRequest = request.putObject("dispenseRequest");
        dispenseRequest.putObject("validityPeriod").put("start", prescription.startDate().toString());
        dispenseRequest.putObject("quantity")
                .put("value", item.quantityValue())
                .put("unit", item.quantityUnit());
        dispenserId.ifPresent(id -> dispenseRequest.putObject("performer").put("reference", "urn:uuid:" + id));
        request.putObject("substitution").put("allowedBoolean", false);
        ArrayNode status = request.putArray("extension").addObject()
                .put("url", STATUS_HISTORY)
                .putArray("extension");
        status.addObject().put("url", "status").putObject("valueCoding")
                .put("system", BusinessStatus.SYSTEM)
                .put("code", item.statusText());
        status.addObject().put("url", "statusDate").put("valueDateTime", dateTime(item.statusDate()));
        return request;
    }

    private static ObjectNode organisation(PatientOrganisation organisation, String id) {
        ObjectNode resource = NODES.objectNode();
        resource.put("resourceType", "Organization").put("id", id);
        resource.putArray("identifier").addObject()
                .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                .put("value", organisation.odsCode());
        organisation.name().ifPresent(name -> resource.put("name", name));
        if (organisation.telephone().isPresent() || organisation.website().isPresent()) {
            ArrayNode telecom = resource.putArray("telecom");
            organisation.telephone().ifPresent(phone -> telecom.addObject()
                    .put("system", "phone").put("use", "work").put("value", phone));
            organisation.website().ifPresent(website -> telecom.addObject()
                    .put("system", "url").put("use", "work").put("value", website));
        }
        if (!organisation.addressLines().isEmpty() || organisation.postcode().isPresent()) {
            ObjectNode address = resource.putArray("address").addObject().put("use", "work").put("type", "both");
            if (!organisation.addressLines().isEmpty()) {
                ArrayNode lines = address.putArray("line");
                organisation.addressLines().forEach(lines::add);
            }
            organisation.postcode().ifPresent(postcode -> address.put("postalCode", postcode));
        }
        return resource;
    }

    private static void add(ArrayNode entries, String id, ObjectNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", "urn:uuid:" + id);
        entry.set("resource", resource);
    }

    private static String courseOfTherapyDisplay(String code) {
        return switch (CourseOfTherapy.fromCode(code)) {
            case ACUTE -> "Short course (acute) therapy";
            case CONTINUOUS -> "Continuous long term therapy";
            case CONTINUOUS_REPEAT_DISPENSING -> "Continuous long term (repeat dispensing)";
        };
    }

    /** An instant as FHIR {@code dateTime} in UTC, to the second, as the API's examples give it. */
    private static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
