package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rate limit per supplier system, with the service allowing five requests a minute: the sixth within the minute is
 * 429 with {@code Retry-After}, on the FHIR API as an OperationOutcome and on the JSON API as a problem; other supplier
 * systems keep their own allowance; the open paths are not counted. Each test spends the allowance of a supplier
 * system of its own, well inside the twelve seconds one request takes to come back.
 */
class RateLimitTest {

    private static final int PER_MINUTE = 5;
    private static final String TRACKER_READ = "/FHIR/R4/Task?patient:identifier=5839945242";
    private static final String DIRECTORY_READ = "/api/organisations/VNE51";

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Clock.systemUTC(),
                config -> config.withAccess(AccessSettings.development().withRateLimit(PER_MINUTE)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void the_sixth_fhir_request_within_the_minute_is_429_with_an_operation_outcome_and_retry_after() {
        ObjectNode pharmacy = Callers.dispenser("VNE51");
        spendAllowance(TRACKER_READ, pharmacy);

        HttpResponse<String> limited = service.get(TRACKER_READ, pharmacy);

        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertRetryAfter(limited);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = RunningService.json(limited.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode issue = outcome.path("issue").get(0);
        assertThat(issue.path("severity").asString()).isEqualTo("error");
        assertThat(issue.path("details").path("coding").get(0).path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(service.send(service.authorised(HttpRequest.newBuilder(service.uri("/_ping")), pharmacy)
                .GET().build()).statusCode()).as("a health check by a supplier system over its limit").isEqualTo(200);
    }

    @Test
    void the_sixth_json_api_request_within_the_minute_is_429_with_a_problem_and_retry_after() {
        ObjectNode tracker = Callers.system(Callers.TRACKER);
        spendAllowance(DIRECTORY_READ, tracker);

        HttpResponse<String> limited = service.get(DIRECTORY_READ, tracker);

        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertRetryAfter(limited);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunningService.json(limited.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("code").asString()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void the_allowance_is_the_supplier_systems_whatever_the_user_or_path() {
        String system = "demo-status-update";
        spendAllowance(DIRECTORY_READ, Callers.user("FA565", "555000000002", "B0570", system));

        HttpResponse<String> limited = service.get(TRACKER_READ, Callers.user("VNE51", "555000000003", "B0570", system));

        assertThat(limited.statusCode()).as("another user, another path, the same supplier system: " + limited.body())
                .isEqualTo(429);
    }

    @Test
    void another_supplier_system_is_not_affected() {
        ObjectNode patientApp = Callers.patient("5839945242");
        spendAllowance(TRACKER_READ, patientApp);
        assertThat(service.get(TRACKER_READ, patientApp).statusCode()).isEqualTo(429);

        ObjectNode prescriber = Callers.prescriber("A83008");
        for (int request = 1; request <= PER_MINUTE; request++) {
            HttpResponse<String> response = service.get(TRACKER_READ, prescriber);
            assertThat(response.statusCode()).as("request %d of %s: %s", request, Callers.PRESCRIBING_SYSTEM,
                    response.body()).isEqualTo(200);
        }
    }

    @Test
    void the_open_paths_are_not_limited() {
        for (String path : List.of("/_ping", "/_status", "/FHIR/R4/metadata")) {
            for (int request = 1; request <= 3 * PER_MINUTE; request++) {
                HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri(path)).GET().build());
                assertThat(response.statusCode()).as("%s request %d: %s", path, request, response.body())
                        .isEqualTo(200);
            }
        }
    }

    /** Sends the supplier system's whole allowance for the minute, every request answered. */
    private static void spendAllowance(String path, ObjectNode caller) {
        for (int request = 1; request <= PER_MINUTE; request++) {
            HttpResponse<String> response = service.get(path, caller);
            assertThat(response.statusCode()).as("request %d of %s to %s: %s", request, caller, path,
                    response.body()).isEqualTo(200);
        }
    }

    private static void assertRetryAfter(HttpResponse<String> limited) {
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(value -> {
            assertThat(value).matches("[1-9][0-9]*");
            assertThat(Long.parseLong(value)).as("seconds until one request is allowed again").isBetween(1L, 60L);
        });
    }
}
