package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.CANCEL_ITEM_4;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patient view ({@code GET /prescriptions-for-patients/Bundle}) over HTTP with a clock the test moves: the
 * four-item example prescription created, released, tracked through the Prescription Status Update API, dispensed
 * and collected, as its patient sees it at each step; cancelled items; another pharmacy's updates; whose
 * prescriptions a patient sees; and who may ask. The clock only moves forward, so prescriptions made by later tests
 * are newer.
 */
class PatientViewApiTest {

    private static final String PATH = "/prescriptions-for-patients/Bundle";
    private static final String STATUS_UPDATE = "/prescription-status-update/";
    private static final String PATIENT = "5839945242";
    private static final String OTHER_PATIENT = "9449304130";
    private static final String HOLDER = "VNE51";
    private static final String OTHER_PHARMACY = "FA565";
    private static final String STATUS_HISTORY = "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory";
    private static final List<String> ITEMS = Examples.FOUR_ITEMS_ITEMS;
    private static final SplittableRandom RANDOM = new SplittableRandom(37);

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

    @Test
    void the_patient_follows_a_prescription_from_approval_to_collection() {
        String id = prescribe(PATIENT);
        assertThat(statuses(PATIENT, id)).containsOnly("Prescriber Approved");

        clock.advance(Duration.ofHours(2));
        assertOk(release(id, HOLDER));
        Instant released = clock.instant();
        clock.advance(Duration.ofMinutes(59));
        assertThat(statuses(PATIENT, id)).as("untracked, 59 minutes after release").containsOnly("Prescriber Approved");
        clock.advance(Duration.ofMinutes(1));
        assertThat(statuses(PATIENT, id)).as("untracked, 60 minutes after release")
                .containsOnly("With Pharmacy but Tracking not Supported");
        assertThat(statusDates(PATIENT, id)).containsOnly(released.toString());

        clock.advance(Duration.ofMinutes(5));
        assertStored(statusUpdate(id, ITEMS.get(0), HOLDER, "With Pharmacy", "in-progress", clock.instant()));
        assertThat(statuses(PATIENT, id)).containsExactly("With Pharmacy", "With Pharmacy", "With Pharmacy",
                "With Pharmacy");

        clock.advance(Duration.ofMinutes(30));
        Instant ready = clock.instant();
        assertStored(statusUpdate(id, ITEMS.get(0), HOLDER, "Ready to Collect", "in-progress", ready));
        assertThat(statuses(PATIENT, id)).containsExactly("Ready to Collect", "With Pharmacy", "With Pharmacy",
                "With Pharmacy");
        assertThat(statusDates(PATIENT, id).getFirst()).isEqualTo(ready.toString());

        clock.advance(Duration.ofHours(1));
        assertOk(eps.send("/FHIR/R4/$process-message", DISPENSE_ALL, Map.of(FOUR_ITEMS_ID, id)));
        assertThat(statuses(PATIENT, id)).as("item 4 was cancelled in the dispense notification")
                .containsExactly("Ready to Collect", "With Pharmacy", "With Pharmacy", "Prescriber Cancelled");

        clock.advance(Duration.ofMinutes(10));
        Instant collected = clock.instant();
        for (String item : ITEMS.subList(0, 3)) {
            assertStored(statusUpdate(id, item, HOLDER, "Collected", "completed", collected));
        }
        assertThat(statuses(PATIENT, id)).containsExactly("Collected", "Collected", "Collected", "Prescriber Cancelled");
        assertThat(requestStatuses(PATIENT, id)).containsExactly("active", "active", "active", "cancelled");

        clock.advance(Duration.ofDays(7));
        assertThat(requestStatuses(PATIENT, id)).as("exactly seven days after collection")
                .containsExactly("active", "active", "active", "cancelled");
        clock.advance(Duration.ofSeconds(1));
        assertThat(requestStatuses(PATIENT, id)).as("more than seven days after collection")
                .containsExactly("completed", "completed", "completed", "cancelled");
    }

