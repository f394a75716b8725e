package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signing in to the web pages in a real browser (the machine's Chromium) against the real service and PostgreSQL:
 * the demo users of development tokens, role selection, sessions, sign-out, CSRF, the HTML error pages, and the
 * accessibility of each page (axe-core, WCAG 2.2 AA: no serious or critical violation).
 */
class WebSignInTest {

    private static RunningService service;
    private static WebBrowser browser;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        service = RunningService.start();
        browser = WebBrowser.start(service.uri("/"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.forgetCookies();
    }

    @Test
    void a_page_asked_for_before_signing_in_sends_the_browser_to_sign_in_and_back_after() {
        browser.open("/site/");

        assertThat(browser.path()).isEqualTo("/signin");
        assertThat(browser.title()).isEqualTo("Sign in - Prescription Tracker - NHS");
        browser.assertAccessible("sign-in");

        browser.choose("#user-prescriber").click("#sign-in");

        assertThat(browser.path()).isEqualTo("/site/");
    }

    @Test
    void signing_in_without_choosing_anyone_shows_the_error_summary() {
        browser.open("/signin").click("#sign-in");

        assertThat(browser.path()).isEqualTo("/signin");
        assertThat(browser.title()).startsWith("Error: ");
        assertThat(browser.text("#error-summary")).contains("There is a problem", "Select who to sign in as");
        assertThat(browser.text("#user-error")).contains("Select who to sign in as");
        browser.assertAccessible("sign-in with an error");

        browser.choose("#error-summary a");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("user-prescriber");
    }

    @Test
    void a_prescriber_sees_who_is_viewing_on_every_tracker_page() {
        signInAs("prescriber");

        assertThat(browser.path()).isEqualTo("/site/");
        assertThat(browser.text("#confidential-banner")).isEqualTo("CONFIDENTIAL: PERSONAL PATIENT DATA accessed by"
                + " Dr Amelia Hart, Clinical Practitioner - HALLGARTH SURGERY (A83008)");
        assertThat(browser.text("#signed-in-as")).isEqualTo("Dr Amelia Hart");
        assertThat(browser.text(".nhsuk-header__service-name")).isEqualTo("Prescription Tracker");
    }

    @Test
    void a_user_with_two_roles_chooses_the_role_to_act_in() {
        browser.open("/signin").choose("#user-two-roles").click("#sign-in");

        assertThat(browser.path()).isEqualTo("/signin/role");
        assertThat(browser.main()).contains("Select your role", "Clinical Practitioner", "HALLGARTH SURGERY (A83008)",
                "Pharmacist", "ASDA INSTORE PHARMACY (FA565)");
        browser.assertAccessible("role selection");

        browser.click("#continue");
        assertThat(browser.text("#error-summary")).contains("Select your role");
        browser.assertAccessible("role selection with an error");

        browser.choose("#role-555254240106").click("#continue");

        assertThat(browser.path()).as(browser.main()).isEqualTo("/site/");
        assertThat(browser.text("#confidential-banner")).endsWith("accessed by Sam Okafor, Pharmacist - ASDA INSTORE"
                + " PHARMACY (FA565)");
    }

    @Test
    void signing_out_ends_the_session() {
        signInAs("pharmacist");
        browser.click("#sign-out");

        assertThat(browser.path()).isEqualTo("/signin?signedout");
        assertThat(browser.main()).contains("You have signed out");
        browser.open("/site/");
        assertThat(browser.path()).isEqualTo("/signin");
    }

    @Test
    void a_patient_is_kept_off_the_tracker_and_staff_off_the_patient_page() {
        signInAs("patient");
        assertThat(browser.path()).as(browser.main()).isEqualTo("/patient/");

        browser.open("/site/");
        assertThat(browser.main()).contains("You cannot see this page");
        browser.assertAccessible("error");

        browser.forgetCookies();
        signInAs("prescriber");
        browser.open("/patient/");
        assertThat(browser.main()).contains("You cannot see this page");
    }

    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_opaque() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri("/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).matches("openeps_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.body()).contains("name=\"csrf\"");
    }

    @Test
    void a_form_posted_without_the_session_csrf_token_is_refused() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(service.uri("/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(service.uri("/signin"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=prescriber&csrf=forged")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(forged.body()).contains("did not come from this service").doesNotContain("Exception", "at org.");
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void errors_on_the_pages_are_html_pages_and_the_apis_are_unchanged() throws Exception {
        signInAs("prescriber");
        browser.open("/site/no-such-page");
        assertThat(browser.main()).contains("Page not found");
        assertThat(browser.text("#confidential-banner")).contains("Dr Amelia Hart");

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(service.uri("/site/no-such-page")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/signin");

        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(service.uri("/FHIR/R4/Task?focus:identifier=x"))
                .header("X-Request-ID", java.util.UUID.randomUUID().toString()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"resourceType\":\"OperationOutcome\"", "Access token missing");
    }

    @Test
    void the_design_system_is_served_with_long_cache_headers() throws Exception {
        browser.open("/signin");
        String css = browser.find("link[rel=stylesheet]").getAttribute("href");
        assertThat(css).matches(".*/assets/nhsuk-frontend-10\\.\\d+\\.\\d+\\.min\\.css");

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(css)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(response.body()).contains(".nhsuk-header");
    }

    @Test
    void a_patient_sees_an_empty_page_and_its_view_is_audited() {
        signInAs("patient");

        assertThat(browser.text("h1")).isEqualTo("Your prescriptions");
        assertThat(browser.text(".nhsuk-header__service-name")).isEqualTo("Your prescriptions");
        browser.assertAccessible("patient");

        List<JsonNode> records = RunningService.json(service.get("/api/admin/audit?nhsNumber=9449310610",
                Callers.administrator()).body()).path("records").valueStream().toList();
        assertThat(records).isEmpty();
        List<JsonNode> read = RunningService.json(service.get("/api/admin/audit?nhsNumber=9449304130",
                Callers.administrator()).body()).path("records").valueStream()
                .filter(record -> record.path("action").asString().equals("READ_PRESCRIPTIONS")).toList();
        assertThat(read).isNotEmpty();
        assertThat(read.getFirst().path("who").path("kind").asString()).isEqualTo("patient");
        assertThat(read.getFirst().path("outcome").asString()).isEqualTo("OK");
    }

    @Test
    void a_patient_acting_for_another_sees_whom_they_act_for() {
        signInAs("delegate");

        assertThat(browser.path()).isEqualTo("/patient/");
        assertThat(browser.text("h1")).isEqualTo("Jane Smith's prescriptions");
        assertThat(browser.text("#acting-for")).contains("You are acting for Jane Smith (NHS number 944 930 4130)");
        assertThat(browser.text("#signed-in-as")).isEqualTo("Robert Smith");
        browser.assertAccessible("patient acting for another");
    }

    private static void signInAs(String user) {
        browser.open("/signin").choose("#user-" + user).click("#sign-in");
    }
}
