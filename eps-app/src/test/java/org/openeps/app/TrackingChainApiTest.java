package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.NhsNumber;
import tools.jackson.databind.JsonNode;

/**
 * One prescription through create, release, two pharmacy status updates, dispense and claim, read after every step by
 * both trackers over HTTP: the clinical tracker's timeline gains the step, and the patient's view says what the
 * patient should now be told about each item.
 */
class TrackingChainApiTest {

    private static final String ORDER_PATIENT = "5839945242";
    private static final String HOLDER = "VNE51";
    /** The four items of the published prescription, in order; the dispense notification cancels the fourth. */
    private static final List<String> ITEMS = Examples.FOUR_ITEMS_ITEMS;
    private static final String STATUS_HISTORY =
            "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory";
    private static final SplittableRandom RANDOM = new SplittableRandom(606);

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
    void every_step_shows_in_the_tracker_timeline_and_the_patients_view() {
        String patient = NhsNumber.generate(RANDOM).value();
        String id = Examples.newPrescriptionId(RANDOM);
        Map<String, String> ours = Map.of(FOUR_ITEMS_ID, id, "\"" + ORDER_PATIENT + "\"", "\"" + patient + "\"");

        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, ours));
        assertThat(lastStep(id)).isEqualTo("prescription-order 0001");
        assertThat(patientSees(patient, id)).containsOnly("Prescriber Approved");

        clock.advance(Duration.ofMinutes(10));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, ours));
        assertThat(lastStep(id)).isEqualTo("release 0002");
        assertThat(patientSees(patient, id)).as("within an hour of the release").containsOnly("Prescriber Approved");

        clock.advance(Duration.ofMinutes(10));
        assertStored(StatusUpdates.send(service, StatusUpdates.entry(id, patient, ITEMS.getFirst(), HOLDER,
                "With Pharmacy", "in-progress", clock.instant())));
        assertThat(lastStep(id)).isEqualTo("status-update With Pharmacy");
        assertThat(patientSees(patient, id)).containsOnly("With Pharmacy");

        clock.advance(Duration.ofMinutes(30));
        assertStored(StatusUpdates.send(service, StatusUpdates.entry(id, patient, ITEMS.getFirst(), HOLDER,
                "Ready to Collect", "in-progress", clock.instant())));
        assertThat(lastStep(id)).isEqualTo("status-update Ready to Collect");
        assertThat(patientSees(patient, id))
                .containsExactly("Ready to Collect", "With Pharmacy", "With Pharmacy", "With Pharmacy");

        clock.advance(Duration.ofMinutes(10));
        assertOk(eps.send("/FHIR/R4/$process-message", DISPENSE_ALL, ours));
        assertThat(lastStep(id)).isEqualTo("dispense-notification 0006");
        assertThat(patientSees(patient, id)).as("the dispenser cancelled item 4")
                .containsExactly("Ready to Collect", "With Pharmacy", "With Pharmacy", "Prescriber Cancelled");

        clock.advance(Duration.ofDays(1));
        assertOk(eps.send("/FHIR/R4/Claim", CLAIM, ours));
        assertThat(lastStep(id)).isEqualTo("claim 0008");
        assertThat(patientSees(patient, id))
                .containsExactly("Ready to Collect", "With Pharmacy", "With Pharmacy", "Prescriber Cancelled");

        assertThat(timeline(id)).containsExactly("prescription-order 0001", "release 0002",
                "status-update With Pharmacy", "status-update Ready to Collect", "dispense-notification 0006",
                "claim 0008");
    }

    // ---- the clinical tracker ------------------------------------------------------------------------------------------

    /** Each step of the details' timeline: the event and the status it left, or the pharmacy status it reported. */
    private static List<String> timeline(String id) {
        HttpResponse<String> response = service.get("/api/prescription-details/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8), Callers.prescriber("A83008"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body()).path("messageHistory").valueStream()
                .map(entry -> entry.path("messageCode").asString() + " " + (entry.path("newStatusCode").isNull()
                        ? entry.path("items").path(0).path("pharmacyStatus").asString()
                        : entry.path("newStatusCode").asString()))
                .toList();
    }

    private static String lastStep(String id) {
        return timeline(id).getLast();
    }

    // ---- the patient's view --------------------------------------------------------------------------------------------

    /** The patient-facing status of each item of the prescription, in prescription order, as the patient reads it. */
    private static List<String> patientSees(String patient, String id) {
        HttpResponse<String> response = service.get("/prescriptions-for-patients/Bundle", Callers.patient(patient));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode prescription = RunningService.json(response.body()).path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(collection -> medicationRequests(collection).anyMatch(request ->
                        request.path("groupIdentifier").path("value").asString().equals(id)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Prescription " + id + " not in the patient's view"));
        return medicationRequests(prescription)
                .map(request -> request.path("extension").valueStream()
                        .filter(extension -> extension.path("url").asString().equals(STATUS_HISTORY))
                        .flatMap(extension -> extension.path("extension").valueStream())
                        .filter(part -> part.path("url").asString().equals("status"))
                        .map(part -> part.path("valueCoding").path("code").asString())
                        .findFirst().orElseThrow())
                .toList();
    }

    private static Stream<JsonNode> medicationRequests(JsonNode collection) {
        return collection.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals("MedicationRequest"));
    }

    private static void assertStored(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
