package org.openeps.adapters.http.dispensing;

import static org.openeps.adapters.http.fhir.FhirNodes.array;
import static org.openeps.adapters.http.fhir.FhirNodes.object;
import static org.openeps.adapters.http.fhir.FhirNodes.requiredString;
import static org.openeps.adapters.http.fhir.FhirNodes.string;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.Released;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleasedPrescription;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The {@code Task/$release} Parameters and their answer.
 *
 * <p>Request: {@code owner} (an Organization with its ODS code; required), {@code status} (valueCode {@code accepted};
 * required), {@code agent} (a PractitionerRole; optional) and {@code group-identifier} (valueIdentifier with the
 * short-form prescription ID; present for release by ID, absent for nominated release). Each may appear once;
 * parameters of other names are ignored. The person releasing is the {@code sds-user-id} identifier of the agent's
 * {@code practitioner}, when the agent names one.
 *
 * <p>Answer ({@link #released}): Parameters with
 * <ul>
 *   <li>{@code passedPrescriptions}: a {@code searchset} Bundle with one entry ({@code search.mode match}) per released
 *       prescription, whose resource is the prescription-order message Bundle exactly as the prescriber sent it;</li>
 *   <li>{@code failedPrescriptions}: a {@code searchset} Bundle with {@code total} 0 (this service verifies nothing at
 *       release, so nothing fails);</li>
 *   <li>{@code pendingCancellations}, only when a released prescription carries a cancellation the prescriber asked for
 *       while it was with a dispenser: an OperationOutcome with one {@code warning} issue per such prescription issue
 *       (code {@code PENDING_CANCELLATION}), each issue carrying the extension
 *       {@code Extension-Spine-supportingInfo-prescription} whose {@code valueReference.identifier} is the
 *       {@code Bundle.identifier} of the released message it concerns, as failed prescriptions are linked in EPS.</li>
 * </ul>
 * A nominated release with nothing to hand over is answered ({@link #noMorePrescriptions}) with an OperationOutcome whose
 * one issue is {@code information}/{@code informational} with {@code details.coding} code {@code NO_MORE_PRESCRIPTIONS}.
 */
public final class ReleaseMapper {

    static final String SUPPORTING_INFO_PRESCRIPTION =
            "https://fhir.nhs.uk/StructureDefinition/Extension-Spine-supportingInfo-prescription";
    private static final Set<String> KNOWN = Set.of("owner", "status", "agent", "group-identifier");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FhirJson json;

    public ReleaseMapper(FhirJson json) {
        this.json = json;
    }

    /**
     * Reads the release request.
     *
     * @param requestId the X-Request-ID, recorded in the prescription's history as the message that released it
     */
    public ReleaseCommand toCommand(JsonNode parameters, String requestId) {
        DispensingFhir.requireResourceType(parameters, "Parameters");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode parameter : array(parameters, "Parameters.parameter", "parameter")) {
            String name = requiredString(parameter, "Parameters.parameter.name", "name");
            if (KNOWN.contains(name)) {
                EpsException.require(byName.put(name, parameter) == null, ErrorCode.INVALID_VALUE,
                        "Parameter " + name + " must appear at most once.");
            }
        }

        JsonNode owner = Optional.ofNullable(byName.get("owner"))
                .flatMap(parameter -> object(parameter, "Parameters.parameter(\"owner\").resource", "resource"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Required parameter owner is missing."));
        DispensingFhir.requireResourceType(owner, "Organization", "Parameters.parameter(\"owner\").resource");
        OdsCode dispenser = OdsCode.parse(DispensingFhir.odsCode(owner, "Parameters.parameter(\"owner\").resource")
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                        "Parameters.parameter(\"owner\").resource.identifier with system "
                                + FhirSystems.ODS_ORGANISATION_CODE + " is required.")));

        String status = Optional.ofNullable(byName.get("status"))
                .flatMap(parameter -> string(parameter, "Parameters.parameter(\"status\").valueCode", "valueCode"))
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Required parameter status is missing."));
        EpsException.require(status.equals("accepted"), ErrorCode.INVALID_VALUE,
                "Parameters.parameter(\"status\").valueCode must be accepted.");

        Optional<JsonNode> agent = Optional.ofNullable(byName.get("agent"))
                .map(parameter -> object(parameter, "Parameters.parameter(\"agent\").resource", "resource")
                        .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                                "Parameters.parameter(\"agent\").resource is required.")));
        agent.ifPresent(role -> DispensingFhir.requireResourceType(role, "PractitionerRole",
                "Parameters.parameter(\"agent\").resource"));
        Optional<String> person = agent.flatMap(role -> DispensingFhir.sdsUserId(role,
                "Parameters.parameter(\"agent\").resource", practitioner -> Optional.empty()));

        Optional<PrescriptionId> prescriptionId = Optional.ofNullable(byName.get("group-identifier"))
                .map(parameter -> DispensingFhir.prescriptionId(object(parameter,
                                "Parameters.parameter(\"group-identifier\").valueIdentifier", "valueIdentifier")
                                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                                        "Parameters.parameter(\"group-identifier\").valueIdentifier is required.")),
                        "Parameters.parameter(\"group-identifier\").valueIdentifier"));
        return new ReleaseCommand(dispenser, person, prescriptionId, Optional.of(requestId));
    }

    /** The answer to a release that handed over at least one prescription. */
    public ObjectNode released(Released released) {
        ObjectNode result = NODES.objectNode()
                .put("resourceType", "Parameters")
                .put("id", UUID.randomUUID().toString());
        ArrayNode parameters = result.putArray("parameter");
        ObjectNode passed = searchset();
        ArrayNode entries = passed.putArray("entry");
        ObjectNode pending = NODES.objectNode().put("resourceType", "OperationOutcome");
        ArrayNode warnings = pending.putArray("issue");
        for (ReleasedPrescription prescription : released.prescriptions()) {
            Map<String, String> header = json.strings(prescription.originalMessage(), Set.of("id", "identifier.value"));
            String messageId = header.getOrDefault("identifier.value", "");
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", "urn:uuid:" + Optional.ofNullable(header.get("id")).orElseGet(() -> UUID.randomUUID().toString()));
            entry.putObject("search").put("mode", "match");
            entry.putRawValue("resource", new RawValue(prescription.originalMessage()));
            for (Issue issue : PendingCancellations.issuesWithPendingCancellation(prescription.prescription())) {
                ObjectNode warning = PendingCancellations.warning(prescription.prescription(), issue);
                warning.putArray("extension").addObject()
                        .put("url", SUPPORTING_INFO_PRESCRIPTION)
                        .putObject("valueReference").putObject("identifier")
                        .put("system", FhirSystems.MESSAGE_ID)
                        .put("value", messageId);
                warnings.add(warning);
            }
        }
        passed.put("total", entries.size());
        if (entries.isEmpty()) {
            passed.remove("entry");
        }
        parameters.addObject().put("name", "passedPrescriptions").set("resource", passed);
        parameters.addObject().put("name", "failedPrescriptions").set("resource", searchset().put("total", 0));
        if (!warnings.isEmpty()) {
            parameters.addObject().put("name", "pendingCancellations").set("resource", pending);
        }
        return result;
    }

    /** The answer to a nominated release with nothing to hand over. */
    public ObjectNode noMorePrescriptions() {
        ObjectNode outcome = NODES.objectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject()
                .put("severity", "information")
                .put("code", "informational")
                .putObject("details").putArray("coding").addObject()
                .put("system", FhirSystems.SPINE_ERROR_CODE)
                .put("code", "NO_MORE_PRESCRIPTIONS")
                .put("display", "No more prescriptions available");
        return outcome;
    }

    private static ObjectNode searchset() {
        String id = UUID.randomUUID().toString();
        ObjectNode bundle = NODES.objectNode().put("resourceType", "Bundle").put("id", id);
        bundle.putObject("identifier").put("system", FhirSystems.MESSAGE_ID).put("value", id);
        bundle.put("type", "searchset");
        return bundle;
    }
}
