package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.PrescribingApiTest.assertError;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What any client meets whatever it sends: the headers EPS requires and echoes, and a 4xx OperationOutcome (never a
 * 500, an HTML page or a stack trace) for every malformed request.
 */
class HttpBehaviourTest {

    private static final String PROCESS_MESSAGE = "/FHIR/R4/$process-message";
    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void request_and_correlation_ids_are_echoed() {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = service.send(service.authorised(HttpRequest.newBuilder(
                        service.uri("/FHIR/R4/Task?patient:identifier=9449304130"))
                .header("X-Request-ID", requestId)
                .header("X-Correlation-ID", "corr-123"), Callers.dispenser("VNE51"))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-ID")).contains(requestId);
        assertThat(response.headers().firstValue("X-Correlation-ID")).contains("corr-123");
    }

    @Test
    void request_id_is_required() {
        HttpResponse<String> response = service.post(PROCESS_MESSAGE, "{}".getBytes(StandardCharsets.UTF_8),
                "application/fhir+json", null);

        assertError(response, 400, "value", "MISSING_VALUE");
        assertThat(response.body()).contains("X-Request-ID");
    }

    @Test
    void request_id_must_be_a_uuid() {
        HttpResponse<String> response = service.post(PROCESS_MESSAGE, "{}".getBytes(StandardCharsets.UTF_8),
                "application/fhir+json", "not-a-uuid");

        assertError(response, 400, "value", "INVALID_VALUE");
    }

    @Test
    void malformed_json_is_a_bad_request() {
        assertError(service.postMessage("{\"resourceType\": \"Bundle\", ".getBytes(StandardCharsets.UTF_8)),
                400, "value", "INVALID_VALUE");
        assertError(service.postMessage("[1, 2]".getBytes(StandardCharsets.UTF_8)), 400, "value", "INVALID_VALUE");
        assertError(service.postMessage("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)), 400, "value", "INVALID_VALUE");
        assertError(service.postMessage(new byte[0]), 400, "value", "MISSING_VALUE");
    }

    @Test
    void a_resource_that_is_not_a_message_bundle_is_a_bad_request() {
        assertError(service.postMessage("{\"resourceType\": \"Patient\"}".getBytes(StandardCharsets.UTF_8)),
                400, "value", "INVALID_VALUE");
        assertError(service.postMessage("{\"resourceType\": \"Bundle\", \"type\": \"message\", \"identifier\": {\"value\": \"x\"}, \"entry\": 7}"
                .getBytes(StandardCharsets.UTF_8)), 400, "value", "INVALID_VALUE");
    }

    @Test
    void an_escaped_nul_in_a_prescription_order_is_a_bad_request_and_nothing_is_stored() {
        String order = new String(RunningService.example("prescription-order/primary-acute-nominated-4items-req.json"),
                StandardCharsets.UTF_8).replace("\"TWITCHETT\"", "\"TWIT\\u0000CHETT\"");
        assertThat(order).contains("TWIT\\u0000CHETT");

        HttpResponse<String> response = service.postMessage(order.getBytes(StandardCharsets.UTF_8));

        assertError(response, 400, "value", "INVALID_VALUE");
        assertThat(RunningService.json(response.body()).path("issue").path(0).path("diagnostics").asString())
                .startsWith("Text must not contain the NUL character; found at /entry/")
                .endsWith("/resource/name/0/family");
        assertThat(service.count("select count(*) from prescription where id = '24F5DA-A83008-7EFE6Z'")).isZero();
    }

    @Test
    void an_escaped_nul_in_a_json_api_body_is_answered_as_a_problem() {
        HttpResponse<String> response = service.send(service.authorised(HttpRequest.newBuilder(
                        service.uri("/api/admin/supplier-systems/nul-supplier"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"supplier": "Nul\\u0000 Ltd", "product": "P", "version": "1", "status": "assured",
                         "features": ["tracking"]}""")), Callers.administrator()).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunningService.json(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(problem.path("detail").asString()).isEqualTo("Text must not contain the NUL character; found at /supplier");
        assertThat(service.count("select count(*) from supplier_system where client_id = 'nul-supplier'")).isZero();
    }

    @Test
    void a_control_character_in_a_query_parameter_is_a_bad_request() {
        HttpResponse<String> search = service.get("/api/patient-search?familyName=a%00b&dateOfBirth=1948-04-30",
                Callers.prescriber("A83008"));

        assertThat(search.statusCode()).as(search.body()).isEqualTo(400);
        assertThat(search.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(RunningService.json(search.body()).path("detail").asString())
                .isEqualTo("Query parameter familyName must not contain control characters");

        assertError(service.get("/FHIR/R4/Task?focus:identifier=24F5DA-A83008-7EFE6Z%0A"), 400, "value",
                "INVALID_VALUE");
    }

    @Test
    void wrong_content_type_is_unsupported_media_type() {
        HttpResponse<String> response = service.post(PROCESS_MESSAGE,
                RunningService.example("prescription-order/primary-acute-nominated-4items-req.json"), "text/plain",
                UUID.randomUUID().toString());

        assertError(response, 415, "not-supported", "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknown_path_is_not_found() {
        HttpResponse<String> response = service.get("/FHIR/R4/Nothing");

        assertError(response, 404, "not-found", "NOT_FOUND");
        assertError(service.get("/nowhere"), 404, "not-found", "NOT_FOUND");
    }

    @Test
    void wrong_method_is_not_allowed() {
        assertError(service.get(PROCESS_MESSAGE), 405, "not-supported", "METHOD_NOT_ALLOWED");
    }

    @Test
    void ten_megabyte_body_is_refused_as_too_large() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        HttpResponse<String> response = service.postMessage(body);

        assertError(response, 413, "too-costly", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_malformed_url_still_gets_an_operation_outcome() throws IOException {
        // java.net.URI refuses to build this URL, so the request is written on a plain socket.
        URI base = service.uri("/");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /FHIR/R4/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("\"resourceType\":\"OperationOutcome\"").doesNotContain("<html");
        }
    }

    @Test
    void errors_never_show_a_stack_trace() {
        HttpResponse<String> response = service.postMessage("{\"resourceType\": 5}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("at org.", "Exception", "<html");
    }

    @Test
    void ping_and_status_report_health() {
        HttpResponse<String> ping = service.get("/_ping");
        HttpResponse<String> status = service.get("/_status");

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(ping.body()).path("status").asString()).isEqualTo("pass");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(status.body()).path("checks").path("database").path("status").asString())
                .isEqualTo("pass");
    }

    @Test
    void capability_statement_names_what_is_implemented() {
        HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri("/FHIR/R4/metadata")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode statement = RunningService.json(response.body());
        assertThat(statement.path("resourceType").asString()).isEqualTo("CapabilityStatement");
        assertThat(statement.path("fhirVersion").asString()).isEqualTo("4.0.1");
        JsonNode rest = statement.path("rest").get(0);
        assertThat(rest.path("mode").asString()).isEqualTo("server");

        JsonNode processMessage = named(rest.path("operation"), "process-message");
        assertThat(processMessage.path("definition").asString())
                .isEqualTo("http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message");
        assertThat(processMessage.path("documentation").asString())
                .contains("prescription-order,", "prescription-order-update", "dispense-notification");

        JsonNode task = resource(rest, "Task");
        assertThat(task.path("interaction").valueStream().map(interaction -> interaction.path("code").asString()))
                .containsExactlyInAnyOrder("create", "search-type");
        assertThat(task.path("searchParam").valueStream().map(parameter -> parameter.path("name").asString()))
                .containsExactlyInAnyOrder("focus:identifier", "patient:identifier");
        assertThat(named(task.path("operation"), "release").path("definition").asString())
                .isEqualTo("https://fhir.nhs.uk/OperationDefinition/Task-release");

        JsonNode claim = resource(rest, "Claim");
        assertThat(claim.path("interaction").valueStream().map(interaction -> interaction.path("code").asString()))
                .containsExactly("create");
        assertThat(rest.path("resource").valueStream().map(resource -> resource.path("type").asString()))
                .containsExactlyInAnyOrder("Task", "Claim");
    }

    private static JsonNode resource(JsonNode rest, String type) {
        return rest.path("resource").valueStream()
                .filter(resource -> resource.path("type").asString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No resource " + type + " in " + rest));
    }

    private static JsonNode named(JsonNode operations, String name) {
        return operations.valueStream()
                .filter(operation -> operation.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No operation " + name + " in " + operations));
    }
}
