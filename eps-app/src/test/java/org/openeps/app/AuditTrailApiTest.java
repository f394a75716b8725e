package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail over the API on a real database: one record per prescription or patient a request concerns, with
 * who asked and how it ended; refusals recorded with their code and nothing of their change kept; nothing recorded
 * for a caller with no valid token; only administrators read it; and the hash chain finds a row changed or removed by
 * hand in the database.
 */
class AuditTrailApiTest {

    /** The patient of the four-item prescription. */
    private static final String PATIENT = "5839945242";
    private static final String PROCESS_MESSAGE = "/FHIR/R4/$process-message";
    private static final String RELEASE = "/FHIR/R4/Task/$release";
    private static final SplittableRandom RANDOM = new SplittableRandom(23);

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // ---- what is recorded -----------------------------------------------------------------------------------------

    @Test
    void each_step_of_a_prescription_is_recorded_with_who_took_it_and_the_request_id() {
        Lifecycle lifecycle = Lifecycle.drive(service, newId());
        Sent tracked = read(service, "/FHIR/R4/Task?focus:identifier=" + lifecycle.id(), Callers.dispenser("VNE51"));
        assertOk(tracked.response());
        Sent directory = read(service, "/api/organisations/VNE51", Callers.dispenser("VNE51"));
        assertOk(directory.response());

        List<JsonNode> records = withoutAuditReads(audit(service, "prescriptionId=" + lifecycle.id()));

        assertThat(records).extracting(record -> record.path("action").asString()).containsExactly(
                "READ_PRESCRIPTIONS", "CLAIM", "DISPENSE", "RELEASE_BY_ID", "CREATE_PRESCRIPTION");
        assertThat(records).extracting(record -> Instant.parse(record.path("at").asString()))
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(records).allSatisfy(record -> assertThat(record.path("chain").asInt()).isBetween(1, 16));
        List<Sent> steps = List.of(tracked, lifecycle.claim(), lifecycle.dispense(), lifecycle.release(),
                lifecycle.create());
        for (int i = 0; i < steps.size(); i++) {
            assertRecorded(records.get(i), steps.get(i), "OK", lifecycle.id());
            assertThat(records.get(i).path("nhsNumber").asString()).isEqualTo(PATIENT);
        }
        assertThat(records.getLast().path("who").path("organisation").asString()).isEqualTo("A83008");
        assertThat(records.getLast().path("who").path("clientId").asString()).isEqualTo(Callers.PRESCRIBING_SYSTEM);
        assertThat(records.subList(0, 4)).allSatisfy(record -> {
            assertThat(record.path("who").path("organisation").asString()).isEqualTo("VNE51");
            assertThat(record.path("who").path("clientId").asString()).isEqualTo(Callers.DISPENSING_SYSTEM);
        });
        assertThat(requestIds(audit(service, "nhsNumber=" + PATIENT + "&limit=1000"))).contains(
                lifecycle.create().requestId(), lifecycle.release().requestId(), lifecycle.dispense().requestId(),
                lifecycle.claim().requestId(), tracked.requestId());
        assertThat(requestIds(audit(service, "limit=1000"))).doesNotContain(directory.requestId());
    }

    @Test
    void a_request_concerning_several_prescriptions_is_recorded_once_for_each() {
        List<String> ids = List.of(newId(), newId());
        for (String id : ids) {
            assertOk(send(service, PROCESS_MESSAGE, FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id, "FA565", "FCG71"))
                    .response());
        }

        Sent release = send(service, RELEASE, "release/nominated-release-req.json", Map.of("VNE51", "FCG71"));

