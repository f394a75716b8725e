package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.tracking.JdbiPharmacyStatuses;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.PharmacyStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Prescription Status Update API over HTTP, on a real database: the published examples accepted, every rule with
 * the NHS API's message, all-or-nothing bundles, resent Task IDs, what the readers make of the updates (newest
 * {@code lastModified} wins, only the dispenser holding the issue counts) read back through the persistence adapter,
 * and who may send them.
 */
class StatusUpdateApiTest {

    private static final String PATH = "/prescription-status-update/";
    private static final String READY_TO_COLLECT = StatusUpdates.READY_TO_COLLECT;
    /** The patient the published status updates name. */
    private static final String EXAMPLE_PATIENT = "9449304130";
    private static final String ITEM_2 = "6989b7bd-8db6-428c-a593-4022e3044c00";
    /** When the prescriptions of the examples are made (their start date). */
    private static final Instant PRESCRIBED = Instant.parse("2022-10-21T09:00:00Z");
    /** When the status updates arrive: after the examples' lastModified (2023-09-11, 2024-01-30). */
    private static final Instant NOW = Instant.parse("2024-07-22T12:00:00Z");
    private static final SplittableRandom RANDOM = new SplittableRandom(150);

    private static MutableClock clock;
    private static RunningService service;
    private static EpsClient eps;
    private static PostgresDatabase database;
    private static JdbiPharmacyStatuses statuses;

    @BeforeAll
    static void start() {
        clock = new MutableClock(NOW);
        service = RunningService.start(clock);
        eps = new EpsClient(service);
        database = PostgresDatabase.open(service.databaseSettings());
        statuses = new JdbiPharmacyStatuses(database.jdbi());
    }

    @AfterAll
    static void stop() {
        database.close();
        service.close();
    }

    @BeforeEach
    void now() {
        clock.set(NOW);
    }

    // ---- the published examples ----------------------------------------------------------------------------------

