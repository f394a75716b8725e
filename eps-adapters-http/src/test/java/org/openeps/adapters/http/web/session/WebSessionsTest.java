package org.openeps.adapters.http.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.http.HttpError;
import org.openeps.domain.access.Caller;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.OdsCode;

/** Browser sessions over a real socket: cookies, sign-in with a new ID, idle and total expiry, CSRF, sign-out. */
class WebSessionsTest {

    private static final Person.Staff STAFF = new Person.Staff("Ravi Shah", new StaffRole("555254240103", "R8003",
            "Pharmacist", Set.of("B0570"), OdsCode.parse("VNE51")), "The Simple Pharmacy",
            new Caller.User("555254240102", "555254240103", "R8003", Set.of("B0570"), OdsCode.parse("VNE51"),
                    "demo-tracker"));

    private final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSessions sessions;
    private Javalin app;

    @BeforeEach
    void start() {
        sessions = new WebSessions(new SessionSettings(false, Duration.ofMinutes(30), Duration.ofHours(12)), clock);
        app = Javalin.create(config -> {
            config.routes.get("/start", ctx -> ctx.result(sessions.currentOrStart(ctx).csrfToken()));
            config.routes.post("/signin", ctx -> {
                WebSession session = sessions.current(ctx).orElseThrow();
                sessions.requireCsrf(ctx, session);
                sessions.renew(ctx, session, new SessionState.SignedIn(STAFF));
            });
            config.routes.get("/site/page", ctx -> ctx.result(((Caller.User) sessions.signedIn(ctx)).sdsUserId()));
            config.routes.get("/patient/page", ctx -> ctx.result(sessions.signedIn(ctx).toString()));
            config.routes.post("/signout", ctx -> sessions.end(ctx));
            config.routes.exception(EpsException.class, (e, ctx) -> ctx.status(e.code().name().equals(
                    "UNAUTHORISED") ? 401 : 403).result(e.code().name()));
            config.routes.exception(HttpError.class, (e, ctx) -> ctx.status(e.status()).result(e.code()));
        }).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void signing_in_gives_the_session_a_new_id_and_the_old_one_is_worth_nothing() throws Exception {
        HttpResponse<String> start = get("/start", Optional.empty());
        String before = cookie(start);

        HttpResponse<String> signIn = post("/signin", before, "csrf=" + start.body());
        String after = cookie(signIn);

        assertThat(after).isNotEqualTo(before);
        assertThat(get("/site/page", Optional.of(after)).body()).isEqualTo("555254240102");
        assertThat(get("/site/page", Optional.of(before)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_form_without_the_token_is_refused() throws Exception {
        String cookie = cookie(get("/start", Optional.empty()));

        assertThat(post("/signin", cookie, "csrf=guess").statusCode()).isEqualTo(403);
        assertThat(post("/signin", cookie, "").statusCode()).isEqualTo(403);
    }

    @Test
    void an_idle_session_expires_and_a_busy_one_lasts_until_its_lifetime() throws Exception {
        String cookie = signedIn();
        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/site/page", Optional.of(cookie)).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/site/page", Optional.of(cookie)).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(get("/site/page", Optional.of(cookie)).statusCode()).isEqualTo(401);

        String busy = signedIn();
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(get("/site/page", Optional.of(busy)).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(get("/site/page", Optional.of(busy)).statusCode()).isEqualTo(401);
    }

    @Test
    void staff_may_not_use_the_patient_pages_and_signing_out_ends_the_session() throws Exception {
        String cookie = signedIn();
        assertThat(get("/patient/page", Optional.of(cookie)).statusCode()).isEqualTo(403);

        HttpResponse<String> signOut = post("/signout", cookie, "");
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValue("openeps_session=; Path=/; HttpOnly;"
                + " SameSite=Lax; Max-Age=0");
        assertThat(get("/site/page", Optional.of(cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_made_up_or_malformed_cookie_is_no_session() throws Exception {
        assertThat(get("/site/page", Optional.of("openeps_session=" + "A".repeat(43))).statusCode()).isEqualTo(401);
        assertThat(get("/site/page", Optional.of("openeps_session=../../etc")).statusCode()).isEqualTo(401);
    }

    private String signedIn() throws Exception {
        HttpResponse<String> start = get("/start", Optional.empty());
        return cookie(post("/signin", cookie(start), "csrf=" + start.body()));
    }

    private HttpResponse<String> get(String path, Optional<String> cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        cookie.ifPresent(value -> request.header("Cookie", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static String cookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(header).endsWith("; Path=/; HttpOnly; SameSite=Lax");
        return header.split(";", 2)[0];
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
