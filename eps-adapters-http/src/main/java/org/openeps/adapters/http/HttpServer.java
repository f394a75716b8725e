package org.openeps.adapters.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openeps.adapters.http.access.AccessControl;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.access.RequestAccess;
import org.openeps.adapters.http.fhir.OperationOutcomes;
import org.openeps.application.nomination.StaleNominationsException;
import org.openeps.application.prescription.ConcurrentUpdateException;
import org.openeps.application.shared.ServiceBusyException;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP server: Javalin on Jetty, with every feature's routes, the request headers the EPS API requires, and one
 * place that turns every failure into a response: an OperationOutcome on the FHIR API, an RFC 9457 problem on the JSON
 * APIs under {@code /api/}, an HTML page on the web pages (see {@link ErrorPages}). No response ever carries a stack
 * trace, and no API answers with an HTML page.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final String REQUEST_ID = "X-Request-ID";
    private static final String BUSY = "The service is busy and did not process the request; send it again shortly";
    private static final String CORRELATION_ID = "X-Correlation-ID";
    private static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern SAFE_HEADER = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening.
     *
     * @param port           0 for any free port
     * @param maxRequestSize the largest request body accepted, in bytes
     */
    public static HttpServer start(int port, long maxRequestSize, int maxThreads, List<Routes> routes,
                                   AccessControl access) {
        return start(port, maxRequestSize, maxThreads, routes, access, Optional.empty());
    }

    /**
     * Starts listening, with the web pages when {@code pages} is present: their routes are among {@code routes}, and
     * their failures are answered by {@code pages}.
     */
    public static HttpServer start(int port, long maxRequestSize, int maxThreads, List<Routes> routes,
                                   AccessControl access, Optional<ErrorPages> pages) {
        return start(port, maxRequestSize, maxThreads, Admission.forPool(10), routes, access, pages);
    }

    /**
     * Starts listening, admitting requests as {@code admission} says: beyond its limits a request is answered 503
     * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} (Jetty's {@link QoSHandler}, in front of every route but
     * {@code /_ping}).
     */
    public static HttpServer start(int port, long maxRequestSize, int maxThreads, Admission admission,
                                   List<Routes> routes, AccessControl access, Optional<ErrorPages> pages) {
        FhirJson json = new FhirJson();
        Failures failures = new Failures(json, access.requests(), pages);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new OperationOutcomeErrorHandler(json, pages));
                // Javalin puts its own handler inside the server's wrapper: every request passes through this first
                QoSHandler admitted = new QoSHandler();
                admitted.setMaxRequestCount(admission.maxConcurrent());
                admitted.setMaxSuspendedRequestCount(admission.maxQueued());
                admitted.setMaxSuspend(admission.maxWait());
                admitted.excludePath("/_ping");
                server.setHandler(admitted);
            });
            config.http.maxRequestSize = maxRequestSize;
            config.http.prefer405over404 = true;

            config.routes.before(HttpServer::echoHeaders);
            config.routes.before(access.authentication()::authenticate);
            config.routes.before(access.rateLimits()::limit);
            config.routes.before("/FHIR/R4/*", HttpServer::requireRequestId);
            config.routes.before(HttpServer::refuseControlCharacters);
            routes.forEach(group -> group.register(config.routes));

            config.routes.exception(EpsException.class, (e, ctx) -> failures.fail(ctx,
                    isApi(ctx.path()) || pages.isPresent() && BrowserSessions.isWebPage(ctx.path())
                            ? ProblemDetails.status(e.code().kind()) : fhirStatus(e.code().kind()),
                    OperationOutcomes.issueType(e.code()), e.code().name(), OperationOutcomes.display(e.code()),
                    e.getMessage()));
            config.routes.exception(ConcurrentUpdateException.class, (e, ctx) -> failures.fail(ctx, 409, "conflict",
                    "CONCURRENT_UPDATE", "Changed by another request",
                    "The prescription was changed by another request at the same moment; send the request again"));
            config.routes.exception(StaleNominationsException.class, (e, ctx) -> failures.fail(ctx, 412, "conflict",
                    "PRECONDITION_FAILED", "Version mismatch", e.getMessage()));
            config.routes.exception(HttpError.class, (e, ctx) -> failures.fail(ctx, e.status(), e.issueType(),
                    e.code(), e.getMessage(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> failures.javalinError(ctx,
                    e.getStatus(), e.getMessage()));
            config.routes.exception(ValidationException.class, (e, ctx) -> failures.fail(ctx, 400, "invalid",
                    "INVALID_VALUE", "Invalid parameters", "Invalid parameters: " + e.getErrors().keySet()));
            config.routes.exception(ServiceBusyException.class, (e, ctx) -> {
                LOG.warn("Overloaded answering {} {} (X-Request-ID {}): {}", ctx.method(), ctx.path(),
                        ctx.header(REQUEST_ID), e.getMessage());
                ctx.header("Retry-After", "1");
                failures.fail(ctx, 503, "transient", "SERVICE_UNAVAILABLE", "Service busy", BUSY);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected failure answering {} {} (X-Request-ID {})", ctx.method(), ctx.path(),
                        ctx.header(REQUEST_ID), e);
                failures.fail(ctx, 500, "exception", "SERVER_ERROR", "Internal server error",
                        "The service could not process the request; it has been logged");
            });
        });
        app.start(port);
        LOG.info("OpenEPS listening on port {}", app.port());
        return new HttpServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** On the FHIR API every broken rule is 400, as EPS answers, but for the access failures. */
    private static int fhirStatus(ErrorCode.Kind kind) {
        return switch (kind) {
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY_REQUESTS -> 429;
            case INVALID, DUPLICATE, NOT_FOUND, BUSINESS_RULE -> 400;
        };
    }

    private static boolean isApi(String path) {
        return path != null && path.startsWith("/api/");
    }

    /** Sends an OperationOutcome (or any FHIR resource) as the response. */
    static void respond(Context ctx, FhirJson json, int status, ObjectNode body) {
        ctx.status(status).contentType(FhirJson.CONTENT_TYPE).result(json.write(body));
    }

    private static void echoHeaders(Context ctx) {
        echo(ctx, REQUEST_ID);
        echo(ctx, CORRELATION_ID);
    }

    private static void echo(Context ctx, String header) {
        String value = ctx.header(header);
        if (value != null && SAFE_HEADER.matcher(value).matches()) {
            ctx.header(header, value);
        }
    }

    /** Every FHIR call but the CapabilityStatement must carry a UUID X-Request-ID. */
    private static void requireRequestId(Context ctx) {
        if (ctx.path().equals("/FHIR/R4/metadata")) {
            return;
        }
        String requestId = ctx.header(REQUEST_ID);
        EpsException.require(requestId != null && !requestId.isBlank(), ErrorCode.MISSING_VALUE,
                "The X-Request-ID header is required");
        EpsException.require(UUID_FORMAT.matcher(requestId.trim()).matches(), ErrorCode.INVALID_VALUE,
                "The X-Request-ID header must be a UUID");
    }

    /**
     * No query parameter may hold a control character (a NUL, a line break, ...): none has a meaning in any search, and
     * a NUL cannot even be stored or compared by PostgreSQL.
     */
    private static void refuseControlCharacters(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> values.forEach(value -> EpsException.require(
                value.chars().noneMatch(c -> c < 0x20 || c == 0x7F), ErrorCode.INVALID_VALUE,
                "Query parameter " + name + " must not contain control characters")));
    }

    /**
     * The one place a failure becomes a response, and is recorded in the audit trail when the request had got as far
     * as being audited.
     */
    private record Failures(FhirJson json, RequestAccess audit, Optional<ErrorPages> pages) {

        /** The most of a too-large body read (and thrown away) before answering 413. */
        private static final long DISCARD_LIMIT = 64L * 1024 * 1024;

        /**
         * Under {@code /api/} (the JSON APIs) an RFC 9457 {@code application/problem+json} body with the code,
         * elsewhere (the FHIR API) an OperationOutcome.
         *
         * @param issueType the FHIR issue type, for the OperationOutcome
         * @param display   the short description of the code, for the OperationOutcome
         */
        void fail(Context ctx, int status, String issueType, String code, String display, String detail) {
            audit.failed(ctx, code);
            if (status == 413) {
                discardBody(ctx);
            } else {
                drainBody(ctx);
            }
            if (pages.isPresent() && BrowserSessions.isWebPage(ctx.path())) {
                pages.orElseThrow().render(ctx, status, code, detail);
            } else if (isApi(ctx.path())) {
                ctx.status(status).contentType(ProblemDetails.CONTENT_TYPE)
                        .result(json.write(ProblemDetails.of(status, code, detail)));
            } else {
                respond(ctx, json, status, OperationOutcomes.error(issueType, code, display, detail));
            }
        }

        /**
         * Reads what is left of a request body refused before it was read (a missing token, a rate limit), so that
         * the connection stays usable and the client reads the answer rather than a reset.
         */
        private static void drainBody(Context ctx) {
            try {
                ctx.bodyAsBytes();
            } catch (RuntimeException tooLargeOrGone) {
                // the connection is closed instead; nothing more can be done for this request
            }
        }

        /**
         * Reads and throws away a body refused as too large, up to {@value #DISCARD_LIMIT} bytes, so that a client still
         * sending it reads the 413 rather than a broken connection; beyond that the connection is simply closed.
         */
        private static void discardBody(Context ctx) {
            try {
                InputStream body = ctx.req().getInputStream();
                byte[] buffer = new byte[64 * 1024];
                long left = DISCARD_LIMIT;
                int read;
                while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
                    left -= read;
                }
            } catch (IOException | RuntimeException gone) {
                // the client stopped sending or the connection is closed: nothing more to do for this request
            }
        }

        void javalinError(Context ctx, int status, String message) {
            switch (status) {
                case 404 -> fail(ctx, 404, "not-found", "NOT_FOUND", "Not found", message);
                case 405 -> fail(ctx, 405, "not-supported", "METHOD_NOT_ALLOWED", "Method not allowed", message);
                case 413 -> fail(ctx, 413, "too-costly", "PAYLOAD_TOO_LARGE", "Request body too large",
                        "The request body is larger than the service accepts");
                default -> fail(ctx, status, "invalid", "BAD_REQUEST", "Bad request", message);
            }
        }
    }

    /** Errors Jetty answers before Javalin sees the request (malformed URI, headers too large). */
    private static final class OperationOutcomeErrorHandler extends ErrorHandler {
        private final FhirJson json;
        private final Optional<ErrorPages> pages;

        OperationOutcomeErrorHandler(FhirJson json, Optional<ErrorPages> pages) {
            this.json = json;
            this.pages = pages;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            String requestId = request.getHeaders().get(REQUEST_ID);
            response.getHeaders().put(REQUEST_ID, requestId != null && SAFE_HEADER.matcher(requestId).matches()
                    ? requestId : UUID.randomUUID().toString());
            String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            if (pages.isPresent() && BrowserSessions.isWebPage(path)) {
                response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(pages.orElseThrow().page(code).getBytes(StandardCharsets.UTF_8)),
                        callback);
                return;
            }
            if (isApi(request.getHttpURI() == null ? null : request.getHttpURI().getPath())) {
                if (code == 503) {
                    response.getHeaders().put("Retry-After", "1");
                }
                response.getHeaders().put("Content-Type", ProblemDetails.CONTENT_TYPE);
                response.write(true, ByteBuffer.wrap(json.write(ProblemDetails.of(code,
                        code == 503 ? "SERVICE_UNAVAILABLE" : code >= 500 ? "SERVER_ERROR" : "BAD_REQUEST", reason))),
                        callback);
                return;
            }
            if (code == 503) {
                // refused by admission control (QoSHandler): busy, not broken
                response.getHeaders().put("Retry-After", "1");
            }
            response.getHeaders().put("Content-Type", FhirJson.CONTENT_TYPE);
            ObjectNode outcome = code == 503
                    ? OperationOutcomes.error("transient", "SERVICE_UNAVAILABLE", "Service busy", BUSY)
                    : code >= 500
                    ? OperationOutcomes.error("exception", "SERVER_ERROR", "Internal server error", reason)
                    : OperationOutcomes.error("invalid", "BAD_REQUEST", reason, reason);
            response.write(true, ByteBuffer.wrap(json.write(outcome)), callback);
        }
    }
}
