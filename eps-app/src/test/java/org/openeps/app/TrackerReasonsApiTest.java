package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.app.EpsClient.assertOk;
import static org.openeps.app.Examples.CANCEL_ITEM_4;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.domain.shared.NhsNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tracker's details show why, through the real HTTP API: the published item-4 cancel leaves its reason on the
 * cancelled item, a dispense notification's reason for not dispensing an item shows on that item (and its own for the
 * prescription on the prescription), and a cancellation pending while the prescription was with the dispenser keeps
 * its reason once the dispenser's return applies it. Each timeline entry carries its own event's reasons.
 */
class TrackerReasonsApiTest {

    private static final String PATIENT = "5839945242";
    /** The patient the published cancel names. */
    private static final String CANCEL_PATIENT = "9449304130";
    private static final String HOLDER = "VNE51";
    private static final String RETURN = "return/primary-acute-return-req.json";
    private static final List<String> ITEMS = Examples.FOUR_ITEMS_ITEMS;
    private static final String STATUS_REASON = "https://fhir.nhs.uk/CodeSystem/medicationdispense-status-reason";
    private static final SplittableRandom RANDOM = new SplittableRandom(71);
    private static final ObjectNode PRESCRIBER = Callers.prescriber("A83008");

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
    void an_item_cancelled_and_an_item_not_dispensed_show_their_reasons_with_their_texts() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber);
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> cancelled = eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4,
                Map.of(FOUR_ITEMS_ID, id, "\"" + CANCEL_PATIENT + "\"", "\"" + nhsNumber + "\""));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("R-0001");
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber)));
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.post("/FHIR/R4/$process-message", notDispensingThirdItem(id, nhsNumber)));

        JsonNode details = details(id);

        assertThat(details.path("statusCode").asString()).isEqualTo("0006");
        JsonNode fourth = item(details, ITEMS.get(3));
        assertThat(fourth.path("epsStatusCode").asString()).isEqualTo("0005");
        assertThat(fourth.path("cancellationReason").asString()).isEqualTo("Clinical contra-indication");
        assertThat(fourth.path("cancellationReasonCode").asString()).isEqualTo("0002");
        assertThat(fourth.path("itemPendingCancellation").asBoolean()).isFalse();
        JsonNode third = item(details, ITEMS.get(2));
        assertThat(third.path("epsStatusCode").asString()).isEqualTo("0002");
        assertThat(third.path("notDispensedReason").asString()).isEqualTo("Clinically unsuitable");
        assertThat(third.path("notDispensedReasonCode").asString()).isEqualTo("0002");
        assertThat(third.path("cancellationReason").isNull()).isTrue();
        JsonNode first = item(details, ITEMS.get(0));
        assertThat(first.path("cancellationReason").isNull()).isTrue();
        assertThat(first.path("notDispensedReason").isNull()).isTrue();
        assertThat(details.path("cancellationReason").isNull()).as("the prescription was not cancelled").isTrue();
        assertThat(details.path("nonDispensingReason").isNull()).isTrue();

        JsonNode cancel = entry(details, "cancel");
        assertThat(cancel.path("items").get(3).path("cancellationReason").asString()).isEqualTo("Clinical contra-indication");
        assertThat(cancel.path("items").get(0).path("cancellationReason").isNull()).isTrue();
        JsonNode notification = entry(details, "dispense-notification");
        assertThat(notification.path("items").get(2).path("notDispensedReason").asString()).isEqualTo("Clinically unsuitable");
        assertThat(notification.path("items").get(2).path("notDispensedReasonCode").asString()).isEqualTo("0002");
    }

    @Test
    void a_prescription_not_dispensed_shows_the_reason_the_notification_gives_for_it() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber);
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber)));
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.post("/FHIR/R4/$process-message", nothingDispensed(id, nhsNumber, "0008")));

        JsonNode details = details(id);

        assertThat(details.path("statusCode").asString()).isEqualTo("0007");
        assertThat(details.path("nonDispensingReason").asString()).isEqualTo("Item or prescription expired");
        assertThat(details.path("nonDispensingReasonCode").asString()).isEqualTo("0008");
        assertThat(entry(details, "dispense-notification").path("nonDispensingReason").asString())
                .isEqualTo("Item or prescription expired");
    }

    @Test
    void a_cancellation_pending_with_the_dispenser_keeps_its_reason_when_the_return_applies_it() {
        String nhsNumber = newNhsNumber();
        String id = prescribe(nhsNumber);
        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, replacements(id, nhsNumber)));
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> pending = eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4,
                Map.of(FOUR_ITEMS_ID, id, "\"" + CANCEL_PATIENT + "\"", "\"" + nhsNumber + "\""));
        assertThat(pending.body()).contains("R-0002");
        JsonNode marked = item(details(id), ITEMS.get(3));
        assertThat(marked.path("itemPendingCancellation").asBoolean()).isTrue();
        assertThat(marked.path("cancellationReason").asString()).isEqualTo("Clinical contra-indication");

        clock.advance(Duration.ofMinutes(5));
        assertOk(eps.send("/FHIR/R4/Task", RETURN, Map.of(FOUR_ITEMS_ID, id, "\"" + PATIENT + "\"", "\"" + nhsNumber + "\"",
                "ee1b55f8-113c-4725-99a3-25fbad366dd6", UUID.randomUUID().toString())));

        JsonNode details = details(id);
        JsonNode fourth = item(details, ITEMS.get(3));
        assertThat(details.path("statusCode").asString()).isEqualTo("0001");
        assertThat(fourth.path("epsStatusCode").asString()).isEqualTo("0005");
        assertThat(fourth.path("itemPendingCancellation").asBoolean()).isFalse();
        assertThat(fourth.path("cancellationReason").asString()).isEqualTo("Clinical contra-indication");
        assertThat(entry(details, "return").path("items").get(3).path("cancellationReason").asString())
                .isEqualTo("Clinical contra-indication");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    private static String prescribe(String nhsNumber) {
        String id = Examples.newPrescriptionId(RANDOM);
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, replacements(id, nhsNumber)));
        return id;
    }

    private static Map<String, String> replacements(String id, String nhsNumber) {
        return Map.of(FOUR_ITEMS_ID, id, "\"" + PATIENT + "\"", "\"" + nhsNumber + "\"");
    }

    /** The published complete dispense with item 3 not dispensed, "clinically unsuitable" (0002). */
    private static JsonNode notDispensingThirdItem(String id, String nhsNumber) {
        JsonNode bundle = dispenseNotification(id, nhsNumber);
        ObjectNode third = dispenses(bundle).get(2);
        notDispensed(third, "0002", "Clinically unsuitable");
        return bundle;
    }

    /** The published complete dispense with nothing dispensed: every open item not dispensed, the prescription 0007. */
    private static JsonNode nothingDispensed(String id, String nhsNumber, String prescriptionReason) {
        JsonNode bundle = dispenseNotification(id, nhsNumber);
        for (ObjectNode dispense : dispenses(bundle)) {
            notDispensed(dispense, "0008", "Item or prescription expired");
            ((ObjectNode) dispense.get("type").get("coding").get(0)).put("code", "0002");
            ObjectNode status = (ObjectNode) dispense.get("extension").get(0).get("valueCoding");
            status.put("code", "0007").put("display", "Not Dispensed");
            ((ArrayNode) dispense.get("extension")).addObject()
                    .put("url", "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionNonDispensingReason")
                    .putObject("valueCoding").put("system", STATUS_REASON).put("code", prescriptionReason);
        }
        return bundle;
    }

    private static void notDispensed(ObjectNode dispense, String reason, String display) {
        ((ObjectNode) dispense.get("type").get("coding").get(0)).put("code", "0002").put("display", "Item not dispensed");
        dispense.put("status", "declined");
        dispense.putObject("statusReasonCodeableConcept").putArray("coding").addObject()
                .put("system", STATUS_REASON).put("code", reason).put("display", display);
    }

    private static JsonNode dispenseNotification(String id, String nhsNumber) {
        String text = new String(RunningService.example(DISPENSE_ALL), StandardCharsets.UTF_8)
                .replace(FOUR_ITEMS_ID, id).replace("\"" + PATIENT + "\"", "\"" + nhsNumber + "\"");
        JsonNode bundle = RunningService.json(text);
        ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString());
        return bundle;
    }

    private static List<ObjectNode> dispenses(JsonNode bundle) {
        return bundle.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals("MedicationDispense"))
                .map(ObjectNode.class::cast)
                .toList();
    }

    private static JsonNode details(String id) {
        HttpResponse<String> response = service.get("/api/prescription-details/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8), PRESCRIBER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningService.json(response.body());
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

    /** The latest timeline entry of this event. */
    private static JsonNode entry(JsonNode details, String event) {
        return details.path("messageHistory").valueStream()
                .filter(entry -> entry.path("messageCode").asString().equals(event))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("No " + event + " in " + details.path("messageHistory")));
    }

    /** A valid NHS number no other test uses. */
    private static String newNhsNumber() {
        return NhsNumber.generate(RANDOM).value();
    }
}
