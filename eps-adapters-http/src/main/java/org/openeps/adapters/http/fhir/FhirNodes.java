package org.openeps.adapters.http.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.JsonNode;

/** Small, strict readers for FHIR JSON: a wrong type is a client error, never a crash. */
public final class FhirNodes {

    private FhirNodes() {
    }

    /** The string at {@code path} below {@code node}, if there is one; a non-string value there is refused. */
    public static Optional<String> string(JsonNode node, String where, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        EpsException.require(value.isString(), ErrorCode.INVALID_VALUE, where + " must be a string");
        String text = value.stringValue();
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /** The string at {@code path}, which must be there. */
    public static String requiredString(JsonNode node, String where, String... path) {
        return string(node, where, path)
                .orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE, where + " is required"));
    }

    /** The array at {@code path} as a list (empty when absent); anything but an array is refused. */
    public static List<JsonNode> array(JsonNode node, String where, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        EpsException.require(value.isArray(), ErrorCode.INVALID_VALUE, where + " must be an array");
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** The object at {@code path}, if present; anything but an object is refused. */
    public static Optional<JsonNode> object(JsonNode node, String where, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        EpsException.require(value.isObject(), ErrorCode.INVALID_VALUE, where + " must be an object");
        return Optional.of(value);
    }

    /** The extension of {@code node} with this URL (matched on its last path segment, e.g. Extension-DM-PrescriptionType). */
    public static Optional<JsonNode> extension(JsonNode node, String where, String name) {
        for (JsonNode extension : array(node, where + ".extension", "extension")) {
            Optional<String> url = string(extension, where + ".extension.url", "url");
            if (url.isPresent() && (url.get().equals(name) || url.get().endsWith("/" + name))) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }

    /** The {@code value} of the identifier in {@code identifiers} whose system is {@code system}. */
    public static Optional<String> identifier(JsonNode node, String where, String system) {
        JsonNode identifiers = at(node, "identifier");
        List<JsonNode> candidates = identifiers.isArray() ? array(node, where + ".identifier", "identifier")
                : object(node, where + ".identifier", "identifier").stream().toList();
        for (JsonNode identifier : candidates) {
            if (string(identifier, where + ".identifier.system", "system").filter(system::equals).isPresent()) {
                return string(identifier, where + ".identifier.value", "value");
            }
        }
        return Optional.empty();
    }

    /** The code of the first coding at {@code path} (a Coding, or a CodeableConcept's first coding). */
    public static Optional<String> code(JsonNode node, String where, String... path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.has("coding")) {
            List<JsonNode> codings = array(value, where + ".coding", "coding");
            return codings.isEmpty() ? Optional.empty() : string(codings.get(0), where + ".coding.code", "code");
        }
        return string(value, where + ".code", "code");
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current.path(step);
        }
        return current;
    }
}