    @Test
    void the_ready_to_collect_example_is_stored_for_the_prescription_of_the_matching_example_and_answered_as_published() {
        service.reset();
        service.execute("truncate pharmacy_status");
        String holder = "C9Z1O";
        clock.set(PRESCRIBED);
        assertOk(eps.message(FOUR_ITEMS));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, Map.of("\"VNE51\"", "\"" + holder + "\"")));
        clock.set(NOW);
        assertThat(eps.owner(FOUR_ITEMS_ID)).isEqualTo(holder);

        HttpResponse<String> response = post(RunningService.example(READY_TO_COLLECT), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        ObjectNode expected = (ObjectNode) EpsClient.load("status-update/single-item-res.json");
        ((ObjectNode) expected.path("entry").path(0).path("response").path("outcome").path("meta"))
                .put("lastUpdated", "2024-07-22T12:00:00.000Z");
        assertThat(RunningService.json(response.body())).isEqualTo(expected);
        Map<LineItemId, PharmacyStatus> latest = latestFrom(new PrescriptionId(FOUR_ITEMS_ID), 1,
                new OdsCode(eps.owner(FOUR_ITEMS_ID)));
        assertThat(latest).containsOnlyKeys(new LineItemId(ITEM_2));
        PharmacyStatus stored = latest.get(new LineItemId(ITEM_2));
        assertThat(stored.businessStatus()).isEqualTo(BusinessStatus.READY_TO_COLLECT);
        assertThat(stored.taskId()).isEqualTo("4d70678c-81e4-4ff4-8c67-17596fd0aa46");
        assertThat(stored.nhsNumber().value()).isEqualTo(EXAMPLE_PATIENT);
        assertThat(stored.lastModified()).isEqualTo(Instant.parse("2023-09-11T10:11:12Z"));
        assertThat(stored.receivedAt()).isEqualTo(NOW);
    }

    static Stream<Arguments> examplesWithoutAStoredPrescription() {
        return Stream.of(
                Arguments.of("status-update/collected-req.json", List.of("16B2E0-A83008-81C13H"),
                        List.of(BusinessStatus.COLLECTED), List.of(1)),
                Arguments.of("status-update/erd-dispatched-req.json", List.of("07A66F-A83008-1EEEA0"),
                        List.of(BusinessStatus.DISPATCHED), List.of(2)),
                Arguments.of("status-update/multiple-items-req.json",
                        List.of("07A66F-A83008-1EEEA0", "480720-A83008-57FF06"),
                        List.of(BusinessStatus.DISPATCHED, BusinessStatus.READY_TO_COLLECT), List.of(1, 1)));
    }

    @ParameterizedTest
    @MethodSource("examplesWithoutAStoredPrescription")
    void the_published_examples_are_stored_by_their_ids_without_the_prescription_being_here(
            String example, List<String> prescriptionIds, List<BusinessStatus> businessStatuses, List<Integer> issues) {
        service.execute("truncate pharmacy_status");  // every example has the same Task ID

        HttpResponse<String> response = post(RunningService.example(example), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode entries = RunningService.json(response.body()).path("entry");
        JsonNode request = EpsClient.load(example).path("entry");
        assertThat(entries.size()).isEqualTo(request.size());
        for (int i = 0; i < request.size(); i++) {
            assertThat(entries.path(i).path("fullUrl").asString()).isEqualTo(request.path(i).path("fullUrl").asString());
            assertThat(entries.path(i).path("response").path("status").asString()).isEqualTo("201 Created");
            List<PharmacyStatus> stored = statuses.findFor(new PrescriptionId(prescriptionIds.get(i)));
            assertThat(stored).extracting(PharmacyStatus::businessStatus).contains(businessStatuses.get(i));
            assertThat(stored).extracting(PharmacyStatus::issueNumber).contains(issues.get(i));
        }
    }

    // ---- all or nothing ------------------------------------------------------------------------------------------

    @Test
    void a_bundle_of_150_entries_is_stored_whole_and_each_is_audited() {
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            entries.add(entry(Examples.newPrescriptionId(RANDOM), "C9Z1O", "Ready to Collect", "in-progress",
                    NOW.minusSeconds(i)));
        }

        HttpResponse<String> response = post(bundle(entries), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode answered = RunningService.json(response.body()).path("entry");
        assertThat(answered.size()).isEqualTo(150);
        for (int i = 0; i < 150; i++) {
            ObjectNode sent = entries.get(i);
            assertThat(answered.path(i).path("fullUrl").asString()).isEqualTo(sent.path("fullUrl").asString());
            PrescriptionId id = new PrescriptionId(prescriptionId(sent));
            assertThat(statuses.findFor(id)).singleElement().satisfies(stored -> {
                assertThat(stored.taskId()).isEqualTo(sent.path("resource").path("id").asString());
                assertThat(stored.businessStatus()).isEqualTo(BusinessStatus.READY_TO_COLLECT);
            });
        }
        String last = prescriptionId(entries.get(149));
        JsonNode audit = RunningService.json(service.get("/api/admin/audit?prescriptionId=" + last,
                Callers.administrator()).body()).path("records");
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.path(0).path("action").asString()).isEqualTo("UPDATE_STATUS");
        assertThat(audit.path(0).path("outcome").asString()).isEqualTo("OK");
        assertThat(audit.path(0).path("nhsNumber").asString()).isEqualTo(EXAMPLE_PATIENT);
    }

    @Test
    void a_bundle_of_more_than_500_entries_is_refused_413_and_nothing_is_stored() {
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            entries.add(entry(Examples.newPrescriptionId(RANDOM), "C9Z1O", "With Pharmacy", "in-progress", NOW));
        }

        HttpResponse<String> response = post(bundle(entries), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").path(0).path("diagnostics").asString())
                .contains("at most 500 entries; this one holds 501");
        assertThat(statuses.findFor(new PrescriptionId(prescriptionId(entries.getFirst())))).isEmpty();
    }

    @Test
    void one_bad_entry_stores_nothing_and_the_answer_says_which_failed_and_that_the_others_were_not_committed() {
        List<ObjectNode> entries = List.of(
                entry(Examples.newPrescriptionId(RANDOM), "C9Z1O", "With Pharmacy", "in-progress", NOW),
                entry("24F5DA-A83008-7EFE6A", "C9Z1O", "With Pharmacy", "in-progress", NOW),
                entry(Examples.newPrescriptionId(RANDOM), "C9Z1O", "With Pharmacy", "in-progress", NOW));

        HttpResponse<String> response = post(bundle(entries), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answer = RunningService.json(response.body());
        assertThat(answer.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(answer.path("type").asString()).isEqualTo("transaction-response");
        JsonNode answered = answer.path("entry");
        assertThat(answered.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(answered.path(i).path("fullUrl").asString()).isEqualTo(entries.get(i).path("fullUrl").asString());
        }
        assertThat(answered.path(0).path("response").path("status").asString()).isEqualTo("200 OK");
        assertThat(diagnostics(answered.path(0))).isEqualTo("Data not committed due to issues in other entries.");
        assertThat(answered.path(1).path("response").path("status").asString()).isEqualTo("400 Bad Request");
        assertThat(answered.path(1).path("response").path("outcome").path("issue").path(0).path("code").asString())
                .isEqualTo("value");
        assertThat(diagnostics(answered.path(1))).isEqualTo("Prescription ID is invalid.");
        assertThat(diagnostics(answered.path(2))).isEqualTo("Data not committed due to issues in other entries.");
        assertThat(statuses.findFor(new PrescriptionId(prescriptionId(entries.get(0))))).isEmpty();
        assertThat(statuses.findFor(new PrescriptionId(prescriptionId(entries.get(2))))).isEmpty();
    }

    // ---- every rule, with the NHS API's message ------------------------------------------------------------------

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("required fields", task -> {
                    task.remove("lastModified");
                    task.remove("focus");
                    task.remove("status");
                }, "Missing required field(s) - LastModified, LineItemID, TerminalStatus."),
                rule("fullUrl and Task ID", task -> task.put("id", UUID.randomUUID().toString()),
                        "Invalid entry fullUrl or task id."),
                rule("business status", task -> coding(task).put("code", "Lost"),
                        "Invalid business status. Unsupported Task.businessStatus 'Lost'."),
                rule("business status code system",
                        task -> coding(task).put("system", "https://fhir.nhs.uk/CodeSystem/task-businessStatus"),
                        "Invalid CodeSystem(s) - Status."),
                rule("prescription-order-number", task -> ((ObjectNode) task.path("basedOn").path(0).path("identifier"))
                        .put("system", "https://fhir.nhs.uk/Id/prescription"), "Invalid CodeSystem(s) - PrescriptionID."),
                rule("prescription-order-item-number", task -> ((ObjectNode) task.path("focus").path("identifier"))
                        .put("system", "https://fhir.nhs.uk/Id/item"), "Invalid CodeSystem(s) - LineItemID."),
                rule("nhs-number", task -> ((ObjectNode) task.path("for").path("identifier"))
                        .put("system", "https://fhir.nhs.uk/Id/nhs"), "Invalid CodeSystem(s) - PatientNHSNumber."),
                rule("ods-organization-code", task -> ((ObjectNode) task.path("owner").path("identifier"))
                        .put("system", "https://fhir.nhs.uk/Id/ods"), "Invalid CodeSystem(s) - PharmacyODSCode."),
                rule("Collected must be completed", task -> {
                    coding(task).put("code", "Collected");
                    task.put("status", "in-progress");
                }, "Task.status field set to 'in-progress' but Task.businessStatus value of 'Collected' has no possible"
                        + " follow up action."),
                rule("Dispatched must be completed", task -> coding(task).put("code", "Dispatched"),
                        "Task.status field set to 'in-progress' but Task.businessStatus value of 'Dispatched' has no "
                                + "possible follow up action."),
                rule("Not Dispensed must be completed", task -> coding(task).put("code", "Not Dispensed"),
                        "Task.status field set to 'in-progress' but Task.businessStatus value of 'Not Dispensed' has no "
                                + "possible follow up action."),
                rule("With Pharmacy must be in-progress", task -> {
                    coding(task).put("code", "With Pharmacy");
                    task.put("status", "completed");
                }, "Task.status field set to 'completed' but Task.businessStatus value of 'With Pharmacy' requires "
                        + "follow up action."),
                rule("Task.status in-progress or completed", task -> task.put("status", "cancelled"),
                        "Unsupported Task.status 'cancelled'."),
                rule("lastModified at most 24 hours ahead", task -> task.put("lastModified", "2024-07-23T12:00:01Z"),
                        "Invalid last modified value provided."),
                rule("lastModified a date-time", task -> task.put("lastModified", "22/07/2024"),
                        "Date format provided for lastModified is invalid."),
                rule("lastModified not before 2000", task -> task.put("lastModified", "-5000-01-01T00:00:00Z"),
                        "Invalid last modified value provided: it must not be before 2000-01-01."),
                rule("Task ID a UUID, not a number", task -> task.put("id", 12345),
                        "Invalid entry fullUrl or task id. Task ID is invalid: it must be a UUID."),
                rule("NHS number check digit", task -> ((ObjectNode) task.path("for").path("identifier"))
                        .put("value", "9449304131"), "NHS number is invalid."),
                rule("prescription ID check character", task -> ((ObjectNode) task.path("basedOn").path(0)
                        .path("identifier")).put("value", "24F5DA-A83008-7EFE6A"), "Prescription ID is invalid."),
                rule("a Task", task -> task.put("resourceType", "MedicationDispense"),
                        "Resource's resourceType is not 'Task'."),
                rule("line item ID a UUID", task -> ((ObjectNode) task.path("focus").path("identifier"))
                        .put("value", "item-2"), "Line item ID is invalid."),
                rule("an ODS code", task -> ((ObjectNode) task.path("owner").path("identifier"))
                        .put("value", "C9Z 1O"), "Received invalid ODS codes: [\"C9Z 1O\"]"),
                rule("eRD repeat number", task -> task.putArray("input").addObject().put("valueInteger", 0)
                        .putObject("type").put("text", "Repeat Number"),
                        "Invalid Repeat Number: it must be a whole number from 1."));
    }

    private static Arguments rule(String name, Consumer<ObjectNode> breakIt, String diagnostics) {
        return Arguments.of(name, breakIt, diagnostics);
    }

    private static ObjectNode coding(ObjectNode task) {
        return (ObjectNode) task.path("businessStatus").path("coding").path(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_rule_is_answered_400_with_the_apis_message_and_nothing_stored(String rule, Consumer<ObjectNode> breakIt,
                                                                             String diagnostics) {
        String id = Examples.newPrescriptionId(RANDOM);
        ObjectNode entry = entry(id, "C9Z1O", "Ready to Collect", "in-progress", NOW);
        breakIt.accept((ObjectNode) entry.path("resource"));

        HttpResponse<String> response = post(bundle(List.of(entry)), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode answered = RunningService.json(response.body()).path("entry").path(0);
        assertThat(answered.path("fullUrl").asString()).isEqualTo(entry.path("fullUrl").asString());
        assertThat(diagnostics(answered)).isEqualTo(diagnostics);
        assertThat(statuses.findFor(new PrescriptionId(id))).isEmpty();
    }

    @Test
    void the_erd_repeat_number_names_the_issue_and_without_it_the_update_is_about_issue_1() {
        String id = Examples.newPrescriptionId(RANDOM);
        ObjectNode third = entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW);
        ((ObjectNode) third.path("resource")).putArray("input").addObject().put("valueInteger", 3)
                .putObject("type").put("text", "Repeat Number");

        assertThat(post(bundle(List.of(third, entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW))), system())
                .statusCode()).isEqualTo(201);

        assertThat(statuses.findFor(new PrescriptionId(id))).extracting(PharmacyStatus::issueNumber)
                .containsExactlyInAnyOrder(3, 1);
    }

    @Test
    void a_body_that_is_not_a_transaction_bundle_is_refused_as_the_api_refuses_it() {
        ObjectNode body = (ObjectNode) EpsClient.load(READY_TO_COLLECT);
        body.put("type", "batch");

        HttpResponse<String> response = post(RunningService.JSON.writeValueAsBytes(body), system());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answered = RunningService.json(response.body()).path("entry");
        assertThat(answered.size()).isEqualTo(1);
        assertThat(answered.path(0).has("fullUrl")).isFalse();
        assertThat(diagnostics(answered.path(0)))
                .isEqualTo("Request body does not have resourceType of 'Bundle' and type of 'transaction'.");
    }

    @Test
    void a_bundle_without_entries_is_answered_200_with_no_entries() {
        HttpResponse<String> response = post("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": []}"
                .getBytes(StandardCharsets.UTF_8), system());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningService.json(response.body()).path("entry").size()).isZero();
    }

    @Test
    void a_body_that_is_not_json_or_not_fhir_json_is_an_operation_outcome_never_a_500() {
        HttpResponse<String> notJson = post("{not json".getBytes(StandardCharsets.UTF_8), system());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(RunningService.json(notJson.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");

        HttpResponse<String> entryObject = post("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": {}}"
                .getBytes(StandardCharsets.UTF_8), system());
        assertThat(entryObject.statusCode()).isEqualTo(400);
        assertThat(RunningService.json(entryObject.body()).path("issue").path(0).path("diagnostics").asString())
                .isEqualTo("Bundle.entry must be an array");

        HttpResponse<String> text = service.send(service.authorised(HttpRequest.newBuilder(service.uri(PATH))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(RunningService.example(READY_TO_COLLECT)))
                        .header("Content-Type", "text/plain").header("X-Request-ID", UUID.randomUUID().toString()),
                system()).build());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    // ---- resent Task IDs -------------------------------------------------------------------------------------------

    @Test
    void a_resent_task_id_is_409_duplicate_and_nothing_of_its_bundle_is_stored() {
        String id = Examples.newPrescriptionId(RANDOM);
        ObjectNode first = entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW.minusSeconds(60));
        assertThat(post(bundle(List.of(first)), system()).statusCode()).isEqualTo(201);
        ObjectNode fresh = entry(id, "C9Z1O", "Ready to Collect", "in-progress", NOW);

        HttpResponse<String> response = post(bundle(List.of(fresh, first)), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode answered = RunningService.json(response.body()).path("entry");
        assertThat(answered.path(0).path("response").path("status").asString()).isEqualTo("200 OK");
        assertThat(diagnostics(answered.path(0))).isEqualTo("Data not committed due to issues in other entries.");
        String taskId = first.path("resource").path("id").asString();
        assertThat(answered.path(1).path("fullUrl").asString()).isEqualTo("urn:uuid:" + taskId);
        assertThat(answered.path(1).path("response").path("status").asString()).isEqualTo("409 Conflict");
        assertThat(answered.path(1).path("response").path("location").asString()).isEqualTo("Task/" + taskId);
        JsonNode issue = answered.path(1).path("response").path("outcome").path("issue").path(0);
        assertThat(issue.path("code").asString()).isEqualTo("duplicate");
        assertThat(issue.path("details").path("coding").path(0).path("code").asString()).isEqualTo("REC_CONFLICT");
        assertThat(statuses.findFor(new PrescriptionId(id))).extracting(PharmacyStatus::taskId).containsExactly(taskId);
    }

    @Test
    void a_task_id_resent_in_upper_case_is_the_same_task_and_409() {
        String id = Examples.newPrescriptionId(RANDOM);
        ObjectNode first = entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW.minusSeconds(60));
        String taskId = first.path("resource").path("id").asString();
        assertThat(post(bundle(List.of(first)), system()).statusCode()).isEqualTo(201);
        ObjectNode upper = first.deepCopy();
        upper.put("fullUrl", "urn:uuid:" + taskId.toUpperCase(Locale.ROOT));
        ((ObjectNode) upper.path("resource")).put("id", taskId.toUpperCase(Locale.ROOT));

        HttpResponse<String> response = post(bundle(List.of(upper)), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode answered = RunningService.json(response.body()).path("entry").path(0);
        assertThat(answered.path("response").path("status").asString()).isEqualTo("409 Conflict");
        assertThat(answered.path("response").path("location").asString()).isEqualTo("Task/" + taskId);
        assertThat(service.count("select count(*) from pharmacy_status where prescription_id = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void a_task_id_of_3000_characters_is_refused_400_not_a_server_error() {
        String id = Examples.newPrescriptionId(RANDOM);
        ObjectNode entry = entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW);
        String taskId = UUID.randomUUID() + "a".repeat(3_000);
        entry.put("fullUrl", "urn:uuid:" + taskId);
        ((ObjectNode) entry.path("resource")).put("id", taskId);

        HttpResponse<String> response = post(bundle(List.of(entry)), system());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(diagnostics(RunningService.json(response.body()).path("entry").path(0)))
                .isEqualTo("Task ID is invalid: it must be a UUID.");
        assertThat(service.count("select count(*) from pharmacy_status where prescription_id = '" + id + "'"))
                .isZero();
    }

    @Test
    void the_same_bundle_sent_twice_is_409_the_second_time() {
        byte[] body = bundle(List.of(entry(Examples.newPrescriptionId(RANDOM), "C9Z1O", "With Pharmacy",
                "in-progress", NOW)));

        assertThat(post(body, system()).statusCode()).isEqualTo(201);
        assertThat(post(body, system()).statusCode()).isEqualTo(409);
    }

    // ---- what the readers make of the updates --------------------------------------------------------------------

    @Test
    void the_newest_last_modified_wins_whatever_the_order_received() {
        String id = Examples.newPrescriptionId(RANDOM);
        String item = UUID.randomUUID().toString();
        post201(bundle(List.of(entry(id, item, "C9Z1O", "Collected", "completed", NOW.minus(Duration.ofHours(1))))));
        post201(bundle(List.of(entry(id, item, "C9Z1O", "Ready to Collect", "in-progress",
                NOW.minus(Duration.ofHours(3))))));

        assertThat(latestFrom(new PrescriptionId(id), 1, new OdsCode("C9Z1O")).get(new LineItemId(item))
                .businessStatus()).isEqualTo(BusinessStatus.COLLECTED);
    }

    @Test
    void an_update_from_a_pharmacy_not_holding_the_prescription_does_not_count() {
        clock.set(PRESCRIBED);
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id)));
        clock.set(NOW);
        OdsCode holder = new OdsCode(eps.owner(id));
        assertThat(holder.value()).isEqualTo("VNE51");
        post201(bundle(List.of(entry(id, ITEM_2, "VNE51", "Ready to Collect", "in-progress",
                NOW.minus(Duration.ofHours(2))))));
        post201(bundle(List.of(entry(id, ITEM_2, "FA565", "Collected", "completed", NOW))));

        Map<LineItemId, PharmacyStatus> counted = latestFrom(new PrescriptionId(id), 1, holder);

        assertThat(counted.get(new LineItemId(ITEM_2)).businessStatus()).isEqualTo(BusinessStatus.READY_TO_COLLECT);
        assertThat(statuses.findFor(new PrescriptionId(id))).extracting(PharmacyStatus::pharmacy)
                .containsExactly(new OdsCode("VNE51"), new OdsCode("FA565"));
    }

    /** The newest update (by lastModified) of each item of one issue that this pharmacy sent, read as the readers do. */
    private static Map<LineItemId, PharmacyStatus> latestFrom(PrescriptionId id, int issue, OdsCode pharmacy) {
        Map<LineItemId, PharmacyStatus> latest = new LinkedHashMap<>();
        // oldest first: a newer one replaces an older
        statuses.findFrom(id, issue, Set.of(pharmacy), PharmacyStatuses.HOLDER_UPDATES_READ)
                .forEach(update -> latest.put(update.itemId(), update));
        return latest;
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void without_a_token_it_is_401() {
        HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri(PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(RunningService.example(READY_TO_COLLECT)))
                .header("Content-Type", "application/fhir+json").header("X-Request-ID", UUID.randomUUID().toString())
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RunningService.json(response.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void a_prescribing_user_may_not_send_updates() {
        String id = Examples.newPrescriptionId(RANDOM);

        HttpResponse<String> response = post(bundle(List.of(entry(id, "A83008", "With Pharmacy", "in-progress", NOW))),
                Callers.prescriber("A83008"));

        assertForbidden(response, "ACCESS_DENIED");
        assertThat(statuses.findFor(new PrescriptionId(id))).isEmpty();
    }

    @Test
    void a_dispensing_user_sends_for_their_own_pharmacy_only() {
        String id = Examples.newPrescriptionId(RANDOM);
        List<ObjectNode> mixed = List.of(entry(id, "FA565", "With Pharmacy", "in-progress", NOW),
                entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW));

        assertForbidden(post(bundle(mixed), Callers.dispenser("FA565")), "IDENTITY_MISMATCH");
        assertThat(statuses.findFor(new PrescriptionId(id))).isEmpty();

        assertThat(post(bundle(List.of(entry(id, "FA565", "With Pharmacy", "in-progress", NOW))),
                Callers.dispenser("FA565")).statusCode()).isEqualTo(201);
        assertThat(statuses.findFor(new PrescriptionId(id))).extracting(PharmacyStatus::pharmacy)
                .containsExactly(new OdsCode("FA565"));
    }

    @Test
    void a_supplier_system_on_its_own_assured_for_status_updates_may_send_for_any_pharmacy() {
        String id = Examples.newPrescriptionId(RANDOM);

        assertThat(post(bundle(List.of(entry(id, "FA565", "With Pharmacy", "in-progress", NOW),
                entry(id, "VNE51", "With Pharmacy", "in-progress", NOW))), system()).statusCode()).isEqualTo(201);
        assertThat(post(bundle(List.of(entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW))),
                Callers.system(Callers.DISPENSING_SYSTEM)).statusCode()).isEqualTo(201);
        assertThat(statuses.findFor(new PrescriptionId(id))).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {Callers.TRACKER, Callers.SUSPENDED_SYSTEM, "unknown-system"})
    void a_supplier_system_not_assured_for_status_updates_may_not(String clientId) {
        String id = Examples.newPrescriptionId(RANDOM);

        assertForbidden(post(bundle(List.of(entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW))),
                Callers.system(clientId)), "SUPPLIER_SYSTEM_NOT_ASSURED");
        assertThat(statuses.findFor(new PrescriptionId(id))).isEmpty();
    }

    // ---- the request ---------------------------------------------------------------------------------------------

    @Test
    void the_path_is_served_with_and_without_its_trailing_slash_and_only_for_post() {
        for (String path : List.of("/prescription-status-update", "/prescription-status-update/")) {
            HttpResponse<String> response = service.post(path, bundle(List.of(entry(Examples.newPrescriptionId(RANDOM),
                    "C9Z1O", "With Pharmacy", "in-progress", NOW))), "application/fhir+json",
                    UUID.randomUUID().toString(), system());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        }
        HttpResponse<String> get = service.get(PATH, system());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(RunningService.json(get.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void an_x_request_id_is_required_and_must_be_a_uuid() {
        String id = Examples.newPrescriptionId(RANDOM);
        byte[] body = bundle(List.of(entry(id, "C9Z1O", "With Pharmacy", "in-progress", NOW)));

        HttpResponse<String> missing = service.post(PATH, body, "application/fhir+json", null, system());
        HttpResponse<String> notUuid = service.post(PATH, body, "application/fhir+json", "request-1", system());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(diagnostics(RunningService.json(missing.body()).path("entry").path(0)))
                .isEqualTo("Missing or empty x-request-id header.");
        assertThat(notUuid.statusCode()).isEqualTo(400);
        assertThat(diagnostics(RunningService.json(notUuid.body()).path("entry").path(0)))
                .isEqualTo("Invalid x-request-id header: it must be a UUID.");
        assertThat(statuses.findFor(new PrescriptionId(id))).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static ObjectNode system() {
        return Callers.system(Callers.STATUS_UPDATE_SYSTEM);
    }

    private static HttpResponse<String> post(byte[] body, ObjectNode caller) {
        return service.post(PATH, body, "application/fhir+json", UUID.randomUUID().toString(), caller);
    }

    private static void post201(byte[] body) {
        HttpResponse<String> response = post(body, system());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static ObjectNode entry(String prescriptionId, String ods, String businessStatus, String taskStatus,
                                    Instant lastModified) {
        return entry(prescriptionId, UUID.randomUUID().toString(), ods, businessStatus, taskStatus, lastModified);
    }

    /** The ready-to-collect example's entry (its patient) with a new Task ID and these values. */
    private static ObjectNode entry(String prescriptionId, String item, String ods, String businessStatus,
                                    String taskStatus, Instant lastModified) {
        return StatusUpdates.entry(prescriptionId, EXAMPLE_PATIENT, item, ods, businessStatus, taskStatus, lastModified);
    }

    private static byte[] bundle(List<ObjectNode> entries) {
        return StatusUpdates.bundle(entries);
    }

    private static String prescriptionId(ObjectNode entry) {
        return entry.path("resource").path("basedOn").path(0).path("identifier").path("value").asString();
    }

    private static String diagnostics(JsonNode responseEntry) {
        return responseEntry.path("response").path("outcome").path("issue").path(0).path("diagnostics").asString();
    }

    private static void assertForbidden(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").path(0).path("details").path("coding").path(0).path("code").asString())
                .isEqualTo(code);
    }
}
