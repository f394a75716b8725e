package org.openeps.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
        if (mayHoldNul(body)) {
            nul(json, "").ifPresent(where -> {
                throw new EpsException(ErrorCode.INVALID_VALUE, NUL + "; found " + where);
            });
        }
        return json;
    }

    /**
     * Whether well-formed JSON text may hold the NUL character: only escaped, as a backslash, {@code u} and four zeros,
     * the parser refusing it unescaped. A body without those six bytes needs no walk through its tree; one with them
     * may still not hold it (the backslash may itself be escaped), which the walk decides.
     */
    private static boolean mayHoldNul(byte[] body) {
        for (int i = 0; i + 5 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u' && body[i + 2] == '0' && body[i + 3] == '0' && body[i + 4] == '0'
                    && body[i + 5] == '0') {
                return true;
            }
        }
        return false;
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

    /**
     * String values in a JSON object, read as a stream without building its tree (for a stored resource sent on as it
     * is): for each wanted path (property names from the top, joined by dots, as {@code identifier.value}) whose value
     * is a string, that value. Reading stops once every path is found.
     *
     * @param object JSON text of an object this class parsed before (a stored message)
     */
    public Map<String, String> strings(String object, Set<String> paths) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = mapper.createParser(object)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                strings(parser, "", paths, found);
            }
        }
        return found;
    }

    private static void strings(JsonParser parser, String prefix, Set<String> paths, Map<String, String> found) {
        String name;
        while (found.size() < paths.size() && (name = parser.nextName()) != null) {
            String path = prefix + name;
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && paths.contains(path)) {
                found.putIfAbsent(path, parser.getString());
            } else if (value == JsonToken.START_OBJECT && paths.stream().anyMatch(wanted -> wanted.startsWith(path + "."))) {
                strings(parser, path + ".", paths, found);
            } else {
                parser.skipChildren();
            }
        }
    }

    public byte[] write(JsonNode json) {
        return mapper.writeValueAsBytes(json);
    }

    /**
     * A digest of a body {@link #parse parsed} without error, the same however the client spaced it: SHA-256 over the
     * body without the whitespace between tokens (strings are kept as they are, with their escapes). One pass over the
     * bytes, no second serialisation.
     */
    public static String fingerprint(byte[] body) {
        byte[] tokens = new byte[body.length];
        int length = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : body) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            } else if (b == '"') {
                inString = true;
            }
            tokens[length++] = b;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tokens, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The body as text, UTF-8. */
    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
