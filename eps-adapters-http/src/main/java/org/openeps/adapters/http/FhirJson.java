package org.openeps.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading and writing FHIR JSON: strict parsing (no duplicate keys, nothing after the resource), compact output. */
public final class FhirJson {

    public static final String CONTENT_TYPE = "application/fhir+json; charset=utf-8";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Parses a request body; anything that is not one well-formed JSON object is a client error. */
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
        return json;
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
