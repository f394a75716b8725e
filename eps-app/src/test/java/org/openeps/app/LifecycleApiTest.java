package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.EpsClient.assertRefused;
import static org.openeps.app.Examples.CANCEL_ITEM_4;
import static org.openeps.app.Examples.CLAIM;
import static org.openeps.app.Examples.DISPENSE_ALL;
import static org.openeps.app.Examples.DISPENSE_SOME;
import static org.openeps.app.Examples.FOUR_ITEMS;
import static org.openeps.app.Examples.FOUR_ITEMS_ID;
import static org.openeps.app.Examples.RELEASE_BY_ID;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lifecycle over the API with a clock the test moves: every cancellation R-code, every release refusal, the
 * time-driven work (expiry, no-claim, issues becoming available) and a 7-issue eRD prescription driven to the end.
 * Prescriptions are the published examples given new IDs, so each test has its own.
 */
class LifecycleApiTest {

    private static final String ONE_ITEM = "cancel/primary-acute-1item-prescription.json";
    private static final String ONE_ITEM_ID = "58E241-A83008-4E2F8R";
    private static final String CANCEL_ONE_ITEM = "cancel/primary-acute-cancel-reason-0001-req.json";
    private static final Instant START = Instant.parse("2022-10-21T09:00:00Z");
    private static final SplittableRandom RANDOM = new SplittableRandom(11);

    private static MutableClock clock;
    private static RunningService service;
    private static EpsClient eps;

