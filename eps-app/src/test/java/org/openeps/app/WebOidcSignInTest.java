package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openeps.domain.access.Caller;

/**
 * The web pages' production sign-in, against a real OpenID Connect provider in the test (NAV's mock-oauth2-server:
 * discovery, authorisation endpoint, token endpoint, signed ID tokens, UserInfo) and a real browser. The service runs
 * as in production: API tokens from a JWKS file, no development tokens and no demo users, and the pages' client ID
 * registered in the supplier registry as a tracking system.
 */
class WebOidcSignInTest {

    private static final String CLIENT_ID = "openeps-web";
    private static final String ISSUER_ID = "cis2";

    private static MockOAuth2Server identityProvider;
    private static AccessMatrixTokens apiTokens;
    private static RunningService service;
    private static WebBrowser browser;

    @BeforeAll
    static void start() {
        identityProvider = new MockOAuth2Server();
        identityProvider.start();
        apiTokens = AccessMatrixTokens.generate();
        int port = freePort();
        URI issuer = URI.create(identityProvider.issuerUrl(ISSUER_ID).toString());
        WebSettings.Oidc oidc = new WebSettings.Oidc(issuer, CLIENT_ID, "client-secret",
                URI.create("http://127.0.0.1:" + port + "/signin/callback"), "openid profile");
        service = RunningService.start(Clock.systemUTC(), configuration -> new Configuration(port,
                configuration.database(), configuration.dataDirectory(), configuration.maxRequestBytes(),
                configuration.httpThreads(), configuration.admission(), configuration.schedulerInterval(), configuration.schedulerBatchSize(),
                configuration.directoryFile(), AccessSettings.keyFile(apiTokens.jwksFile(), AccessMatrixTokens.ISSUER,
                AccessMatrixTokens.AUDIENCE), new WebSettings(false, Duration.ofMinutes(30), Optional.of(oidc))));
        HttpResponse<String> registered = service.send(HttpRequest.newBuilder(
                        service.uri("/api/admin/supplier-systems/" + CLIENT_ID))
                .header("Authorization", "Bearer " + apiTokens.sign(new Caller.Administrator("555000000099")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"supplier\": \"OpenEPS\", \"product\": \"Web pages\","
                        + " \"version\": \"1\", \"features\": [\"tracking\"], \"status\": \"assured\"}"))
                .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
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
        if (identityProvider != null) {
            identityProvider.shutdown();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.forgetCookies();
    }

    @Test
    void a_member_of_staff_signs_in_at_the_identity_provider_chooses_a_role_and_comes_back_to_the_page_asked_for() {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "555254240104", "JWT",
                List.of(CLIENT_ID), Map.of(
                        "name", "Sam Okafor",
                        "nhsid_useruid", "555254240104",
                        "nhsid_nrbac_roles", List.of(
                                Map.of("person_roleid", "555254240105", "org_code", "A83008",
                                        "role_code", "S8000:G8000:R8000",
                                        "role_name", "\"Clinical\":\"Clinical Provision\":\"Clinical Practitioner\"",
                                        "activity_codes", List.of("B0278")),
                                Map.of("person_roleid", "555254240106", "org_code", "VNE51",
                                        "role_code", "R8003", "activity_codes", List.of("B0570")))),
                3600));

        browser.open("/site/?by=nhs");
        assertThat(browser.path()).isEqualTo("/signin");
        assertThat(browser.all("#user-prescriber")).as("no demo users in production").isEmpty();
        browser.assertAccessible("sign-in with an identity provider");
        browser.click("#sign-in");

        assertThat(browser.path()).isEqualTo("/signin/role");
        assertThat(browser.main()).contains("Clinical Practitioner", "HALLGARTH SURGERY (A83008)",
                "Health Professional", "The Simple Pharmacy (VNE51)");
        browser.choose("#role-555254240106").click("#continue");

        assertThat(browser.path()).isEqualTo("/site/?by=nhs");
        assertThat(browser.text("#confidential-banner")).endsWith("accessed by Sam Okafor, Health Professional - The"
                + " Simple Pharmacy (VNE51)");
        browser.type("#nhsNumber", "9449304130").click("#search");
        assertThat(browser.main()).contains("No prescriptions were found for NHS number 944 930 4130");
    }

    @Test
    void a_patient_verified_to_p9_sees_their_page_and_a_lower_level_is_refused() {
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "nhs-login-1", "JWT",
                List.of(CLIENT_ID), Map.of("nhs_number", "9449304130", "identity_proofing_level", "P9",
                "given_name", "Jane", "family_name", "Smith"), 3600));
        browser.open("/signin").click("#sign-in");
        assertThat(browser.path()).isEqualTo("/patient/");
        assertThat(browser.text("#signed-in-as")).isEqualTo("Jane Smith");

        browser.forgetCookies();
        identityProvider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "nhs-login-2", "JWT",
                List.of(CLIENT_ID), Map.of("nhs_number", "9449304130", "identity_proofing_level", "P5"), 3600));
        browser.open("/signin").click("#sign-in");
        assertThat(browser.main()).contains("must be fully verified (P9)");
        browser.open("/patient/");
        assertThat(browser.path()).isEqualTo("/signin");
    }

    @Test
    void an_answer_that_does_not_belong_to_this_browsers_sign_in_is_refused() throws Exception {
        browser.open("/signin");
        browser.open("/signin/callback?code=stolen&state=made-up");
        assertThat(browser.main()).contains("No sign-in was under way in this browser");

        // a sign-in under way: sent to the provider, and an answer made up by someone else arrives
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(service.uri("/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(service.uri("/signin/start"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(303);
        URI authorisation = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorisation.toString()).startsWith(identityProvider.issuerUrl(ISSUER_ID).toString())
                .contains("response_type=code", "client_id=" + CLIENT_ID, "code_challenge_method=S256", "state=",
                        "nonce=", "redirect_uri=");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
                service.uri("/signin/callback?code=stolen&state=made-up")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("You are not signed in",
                "The sign-in answer does not belong to this browser's sign-in");
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(service.uri("/site/"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(303);
    }

    @Test
    void the_demo_users_and_development_tokens_do_not_exist() {
        HttpResponse<String> demo = service.send(HttpRequest.newBuilder(service.uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=prescriber")).build());
        assertThat(demo.statusCode()).isEqualTo(403);
        assertThat(service.send(HttpRequest.newBuilder(service.uri("/dev/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isIn(401, 404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
