package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.EpsClient.assertRefused;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.directory.DirectoryCsv;
import org.openeps.domain.shared.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nominations over the PDS-shaped API against the running service with the shipped sample directory: set, change and
 * remove with their history, every refusal, and how nominations meet the prescription flow (the prescribing system
 * reads the nomination and names it in the message; nominated release follows the message).
 */
class NominationApiTest {

    private static final String PATIENT_PATH = "/personal-demographics/FHIR/R4/Patient/";
    private static final String PHARMACY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
    private static final String APPLIANCES =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicalApplianceSupplier";
    private static final String DOCTOR =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-PreferredDispenserOrganization";
    private static final String FOUR_ITEMS_PATIENT = "5839945242";
    private static final String NOMINATED_RELEASE = "release/nominated-release-req.json";
    private static final AtomicLong NEXT_PATIENT = new AtomicLong(700_000_000L);
    private static final SplittableRandom RANDOM = new SplittableRandom(41);
    /** Who changes the nominations: a user at the patient's GP practice. */
    private static final ObjectNode CHANGED_BY = Callers.prescriber("A83008", java.util.Optional.of("555086689106"));

    private static RunningService service;
    private static EpsClient eps;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        eps = new EpsClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    @Test
    void a_patient_who_never_nominated_is_answered_with_no_nomination_at_version_0() {
        String patient = newPatient();

        HttpResponse<String> response = read(patient);

        assertOk(response);
        assertThat(response.headers().firstValue("ETag")).hasValue("W/\"0\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/fhir+json"));
        JsonNode body = RunningService.json(response.body());
        assertThat(body.path("resourceType").asString()).isEqualTo("Patient");
        assertThat(body.path("id").asString()).isEqualTo(patient);
        assertThat(body.path("meta").path("versionId").asString()).isEqualTo("0");
        assertThat(body.path("identifier").get(0).path("system").asString()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(body.path("identifier").get(0).path("value").asString()).isEqualTo(patient);
        assertThat(body.has("extension")).isFalse();
    }

