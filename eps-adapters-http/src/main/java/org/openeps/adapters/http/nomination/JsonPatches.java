package org.openeps.adapters.http.nomination;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.openeps.adapters.http.FhirJson;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Applies a JSON Patch (RFC 6902) to a JSON document with JSON-P ({@code Json.createPatch}); Jackson stays the FHIR
 * model, so the document goes in and comes out as JSON text.
 */
final class JsonPatches {

    private JsonPatches() {
    }

    /**
     * @throws EpsException {@link ErrorCode#INVALID_VALUE} when the patch is not a JSON array of operations, holds the
     *     NUL character ({@link FhirJson#NUL}), an operation is malformed, or one fails (a {@code test} that does not
     *     match, a path that does not exist)
     */
    static String apply(String document, String patch) {
        JsonArray operations = operations(patch);
        try (JsonReader reader = Json.createReader(new StringReader(document))) {
            JsonStructure target = reader.read();
            JsonStructure patched = Json.createPatch(operations).apply(target);
            StringWriter text = new StringWriter();
            try (JsonWriter writer = Json.createWriter(text)) {
                writer.write(patched);
            }
            return text.toString();
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "The JSON Patch cannot be applied: " + e.getMessage());
        }
    }

    private static JsonArray operations(String patch) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(patch))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "The request body is not valid JSON: " + e.getMessage());
        }
        EpsException.require(value.getValueType() == JsonValue.ValueType.ARRAY, ErrorCode.INVALID_VALUE,
                "A JSON Patch is a JSON array of operations (RFC 6902)");
        EpsException.require(!value.asJsonArray().isEmpty(), ErrorCode.INVALID_VALUE, "The JSON Patch has no operation");
        EpsException.require(!holdsNul(value), ErrorCode.INVALID_VALUE, FhirJson.NUL + "; found in the JSON Patch");
        return value.asJsonArray();
    }

    /** Whether a string or a property name anywhere in the value holds the NUL character. */
    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(JsonPatches::holdsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(property -> property.getKey().indexOf('\0') >= 0 || holdsNul(property.getValue()));
            case NUMBER, TRUE, FALSE, NULL -> false;
        };
    }
}
