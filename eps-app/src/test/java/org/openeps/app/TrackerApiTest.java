package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The clinical prescription tracker's JSON API over HTTP: a prescription driven through its life shows each step in
 * the list tabs and the details timeline (with the pharmacy's status updates), each way of searching, every bad input
 * with the error naming it, and who may read.
 */
class TrackerApiTest {

    private static final String PATIENT = "5839945242";
    private static final String FAMILY = "TWITCHETT";
    private static final String HOLDER = "VNE51";
    private static final List<String> ITEMS = Examples.FOUR_ITEMS_ITEMS;
    private static final SplittableRandom RANDOM = new SplittableRandom(53);
    /** A prescriber at the practice of the example, reading the tracker. */
    private static final ObjectNode PRESCRIBER = Callers.prescriber("A83008");
    private static final ObjectNode DISPENSER = Callers.dispenser(HOLDER);

    private static MutableClock clock;
    private static RunningService service;
    private static EpsClient eps;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2022-10-21T09:00:00Z"));
        service = RunningService.start(clock);
        eps = new EpsClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // ---- a prescription through its life -----------------------------------------------------------------------------

    @Test
    void each_step_of_a_prescriptions_life_shows_in_the_list_tabs_and_the_details_timeline() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);
        assertThat(tabOf(nhsNumber, id)).isEqualTo("currentPrescriptions:0001");

        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber, FAMILY)));
        assertThat(tabOf(nhsNumber, id)).isEqualTo("currentPrescriptions:0002");

        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(0), HOLDER, "With Pharmacy", "in-progress"));
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/$process-message", DISPENSE_ALL, replacements(id, nhsNumber, FAMILY)));
        assertThat(tabOf(nhsNumber, id)).isEqualTo("currentPrescriptions:0006");

        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(0), HOLDER, "Collected", "completed"));
        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(1), "FA565", "Ready to Collect", "in-progress"));
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Claim", CLAIM, replacements(id, nhsNumber, FAMILY)));
        assertThat(tabOf(nhsNumber, id)).isEqualTo("pastPrescriptions:0008");

        JsonNode details = ok(get("/api/prescription-details/" + encode(id), PRESCRIBER));
        assertThat(details.path("prescriptionId").asString()).isEqualTo(id);
        assertThat(details.path("statusCode").asString()).isEqualTo("0008");
        assertThat(details.path("type").asString()).isEqualTo("Acute");
        assertThat(details.path("patientDetails").path("nhsNumber").asString()).isEqualTo(nhsNumber);
        assertThat(details.path("patientDetails").path("family").asString()).isEqualTo(FAMILY);
        JsonNode history = details.path("messageHistory");
        assertThat(history.valueStream().map(entry -> entry.path("messageCode").asString()).toList())
                .as("FA565's update is not there: the prescription was never released to it")
                .containsExactly("prescription-order", "release", "status-update", "dispense-notification",
                        "status-update", "claim");
        assertThat(history.valueStream().map(entry -> entry.path("newStatusCode").asString(null)).toList())
                .containsExactly("0001", "0002", null, "0006", null, "0008");
        assertThat(history.get(1).path("organisationODS").asString()).isEqualTo(HOLDER);
        assertThat(history.get(1).path("organisationName").asString()).isEqualTo("The Simple Pharmacy");
        assertThat(history.get(0).path("organisationName").asString()).isEqualTo("HALLGARTH SURGERY");
        assertThat(history.get(2).path("items").get(0).path("pharmacyStatus").asString()).isEqualTo("With Pharmacy");
        assertThat(history.get(3).path("dispenseNotification").size()).isEqualTo(3);
        JsonNode firstItem = item(details, ITEMS.get(0));
        assertThat(firstItem.path("pharmacyStatus").asString()).isEqualTo("Collected");
        assertThat(firstItem.path("medicationName").asString()).isEqualTo("Amoxicillin 250mg capsules");
        assertThat(item(details, ITEMS.get(1)).path("pharmacyStatus").isNull())
                .as("a status from a pharmacy not holding the prescription does not count").isTrue();
        assertThat(details.path("prescriberOrganisation").path("organisationSummaryObjective").path("name").asString())
                .isEqualTo("HALLGARTH SURGERY");
        assertThat(details.path("currentDispenser").get(0).path("organisationSummaryObjective").path("address")
                .asString()).isEqualTo("17 Austhorpe Road, Crossgates, Leeds, West Yorkshire, LS15 8BA");
        assertThat(details.path("nominatedDispenser").path("organisationSummaryObjective").path("odsCode").asString())
                .isEqualTo("FA565");
    }

    @Test
    void status_updates_from_a_pharmacy_the_prescription_was_never_released_to_are_not_in_its_timeline() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber, FAMILY)));
        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(0), HOLDER, "With Pharmacy", "in-progress"));
        clock.advance(Duration.ofMinutes(5));
        // anyone may send a status update about any prescription under any ODS code: the PSU API stores it
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(0), "FA565", "Collected", "completed"));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(1), "FX111", "Ready to Collect", "in-progress"));

        JsonNode details = ok(get("/api/prescription-details/" + encode(id), PRESCRIBER));

        JsonNode history = details.path("messageHistory");
        assertThat(history.valueStream().map(entry -> entry.path("messageCode").asString()).toList())
                .containsExactly("prescription-order", "release", "status-update");
        assertThat(history.get(2).path("organisationODS").asString()).isEqualTo(HOLDER);
        assertThat(history.toString()).doesNotContain("FA565\"", "FX111", "Collected", "Ready to Collect");
        assertThat(item(details, ITEMS.get(0)).path("pharmacyStatus").asString()).isEqualTo("With Pharmacy");
        assertThat(item(details, ITEMS.get(1)).path("pharmacyStatus").isNull()).isTrue();
    }

    @Test
    void an_update_dated_ahead_is_not_an_items_pharmacy_status_until_its_time_comes() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber, FAMILY)));
        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, nhsNumber, ITEMS.get(0), HOLDER, "With Pharmacy", "in-progress"));
        Instant ahead = clock.instant().plus(Duration.ofHours(2));
        assertStored(StatusUpdates.send(service, StatusUpdates.entry(id, nhsNumber, ITEMS.get(0), HOLDER,
                "Ready to Collect", "in-progress", ahead)));

        JsonNode before = ok(get("/api/prescription-details/" + encode(id), PRESCRIBER));
        clock.advance(Duration.ofHours(2));
        JsonNode after = ok(get("/api/prescription-details/" + encode(id), PRESCRIBER));

        assertThat(item(before, ITEMS.get(0)).path("pharmacyStatus").asString()).isEqualTo("With Pharmacy");
        assertThat(item(after, ITEMS.get(0)).path("pharmacyStatus").asString()).isEqualTo("Ready to Collect");
    }

    @Test
    void a_prescription_is_listed_by_its_id_too() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);

        JsonNode list = ok(get("/api/prescription-list?prescriptionId=" + encode(id), DISPENSER));

        assertThat(list.path("patient").path("nhsNumber").asString()).isEqualTo(nhsNumber);
        assertThat(list.path("currentPrescriptions").get(0).path("prescriptionId").asString()).isEqualTo(id);
        assertThat(list.path("currentPrescriptions").get(0).path("prescriptionTreatmentType").asString())
                .isEqualTo("0001");
        assertThat(list.path("futurePrescriptions").size()).isZero();
    }

    // ---- search by basic details -------------------------------------------------------------------------------------

    @Test
    void patients_are_found_by_family_name_and_date_of_birth_and_narrowed_by_given_name_and_postcode() {
        String family = "Tracker" + letters();
        String nhsNumber = newNhsNumber();
        prescribe(nhsNumber, family.toUpperCase(Locale.ROOT));

        JsonNode found = ok(get("/api/patient-search?familyName=" + encode(" " + family.toLowerCase(Locale.ROOT))
                + "&dateOfBirth=1948-04-30", PRESCRIBER));
        JsonNode narrowed = ok(get("/api/patient-search?familyName=" + family + "&dateOfBirth=1948-04-30"
                + "&givenName=marisa&postcode=kt112qy", PRESCRIBER));
        JsonNode otherPostcode = ok(get("/api/patient-search?familyName=" + family + "&dateOfBirth=1948-04-30"
                + "&postcode=" + encode("LS1 1AA"), PRESCRIBER));

        assertThat(found.path("patients").size()).isOne();
        assertThat(found.path("patients").get(0).path("nhsNumber").asString()).isEqualTo(nhsNumber);
        assertThat(found.path("patients").get(0).path("givenName").get(0).asString()).isEqualTo("STACEY");
        assertThat(found.path("moreThanShown").asBoolean()).isFalse();
        assertThat(narrowed.path("patients").get(0).path("nhsNumber").asString()).isEqualTo(nhsNumber);
        assertThat(otherPostcode.path("patients").size()).isZero();
    }

    // ---- bad input ---------------------------------------------------------------------------------------------------

    @Test
    void every_bad_input_is_a_400_naming_its_field() {
        String id = prescribe(newNhsNumber(), FAMILY);
        assertProblem(get("/api/prescription-list", PRESCRIBER), 400, "INVALID_VALUE", "prescriptionId");
        assertProblem(get("/api/prescription-list?prescriptionId=" + encode(id) + "&nhsNumber=" + PATIENT, PRESCRIBER), 400,
                "INVALID_VALUE", "nhsNumber");
        String wrongCheck = id.substring(0, 19) + (id.endsWith("X") ? "Y" : "X");
        assertProblem(get("/api/prescription-list?prescriptionId=" + wrongCheck, PRESCRIBER), 400,
                "INVALID_CHECK_DIGIT", "prescriptionId");
        assertProblem(get("/api/prescription-list?prescriptionId=not-an-id", PRESCRIBER), 400, "INVALID_VALUE",
                "prescriptionId");
        assertProblem(get("/api/prescription-list?nhsNumber=5839945243", PRESCRIBER), 400, "INVALID_CHECK_DIGIT",
                "nhsNumber");
        assertProblem(get("/api/prescription-list?surname=SMITH", PRESCRIBER), 400, "INVALID_VALUE", "surname");
        assertProblem(get("/api/patient-search?dateOfBirth=1948-04-30", PRESCRIBER), 400, "MISSING_VALUE",
                "familyName");
        assertProblem(get("/api/patient-search?familyName=SMITH", PRESCRIBER), 400, "MISSING_VALUE", "dateOfBirth");
        assertProblem(get("/api/patient-search?familyName=SMITH&dateOfBirth=30-04-1948", PRESCRIBER), 400,
                "INVALID_VALUE", "dateOfBirth");
        assertProblem(get("/api/patient-search?familyName=SMITH&dateOfBirth=2022-10-22", PRESCRIBER), 400,
                "INVALID_VALUE", "dateOfBirth");
        assertProblem(get("/api/prescription-details/" + encode(id) + "?issueNumber=2", PRESCRIBER), 400, "INVALID_VALUE",
                "issueNumber");
        assertProblem(get("/api/prescription-details/" + encode(id) + "?issueNumber=first", PRESCRIBER), 400,
                "INVALID_VALUE", "issueNumber");
        assertProblem(get("/api/prescription-details/" + encode(id) + "?issueNumber=0", PRESCRIBER), 400, "INVALID_VALUE",
                "issueNumber");
        assertProblem(get("/api/prescription-details/XYZ", PRESCRIBER), 400, "INVALID_VALUE", "prescriptionId");
    }

    @Test
    void what_is_not_there_is_a_404() {
        String unknown = Examples.newPrescriptionId(RANDOM);
        assertProblem(get("/api/prescription-details/" + encode(unknown), PRESCRIBER), 404, "PRESCRIPTION_NOT_FOUND", unknown);
        assertProblem(get("/api/prescription-list?prescriptionId=" + encode(unknown), PRESCRIBER), 404,
                "PRESCRIPTION_NOT_FOUND", unknown);
        assertProblem(get("/api/prescription-list?nhsNumber=" + newNhsNumber(), PRESCRIBER), 404,
                "PRESCRIPTION_NOT_FOUND", "NHS number");
    }

    // ---- access ------------------------------------------------------------------------------------------------------

    @Test
    void a_request_without_a_token_is_401() {
        HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri(
                "/api/prescription-list?nhsNumber=" + PATIENT)).GET().build());
        assertProblem(response, 401, "UNAUTHORISED", "");
    }

    @Test
    void patients_and_supplier_systems_on_their_own_are_refused() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);

        assertProblem(get("/api/prescription-list?nhsNumber=" + nhsNumber, Callers.patient(nhsNumber)), 403,
                "ACCESS_DENIED", "");
        assertProblem(get("/api/prescription-details/" + encode(id), Callers.patient(nhsNumber)), 403, "ACCESS_DENIED", "");
        assertProblem(get("/api/patient-search?familyName=" + FAMILY + "&dateOfBirth=1948-04-30",
                Callers.system(Callers.TRACKER)), 403, "ACCESS_DENIED", "");
    }

    @Test
    void every_tracker_read_is_audited_with_what_it_returned() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber, FAMILY);
        ok(get("/api/prescription-details/" + encode(id), DISPENSER));
        ok(get("/api/prescription-list?nhsNumber=" + nhsNumber, PRESCRIBER));
        get("/api/prescription-details/" + encode(id), Callers.patient(nhsNumber));

        JsonNode records = ok(service.get("/api/admin/audit?prescriptionId=" + encode(id))).path("records");

        List<String> reads = records.valueStream()
                .filter(record -> record.path("action").asString().equals("READ_PRESCRIPTIONS"))
                .map(record -> record.path("who").path("kind").asString() + ":" + record.path("outcome").asString()
                        + ":" + record.path("nhsNumber").asString(""))
                .toList();
        assertThat(reads).containsExactly("user:OK:" + nhsNumber, "user:OK:" + nhsNumber);
        List<String> refused = ok(service.get("/api/admin/audit?limit=1000")).path("records").valueStream()
                .filter(record -> record.path("who").path("patient").asString("").equals(nhsNumber))
                .map(record -> record.path("action").asString() + ":" + record.path("outcome").asString())
                .toList();
        assertThat(refused).containsExactly("READ_PRESCRIPTIONS:ACCESS_DENIED");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static String prescribe(String nhsNumber, String family) {
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, replacements(id, nhsNumber, family)));
        return id;
    }

    private static Map<String, String> replacements(String id, String nhsNumber, String family) {
        return Map.of(FOUR_ITEMS_ID, id, "\"" + PATIENT + "\"", "\"" + nhsNumber + "\"", "\"" + FAMILY + "\"",
                "\"" + family + "\"");
    }

    /** Which tab the prescription is listed in, and its status there, e.g. {@code currentPrescriptions:0001}. */
    private static String tabOf(String nhsNumber, String id) {
        JsonNode list = ok(get("/api/prescription-list?nhsNumber=" + nhsNumber, PRESCRIBER));
        for (String tab : List.of("currentPrescriptions", "futurePrescriptions", "pastPrescriptions")) {
            for (JsonNode summary : list.path(tab)) {
                if (summary.path("prescriptionId").asString().equals(id)) {
                    return tab + ":" + summary.path("statusCode").asString();
                }
            }
        }
        return "not listed";
    }

    private static JsonNode item(JsonNode details, String itemId) {
        for (String group : List.of("prescribedItems", "dispensedItems")) {
            for (JsonNode item : details.path(group)) {
                if (item.path("itemDetails").path("itemId").asString().equals(itemId)) {
                    return item.path("itemDetails");
                }
            }
        }
        throw new AssertionError("No item " + itemId + " in " + details);
    }

    private static HttpResponse<String> get(String path, ObjectNode caller) {
        return service.get(path, caller);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return RunningService.json(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = RunningService.json(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("detail").asString()).contains(detail);
    }

    /** One Prescription Status Update Task for one item, sent now by the dispensing supplier system on its own. */
    private static HttpResponse<String> statusUpdate(String id, String nhsNumber, String item, String pharmacy,
                                                     String businessStatus, String taskStatus) {
        return StatusUpdates.send(service, StatusUpdates.entry(id, nhsNumber, item, pharmacy, businessStatus,
                taskStatus, clock.instant()));
    }

    private static void assertStored(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** A valid NHS number no other test uses. */
    private static String newNhsNumber() {
        return NhsNumber.generate(RANDOM).value();
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
