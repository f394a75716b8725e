package org.openeps.adapters.http.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openeps.adapters.http.ErrorPages;
import org.openeps.adapters.http.access.BrowserSessions;
import org.openeps.adapters.http.web.session.Person;
import org.openeps.adapters.http.web.session.WebSession;
import org.openeps.adapters.http.web.session.WebSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the web pages from their templates (jte, precompiled at build time, every value HTML-escaped) inside the
 * shared layout, with the headers every page carries: never cached (they show patient data), a strict Content
 * Security Policy (scripts and styles from this service only), no framing, no referrer. Also answers every failure on
 * a web path with an HTML error page.
 */
public final class Pages implements ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    private static final String TEMPLATES = "org.openeps.adapters.http.web.templates";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self' https://assets.nhs.uk; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final TemplateEngine engine;
    private final WebSessions sessions;
    private final Layout.Links links;

    public Pages(WebAssets assets, WebSessions sessions) {
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATES);
        this.sessions = sessions;
        this.links = new Layout.Links(assets.url("nhsuk.css"), assets.url("openeps.css"), assets.url("js-enabled.js"),
                assets.url("openeps.js"));
    }

    /** The layout of a page of a service, for whoever is signed in to the request's session (if anyone). */
    public Layout layout(Context ctx, String title, Service service) {
        Optional<WebSession> session = sessions.current(ctx);
        Optional<Person> person = session.flatMap(WebSession::person);
        Optional<String> accessedBy = person.flatMap(someone -> someone instanceof Person.Staff staff
                ? Optional.of(staff.accessedBy()) : Optional.empty());
        Optional<String> signedInAs = person.map(someone -> switch (someone) {
            case Person.Staff staff -> staff.name();
            case Person.Patient patient -> patient.name();
        });
        return new Layout(title, service, accessedBy, signedInAs, session.map(WebSession::csrfToken), links);
    }

    /** Sends a page: the template with the layout and its own parameters. */
    public void render(Context ctx, int status, String template, Layout layout, Map<String, Object> parameters) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("layout", layout);
        StringOutput output = new StringOutput();
        engine.render(template, all, output);
        headers(ctx);
        ctx.status(status).contentType("text/html; charset=utf-8").result(output.toString());
    }

    public void render(Context ctx, String template, Layout layout, Map<String, Object> parameters) {
        render(ctx, 200, template, layout, parameters);
    }

    /** Sends the browser on to another page after a form (303 See Other). */
    public static void redirect(Context ctx, String location) {
        headers(ctx);
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    @Override
    public void render(Context ctx, int status, String code, String message) {
        if (status == 401 && BrowserSessions.needsSignIn(ctx.path())) {
            redirect(ctx, BrowserSessions.SIGN_IN);
            return;
        }
        Service service = ctx.path().startsWith(BrowserSessions.PATIENT) ? Service.PATIENT : Service.TRACKER;
        ErrorView error = ErrorView.of(status, code, message);
        try {
            render(ctx, status, "error.jte", layout(ctx, error.heading(), service), Map.of("error", error));
        } catch (RuntimeException e) {
            LOG.error("Could not render the error page for {} {}", status, code, e);
            headers(ctx);
            ctx.status(status).contentType("text/html; charset=utf-8").result(page(status));
        }
    }

    @Override
    public String page(int status) {
        String heading = ErrorView.of(status, "", "").heading();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + heading
                + " - NHS</title></head><body><main><h1>" + heading + "</h1><p><a href=\"/signin\">Go to the start"
                + " page</a></p></main></body></html>";
    }

    private static void headers(Context ctx) {
        ctx.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    /**
     * What an error page says: a heading by status, and the reason when it is one a person can act on (never a
     * stack trace or an internal message).
     */
    public record ErrorView(int status, String heading, String message) {

        static ErrorView of(int status, String code, String message) {
            return switch (status) {
                case 400, 422 -> new ErrorView(status, "There is a problem", message);
                case 401 -> new ErrorView(status, "You are not signed in", message);
                case 403 -> new ErrorView(status, "You cannot see this page", message);
                case 404 -> new ErrorView(status, "Page not found", code.equals("NOT_FOUND")
                        ? "If you typed the web address, check it is correct." : message);
                case 405 -> new ErrorView(status, "There is a problem", "That cannot be done on this page.");
                case 409 -> new ErrorView(status, "There is a problem", "Someone else changed this at the same"
                        + " moment. Go back and try again.");
                case 413 -> new ErrorView(status, "There is a problem", "What you sent is too large.");
                case 429 -> new ErrorView(status, "Too many requests", "Wait a few minutes, then try again.");
                default -> new ErrorView(status, "Sorry, there is a problem with the service",
                        "Try again later. If you were signing in, start again.");
            };
        }
    }
}
