package org.openeps.adapters.http.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * A FHIR message: a Bundle of type {@code message} whose first entry is the MessageHeader. Resolves the references
 * between its entries, by {@code fullUrl} or by {@code Type/id}.
 */
public final class MessageBundle {

    private final JsonNode bundle;
    private final String identifier;
    private final JsonNode header;
    private final List<JsonNode> resources;
    private final Map<String, JsonNode> byReference;

    private MessageBundle(JsonNode bundle, String identifier, JsonNode header, List<JsonNode> resources,
                          Map<String, JsonNode> byReference) {
        this.bundle = bundle;
        this.identifier = identifier;
        this.header = header;
        this.resources = resources;
        this.byReference = byReference;
    }

    /** Checks the envelope of a message and indexes its entries. */
    public static MessageBundle of(JsonNode bundle) {
        EpsException.require(bundle.isObject(), ErrorCode.INVALID_VALUE, "The body must be a FHIR Bundle");
        EpsException.require("Bundle".equals(FhirNodes.string(bundle, "resourceType", "resourceType").orElse("")),
                ErrorCode.INVALID_VALUE, "resourceType must be Bundle");
        EpsException.require("message".equals(FhirNodes.string(bundle, "Bundle.type", "type").orElse("")),
                ErrorCode.INVALID_VALUE, "Bundle.type must be 'message'");
        String identifier = FhirNodes.requiredString(bundle, "Bundle.identifier.value", "identifier", "value");
        List<JsonNode> entries = FhirNodes.array(bundle, "Bundle.entry", "entry");
        EpsException.require(!entries.isEmpty(), ErrorCode.MISSING_VALUE, "Bundle.entry is required");

        List<JsonNode> resources = new ArrayList<>();
        Map<String, JsonNode> byReference = new HashMap<>();
        for (JsonNode entry : entries) {
            JsonNode resource = FhirNodes.object(entry, "Bundle.entry.resource", "resource")
                    .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, "Bundle.entry.resource is required"));
            String type = FhirNodes.requiredString(resource, "Bundle.entry.resource.resourceType", "resourceType");
            resources.add(resource);
            FhirNodes.string(entry, "Bundle.entry.fullUrl", "fullUrl").ifPresent(url -> byReference.put(url, resource));
            FhirNodes.string(resource, type + ".id", "id").ifPresent(id -> {
                byReference.put(type + "/" + id, resource);
                byReference.putIfAbsent("urn:uuid:" + id, resource);
            });
        }
        JsonNode header = resources.get(0);
        EpsException.require("MessageHeader".equals(header.path("resourceType").asString("")), ErrorCode.INVALID_VALUE,
                "The first entry of a message Bundle must be its MessageHeader");
        return new MessageBundle(bundle, identifier, header, List.copyOf(resources), Map.copyOf(byReference));
    }

    /** {@code Bundle.identifier.value}: the message's own ID; a message sent again carries the same one. */
    public String identifier() {
        return identifier;
    }

    /** {@code MessageHeader.eventCoding.code}, e.g. {@code prescription-order}. */
    public String event() {
        return FhirNodes.requiredString(header, "MessageHeader.eventCoding.code", "eventCoding", "code");
    }

    public JsonNode header() {
        return header;
    }

    public JsonNode json() {
        return bundle;
    }

    /** Every resource of this type, in entry order. */
    public List<JsonNode> resources(String resourceType) {
        return resources.stream()
                .filter(resource -> resourceType.equals(resource.path("resourceType").asString("")))
                .toList();
    }

    /** The resource a {@code Reference} at {@code where} points to, if it is in the Bundle. */
    public Optional<JsonNode> resolve(JsonNode referenceHolder, String where) {
        return FhirNodes.string(referenceHolder, where + ".reference", "reference").map(byReference::get);
    }

    /** Like {@link #resolve} but the reference must be there, resolve to a resource of the given type. */
    public JsonNode resolveRequired(JsonNode referenceHolder, String where, String resourceType) {
        String reference = FhirNodes.requiredString(referenceHolder, where + ".reference", "reference");
        JsonNode resource = byReference.get(reference);
        EpsException.require(resource != null, ErrorCode.INVALID_VALUE,
                where + " refers to " + reference + ", which is not in the Bundle");
        EpsException.require(resourceType.equals(resource.path("resourceType").asString("")), ErrorCode.INVALID_VALUE,
                where + " must refer to a " + resourceType);
        return resource;
    }
}
