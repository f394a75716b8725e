package org.openeps.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading and writing FHIR JSON: strict parsing (no duplicate keys, nothing after the resource, no NUL character),
 * compact output.
 */
public final class FhirJson {

    public static final String CONTENT_TYPE = "application/fhir+json; charset=utf-8";
    /**
     * Why a body holding the NUL character (U+0000, which JSON can carry only escaped) is refused: PostgreSQL text
     * cannot hold it, so no value or name holding it could be stored or compared.
     */
    public static final String NUL = "Text must not contain the NUL character";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Parses a request body; anything that is not one well-formed JSON object is a client error, and so is a NUL
     * character anywhere in it.
     *
     * @throws EpsException {@link ErrorCode#MISSING_VALUE} when the body is empty; {@link ErrorCode#INVALID_VALUE}
     *     when it is not one JSON object, or when a string or a property name holds the NUL character ({@link #NUL},
     *     saying where)
     */
    public JsonNode parse(byte[] body) {
        EpsException.require(body.length > 0, ErrorCode.MISSING_VALUE, "The request body is empty");
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new EpsException(ErrorCode.INVALID_VALUE, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
        EpsException.require(json != null && json.isObject(), ErrorCode.INVALID_VALUE,
                "The request body must be a JSON object (a FHIR resource)");
        nul(json, "").ifPresent(where -> {
            throw new EpsException(ErrorCode.INVALID_VALUE, NUL + "; found " + where);
        });
        return json;
    }

    /**
     * Where the first NUL character is: "at" the JSON Pointer (RFC 6901) of the string that holds it, or "in a property
     * name" of the object at a pointer.
     */
    private static Optional<String> nul(JsonNode node, String pointer) {
        if (node.isString()) {
            return node.stringValue().indexOf('\0') >= 0 ? Optional.of("at " + pointer) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nul(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (property.getKey().indexOf('\0') >= 0) {
                    return Optional.of("in a property name " + (pointer.isEmpty() ? "of the body" : "at " + pointer));
                }
                Optional<String> found = nul(property.getValue(), pointer + "/"
                        + property.getKey().replace("~", "~0").replace("/", "~1"));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    public byte[] write(JsonNode json) {
        return mapper.writeValueAsBytes(json);
    }

    /** A digest of the JSON content, the same however the client spaced it. */
    public String fingerprint(JsonNode json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(write(json)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The body as text, UTF-8. */
    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
