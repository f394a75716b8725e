package org.openeps.adapters.http;

import org.eclipse.jetty.http.HttpStatus;
import org.openeps.domain.shared.ErrorCode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Errors on the JSON APIs as RFC 9457 problem details: {@code type} ({@code about:blank}: the status says what went
 * wrong), {@code title} (the status phrase), {@code status}, {@code detail} (what went wrong, for people) and the
 * extension member {@code code} (the EPS code, for programs).
 */
final class ProblemDetails {

    static final String CONTENT_TYPE = "application/problem+json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProblemDetails() {
    }

    static ObjectNode of(int status, String code, String detail) {
        return NODES.objectNode()
                .put("type", "about:blank")
                .put("title", HttpStatus.getMessage(status))
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
    }

    /** The HTTP status of a broken rule on a JSON API. */
    static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case DUPLICATE -> 409;
            case BUSINESS_RULE -> 422;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY_REQUESTS -> 429;
        };
    }
}
