package org.openeps.adapters.http.prescription;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.identifier;
import static org.openeps.adapters.http.fhir.FhirNodes.object;
import static org.openeps.adapters.http.fhir.FhirNodes.requiredString;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.prescription.CancelPrescriptionUseCase.CancelCommand;
import org.openeps.application.prescription.CancelPrescriptionUseCase.Cancelled;
import org.openeps.domain.prescription.CancellationReason;
import org.openeps.domain.prescription.CancellationResult;
import org.openeps.domain.prescription.LineItem;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescriber;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code prescription-order-update} (cancel) message and its {@code prescription-order-response}.
 *
 * <p>Request ({@link #toCommand}): exactly one MedicationRequest, {@code status} {@code cancelled}, with a
 * {@code statusReason} coding of system {@code medicationrequest-status-reason} (0001..0009). The prescription is its
 * {@code groupIdentifier}; the MedicationRequest names one line item ({@code prescription-order-item-number}), and
 * every cancel is taken as a cancel of that item, as EPS does: cancelling the last item still to be dispensed cancels
 * the prescription. The NHS number is the referenced Patient's; the requesting organisation is the prescribing
 * organisation of the {@code requester} PractitionerRole (its {@code organization}), else {@code MessageHeader.sender};
 * the prescriber is that role's Practitioner's SDS user ID.
 *
 * <p>Answer ({@link #response}): for R-0008 (not found) and R-5000 (NHS number mismatch) an OperationOutcome (issue
 * code {@code not-found} and {@code processing}) whose {@code details.coding} is the R-code of system
 * {@code medicationrequest-status-history}; for every other outcome a message Bundle: MessageHeader (event
 * {@code prescription-order-response}, {@code response.identifier} the request's {@code Bundle.identifier}), the
 * MedicationRequest ({@code status} {@code cancelled} for R-0001, else {@code active}) carrying
 * {@code Extension-DM-PrescriptionStatusHistory} with the R-code and its date, and the Patient, PractitionerRole,
 * Practitioner and Organization of the prescription as stored. When the prescription is with a dispenser the
 * MedicationRequest's {@code dispenseRequest.performer} names it. HTTP 200 for R-0001, 400 otherwise.
 */
public final class CancelMapper {

    static final String STATUS_REASON = CancellationReason.SYSTEM;
    static final String STATUS_HISTORY = "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-history";
    static final String STATUS_HISTORY_EXTENSION = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory";
    private static final String RESPONSIBLE_PRACTITIONER =
            "https://fhir.nhs.uk/StructureDefinition/Extension-DM-ResponsiblePractitioner";
    private static final String PRESCRIPTION_ID_EXTENSION = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String JOB_ROLE_CODE = "https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode";
    private static final String SPINE_ODS = "X2601";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The HTTP status and body of the answer. */
    public record CancelReply(int status, ObjectNode body) {
    }

    /** Reads and checks the cancel message. */
    public CancelCommand toCommand(MessageBundle message) {
        List<JsonNode> requests = message.resources("MedicationRequest");
        EpsException.require(requests.size() == 1, requests.isEmpty() ? ErrorCode.MISSING_VALUE : ErrorCode.INVALID_VALUE,
                "Bundle must contain exactly one resource of type MedicationRequest");
        JsonNode request = requests.get(0);
        EpsException.require("cancelled".equals(requiredString(request, "MedicationRequest.status", "status")),
                ErrorCode.INVALID_VALUE, "MedicationRequest.status must be 'cancelled'.");
        String reason = reasonCode(request);

        PrescriptionId prescriptionId = PrescriptionId.parse(requiredString(
                object(request, "MedicationRequest.groupIdentifier", "groupIdentifier").orElseThrow(() -> new EpsException(
                        ErrorCode.MISSING_VALUE, "MedicationRequest.groupIdentifier is required")),
                "MedicationRequest.groupIdentifier.value", "value"));
        LineItemId item = LineItemId.parse(identifier(request, "MedicationRequest", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "MedicationRequest.identifier with system " + FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER + " is required")));

        NhsNumber nhsNumber = NhsNumber.parse(message.resolve(request.path("subject"), "MedicationRequest.subject")
                .flatMap(patient -> identifier(patient, "Patient", FhirSystems.NHS_NUMBER))
                .or(() -> string(request, "MedicationRequest.subject.identifier.value", "subject", "identifier", "value"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "The patient's NHS number is required: MedicationRequest.subject must refer to a Patient in the Bundle")));

        Optional<JsonNode> role = message.resolve(request.path("requester"), "MedicationRequest.requester")
                .filter(resource -> "PractitionerRole".equals(resource.path("resourceType").asString("")));
        OdsCode requestedBy = OdsCode.parse(role
                .flatMap(found -> message.resolve(found.path("organization"), "PractitionerRole.organization"))
                .flatMap(organisation -> identifier(organisation, "Organization", FhirSystems.ODS_ORGANISATION_CODE))
                .or(() -> role.flatMap(found -> string(found, "PractitionerRole.organization.identifier.value",
                        "organization", "identifier", "value")))
                .or(() -> string(message.header(), "MessageHeader.sender.identifier.value", "sender", "identifier", "value"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "The prescribing organisation's ODS code is required")));
        Optional<String> prescriber = role.flatMap(found -> message.resolve(found.path("practitioner"), "PractitionerRole.practitioner")
                        .flatMap(practitioner -> identifier(practitioner, "Practitioner", FhirSystems.SDS_USER_ID))
                        .or(() -> string(found, "PractitionerRole.practitioner.identifier.value",
                                "practitioner", "identifier", "value")));
        return new CancelCommand(requestedBy, prescriber, prescriptionId, nhsNumber, Optional.of(item), reason,
                Optional.of(message.identifier()));
    }

    /** The answer to the cancel: a message Bundle, or an OperationOutcome for R-0008 and R-5000. */
    public CancelReply response(MessageBundle request, CancelCommand command, Cancelled cancelled, Instant now) {
        CancellationResult result = cancelled.result();
        if (result == CancellationResult.NOT_FOUND || result == CancellationResult.NHS_NUMBER_MISMATCH
                || cancelled.prescription().isEmpty()) {
            return new CancelReply(400, outcome(result));
        }
        Prescription prescription = cancelled.prescription().get();
        String timestamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        String headerId = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        String roleId = UUID.randomUUID().toString();
        String practitionerId = UUID.randomUUID().toString();
        String organisationId = UUID.randomUUID().toString();
        Prescriber prescriber = prescription.order().prescriber();

        String bundleId = UUID.randomUUID().toString();
        ObjectNode bundle = NODES.objectNode().put("resourceType", "Bundle").put("id", bundleId);
        bundle.putObject("identifier").put("system", FhirSystems.MESSAGE_ID).put("value", bundleId);
        bundle.put("type", "message").put("timestamp", timestamp);
        ArrayNode entries = bundle.putArray("entry");
        entry(entries, headerId, header(headerId, request, prescriber.organisation(), requestId, patientId));
        entry(entries, requestId, medicationRequest(requestId, command, cancelled, timestamp, patientId, roleId, request));
        entry(entries, patientId, patient(patientId, prescription.order().patient()));
        boolean practitioner = prescriber.sdsUserId().isPresent() || prescriber.name().isPresent();
        if (practitioner) {
            entry(entries, practitionerId, practitioner(practitionerId, prescriber));
        }
        entry(entries, roleId, role(roleId, prescriber, practitioner ? Optional.of(practitionerId) : Optional.empty(),
                organisationId));
        entry(entries, organisationId, organisation(organisationId, prescriber));
        return new CancelReply(result.cancelled() ? 200 : 400, bundle);
    }

    private static String reasonCode(JsonNode request) {
        JsonNode statusReason = object(request, "MedicationRequest.statusReason", "statusReason")
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.statusReason is required"));
        for (JsonNode coding : array(statusReason, "MedicationRequest.statusReason.coding", "coding")) {
            if (string(coding, "MedicationRequest.statusReason.coding.system", "system").filter(STATUS_REASON::equals).isPresent()) {
                String code = requiredString(coding, "MedicationRequest.statusReason.coding.code", "code");
                EpsException.require(CancellationReason.find(code).isPresent(), ErrorCode.INVALID_VALUE,
                        "MedicationRequest.statusReason '" + code + "' is not a medicationrequest-status-reason code");
                return code;
            }
        }
        throw new EpsException(ErrorCode.MISSING_VALUE, "MedicationRequest.statusReason needs a coding of system " + STATUS_REASON);
    }

    private static ObjectNode outcome(CancellationResult result) {
        ObjectNode outcome = NODES.objectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", "error")
                .put("code", result == CancellationResult.NOT_FOUND ? "not-found" : "processing")
                .putObject("details").putArray("coding").addObject()
                .put("system", STATUS_HISTORY)
                .put("code", result.code())
                .put("display", result.display());
        return outcome;
    }

    private static void entry(ArrayNode entries, String id, ObjectNode resource) {
        ObjectNode entry = entries.addObject().put("fullUrl", "urn:uuid:" + id);
        entry.set("resource", resource);
    }

    private static ObjectNode header(String id, MessageBundle request, OdsCode receiver, String requestId, String patientId) {
        ObjectNode header = NODES.objectNode().put("resourceType", "MessageHeader").put("id", id);
        header.putObject("eventCoding")
                .put("system", "https://fhir.nhs.uk/CodeSystem/message-event")
                .put("code", "prescription-order-response")
                .put("display", "Prescription Order Response");
        ObjectNode destination = header.putArray("destination").addObject()
                .put("endpoint", "urn:nhs-uk:addressing:ods:" + receiver.value());
        destination.putObject("receiver").putObject("identifier")
                .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                .put("value", receiver.value());
        ObjectNode sender = header.putObject("sender");
        sender.putObject("identifier").put("system", FhirSystems.ODS_ORGANISATION_CODE).put("value", SPINE_ODS);
        sender.put("display", "OpenEPS");
        header.putObject("source").put("name", "OpenEPS").put("endpoint", "/FHIR/R4/$process-message");
        header.putObject("response").put("identifier", request.identifier()).put("code", "ok");
        ArrayNode focus = header.putArray("focus");
        focus.addObject().put("reference", "urn:uuid:" + patientId);
        focus.addObject().put("reference", "urn:uuid:" + requestId);
        return header;
    }

    private static ObjectNode medicationRequest(String id, CancelCommand command, Cancelled cancelled, String timestamp,
                                                String patientId, String roleId, MessageBundle request) {
        Prescription prescription = cancelled.prescription().orElseThrow();
        CancellationResult result = cancelled.result();
        ObjectNode resource = NODES.objectNode().put("resourceType", "MedicationRequest").put("id", id);
        ArrayNode extensions = resource.putArray("extension");
        ArrayNode history = extensions.addObject().put("url", STATUS_HISTORY_EXTENSION).putArray("extension");
        history.addObject().put("url", "status").putObject("valueCoding")
                .put("system", STATUS_HISTORY)
                .put("code", result.code())
                .put("display", result.display());
        history.addObject().put("url", "statusDate").put("valueDateTime", timestamp);
        extensions.addObject().put("url", RESPONSIBLE_PRACTITIONER)
                .putObject("valueReference").put("reference", "urn:uuid:" + roleId);
        command.item().ifPresent(item -> resource.putArray("identifier").addObject()
                .put("system", FhirSystems.PRESCRIPTION_ORDER_ITEM_NUMBER)
                .put("value", item.value()));
        resource.put("status", result.cancelled() ? "cancelled" : "active");
        resource.put("intent", "order");
        Optional<LineItem> item = command.item().flatMap(prescription.order()::item);
        if (item.isPresent()) {
            resource.putObject("medicationCodeableConcept").putArray("coding").addObject()
                    .put("system", SNOMED)
                    .put("code", item.get().medication().code())
                    .put("display", item.get().medication().display());
        } else {
            request.resources("MedicationRequest").stream().findFirst()
                    .map(original -> original.path("medicationCodeableConcept"))
                    .filter(JsonNode::isObject)
                    .ifPresent(concept -> resource.set("medicationCodeableConcept", concept));
        }
        resource.putObject("subject").put("reference", "urn:uuid:" + patientId);
        resource.putObject("requester").put("reference", "urn:uuid:" + roleId);
        ObjectNode group = resource.putObject("groupIdentifier");
        group.putArray("extension").addObject()
                .put("url", PRESCRIPTION_ID_EXTENSION)
                .putObject("valueIdentifier")
                .put("system", FhirSystems.LONG_FORM_PRESCRIPTION_ID)
                .put("value", prescription.order().longFormId().value());
        group.put("system", FhirSystems.PRESCRIPTION_ORDER_NUMBER).put("value", prescription.id().value());
        prescription.currentIssue().dispenser().ifPresent(dispenser -> resource.putObject("dispenseRequest")
                .putObject("performer").putObject("identifier")
                .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                .put("value", dispenser.value()));
        return resource;
    }

    private static ObjectNode patient(String id, Patient patient) {
        ObjectNode resource = NODES.objectNode().put("resourceType", "Patient").put("id", id);
        resource.putArray("identifier").addObject()
                .put("system", FhirSystems.NHS_NUMBER)
                .put("value", patient.nhsNumber().value());
        if (patient.familyName().isPresent() || !patient.givenNames().isEmpty()) {
            ObjectNode name = resource.putArray("name").addObject().put("use", "usual");
            patient.familyName().ifPresent(family -> name.put("family", family));
            if (!patient.givenNames().isEmpty()) {
                ArrayNode given = name.putArray("given");
                patient.givenNames().forEach(given::add);
            }
        }
        patient.gender().ifPresent(gender -> resource.put("gender", gender));
        patient.birthDate().ifPresent(date -> resource.put("birthDate", date.toString()));
        patient.postcode().ifPresent(postcode -> resource.putArray("address").addObject()
                .put("use", "home")
                .put("postalCode", postcode));
        return resource;
    }

    private static ObjectNode practitioner(String id, Prescriber prescriber) {
        ObjectNode resource = NODES.objectNode().put("resourceType", "Practitioner").put("id", id);
        prescriber.sdsUserId().ifPresent(user -> resource.putArray("identifier").addObject()
                .put("system", FhirSystems.SDS_USER_ID)
                .put("value", user));
        prescriber.name().ifPresent(name -> resource.putArray("name").addObject().put("text", name));
        return resource;
    }

    private static ObjectNode role(String id, Prescriber prescriber, Optional<String> practitionerId, String organisationId) {
        ObjectNode resource = NODES.objectNode().put("resourceType", "PractitionerRole").put("id", id);
        prescriber.roleProfileId().ifPresent(profile -> resource.putArray("identifier").addObject()
                .put("system", FhirSystems.SDS_ROLE_PROFILE_ID)
                .put("value", profile));
        practitionerId.ifPresent(practitioner -> resource.putObject("practitioner")
                .put("reference", "urn:uuid:" + practitioner));
        resource.putObject("organization").put("reference", "urn:uuid:" + organisationId);
        prescriber.roleCode().ifPresent(code -> resource.putArray("code").addObject().putArray("coding").addObject()
                .put("system", JOB_ROLE_CODE)
                .put("code", code));
        return resource;
    }

    private static ObjectNode organisation(String id, Prescriber prescriber) {
        ObjectNode resource = NODES.objectNode().put("resourceType", "Organization").put("id", id);
        resource.putArray("identifier").addObject()
                .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                .put("value", prescriber.organisation().value());
        prescriber.organisationName().ifPresent(name -> resource.put("name", name));
        return resource;
    }
}