        assertOk(release.response());
        assertThat(audit(service, "limit=1000")).filteredOn(record -> record.path("requestId").asString()
                .equals(release.requestId())).hasSize(ids.size());
        for (String id : ids) {
            JsonNode record = recordOf(audit(service, "prescriptionId=" + id), release);
            assertRecorded(record, release, "OK", id);
            assertThat(record.path("action").asString()).isEqualTo("RELEASE_NOMINATED");
            assertThat(record.path("nhsNumber").asString()).isEqualTo(PATIENT);
        }
    }

    @Test
    void a_dispense_refused_because_another_dispenser_holds_the_prescription_is_recorded_with_its_code() {
        String id = newId();
        assertOk(send(service, PROCESS_MESSAGE, FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)).response());
        assertOk(send(service, RELEASE, RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id)).response());

        Sent refused = send(service, PROCESS_MESSAGE, DISPENSE_ALL, Map.of(FOUR_ITEMS_ID, id, "VNE51", "FA565"));

        assertThat(refused.response().statusCode()).as(refused.response().body()).isEqualTo(400);
        assertThat(outcomeCode(refused.response())).isEqualTo("PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        List<JsonNode> records = withoutAuditReads(audit(service, "prescriptionId=" + id));
        assertRecorded(recordOf(records, refused), refused, "PRESCRIPTION_WITH_ANOTHER_DISPENSER", id);
        assertThat(recordOf(records, refused).path("action").asString()).isEqualTo("DISPENSE");
        assertThat(recordOf(records, refused).path("who").path("organisation").asString()).isEqualTo("FA565");
        assertThat(records).as("a dispense recorded as done").noneMatch(record ->
                record.path("action").asString().equals("DISPENSE") && record.path("outcome").asString().equals("OK"));
        assertThat(new EpsClient(service).status(id)).isEqualTo("0002");
    }

    @Test
    void a_message_acting_for_another_organisation_than_the_token_is_recorded_as_an_identity_mismatch() {
        String id = newId();
        Sent refused = send(service, PROCESS_MESSAGE, FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id),
                Callers.prescriber("B81001", Optional.of("555086689106")));

        assertThat(refused.response().statusCode()).as(refused.response().body()).isEqualTo(403);
        assertThat(outcomeCode(refused.response())).isEqualTo("IDENTITY_MISMATCH");
        List<JsonNode> records = withoutAuditReads(audit(service, "prescriptionId=" + id));
        assertThat(records).hasSize(1);
        assertRecorded(records.getFirst(), refused, "IDENTITY_MISMATCH", id);
        assertThat(records.getFirst().path("action").asString()).isEqualTo("CREATE_PRESCRIPTION");
        assertThat(records.getFirst().path("who").path("organisation").asString()).isEqualTo("B81001");
        assertThat(service.taskFor(id).path("entry").size()).as("prescriptions with ID " + id).isZero();
    }

    @Test
    void a_request_without_a_valid_token_is_refused_and_not_recorded() {
        String id = newId();
        String path = "/FHIR/R4/Task?focus:identifier=" + id;
        String noToken = UUID.randomUUID().toString();
        String badToken = UUID.randomUUID().toString();
        String unsentOrder = UUID.randomUUID().toString();

        HttpResponse<String> withoutToken = service.send(HttpRequest.newBuilder(service.uri(path))
                .header("X-Request-ID", noToken).GET().build());
        HttpResponse<String> withBadToken = service.send(HttpRequest.newBuilder(service.uri(path))
                .header("X-Request-ID", badToken).header("Authorization", "Bearer not.a.token").GET().build());
        HttpResponse<String> orderWithoutToken = service.send(HttpRequest.newBuilder(service.uri(PROCESS_MESSAGE))
                .header("X-Request-ID", unsentOrder).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)))).build());

        for (HttpResponse<String> response : List.of(withoutToken, withBadToken, orderWithoutToken)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(outcomeCode(response)).isEqualTo("UNAUTHORISED");
        }
        List<JsonNode> all = audit(service, "limit=1000");
        assertThat(requestIds(all)).doesNotContain(noToken, badToken, unsentOrder);
        assertThat(all).noneSatisfy(record -> assertThat(record.path("who").path("kind").asString())
                .isEqualTo("anonymous"));
        assertThat(service.taskFor(id).path("entry").size()).isZero();
    }

    @Test
    void only_an_administrator_may_read_the_audit_trail() {
        for (ObjectNode caller : List.of(Callers.dispenser("VNE51"), Callers.prescriber("A83008"),
                Callers.patient(PATIENT), Callers.system(Callers.DISPENSING_SYSTEM))) {
            for (String path : List.of("/api/admin/audit?nhsNumber=" + PATIENT, "/api/admin/audit/verify")) {
                HttpResponse<String> response = service.get(path, caller);
                assertThat(response.statusCode()).as(caller + " " + path + ": " + response.body()).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(RunningService.json(response.body()).path("code").asString()).isEqualTo("ACCESS_DENIED");
                assertThat(response.body()).doesNotContain("\"records\"", "\"intact\"");
            }
        }
        assertThat(service.get("/api/admin/audit?nhsNumber=" + PATIENT, Callers.administrator()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_replayed_message_is_recorded_as_a_read_of_its_prescription_and_changes_nothing_again() {
        String id = newId();
        byte[] order = body(FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id));
        Sent first = post(service, PROCESS_MESSAGE, order, MessageCallers.callerFor("POST", PROCESS_MESSAGE, order));
        Sent again = post(service, PROCESS_MESSAGE, order, first.caller());

        assertOk(first.response());
        assertOk(again.response());
        assertThat(again.response().body()).isEqualTo(first.response().body());
        List<JsonNode> records = withoutAuditReads(audit(service, "prescriptionId=" + id));
        assertThat(records).filteredOn(record -> record.path("action").asString().equals("CREATE_PRESCRIPTION"))
                .as("changes recorded for " + id + ": " + records)
                .singleElement()
                .satisfies(record -> assertThat(record.path("requestId").asString()).isEqualTo(first.requestId()));
        JsonNode replay = recordOf(records, again);
        assertRecorded(replay, again, "REPLAYED", id);
        assertThat(replay.path("action").asString()).isEqualTo("READ_PRESCRIPTIONS");
        assertThat(replay.path("nhsNumber").asString()).isEqualTo(PATIENT);
        JsonNode tasks = service.taskFor(id).path("entry");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).path("resource").path("businessStatus").path("coding").get(0).path("code").asString())
                .isEqualTo("0001");
    }

    // ---- tamper evidence ------------------------------------------------------------------------------------------

    @Test
    void the_database_refuses_a_plain_update_or_delete_of_the_audit_trail() {
        Lifecycle lifecycle = Lifecycle.drive(service, newId());
        JsonNode released = recordOf(audit(service, "prescriptionId=" + lifecycle.id()), lifecycle.release());
        String row = "chain = " + released.path("chain").asInt() + " and sequence = " + released.path("sequence").asLong();

        for (String sql : List.of(
                "update audit_record set organisation = 'X' where " + row,
                "delete from audit_record where " + row,
                "truncate audit_record",
                "update audit_chain_head set sequence = sequence - 1, hash = repeat('0', 64)",
                "delete from audit_chain_head")) {
            assertThatThrownBy(() -> service.execute(sql)).as(sql)
                    .rootCause()
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                            .as(refused.getMessage()).isEqualTo("42501"))
                    .hasMessageContaining(sql.contains("audit_chain_head") ? "audit_chain_head" : "append-only");
        }
        JsonNode verification = verify(service);
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(recordOf(audit(service, "prescriptionId=" + lifecycle.id()), lifecycle.release())
                .path("who").path("organisation").asString()).isEqualTo("VNE51");
    }

    @Test
    void the_chain_is_intact_after_every_kind_of_request_and_finds_a_row_altered_by_hand() {
        try (RunningService own = RunningService.start()) {
            Lifecycle lifecycle = everyKindOfRequest(own);
            JsonNode intact = verify(own);
            assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.path("recordsChecked").asLong()).isGreaterThanOrEqualTo(7);
            assertThat(intact.has("firstBrokenSequence")).isFalse();
            assertThat(intact.has("problem")).isFalse();
            JsonNode dispensed = recordOf(audit(own, "prescriptionId=" + lifecycle.id()), lifecycle.dispense());
            int chain = dispensed.path("chain").asInt();
            long altered = dispensed.path("sequence").asLong();

            own.execute("alter table audit_record disable trigger user; "
                    + "update audit_record set organisation = 'X' where chain = " + chain + " and sequence = "
                    + altered + "; alter table audit_record enable trigger user");

            JsonNode broken = verify(own);
            assertBrokenAt(broken, chain, altered, "ALTERED");
        }
    }

    @Test
    void the_chain_finds_a_row_deleted_by_hand_missing() {
        try (RunningService own = RunningService.start()) {
            Lifecycle lifecycle = everyKindOfRequest(own);
            JsonNode intact = verify(own);
            assertThat(intact.path("intact").asBoolean()).isTrue();
            JsonNode released = recordOf(audit(own, "prescriptionId=" + lifecycle.id()), lifecycle.release());
            int chain = released.path("chain").asInt();
            long deleted = released.path("sequence").asLong();

            own.execute("alter table audit_record disable trigger user; "
                    + "delete from audit_record where chain = " + chain + " and sequence = " + deleted + "; "
                    + "alter table audit_record enable trigger user");

            assertBrokenAt(verify(own), chain, deleted, "MISSING");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * The verification reports one broken chain, first broken at this record, and counts at least the records before
     * it in its chain intact (and those of the other chains, which audited requests keep adding to).
     */
    private static void assertBrokenAt(JsonNode broken, int chain, long sequence, String problem) {
        assertThat(broken.path("intact").asBoolean()).as(broken.toString()).isFalse();
        assertThat(broken.path("firstBrokenChain").asInt()).as(broken.toString()).isEqualTo(chain);
        assertThat(broken.path("firstBrokenSequence").asLong()).isEqualTo(sequence);
        assertThat(broken.path("problem").asString()).isEqualTo(problem);
        assertThat(broken.path("breaks").valueStream().toList()).singleElement().satisfies(only -> {
            assertThat(only.path("chain").asInt()).isEqualTo(chain);
            assertThat(only.path("sequence").asLong()).isEqualTo(sequence);
            assertThat(only.path("problem").asString()).isEqualTo(problem);
        });
        assertThat(broken.path("recordsChecked").asLong()).isGreaterThanOrEqualTo(sequence - 1);
    }

    /** A request sent: its X-Request-ID, the caller it was sent as (a /dev/token body), and the answer. */
    private record Sent(String requestId, ObjectNode caller, HttpResponse<String> response) {
    }

    /** The four-item prescription created, released to VNE51, dispensed and claimed, each by the caller it names. */
    private record Lifecycle(String id, Sent create, Sent release, Sent dispense, Sent claim) {

        static Lifecycle drive(RunningService service, String id) {
            Lifecycle lifecycle = new Lifecycle(id,
                    send(service, PROCESS_MESSAGE, FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)),
                    send(service, RELEASE, RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id)),
                    send(service, PROCESS_MESSAGE, DISPENSE_ALL, Map.of(FOUR_ITEMS_ID, id)),
                    send(service, "/FHIR/R4/Claim", CLAIM, Map.of(FOUR_ITEMS_ID, id,
                            "a76599c5-bbdd-4581-bb4d-377b348dd1e4", UUID.randomUUID().toString())));
            for (Sent step : List.of(lifecycle.create, lifecycle.release, lifecycle.dispense, lifecycle.claim)) {
                assertOk(step.response());
            }
            return lifecycle;
        }
    }

    /**
     * A lifecycle, a tracker read, a refused request, a replayed message, a request without a token, a directory
     * look-up and an audit read: every way a record is written, or not.
     */
    private static Lifecycle everyKindOfRequest(RunningService on) {
        Lifecycle lifecycle = Lifecycle.drive(on, newId());
        assertOk(read(on, "/FHIR/R4/Task?focus:identifier=" + lifecycle.id(), Callers.prescriber("A83008")).response());
        assertThat(send(on, RELEASE, RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, lifecycle.id()))
                .response().statusCode()).isEqualTo(400);
        byte[] order = body(FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, newId()));
        ObjectNode prescriber = MessageCallers.callerFor("POST", PROCESS_MESSAGE, order);
        assertOk(post(on, PROCESS_MESSAGE, order, prescriber).response());
        assertOk(post(on, PROCESS_MESSAGE, order, prescriber).response());
        assertThat(on.send(HttpRequest.newBuilder(on.uri("/FHIR/R4/Task?patient:identifier=" + PATIENT))
                .header("X-Request-ID", UUID.randomUUID().toString()).GET().build()).statusCode()).isEqualTo(401);
        assertOk(read(on, "/api/organisations/FA565", Callers.system(Callers.TRACKER)).response());
        audit(on, "nhsNumber=" + PATIENT);
        return lifecycle;
    }

    private static void assertRecorded(JsonNode record, Sent sent, String outcome, String prescriptionId) {
        ObjectNode caller = sent.caller();
        assertThat(record.path("requestId").asString()).as(record.toString()).isEqualTo(sent.requestId());
        assertThat(record.path("outcome").asString()).as(record.toString()).isEqualTo(outcome);
        assertThat(record.path("prescriptionId").asString()).as(record.toString()).isEqualTo(prescriptionId);
        JsonNode who = record.path("who");
        assertThat(who.path("kind").asString()).as(record.toString()).isEqualTo("user");
        assertThat(who.path("userId").asString()).isEqualTo(caller.path("sdsUserId").asString());
        assertThat(who.path("roleProfileId").asString()).isEqualTo(caller.path("roleProfileId").asString());
        assertThat(who.path("organisation").asString()).isEqualTo(caller.path("ods").asString());
        assertThat(who.path("clientId").asString()).isEqualTo(caller.path("clientId").asString());
        assertThat(who.has("patient")).isFalse();
    }

    /** Posts an example with text replaced (and a new Bundle.identifier), as the caller it names. */
    private static Sent send(RunningService on, String path, String example, Map<String, String> replacements) {
        byte[] body = body(example, replacements);
        return post(on, path, body, MessageCallers.callerFor("POST", path, body));
    }

    private static Sent send(RunningService on, String path, String example, Map<String, String> replacements,
                             ObjectNode caller) {
        return post(on, path, body(example, replacements), caller);
    }

    private static Sent post(RunningService on, String path, byte[] body, ObjectNode caller) {
        String requestId = UUID.randomUUID().toString();
        return new Sent(requestId, caller, on.post(path, body, "application/fhir+json", requestId, caller));
    }

    private static Sent read(RunningService on, String path, ObjectNode caller) {
        String requestId = UUID.randomUUID().toString();
        return new Sent(requestId, caller, on.send(on.authorised(HttpRequest.newBuilder(on.uri(path))
                .header("X-Request-ID", requestId), caller).GET().build()));
    }

    private static byte[] body(String example, Map<String, String> replacements) {
        String text = new String(RunningService.example(example), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        JsonNode body = RunningService.json(text);
        if (body.path("resourceType").asString().equals("Bundle")) {
            ((ObjectNode) body.path("identifier")).put("value", UUID.randomUUID().toString());
        }
        return RunningService.JSON.writeValueAsBytes(body);
    }

    /** The audit records a search finds, newest first, as an administrator reads them. */
    private static List<JsonNode> audit(RunningService on, String query) {
        HttpResponse<String> response = on.get("/api/admin/audit?" + query, Callers.administrator());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body()).path("records").valueStream().toList();
    }

    /** Leaves out the records of the administrator's own searches, which concern the prescription searched for. */
    private static List<JsonNode> withoutAuditReads(List<JsonNode> records) {
        return records.stream().filter(record -> !record.path("action").asString().equals("READ_AUDIT")).toList();
    }

    private static JsonNode recordOf(List<JsonNode> records, Sent sent) {
        List<JsonNode> found = records.stream()
                .filter(record -> record.path("requestId").asString().equals(sent.requestId()))
                .toList();
        assertThat(found).as("records of request " + sent.requestId() + " among " + records).hasSize(1);
        return found.getFirst();
    }

    private static List<String> requestIds(List<JsonNode> records) {
        return records.stream().map(record -> record.path("requestId").asString()).toList();
    }

    private static JsonNode verify(RunningService on) {
        HttpResponse<String> response = on.get("/api/admin/audit/verify", Callers.administrator());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body());
    }

    private static String outcomeCode(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        return RunningService.json(response.body()).path("issue").get(0).path("details").path("coding").get(0)
                .path("code").asString();
    }

    private static String newId() {
        return Examples.newPrescriptionId(RANDOM);
    }
}