    @Test
    void the_answer_is_a_searchset_of_prescriptions_in_the_prescriptions_for_patients_shape() {
        String id = prescribe(PATIENT);
        assertOk(release(id, HOLDER));
        String requestId = UUID.randomUUID().toString();

        HttpResponse<String> response = service.send(service.authorised(HttpRequest.newBuilder(service.uri(PATH))
                .header("X-Request-ID", requestId), Callers.patient(PATIENT)).GET().build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        assertThat(response.headers().firstValue("X-Request-ID")).contains(requestId);
        JsonNode bundle = RunningService.json(response.body());
        assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.path("id").asString()).isEqualTo(requestId);
        assertThat(bundle.path("type").asString()).isEqualTo("searchset");
        assertThat(bundle.path("total").asInt()).isEqualTo(bundle.path("entry").size());
        assertThat(bundle.path("meta").path("lastUpdated").asString()).isEqualTo(clock.instant().toString());

        JsonNode entry = prescriptionEntry(bundle, id);
        assertThat(entry.path("search").path("mode").asString()).isEqualTo("match");
        JsonNode collection = entry.path("resource");
        assertThat(entry.path("fullUrl").asString()).isEqualTo("urn:uuid:" + collection.path("id").asString());
        assertThat(collection.path("type").asString()).isEqualTo("collection");
        List<JsonNode> requests = resources(collection, "MedicationRequest");
        assertThat(requests).hasSize(4);
        JsonNode first = requests.getFirst();
        assertThat(first.path("identifier").get(0).path("value").asString()).isEqualTo(ITEMS.getFirst());
        assertThat(first.path("intent").asString()).isEqualTo("order");
        assertThat(first.path("medicationCodeableConcept").path("coding").get(0).path("display").asString())
                .isEqualTo("Amoxicillin 250mg capsules");
        assertThat(first.path("subject").path("identifier").path("value").asString()).isEqualTo(PATIENT);
        assertThat(first.path("groupIdentifier").path("system").asString())
                .isEqualTo("https://fhir.nhs.uk/Id/prescription-order-number");
        assertThat(first.path("courseOfTherapyType").path("coding").get(0).path("code").asString()).isEqualTo("acute");
        assertThat(first.path("dispenseRequest").path("quantity").path("value").asInt()).isEqualTo(20);
        assertThat(first.path("dispenseRequest").path("quantity").path("unit").asString()).isEqualTo("tablet");
        assertThat(first.path("dosageInstruction").get(0).path("text").asString()).isEqualTo("2 times a day for 10 days");
        assertThat(first.path("substitution").path("allowedBoolean").asBoolean(true)).isFalse();
        JsonNode status = first.path("extension").get(0);
        assertThat(status.path("url").asString()).isEqualTo(STATUS_HISTORY);
        assertThat(status.path("extension").findValue("valueCoding").path("system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/task-businessStatus-nppt");

        JsonNode performer = resolve(collection, first.path("dispenseRequest").path("performer").path("reference").asString());
        assertThat(performer.path("resourceType").asString()).isEqualTo("Organization");
        assertThat(performer.path("identifier").get(0).path("value").asString()).isEqualTo(HOLDER);
        assertThat(performer.path("name").asString()).isEqualTo("The Simple Pharmacy");
        assertThat(performer.path("address").get(0).path("line").valueStream().map(JsonNode::asString).toList())
                .containsExactly("17 Austhorpe Road", "Crossgates", "Leeds", "West Yorkshire");
        assertThat(performer.path("address").get(0).path("postalCode").asString()).isEqualTo("LS15 8BA");
        assertThat(performer.path("telecom").get(0).path("value").asString()).isEqualTo("0113 3180277");

        JsonNode role = resolve(collection, first.path("requester").path("reference").asString());
        assertThat(role.path("resourceType").asString()).isEqualTo("PractitionerRole");
        JsonNode practitioner = resolve(collection, role.path("practitioner").path("reference").asString());
        assertThat(practitioner.path("name").get(0).path("text").asString()).isEqualTo("DR C BOIN");
        JsonNode practice = resolve(collection, role.path("organization").path("reference").asString());
        assertThat(practice.path("identifier").get(0).path("value").asString()).isEqualTo("A83008");
        assertThat(practice.path("name").asString()).isEqualTo("HALLGARTH SURGERY");
    }

    @Test
    void an_unreleased_prescription_names_its_nominated_pharmacy_as_performer() {
        String id = prescribe(PATIENT);

        JsonNode collection = prescriptionEntry(bundle(Callers.patient(PATIENT)), id).path("resource");

        JsonNode first = resources(collection, "MedicationRequest").getFirst();
        JsonNode performer = resolve(collection, first.path("dispenseRequest").path("performer").path("reference").asString());
        assertThat(performer.path("identifier").get(0).path("value").asString()).isEqualTo("FA565");
    }

    @Test
    void cancelled_items_are_prescriber_cancelled() {
        String id = prescribe(PATIENT);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> cancelled = eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4,
                Map.of(FOUR_ITEMS_ID, id, "\"" + OTHER_PATIENT + "\"", "\"" + PATIENT + "\""));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("R-0001");

        assertThat(statuses(PATIENT, id)).containsExactly("Prescriber Approved", "Prescriber Approved",
                "Prescriber Approved", "Prescriber Cancelled");
        assertThat(requestStatuses(PATIENT, id)).containsExactly("active", "active", "active", "cancelled");
        assertThat(statusDates(PATIENT, id).getLast()).isEqualTo(clock.instant().toString());
    }