    @BeforeAll
    static void start() {
        clock = new MutableClock(START);
        service = RunningService.start(clock);
        eps = new EpsClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void backToTheStart() {
        clock.set(START);
    }

    // ---- cancellation R-codes -------------------------------------------------------------------------------------

    @Test
    void cancel_of_a_prescription_to_be_dispensed_is_R_0001() {
        String id = oneItem();
        assertCancel(cancelOneItem(id), 200, "R-0001");
        assertThat(eps.status(id)).isEqualTo("0005");
    }

    @Test
    void cancel_while_with_the_dispenser_is_R_0002_and_pending_until_the_dispenser_returns_it() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));

        assertCancel(cancelItem4(id, "555086689106"), 400, "R-0002");
        assertThat(eps.status(id)).isEqualTo("0002");
        assertOk(eps.send("/FHIR/R4/Task", "return/primary-acute-return-req.json", Map.of(FOUR_ITEMS_ID, id)));

        assertThat(eps.itemStatuses(id, 1)).containsExactly("0007", "0007", "0007", "0005");
    }

    @Test
    void cancel_while_some_items_are_dispensed_is_R_0003() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));
        assertOk(dispense(DISPENSE_SOME, id));

        assertCancel(cancelItem4(id, "555086689106"), 400, "R-0006");
        assertCancel(cancelWhole(id), 400, "R-0003");
        assertThat(eps.status(id)).isEqualTo("0003");
    }

    @Test
    void cancel_of_a_dispensed_prescription_is_R_0004() {
        String id = dispensedFourItems();
        assertCancel(cancelWhole(id), 400, "R-0004");
    }

    @Test
    void cancel_of_an_expired_prescription_is_R_0005() {
        String id = oneItem();
        clock.advance(Duration.ofDays(200));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0004");

        assertCancel(cancelOneItem(id), 400, "R-0005");
    }

    @Test
    void second_cancel_is_R_0006() {
        String id = oneItem();
        assertCancel(cancelOneItem(id), 200, "R-0001");
        assertCancel(cancelOneItem(id), 400, "R-0006");
    }

    @Test
    void cancel_by_a_second_prescriber_while_one_is_pending_is_R_0007() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));
        assertCancel(cancelItem4(id, "555086689106"), 400, "R-0002");

        assertCancel(cancelItem4(id, "555086689107"), 400, "R-0007");
    }

    @Test
    void cancel_of_an_unknown_prescription_is_R_0008() {
        HttpResponse<String> response = cancelOneItem(newId());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("R-0008");
    }

    @Test
    void a_cancellation_that_arrives_before_its_prescription_cancels_it_on_arrival() {
        String id = newId();
        HttpResponse<String> early = cancelOneItem(id);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("R-0008");

        assertOk(eps.send("/FHIR/R4/$process-message", ONE_ITEM, Map.of(ONE_ITEM_ID, id)));

        assertThat(eps.status(id)).isEqualTo("0005");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0005");
        assertRefused(release(id, "VNE51"), "PRESCRIPTION_CANCELLED");
    }

    @Test
    void cancel_of_a_prescription_not_dispensed_is_R_0010() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));
        JsonNode notDispensed = EpsClient.load(DISPENSE_ALL);
        String text = RunningService.JSON.writeValueAsString(notDispensed).replace(FOUR_ITEMS_ID, id);
        notDispensed = RunningService.json(text);
        ((ObjectNode) notDispensed.path("identifier")).put("value", UUID.randomUUID().toString());
        notDispensed.path("entry").forEach(entry -> {
            JsonNode resource = entry.path("resource");
            if (resource.path("resourceType").asString().equals("MedicationDispense")) {
                ObjectNode type = (ObjectNode) resource.path("type").path("coding").get(0);
                if (type.path("code").asString().equals("0001")) {
                    type.put("code", "0002");
                }
                resource.path("extension").forEach(extension -> {
                    if (extension.path("url").asString().endsWith("Extension-EPS-TaskBusinessStatus")) {
                        ((ObjectNode) extension.path("valueCoding")).put("code", "0007");
                    }
                });
            }
        });
        assertOk(eps.post("/FHIR/R4/$process-message", notDispensed));
        assertThat(eps.status(id)).isEqualTo("0007");

        assertCancel(cancelWhole(id), 400, "R-0010");
    }

    @Test
    void cancel_naming_another_patient_is_R_5000() {
        String id = fourItems();
        HttpResponse<String> response = eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4, Map.of(FOUR_ITEMS_ID, id));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("R-5000");
    }

    @Test
    void cancel_by_another_organisation_is_forbidden() {
        String id = oneItem();
        HttpResponse<String> response = eps.send("/FHIR/R4/$process-message", CANCEL_ONE_ITEM,
                Map.of(ONE_ITEM_ID, id, "\"A83008\"", "\"B81001\""));
        assertRefused(response, "ORGANISATION_NOT_PERMITTED");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(eps.status(id)).isEqualTo("0001");
    }

    // ---- release refusals -----------------------------------------------------------------------------------------

    @Test
    void release_of_a_prescription_with_another_dispenser_names_it() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));

        HttpResponse<String> refused = release(id, "FA565");

        assertRefused(refused, "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertThat(refused.body()).contains("VNE51");
    }

    @Test
    void release_of_a_cancelled_prescription_is_refused() {
        String id = oneItem();
        assertCancel(cancelOneItem(id), 200, "R-0001");
        assertRefused(release(id, "VNE51"), "PRESCRIPTION_CANCELLED");
    }

    @Test
    void release_of_an_expired_prescription_is_refused() {
        String id = oneItem();
        clock.advance(Duration.ofDays(200));
        runScheduledWork();
        assertRefused(release(id, "VNE51"), "PRESCRIPTION_EXPIRED");
    }

    @Test
    void release_of_a_dispensed_prescription_is_refused() {
        assertRefused(release(dispensedFourItems(), "VNE51"), "PRESCRIPTION_DISPENSED");
    }

    @Test
    void release_of_an_unknown_prescription_is_not_found() {
        assertRefused(release(newId(), "VNE51"), "RESOURCE_NOT_FOUND");
    }

    @Test
    void nominated_release_with_nothing_nominated_is_no_more_prescriptions() {
        HttpResponse<String> response = eps.send("/FHIR/R4/Task/$release", "release/nominated-release-req.json",
                Map.of("\"VNE51\"", "\"FQ111\""));
        assertOk(response);
        assertThat(response.body()).contains("NO_MORE_PRESCRIPTIONS");
    }

    @Test
    void a_resent_release_gets_its_first_answer_and_releases_nothing_again() {
        String id = fourItems();
        String requestId = UUID.randomUUID().toString();
        byte[] body = RunningService.JSON.writeValueAsBytes(RunningService.json(
                new String(RunningService.example(RELEASE_BY_ID), StandardCharsets.UTF_8)
                        .replace(FOUR_ITEMS_ID, id)));

        HttpResponse<String> first = service.post("/FHIR/R4/Task/$release", body, "application/fhir+json", requestId);
        HttpResponse<String> again = service.post("/FHIR/R4/Task/$release", body, "application/fhir+json", requestId);

        assertOk(first);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
    }

    // ---- time-driven work ------------------------------------------------------------------------------------------

    @Test
    void a_prescription_expires_six_months_after_its_date_and_not_before() {
        String id = fourItems(); // signed 2022-10-21
        clock.set(atLondonMidday(LocalDate.of(2023, 4, 20)));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0001");

        clock.set(atLondonMidday(LocalDate.of(2023, 4, 21)));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0004");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0006");
    }

    @Test
    void a_dispensed_prescription_with_no_claim_after_180_days_is_not_claimed() {
        String id = dispensedFourItems();
        clock.advance(Duration.ofDays(179));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0006");

        clock.advance(Duration.ofDays(1));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0009");
        assertRefused(claim(id), "CLAIM_INVALID_NOT_DISPENSED");
    }

    @Test
    void a_future_dated_prescription_becomes_available_the_day_before_it_starts() {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id,
                "\"start\": \"2022-10-21\"", "\"start\": \"2022-10-31\"")));
        assertThat(eps.status(id)).isEqualTo("9001");
        assertRefused(release(id, "VNE51"), "PRESCRIPTION_NOT_YET_AVAILABLE");

        clock.set(atLondonMidday(LocalDate.of(2022, 10, 29)));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("9001");
        clock.set(atLondonMidday(LocalDate.of(2022, 10, 30)));
        runScheduledWork();
        assertThat(eps.status(id)).isEqualTo("0001");
    }

    @Test
    void a_seven_issue_erd_prescription_is_released_dispensed_and_claimed_issue_by_issue() {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", "prescription-order/primary-erd-4items-req.json",
                Map.of(FOUR_ITEMS_ID, id)));
        for (int issue = 1; issue <= 7; issue++) {
            if (issue > 1) {
                // issue n may be downloaded from start + 10 days x (n - 1) - 7 days
                LocalDate due = LocalDate.of(2022, 10, 21).plusDays(10L * (issue - 1) - 7);
                clock.set(atLondonMidday(due.minusDays(1)));
                runScheduledWork();
                assertThat(eps.status(id, issue)).as("issue %d the day before it is due", issue).isEqualTo("0000");
                clock.set(atLondonMidday(due));
                runScheduledWork();
            }
            assertThat(eps.status(id, issue)).as("issue %d", issue).isEqualTo("0001");
            assertOk(release(id, "VNE51"));
            assertThat(eps.status(id, issue)).isEqualTo("0002");
            assertOk(dispense(DISPENSE_ALL, id));
            assertThat(eps.status(id, issue)).isEqualTo("0006");
            assertOk(claim(id));
            assertThat(eps.status(id, issue)).isEqualTo("0008");
        }
        for (int issue = 1; issue <= 7; issue++) {
            assertThat(eps.status(id, issue)).isEqualTo("0008");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String oneItem() {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", ONE_ITEM, Map.of(ONE_ITEM_ID, id)));
        return id;
    }

    private static String fourItems() {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)));
        return id;
    }

    private static String dispensedFourItems() {
        String id = fourItems();
        assertOk(release(id, "VNE51"));
        assertOk(dispense(DISPENSE_ALL, id));
        assertThat(eps.status(id)).isEqualTo("0006");
        return id;
    }

    private static HttpResponse<String> release(String id, String dispenser) {
        return eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id, "\"VNE51\"", "\"" + dispenser + "\""));
    }

    private static HttpResponse<String> dispense(String example, String id) {
        return eps.send("/FHIR/R4/$process-message", example, Map.of(FOUR_ITEMS_ID, id));
    }

    private static HttpResponse<String> claim(String id) {
        return eps.send("/FHIR/R4/Claim", CLAIM, Map.of(FOUR_ITEMS_ID, id, "a76599c5-bbdd-4581-bb4d-377b348dd1e4",
                UUID.randomUUID().toString()));
    }

    private static HttpResponse<String> cancelOneItem(String id) {
        return eps.send("/FHIR/R4/$process-message", CANCEL_ONE_ITEM, Map.of(ONE_ITEM_ID, id));
    }

    /** The published item-4 cancel, for the four-item prescription's patient, by the given prescriber. */
    private static HttpResponse<String> cancelItem4(String id, String prescriberSdsUserId) {
        return eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4, Map.of(FOUR_ITEMS_ID, id,
                "\"9449304130\"", "\"5839945242\"", "\"555086689106\"", "\"" + prescriberSdsUserId + "\""));
    }

    /** Item 1 of the four-item prescription: the whole-prescription answer when that item is still open. */
    private static HttpResponse<String> cancelWhole(String id) {
        return eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4, Map.of(FOUR_ITEMS_ID, id,
                "\"9449304130\"", "\"5839945242\"", "5cb17f5a-11ac-4e18-825f-6470467238b3",
                "2868554c-5565-4d31-b92a-c5b8dab8b90a"));
    }

    private static void assertCancel(HttpResponse<String> response, int status, String rCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(rCode);
    }

    private static void runScheduledWork() {
        service.runScheduledWork();
    }

    private static String newId() {
        return Examples.newPrescriptionId(RANDOM);
    }

    private static Instant atLondonMidday(LocalDate date) {
        return date.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    }
}
