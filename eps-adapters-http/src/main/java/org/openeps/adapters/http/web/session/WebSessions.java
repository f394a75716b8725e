package org.openeps.adapters.http.web.session;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openeps.adapters.http.HttpError;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser sessions of the web pages, kept in memory on this instance (a load balancer in front of several must
 * keep each browser on one). The browser holds an opaque random ID (256 bits) in an {@code HttpOnly},
 * {@code SameSite=Lax} cookie ({@code Secure} when configured); a session ends when its person signs out, after the
 * idle timeout, or at its maximum lifetime. Signing in gives the session a new ID, so an ID planted before sign-in is
 * worth nothing after it.
 */
public final class WebSessions implements BrowserSessions {

    public static final String COOKIE = "openeps_session";
    public static final String CSRF_FIELD = "csrf";
    /** The request's session once found or started, so that a page rendered with a new session has its token. */
    private static final String SESSION = "openeps.web.session";
    private static final Logger LOG = LoggerFactory.getLogger(WebSessions.class);
    private static final Pattern ID_FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    /** Beyond this many live sessions, expired ones are swept out before a new one starts. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final int MAX_SESSIONS = 200_000;

    private final SessionSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    /** @param clock the wall clock (sessions expire in real time, whatever the service's business clock says) */
    public WebSessions(SessionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The live session the request's cookie names, which this request keeps alive. */
    public Optional<WebSession> current(Context ctx) {
        WebSession known = ctx.attribute(SESSION);
        if (known != null) {
            return sessions.get(known.id()) == known ? Optional.of(known) : Optional.empty();
        }
        String id = ctx.cookie(COOKIE);
        if (id == null || !ID_FORMAT.matcher(id).matches()) {
            return Optional.empty();
        }
        WebSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.seen(now);
        ctx.attribute(SESSION, session);
        return Optional.of(session);
    }

    /** The request's session, or a new one (no one signed in) with its cookie set on the response. */
    public WebSession currentOrStart(Context ctx) {
        return current(ctx).orElseGet(() -> start(ctx, SessionState.SigningIn.fresh()));
    }

    /**
     * Moves a session on after a step of signing in, under a new ID and CSRF token: the old ID ends, the browser gets
     * the new one.
     */
    public WebSession renew(Context ctx, WebSession session, SessionState next) {
        sessions.remove(session.id(), session);
        return start(ctx, next);
    }

    /** Moves a session on without a new ID (nothing about who is signed in changes). */
    public void update(WebSession session, SessionState next) {
        session.moveTo(next);
    }

    /** Ends the request's session, if any, and tells the browser to forget the cookie. */
    public void end(Context ctx) {
        current(ctx).ifPresent(session -> sessions.remove(session.id(), session));
        setCookie(ctx, "", 0);
    }

    /**
     * Refuses a posted form that does not carry the session's CSRF token: a form another site made the browser send,
     * or one from a session that has ended.
     */
    public void requireCsrf(Context ctx, WebSession session) {
        String sent = ctx.formParam(CSRF_FIELD);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(403, "forbidden", "CSRF_TOKEN_INVALID",
                    "This form has expired or did not come from this service. Go back, reload the page and try again.");
        }
    }

    /**
     * The caller of a page that needs a signed-in person: staff on the tracker's pages, a patient on the patient
     * page. Someone not signed in is asked to (the page they wanted is kept, to return to after).
     */
    @Override
    public Caller signedIn(Context ctx) {
        Optional<WebSession> session = current(ctx);
        Optional<Person> person = session.flatMap(WebSession::person);
        if (person.isEmpty()) {
            WebSession signingIn = session.orElseGet(() -> start(ctx, SessionState.SigningIn.fresh()));
            if (ctx.method() == HandlerType.GET && signingIn.state() instanceof SessionState.SigningIn pending) {
                signingIn.moveTo(new SessionState.SigningIn(Optional.of(pathAndQuery(ctx)), pending.authorisation()));
            }
            throw new EpsException(ErrorCode.UNAUTHORISED, "Sign in to see this page");
        }
        boolean staffPage = ctx.path().startsWith(SITE);
        return switch (person.orElseThrow()) {
            case Person.Staff staff when staffPage -> staff.caller();
            case Person.Patient patient when !staffPage -> patient.caller();
            default -> throw new EpsException(ErrorCode.ACCESS_DENIED, staffPage
                    ? "The prescription tracker is for staff of prescribing and dispensing sites"
                    : "This page is for patients; staff use the prescription tracker");
        };
    }

    /** The person signed in to the request's session; only on pages that need one. */
    public Person person(Context ctx) {
        return current(ctx).flatMap(WebSession::person)
                .orElseThrow(() -> new EpsException(ErrorCode.UNAUTHORISED, "Sign in to see this page"));
    }

    private WebSession start(Context ctx, SessionState state) {
        Instant now = clock.instant();
        if (sessions.size() > SWEEP_ABOVE) {
            sessions.values().removeIf(session -> expired(session, now));
            if (sessions.size() > MAX_SESSIONS) {
                LOG.warn("{} browser sessions are live: refusing new ones until some expire", sessions.size());
                throw new EpsException(ErrorCode.RATE_LIMITED, "The service is busy; try again in a few minutes");
            }
        }
        WebSession session = new WebSession(randomId(), randomId(), now, state);
        sessions.put(session.id(), session);
        ctx.attribute(SESSION, session);
        setCookie(ctx, session.id(), -1);
        return session;
    }

    private boolean expired(WebSession session, Instant now) {
        return session.lastSeen().plus(settings.idleTimeout()).isBefore(now)
                || session.started().plus(settings.maxLifetime()).isBefore(now);
    }

    private void setCookie(Context ctx, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (settings.secureCookie()) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
