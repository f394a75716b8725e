package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.http.Admission;

/**
 * Overload: beyond the requests worked on at once and those waiting for a turn, a request is answered 503 at once, as
 * an OperationOutcome with Retry-After, and nothing of it is processed; the health check still answers.
 */
class AdmissionControlTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Clock.systemUTC(),
                configuration -> configuration.withAdmission(new Admission(1, 0, Duration.ofSeconds(2))));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void with_every_turn_taken_a_request_is_refused_at_once_as_busy_and_served_again_once_a_turn_is_free()
            throws Exception {
        HttpResponse<String> refused;
        try (Socket slow = new Socket("127.0.0.1", service.uri("/").getPort())) {
            // a message whose body never finishes arriving: the one request worked on at once
            OutputStream out = slow.getOutputStream();
            out.write(("POST /FHIR/R4/$process-message HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/fhir+json\r\nContent-Length: 1000\r\n"
                    + "X-Request-ID: " + UUID.randomUUID() + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            refused = metadataOnceAnswered(503);
            HttpResponse<String> ping = service.send(HttpRequest.newBuilder(service.uri("/_ping")).GET().build());
            assertThat(ping.statusCode()).as("the health check is not counted").isEqualTo(200);
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(refused.body()).contains("\"resourceType\":\"OperationOutcome\"", "SERVICE_UNAVAILABLE",
                "\"transient\"");
        assertThat(metadataOnceAnswered(200).statusCode()).as("once the slow request has gone").isEqualTo(200);
    }

    /**
     * Asks for the capability statement until it is answered with this status, for at most 5 s (the slow request may
     * not have taken its turn yet, or not yet given it back); the last answer.
     */
    private static HttpResponse<String> metadataOnceAnswered(int status) throws InterruptedException {
        HttpResponse<String> response = metadata();
        for (int tries = 0; response.statusCode() != status && tries < 50; tries++) {
            Thread.sleep(100);
            response = metadata();
        }
        return response;
    }

    private static HttpResponse<String> metadata() {
        return service.send(HttpRequest.newBuilder(service.uri("/FHIR/R4/metadata")).GET().build());
    }
}
