package org.openeps.adapters.http.nomination;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openeps.adapters.http.fhir.FhirSystems;
import org.openeps.application.nomination.ChangeNominationsUseCase.NominationRequest;
import org.openeps.domain.nomination.NominationChange;
import org.openeps.domain.nomination.Nominations;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patient's nominations as the PDS FHIR API shows them: a Patient with its NHS number, {@code meta.versionId} and
 * one {@link NominationExtension} per nomination (no {@code extension} at all when there is none, as FHIR allows no
 * empty array); and back, the nomination changes a patched Patient asks for.
 */
public final class PatientMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ObjectNode patient(Nominations nominations) {
        ObjectNode patient = NODES.objectNode();
        patient.put("resourceType", "Patient");
        patient.put("id", nominations.patient().value());
        patient.putObject("meta").put("versionId", Long.toString(nominations.version()));
        patient.putArray("identifier").addObject()
                .put("system", FhirSystems.NHS_NUMBER)
                .put("value", nominations.patient().value());
        ArrayNode extensions = NODES.arrayNode();
        for (NominationExtension extension : NominationExtension.values()) {
            nominations.nominated(extension.siteType()).ifPresent(ods -> {
                ObjectNode node = extensions.addObject().put("url", extension.url());
                node.putObject("valueReference").putObject("identifier")
                        .put("system", FhirSystems.ODS_ORGANISATION_CODE)
                        .put("value", ods.value());
            });
        }
        if (!extensions.isEmpty()) {
            patient.set("extension", extensions);
        }
        return patient;
    }

    /**
     * The changes that turn {@code current} into the nominations the patched Patient holds.
     *
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when anything but the nomination extensions changed, a
     *     nomination extension appears twice, or does not name an organisation by ODS code
     */
    public List<NominationRequest> changes(ObjectNode original, JsonNode patched, Nominations current) {
        EpsException.require(patched.isObject(), ErrorCode.INVALID_VALUE, "The patched Patient is not a JSON object");
        EpsException.require(withoutNominations(original).equals(withoutNominations(patched)), ErrorCode.INVALID_VALUE,
                "Only the nomination extensions (" + urls() + ") may be changed on this service; the patch changes "
                        + "something else");
        Map<NominationExtension, OdsCode> wanted = new EnumMap<>(NominationExtension.class);
        for (JsonNode extension : patched.path("extension")) {
            NominationExtension type = NominationExtension.fromUrl(extension.path("url").asString("")).orElseThrow();
            EpsException.require(!wanted.containsKey(type), ErrorCode.INVALID_VALUE,
                    "A patient has at most one " + type.url() + " extension");
            wanted.put(type, ods(extension, type));
        }
        List<NominationRequest> requests = new ArrayList<>();
        for (NominationExtension type : NominationExtension.values()) {
            Optional<OdsCode> to = Optional.ofNullable(wanted.get(type));
            if (!to.equals(current.nominated(type.siteType()))) {
                requests.add(new NominationRequest(type.siteType(), to));
            }
        }
        return requests;
    }

    /** The nomination history as the JSON API shows it. */
    public ObjectNode history(Nominations nominations, List<NominationChange> history) {
        ObjectNode body = NODES.objectNode();
        body.put("nhsNumber", nominations.patient().value());
        body.put("version", nominations.version());
        ObjectNode nominated = body.putObject("nominations");
        nominations.all().forEach((type, ods) -> nominated.put(type.code(), ods.value()));
        ArrayNode changes = body.putArray("history");
        for (NominationChange change : history) {
            ObjectNode node = changes.addObject()
                    .put("siteType", change.siteType().code())
                    .put("at", change.at().toString());
            change.from().ifPresent(ods -> node.put("from", ods.value()));
            change.to().ifPresent(ods -> node.put("to", ods.value()));
            ObjectNode by = node.putObject("by");
            change.by().organisation().ifPresent(ods -> by.put("organisation", ods.value()));
            change.by().person().ifPresent(person -> by.put("person", person));
        }
        return body;
    }

    private static OdsCode ods(JsonNode extension, NominationExtension type) {
        JsonNode identifier = extension.path("valueReference").path("identifier");
        EpsException.require(identifier.path("system").asString("").equals(FhirSystems.ODS_ORGANISATION_CODE),
                ErrorCode.INVALID_VALUE, type.url() + " must give valueReference.identifier with system "
                        + FhirSystems.ODS_ORGANISATION_CODE);
        EpsException.require(identifier.path("value").isString(), ErrorCode.MISSING_VALUE,
                type.url() + " must give the organisation's ODS code in valueReference.identifier.value");
        return OdsCode.parse(identifier.path("value").asString());
    }

    /** The resource with every nomination extension taken out (and {@code extension} gone when nothing is left). */
    private static JsonNode withoutNominations(JsonNode patient) {
        ObjectNode copy = (ObjectNode) patient.deepCopy();
        JsonNode extensions = copy.path("extension");
        if (extensions.isArray()) {
            ArrayNode others = NODES.arrayNode();
            for (JsonNode extension : extensions) {
                if (!extension.isObject() || NominationExtension.fromUrl(extension.path("url").asString("")).isEmpty()) {
                    others.add(extension);
                }
            }
            if (others.isEmpty()) {
                copy.remove("extension");
            } else {
                copy.set("extension", others);
            }
        }
        return copy;
    }

    private static String urls() {
        return String.join(", ", java.util.Arrays.stream(NominationExtension.values()).map(NominationExtension::url)
                .toList());
    }
}