    @Test
    void a_status_update_from_a_pharmacy_not_holding_the_prescription_is_ignored() {
        String id = prescribe(PATIENT);
        assertOk(release(id, HOLDER));
        clock.advance(Duration.ofMinutes(10));

        assertStored(statusUpdate(id, ITEMS.getFirst(), OTHER_PHARMACY, "Ready to Collect", "in-progress", clock.instant()));

        assertThat(statuses(PATIENT, id)).containsOnly("Prescriber Approved");
        clock.advance(Duration.ofMinutes(60));
        assertThat(statuses(PATIENT, id)).containsOnly("With Pharmacy but Tracking not Supported");
    }

    @Test
    void a_patient_sees_their_own_prescriptions_and_not_another_patients() {
        String own = prescribe(PATIENT);
        String others = prescribe(OTHER_PATIENT);

        List<String> seen = prescriptionIds(bundle(Callers.patient(PATIENT)));
        List<String> seenByOther = prescriptionIds(bundle(Callers.patient(OTHER_PATIENT)));

        assertThat(seen).contains(own).doesNotContain(others);
        assertThat(seenByOther).contains(others).doesNotContain(own);
        assertThat(nhsNumbers(bundle(Callers.patient(PATIENT)))).containsOnly(PATIENT);
    }

    @Test
    void with_delegated_access_a_patient_sees_the_prescriptions_of_the_person_they_act_for() {
        String child = prescribe(PATIENT);
        String own = prescribe(OTHER_PATIENT);

        JsonNode bundle = bundle(Callers.patientActingFor(OTHER_PATIENT, PATIENT));

        assertThat(prescriptionIds(bundle)).contains(child).doesNotContain(own);
        assertThat(nhsNumbers(bundle)).containsOnly(PATIENT);
    }

    @Test
    void at_most_25_prescriptions_are_shown_newest_first() {
        String patient = "9449310610";
        List<String> created = new ArrayList<>();
        for (int n = 0; n < 26; n++) {
            clock.advance(Duration.ofSeconds(1));
            created.add(prescribe(patient));
        }

        JsonNode bundle = bundle(Callers.patient(patient));

        assertThat(bundle.path("total").asInt()).isEqualTo(25);
        assertThat(prescriptionIds(bundle)).containsExactlyElementsOf(created.reversed().subList(0, 25));
    }

    @Test
    void each_prescription_shown_is_recorded_in_the_audit_trail_as_read_by_the_patient() {
        String id = prescribe(PATIENT);
        HttpResponse<String> read = service.get(PATH, Callers.patient(PATIENT));
        assertThat(read.statusCode()).isEqualTo(200);

        JsonNode records = RunningService.json(service.get("/api/admin/audit?prescriptionId=" + id,
                Callers.administrator()).body()).path("records");

        assertThat(records.valueStream()
                .filter(record -> record.path("action").asString().equals("READ_PRESCRIPTIONS"))
                .filter(record -> record.path("outcome").asString().equals("OK"))
                .filter(record -> record.path("who").path("patient").asString().equals(PATIENT))
                .filter(record -> record.path("nhsNumber").asString().equals(PATIENT)))
                .hasSize(1);
    }

