package org.openeps.adapters.http.access;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;

/**
 * Establishes who is calling before any route runs: the {@code Authorization: Bearer} token, verified, and for a user
 * the {@code NHSD-Session-URID} header, which must name the role profile the token selected. A failure is 401 with a
 * short code and nothing more; the token itself is never logged or echoed. The web pages, when the service has
 * them, are signed in by a session cookie instead (see {@link BrowserSessions}).
 */
public final class Authentication {

    static final String SESSION_URID = "NHSD-Session-URID";
    private static final String CALLER = "openeps.caller";
    private static final String BEARER = "Bearer ";
    private static final Set<String> OPEN_PATHS = Set.of("/_ping", "/_status", "/FHIR/R4/metadata", DevTokenRoutes.PATH);

    private final AccessTokens tokens;
    private final Optional<BrowserSessions> sessions;

    public Authentication(AccessTokens tokens) {
        this(tokens, Optional.empty());
    }

    /** With the web pages, whose callers are known by their session cookie. */
    public Authentication(AccessTokens tokens, Optional<BrowserSessions> sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * Whether a path is open without a token: health checks, the CapabilityStatement and the development tokens, and
     * the web pages' sign-in pages and assets.
     */
    public static boolean isOpen(String path) {
        return OPEN_PATHS.contains(path) || BrowserSessions.isOpen(path);
    }

    /** The before-handler: verifies the caller of every path that is not open and keeps it for the routes. */
    public void authenticate(Context ctx) {
        String path = ctx.path();
        if (OPEN_PATHS.contains(path) || sessions.isPresent() && BrowserSessions.isOpen(path)) {
            return;
        }
        if (sessions.isPresent() && BrowserSessions.needsSignIn(path)) {
            ctx.attribute(CALLER, sessions.orElseThrow().signedIn(ctx));
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new EpsException(ErrorCode.UNAUTHORISED, "Access token missing");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw malformed();
        }
        Caller caller = tokens.verify(header.substring(BEARER.length()).strip());
        if (caller instanceof Caller.User user) {
            EpsException.require(user.roleProfileId().equals(ctx.header(SESSION_URID)), ErrorCode.UNAUTHORISED,
                    "The " + SESSION_URID + " header must name the selected role profile");
        }
        ctx.attribute(CALLER, caller);
    }

    /** The authenticated caller of a request; only on paths that are not open. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new EpsException(ErrorCode.UNAUTHORISED, "Access token missing");
        }
        return caller;
    }

    static EpsException malformed() {
        return new EpsException(ErrorCode.UNAUTHORISED, "Access token malformed");
    }

    static EpsException expired() {
        return new EpsException(ErrorCode.UNAUTHORISED, "Access token expired");
    }

    static EpsException invalid() {
        return new EpsException(ErrorCode.UNAUTHORISED, "Access token invalid");
    }
}
