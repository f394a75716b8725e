package org.openeps.adapters.http.access;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.FhirRequests;
import org.openeps.adapters.http.Routes;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code POST /dev/token}, served only with development tokens: a JSON description of a caller in, a signed access
 * token for it out ({@code {"access_token": "...", "token_type": "Bearer", "expires_in": 3600}}). The bodies:
 * <ul>
 * <li>{@code {"kind":"user","sdsUserId":..,"roleProfileId":..,"roleCode":..,"activities":[..],"ods":..,"clientId":..}}</li>
 * <li>{@code {"kind":"system","clientId":..}}</li>
 * <li>{@code {"kind":"patient","nhsNumber":..}}, optionally {@code "actingFor"} and {@code "clientId"} (default
 * {@value #PATIENT_APP})</li>
 * <li>{@code {"kind":"admin","sdsUserId":..}}</li>
 * </ul>
 * and in each, optionally {@code "expiresIn"}: seconds, 1 to 86,400 (default 3,600).
 */
public final class DevTokenRoutes implements Routes {

    static final String PATH = "/dev/token";
    static final String PATIENT_APP = "demo-patient-app";
    private static final long DEFAULT_VALIDITY = 3600;

    private final FhirJson json;
    private final DevTokens tokens;

    public DevTokenRoutes(FhirJson json, DevTokens tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::issue);
    }

    private void issue(Context ctx) {
        JsonNode body = json.parse(FhirRequests.jsonBody(ctx));
        long validity = body.has("expiresIn") ? body.path("expiresIn").asLong(0) : DEFAULT_VALIDITY;
        EpsException.require(validity >= 1 && validity <= 86_400, ErrorCode.INVALID_VALUE,
                "expiresIn must be 1 to 86400 seconds");
        String token = tokens.issue(caller(body), Duration.ofSeconds(validity));
        ctx.contentType("application/json").result(json.write(JsonNodeFactory.instance.objectNode()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", validity)));
    }

    /** The caller a request describes. */
    static Caller caller(JsonNode body) {
        String kind = text(body, "kind");
        return switch (kind) {
            case "user" -> new Caller.User(text(body, "sdsUserId"), text(body, "roleProfileId"), text(body, "roleCode"),
                    activities(body), OdsCode.parse(text(body, "ods")), text(body, "clientId"));
            case "system" -> new Caller.Application(text(body, "clientId"));
            case "patient" -> new Caller.Patient(NhsNumber.parse(text(body, "nhsNumber")),
                    optional(body, "actingFor").map(NhsNumber::parse),
                    optional(body, "clientId").orElse(PATIENT_APP));
            case "admin" -> new Caller.Administrator(text(body, "sdsUserId"));
            default -> throw new EpsException(ErrorCode.INVALID_VALUE,
                    "kind must be one of user, system, patient, admin: '" + kind + "'");
        };
    }

    private static Set<String> activities(JsonNode body) {
        JsonNode activities = body.path("activities");
        EpsException.require(activities.isArray() && !activities.isEmpty(), ErrorCode.MISSING_VALUE,
                "activities must list the role's RBAC activity codes, e.g. [\"B0278\"]");
        Set<String> codes = new HashSet<>();
        activities.forEach(code -> {
            EpsException.require(code.isString() && !code.asString().isBlank(), ErrorCode.INVALID_VALUE,
                    "Each activity is a code such as B0570");
            codes.add(code.asString());
        });
        return codes;
    }

    private static String text(JsonNode body, String field) {
        return optional(body, field).orElseThrow(() -> new EpsException(ErrorCode.MISSING_VALUE,
                "The field " + field + " is required"));
    }

    private static Optional<String> optional(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        EpsException.require(value.isString() && !value.asString().isBlank(), ErrorCode.INVALID_VALUE,
                "The field " + field + " must be a non-empty string");
        return Optional.of(value.asString());
    }
}