    @Test
    void an_invalid_nhs_number_is_a_400_operation_outcome() {
        HttpResponse<String> response = read("9449304131");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"", "INVALID_CHECK_DIGIT");
        assertThat(service.get("/api/patients/12345/nomination-history").statusCode()).isEqualTo(400);
    }

    // ---- set, change, remove ------------------------------------------------------------------------------------

    @Test
    void set_change_and_remove_nominations_with_their_history() {
        String patient = newPatient();

        HttpResponse<String> set = patch(patient, "W/\"0\"", """
                [{"op": "add", "path": "/extension", "value": [%s, %s, %s]}]
                """.formatted(extension(PHARMACY, "FA565"), extension(APPLIANCES, "FZ002"), extension(DOCTOR, "Z99901")));
        assertOk(set);
        assertThat(set.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(nominations(RunningService.json(set.body()))).isEqualTo(Map.of(PHARMACY, "FA565",
                APPLIANCES, "FZ002", DOCTOR, "Z99901"));

        HttpResponse<String> changed = patch(patient, "W/\"1\"", """
                [{"op": "test", "path": "/extension/0/url", "value": "%s"},
                 {"op": "replace", "path": "/extension/0/valueReference/identifier/value", "value": "FCG71"}]
                """.formatted(PHARMACY));
        assertOk(changed);
        assertThat(changed.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(RunningService.json(changed.body()).path("meta").path("versionId").asString()).isEqualTo("2");

        HttpResponse<String> removed = patch(patient, "W/\"2\"", """
                [{"op": "test", "path": "/extension/1/url", "value": "%s"}, {"op": "remove", "path": "/extension/1"}]
                """.formatted(APPLIANCES));
        assertOk(removed);
        assertThat(removed.headers().firstValue("ETag")).hasValue("W/\"3\"");

        HttpResponse<String> read = read(patient);
        assertThat(read.headers().firstValue("ETag")).hasValue("W/\"3\"");
        assertThat(nominations(RunningService.json(read.body()))).isEqualTo(Map.of(PHARMACY, "FCG71", DOCTOR, "Z99901"));

        HttpResponse<String> history = service.get("/api/patients/" + patient + "/nomination-history");
        assertOk(history);
        assertThat(history.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode body = RunningService.json(history.body());
        assertThat(body.path("version").asLong()).isEqualTo(3);
        assertThat(body.path("nominations").path("P1").asString()).isEqualTo("FCG71");
        assertThat(body.path("history").valueStream().map(change -> change.path("siteType").asString() + " "
                + change.path("from").asString("-") + ">" + change.path("to").asString("-") + " by "
                + change.path("by").path("organisation").asString("?") + "/" + change.path("by").path("person")
                .asString("?")).toList()).containsExactly(
                "P1 ->FA565 by A83008/555086689106", "P2 ->FZ002 by A83008/555086689106",
                "P3 ->Z99901 by A83008/555086689106", "P1 FA565>FCG71 by A83008/555086689106",
                "P2 FZ002>- by A83008/555086689106");
        assertThat(body.path("history").get(0).path("at").asString()).isNotEmpty();
    }

    @Test
    void a_patch_that_changes_nothing_keeps_the_version() {
        String patient = newPatient();
        assertOk(patch(patient, "W/\"0\"", addPharmacy("FA565")));

        HttpResponse<String> same = patch(patient, "W/\"1\"", """
                [{"op": "replace", "path": "/extension/0/valueReference/identifier/value", "value": "FA565"}]""");

        assertOk(same);
        assertThat(same.headers().firstValue("ETag")).hasValue("W/\"1\"");
    }

    // ---- refusals -------------------------------------------------------------------------------------------------

    @Test
    void every_refusal_is_a_4xx_operation_outcome_with_its_code_and_changes_nothing() {
        String patient = newPatient();
        assertOk(patch(patient, "W/\"0\"", addPharmacy("FA565")));

        assertRefused(patch(patient, "W/\"1\"", replacePharmacy("FXX99")), "UNKNOWN_ORGANISATION");
        assertRefused(patch(patient, "W/\"1\"", replacePharmacy("FZ005")), "ORGANISATION_CLOSED");
        assertRefused(patch(patient, "W/\"1\"", replacePharmacy("FZ002")), "ORGANISATION_WRONG_KIND");
        assertRefused(patch(patient, "W/\"1\"", replacePharmacy("A83008")), "ORGANISATION_WRONG_KIND");
        assertRefused(patch(patient, "W/\"1\"", """
                [{"op": "add", "path": "/extension/-", "value": %s}]""".formatted(extension(DOCTOR, "FA565"))),
                "ORGANISATION_WRONG_KIND");

        HttpResponse<String> stale = patch(patient, "W/\"0\"", replacePharmacy("FCG71"));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.body()).contains("OperationOutcome", "PRECONDITION_FAILED");

        HttpResponse<String> missing = patch(patient, null, replacePharmacy("FCG71"));
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(428);
        assertThat(missing.body()).contains("OperationOutcome", "PRECONDITION_REQUIRED");
        assertRefused(patch(patient, "1 please", replacePharmacy("FCG71")), "INVALID_VALUE");

        assertRefused(patch(patient, "W/\"1\"", "{\"op\": \"add\"}"), "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", "[{\"op\": \"jump\", \"path\": \"/id\"}]"), "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", "[{\"op\": \"remove\", \"path\": \"/telecom/0\"}]"), "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", "[{\"op\": \"test\", \"path\": \"/id\", \"value\": \"x\"}]"),
                "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", "not json"), "INVALID_VALUE");

        assertRefused(patch(patient, "W/\"1\"", "[{\"op\": \"add\", \"path\": \"/gender\", \"value\": \"female\"}]"),
                "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", """
                [{"op": "replace", "path": "/identifier/0/value", "value": "9449304130"}]"""), "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", """
                [{"op": "add", "path": "/extension/-", "value": {"url": "https://example.org/other", "valueString": "x"}}]
                """), "INVALID_VALUE");
        assertRefused(patch(patient, "W/\"1\"", """
                [{"op": "add", "path": "/extension/-", "value": %s}]""".formatted(extension(PHARMACY, "FCG71"))),
                "INVALID_VALUE");

        HttpResponse<String> wrongType = service.send(service.authorised(HttpRequest.newBuilder(
                        service.uri(PATIENT_PATH + patient))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(replacePharmacy("FCG71")))
                .header("Content-Type", "application/json").header("If-Match", "W/\"1\""), CHANGED_BY).build());
        assertThat(wrongType.statusCode()).isEqualTo(415);

        HttpResponse<String> after = read(patient);
        assertThat(after.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(nominations(RunningService.json(after.body()))).isEqualTo(Map.of(PHARMACY, "FA565"));
        assertThat(RunningService.json(service.get("/api/patients/" + patient + "/nomination-history").body())
                .path("history").size()).isEqualTo(1);
    }

    @Test
    void of_patches_racing_from_the_same_version_one_is_applied_and_the_others_are_412() throws Exception {
        String patient = newPatient();
        List<String> pharmacies = List.of("FA565", "FCG71", "FCG75", "FER21", "FL584", "VNE51");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(pharmacies.size())) {
            for (String pharmacy : pharmacies) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return patch(patient, "W/\"0\"", addPharmacy(pharmacy));
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(200, 412);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        }
        assertThat(currentETag(patient)).isEqualTo("W/\"1\"");
        assertThat(RunningService.json(service.get("/api/patients/" + patient + "/nomination-history").body())
                .path("history").size()).isEqualTo(1);
    }

    // ---- with the prescription flow ---------------------------------------------------------------------------

    @Test
    void a_prescription_created_after_a_change_follows_the_new_nomination_and_one_created_before_keeps_the_old() {
        String patient = FOUR_ITEMS_PATIENT;
        HttpResponse<String> first = patch(patient, currentETag(patient), addPharmacy("FA565"));
        assertOk(first);
        String before = prescribe(nominatedPharmacyOf(patient));

        assertOk(patch(patient, currentETag(patient), replacePharmacy("FCG71")));
        String after = prescribe(nominatedPharmacyOf(patient));

        HttpResponse<String> newlyNominated = nominatedRelease("FCG71");
        assertOk(newlyNominated);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(newlyNominated.body()))).containsExactly(after);

        HttpResponse<String> formerlyNominated = nominatedRelease("FA565");
        assertOk(formerlyNominated);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(formerlyNominated.body())))
                .containsExactly(before);
        HttpResponse<String> nothingMore = nominatedRelease("FA565");
        assertOk(nothingMore);
        assertThat(nothingMore.body()).contains("NO_MORE_PRESCRIPTIONS");
    }

    @Test
    void a_prescription_naming_an_unknown_closed_or_wrong_kind_dispenser_is_refused() {
        for (String dispenser : List.of("FXX99", "FZ005", "FZ002", "A83008")) {
            String id = newId();
            HttpResponse<String> refused = eps.send("/FHIR/R4/$process-message", FOUR_ITEMS,
                    Map.of(FOUR_ITEMS_ID, id, "\"FA565\"", "\"" + dispenser + "\""));
            assertThat(refused.statusCode()).as(dispenser + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("INVALID_NOMINATED_DISPENSER", dispenser);
            assertThat(service.taskFor(id).path("total").asInt(0)).isZero();
        }
    }

    @Test
    void closing_an_organisation_keeps_its_undispensed_nominated_prescriptions_releasable_by_id() {
        String id = prescribe("FH542");
        String sample = DirectoryCsv.sample();
        String closed = sample.lines()
                .map(line -> line.startsWith("FH542,") ? line.substring(0, line.lastIndexOf(',')) + ",closed" : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        assertThat(closed).isNotEqualTo(sample);
        try {
            assertOk(reload(closed));
            assertThat(service.get("/api/organisations/FH542").body()).contains("\"status\":\"closed\"");

            HttpResponse<String> refused = eps.send("/FHIR/R4/$process-message", FOUR_ITEMS,
                    Map.of(FOUR_ITEMS_ID, newId(), "\"FA565\"", "\"FH542\""));
            assertRefused(refused, "INVALID_NOMINATED_DISPENSER");

            HttpResponse<String> byId = eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID,
                    Map.of(FOUR_ITEMS_ID, id, "\"VNE51\"", "\"FA565\""));
            assertOk(byId);
            assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(byId.body()))).containsExactly(id);
            assertThat(eps.owner(id)).isEqualTo("FA565");
        } finally {
            assertOk(reload(sample));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static HttpResponse<String> read(String patient) {
        return service.get(PATIENT_PATH + patient);
    }

    private static HttpResponse<String> patch(String patient, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(PATIENT_PATH + patient))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json-patch+json")
                .header("X-Request-ID", UUID.randomUUID().toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return service.send(service.authorised(request, CHANGED_BY).build());
    }

    private static String currentETag(String patient) {
        return read(patient).headers().firstValue("ETag").orElseThrow();
    }

    /** What a prescribing system does before it prescribes: reads the patient's nominated pharmacy. */
    private static String nominatedPharmacyOf(String patient) {
        return nominations(RunningService.json(read(patient).body())).get(PHARMACY);
    }

    /** The published four-item prescription under a new ID, nominated (P1) to the given pharmacy. */
    private static String prescribe(String pharmacy) {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS,
                Map.of(FOUR_ITEMS_ID, id, "\"FA565\"", "\"" + pharmacy + "\"")));
        return id;
    }

    private static HttpResponse<String> nominatedRelease(String pharmacy) {
        return eps.send("/FHIR/R4/Task/$release", NOMINATED_RELEASE, Map.of("\"VNE51\"", "\"" + pharmacy + "\""));
    }

    private static HttpResponse<String> reload(String csv) {
        return service.post("/api/admin/directory/reload", csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
    }

    private static Map<String, String> nominations(JsonNode patient) {
        Map<String, String> nominations = new java.util.HashMap<>();
        patient.path("extension").forEach(extension -> nominations.put(extension.path("url").asString(),
                extension.path("valueReference").path("identifier").path("value").asString()));
        return nominations;
    }

    private static String extension(String url, String ods) {
        return """
                {"url": "%s", "valueReference": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code", \
                "value": "%s"}}}""".formatted(url, ods);
    }

    private static String addPharmacy(String ods) {
        return "[{\"op\": \"add\", \"path\": \"/extension\", \"value\": [" + extension(PHARMACY, ods) + "]}]";
    }

    private static String replacePharmacy(String ods) {
        return "[{\"op\": \"replace\", \"path\": \"/extension/0/valueReference/identifier/value\", \"value\": \""
                + ods + "\"}]";
    }

    private static String newId() {
        return Examples.newPrescriptionId(RANDOM);
    }

    /** A valid NHS number no other test uses. */
    private static String newPatient() {
        while (true) {
            Optional<NhsNumber> number = NhsNumber.withCheckDigit(Long.toString(NEXT_PATIENT.incrementAndGet()));
            if (number.isPresent()) {
                return number.get().value();
            }
        }
    }
}