    @Test
    void without_an_access_token_the_answer_is_401_with_an_operation_outcome() {
        HttpResponse<String> response = service.send(HttpRequest.newBuilder(service.uri(PATH))
                .header("X-Request-ID", UUID.randomUUID().toString()).GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertOperationOutcome(response, "UNAUTHORISED");
    }

    @Test
    void a_clinicians_token_is_refused_403_with_an_operation_outcome() {
        HttpResponse<String> response = service.get(PATH, Callers.dispenser(HOLDER));

        assertThat(response.statusCode()).isEqualTo(403);
        assertOperationOutcome(response, "ACCESS_DENIED");
    }

    @Test
    void a_supplier_system_on_its_own_is_refused_403() {
        HttpResponse<String> response = service.get(PATH, Callers.system(Callers.TRACKER));

        assertThat(response.statusCode()).isEqualTo(403);
        assertOperationOutcome(response, "ACCESS_DENIED");
    }

    @Test
    void a_request_without_an_x_request_id_is_refused_400_not_500() {
        HttpResponse<String> response = service.send(service.authorised(HttpRequest.newBuilder(service.uri(PATH)),
                Callers.patient(PATIENT)).GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertOperationOutcome(response, "MISSING_VALUE");
    }

    @Test
    void another_method_on_the_path_is_405_with_an_operation_outcome() {
        HttpResponse<String> response = service.post(PATH, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/fhir+json", UUID.randomUUID().toString(), Callers.patient(PATIENT));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(RunningService.json(response.body()).path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** The four-item example for a patient, with a new prescription ID. */
    private static String prescribe(String nhsNumber) {
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS,
                Map.of(FOUR_ITEMS_ID, id, "\"" + PATIENT + "\"", "\"" + nhsNumber + "\"")));
        return id;
    }

    private static HttpResponse<String> release(String id, String dispenser) {
        return eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID,
                Map.of(FOUR_ITEMS_ID, id, "\"VNE51\"", "\"" + dispenser + "\""));
    }

    /** One Prescription Status Update Task for one item, sent by the dispensing supplier system on its own. */
    private static HttpResponse<String> statusUpdate(String id, String item, String pharmacy, String businessStatus,
                                                     String taskStatus, Instant lastModified) {
        return StatusUpdates.send(service, StatusUpdates.entry(id, PATIENT, item, pharmacy, businessStatus,
                taskStatus, lastModified));
    }

    private static void assertStored(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode bundle(ObjectNode caller) {
        HttpResponse<String> response = service.get(PATH, caller);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body());
    }

    /** The patient-facing status of each item of one prescription, in prescription order. */
    private static List<String> statuses(String nhsNumber, String id) {
        return statusExtension(nhsNumber, id, "status").stream()
                .map(extension -> extension.path("valueCoding").path("code").asString()).toList();
    }

    private static List<String> statusDates(String nhsNumber, String id) {
        return statusExtension(nhsNumber, id, "statusDate").stream()
                .map(extension -> extension.path("valueDateTime").asString()).toList();
    }

    private static List<JsonNode> statusExtension(String nhsNumber, String id, String part) {
        JsonNode collection = prescriptionEntry(bundle(Callers.patient(nhsNumber)), id).path("resource");
        return resources(collection, "MedicationRequest").stream()
                .map(request -> request.path("extension").valueStream()
                        .filter(extension -> extension.path("url").asString().equals(STATUS_HISTORY))
                        .findFirst().orElseThrow()
                        .path("extension").valueStream()
                        .filter(extension -> extension.path("url").asString().equals(part))
                        .findFirst().orElseThrow())
                .toList();
    }

    /** {@code MedicationRequest.status} of each item of one prescription. */
    private static List<String> requestStatuses(String nhsNumber, String id) {
        JsonNode collection = prescriptionEntry(bundle(Callers.patient(nhsNumber)), id).path("resource");
        return resources(collection, "MedicationRequest").stream()
                .map(request -> request.path("status").asString()).toList();
    }

    private static JsonNode prescriptionEntry(JsonNode bundle, String id) {
        return bundle.path("entry").valueStream()
                .filter(entry -> id.equals(prescriptionId(entry.path("resource"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Prescription " + id + " not in " + bundle));
    }

    private static List<String> prescriptionIds(JsonNode bundle) {
        return bundle.path("entry").valueStream().map(entry -> prescriptionId(entry.path("resource"))).toList();
    }

    private static List<String> nhsNumbers(JsonNode bundle) {
        return bundle.path("entry").valueStream()
                .flatMap(entry -> resources(entry.path("resource"), "MedicationRequest").stream())
                .map(request -> request.path("subject").path("identifier").path("value").asString())
                .distinct().toList();
    }

    private static String prescriptionId(JsonNode collection) {
        return resources(collection, "MedicationRequest").getFirst().path("groupIdentifier").path("value").asString();
    }

    private static List<JsonNode> resources(JsonNode collection, String type) {
        return collection.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals(type))
                .toList();
    }

    private static JsonNode resolve(JsonNode collection, String reference) {
        return collection.path("entry").valueStream()
                .filter(entry -> entry.path("fullUrl").asString().equals(reference))
                .map(entry -> entry.path("resource"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(reference + " not in the collection"));
    }

    private static void assertOperationOutcome(HttpResponse<String> response, String code) {
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).as(response.body()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("details").path("coding").get(0).path("code").asString())
                .isEqualTo(code);
    }
}
