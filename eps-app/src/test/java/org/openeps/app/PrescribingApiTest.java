package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Creating prescriptions over the FHIR API: duplicates, replays and every kind of refusal. */
class PrescribingApiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void emptyStore() {
        service.reset();
    }

    @Test
    void second_create_of_an_id_in_a_new_message_is_a_duplicate() {
        assertThat(service.postMessage(RunningService.example(FOUR_ITEMS)).statusCode()).isEqualTo(200);

        HttpResponse<String> second = service.postMessage(modified(FOUR_ITEMS,
                bundle -> ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString())));

        assertError(second, 400, "duplicate", "DUPLICATE_PRESCRIPTION_ID");
    }

    @Test
    void published_variants_reusing_the_id_are_duplicates_of_the_first() {
        assertThat(service.postMessage(RunningService.example(FOUR_ITEMS)).statusCode()).isEqualTo(200);

        for (String variant : new String[] {"prescription-order/primary-erd-4items-req.json",
                "prescription-order/primary-repeat-prescribing-req.json",
                "prescription-order/primary-acute-responsible-party-org-req.json"}) {
            assertError(service.postMessage(RunningService.example(variant)), 400, "duplicate", "DUPLICATE_PRESCRIPTION_ID");
        }
        assertThat(service.taskFor(FOUR_ITEMS_ID).path("entry").get(0).path("resource").path("output")).hasSize(4);
    }

    @Test
    void replayed_message_gets_its_first_answer_and_changes_nothing() {
        byte[] message = RunningService.example(FOUR_ITEMS);
        HttpResponse<String> first = service.postMessage(message);

        HttpResponse<String> replay = service.postMessage(message);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(service.taskFor(FOUR_ITEMS_ID).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void replay_is_recognised_however_the_json_is_spaced() {
        byte[] message = RunningService.example(FOUR_ITEMS);
        byte[] compact = RunningService.JSON.writeValueAsBytes(RunningService.json(new String(message, StandardCharsets.UTF_8)));
        assertThat(service.postMessage(message).statusCode()).isEqualTo(200);

        assertThat(service.postMessage(compact).statusCode()).isEqualTo(200);
    }

    @Test
    void invalid_check_character_is_refused() {
        HttpResponse<String> response = service.postMessage(
                RunningService.example("errors/prescription-order-invalid-checksum-req.json"));

        assertError(response, 400, "value", "INVALID_CHECK_DIGIT");
        assertThat(response.body()).contains("269CA9-A99968-4577BP").contains("'F'");
    }

    @Test
    void intent_plan_is_refused() {
        HttpResponse<String> response = service.postMessage(RunningService.example("errors/prescription-order-intent-plan-req.json"));

        assertError(response, 400, "value", "INVALID_VALUE");
        assertThat(response.body()).contains("MedicationRequest.intent must be order, original-order or instance-order.");
    }

    @Test
    void five_items_are_refused() {
        HttpResponse<String> response = service.postMessage(RunningService.example("errors/prepare-5-items-req.json"));

        assertError(response, 400, "value", "INVALID_VALUE");
        assertThat(response.body()).contains("Expected at most 4");
    }

    @Test
    void acute_mixed_with_repeat_dispensing_is_refused() {
        assertError(service.postMessage(RunningService.example("errors/prepare-mixed-course-of-therapy-req.json")),
                400, "value", "INVALID_VALUE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            both medicationReference and medicationCodeableConcept | INVALID_VALUE | exactly one of medicationCodeableConcept and medicationReference
            two dosage lines without sequence                     | MISSING_VALUE | sequence is required
            the same item ID twice                                 | INVALID_VALUE | appears more than once
            items disagreeing on the nominated dispenser           | INVALID_VALUE | dispenseRequest.performer
            secondary care from Wales                              | INVALID_VALUE | England only
            an invalid NHS number                                  | INVALID_CHECK_DIGIT | NHS number
            no Bundle.identifier                                   | MISSING_VALUE | Bundle.identifier
            MessageHeader not first                                | INVALID_VALUE | MessageHeader
            quantity as text                                       | INVALID_VALUE | quantity.value
            """)
    void malformed_prescription_is_refused_with_its_error(String change, String code, String diagnostics) {
        HttpResponse<String> response = service.postMessage(modified(FOUR_ITEMS, bundle -> breakIt(change, bundle)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode issue = RunningService.json(response.body()).path("issue").get(0);
        assertThat(issue.path("details").path("coding").get(0).path("code").asString()).isEqualTo(code);
        assertThat(issue.path("diagnostics").asString()).contains(diagnostics);
        assertThat(service.get("/FHIR/R4/Task?focus:identifier=" + FOUR_ITEMS_ID).body()).contains("\"total\":0");
    }

    @Test
    void primary_care_from_wales_is_accepted() {
        HttpResponse<String> response = service.postMessage(modified(FOUR_ITEMS,
                bundle -> medicationRequests(bundle).forEach(request -> prescriptionType(request).put("code", "0201"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void prescription_starting_in_ten_days_is_future_dated() {
        String start = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(10).toString();
        HttpResponse<String> response = service.postMessage(modified(FOUR_ITEMS, bundle -> medicationRequests(bundle)
                .forEach(request -> ((ObjectNode) request.path("dispenseRequest").path("validityPeriod")).put("start", start))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode task = service.taskFor(FOUR_ITEMS_ID).path("entry").get(0).path("resource");
        assertThat(task.path("businessStatus").path("coding").get(0).path("code").asString()).isEqualTo("9001");
    }

    @Test
    void patient_search_lists_the_patients_prescriptions() {
        service.postMessage(RunningService.example(FOUR_ITEMS));
        service.postMessage(RunningService.example("prescription-order/primary-acute-non-nominated-din-req.json"));
        String nhsNumber = "5839945242";

        JsonNode tasks = RunningService.json(service.get("/FHIR/R4/Task?patient:identifier=" + nhsNumber).body());

        assertThat(tasks.path("entry").valueStream()
                .map(entry -> entry.path("resource").path("for").path("identifier").path("value").asString()))
                .containsExactly(nhsNumber);
    }

    @Test
    void task_search_needs_exactly_one_known_parameter() {
        assertError(service.get("/FHIR/R4/Task"), 400, "value", "INVALID_VALUE");
        assertError(service.get("/FHIR/R4/Task?status=active"), 400, "value", "INVALID_VALUE");
        assertError(service.get("/FHIR/R4/Task?focus:identifier=24F5DA-A83008-7EFE6A"), 400, "value", "INVALID_CHECK_DIGIT");
    }

    @Test
    void unknown_event_is_refused() {
        HttpResponse<String> response = service.postMessage(modified(FOUR_ITEMS,
                bundle -> ((ObjectNode) bundle.path("entry").get(0).path("resource").path("eventCoding")).put("code", "party-invite")));

        assertError(response, 400, "value", "INVALID_VALUE");
        assertThat(response.body()).contains("Unknown message event");
    }

    @Test
    void a_dispense_notification_for_an_unknown_prescription_is_not_found() {
        HttpResponse<String> response = service.postMessage(
                RunningService.example("dispense-notification/primary-acute-complete-req.json"));

        assertError(response, 400, "not-found", "RESOURCE_NOT_FOUND");
    }

    private static void breakIt(String change, JsonNode bundle) {
        ObjectNode first = (ObjectNode) medicationRequests(bundle).get(0);
        switch (change) {
            case "both medicationReference and medicationCodeableConcept" ->
                    first.putObject("medicationReference").put("reference", "urn:uuid:" + UUID.randomUUID());
            case "two dosage lines without sequence" -> {
                ArrayNode dosages = (ArrayNode) first.path("dosageInstruction");
                dosages.add(dosages.get(0).deepCopy());
            }
            case "the same item ID twice" -> ((ObjectNode) medicationRequests(bundle).get(1).path("identifier").get(0))
                    .put("value", first.path("identifier").get(0).path("value").asString());
            case "items disagreeing on the nominated dispenser" ->
                    ((ObjectNode) first.path("dispenseRequest").path("performer").path("identifier")).put("value", "FCG71");
            case "secondary care from Wales" ->
                    medicationRequests(bundle).forEach(request -> prescriptionType(request).put("code", "2001"));
            case "an invalid NHS number" -> bundle.path("entry").valueStream()
                    .map(entry -> entry.path("resource"))
                    .filter(resource -> resource.path("resourceType").asString().equals("Patient"))
                    .forEach(patient -> ((ObjectNode) patient.path("identifier").get(0)).put("value", "9449304131"));
            case "no Bundle.identifier" -> ((ObjectNode) bundle).remove("identifier");
            case "MessageHeader not first" -> {
                ArrayNode entries = (ArrayNode) bundle.path("entry");
                entries.add(entries.remove(0));
            }
            case "quantity as text" -> medicationRequests(bundle).forEach(request ->
                    ((ObjectNode) request.path("dispenseRequest").path("quantity")).put("value", "twenty"));
            default -> throw new IllegalArgumentException(change);
        }
    }

    private static ObjectNode prescriptionType(JsonNode request) {
        return (ObjectNode) request.path("extension").valueStream()
                .filter(extension -> extension.path("url").asString().endsWith("Extension-DM-PrescriptionType"))
                .findFirst().orElseThrow().path("valueCoding");
    }

    private static List<JsonNode> medicationRequests(JsonNode bundle) {
        return bundle.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals("MedicationRequest"))
                .toList();
    }

    private static byte[] modified(String example, Consumer<JsonNode> change) {
        JsonNode bundle = RunningService.json(new String(RunningService.example(example), StandardCharsets.UTF_8));
        change.accept(bundle);
        return RunningService.JSON.writeValueAsBytes(bundle);
    }

    static void assertError(HttpResponse<String> response, int status, String issueType, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode issue = outcome.path("issue").get(0);
        assertThat(issue.path("severity").asString()).isEqualTo("error");
        assertThat(issue.path("code").asString()).isEqualTo(issueType);
        assertThat(issue.path("details").path("coding").get(0).path("code").asString()).isEqualTo(code);
    }
}
