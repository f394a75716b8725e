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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the lifecycle promises whatever the order or number of messages, over the API against PostgreSQL: copies of one
 * request sent at the same moment are applied once and answered alike; a refused message changes nothing; only the
 * dispenser holding a prescription may act on it; a pending cancellation is shown to that dispenser; a returned
 * prescription is no longer offered to nominated release; and withdrawing an eRD dispense never goes below 0003.
 */
class LifecycleGuaranteesTest {

    private static final String ERD_FOUR_ITEMS = "prescription-order/primary-erd-4items-req.json";
    private static final String NOMINATED_RELEASE = "release/nominated-release-req.json";
    private static final String RETURN = "return/primary-acute-return-req.json";
    private static final String WITHDRAW = "withdraw/primary-acute-withdraw-req.json";
    private static final String HOLDER = "VNE51";
    private static final String OTHER_PHARMACY = "FA565";
    private static final int COPIES = 8;
    private static final Instant START = Instant.parse("2022-10-21T09:00:00Z");
    private static final SplittableRandom RANDOM = new SplittableRandom(23);

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
    void emptyStoreAtTheStart() {
        clock.set(START);
        service.reset();
    }

    // ---- the same request many times at once -----------------------------------------------------------------------

    @Test
    void copies_of_a_release_sent_at_the_same_moment_release_once_and_answer_alike() throws Exception {
        String id = fourItems();
        byte[] body = bytes(text(RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id)));
        String requestId = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = atTheSameMoment(
                () -> service.post("/FHIR/R4/Task/$release", body, "application/fhir+json", requestId));

        assertAllOkAndAlike(answers);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(answers.get(0).body()))).containsExactly(id);
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");
        assertThat(eps.owner(id)).isEqualTo(HOLDER);
    }

    @Test
    void copies_of_a_dispense_notification_sent_at_the_same_moment_apply_once_and_answer_alike() throws Exception {
        String id = fourItems();
        assertOk(release(id, HOLDER));

        byte[] some = message(DISPENSE_SOME, Map.of(FOUR_ITEMS_ID, id));
        assertAllOkAndAlike(atTheSameMoment(() -> service.postMessage(some)));
        assertThat(eps.status(id)).isEqualTo("0003");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0001", "0001", "0004", "0005");
        // had a second copy been applied, withdrawing the latest notification would leave the first one (0003)
        assertOk(withdraw(id, HOLDER));
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");

        byte[] all = message(DISPENSE_ALL, Map.of(FOUR_ITEMS_ID, id));
        assertAllOkAndAlike(atTheSameMoment(() -> service.postMessage(all)));
        assertThat(eps.status(id)).isEqualTo("0006");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0001", "0001", "0001", "0005");
    }

    // ---- a refused message changes nothing ---------------------------------------------------------------------------

    @Test
    void a_failed_dispense_notification_changes_nothing() {
        String id = fourItems();
        assertOk(release(id, HOLDER));
        JsonNode notification = RunningService.json(new String(message(DISPENSE_SOME, Map.of(FOUR_ITEMS_ID, id)),
                StandardCharsets.UTF_8));
        // items 1 and 2 dispensed, item 3 owing, item 4 back to "to be dispensed": a step no dispenser may report
        List<JsonNode> dispenses = medicationDispenses(notification);
        ((ObjectNode) dispenses.get(dispenses.size() - 1).path("type").path("coding").get(0)).put("code", "0007");

        HttpResponse<String> refused = eps.post("/FHIR/R4/$process-message", notification);

        assertRefused(refused, "INVALID_LINE_STATE_TRANSITION");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0008", "0008", "0008", "0008");
        assertThat(eps.owner(id)).isEqualTo(HOLDER);
        // nor did it leave a notification behind: the next one is the only one, and withdrawing it goes back to 0002
        assertOk(dispense(DISPENSE_ALL, id, HOLDER));
        assertThat(eps.status(id)).isEqualTo("0006");
        assertOk(withdraw(id, HOLDER));
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");
    }

    // ---- only the holder acts ----------------------------------------------------------------------------------------

    @Test
    void only_the_dispenser_holding_it_may_dispense_return_withdraw_or_claim() {
        String id = fourItems();
        assertOk(release(id, HOLDER));

        assertRefused(dispense(DISPENSE_SOME, id, OTHER_PHARMACY), "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertRefused(returnIt(id, OTHER_PHARMACY), "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertThat(eps.status(id)).isEqualTo("0002");
        assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");
        assertThat(eps.owner(id)).isEqualTo(HOLDER);

        assertOk(dispense(DISPENSE_SOME, id, HOLDER));
        assertRefused(withdraw(id, OTHER_PHARMACY), "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertRefused(dispense(DISPENSE_ALL, id, OTHER_PHARMACY), "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertThat(eps.status(id)).isEqualTo("0003");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0001", "0001", "0004", "0005");

        assertOk(dispense(DISPENSE_ALL, id, HOLDER));
        assertRefused(claim(id, OTHER_PHARMACY), "PRESCRIPTION_WITH_ANOTHER_DISPENSER");
        assertThat(eps.status(id)).isEqualTo("0006");

        assertOk(claim(id, HOLDER));
        assertThat(eps.status(id)).isEqualTo("0008");
    }

    // ---- pending cancellation ----------------------------------------------------------------------------------------

    @Test
    void a_pending_cancellation_is_shown_to_the_dispenser_at_its_next_dispense_and_release() {
        String id = fourItems();
        HttpResponse<String> firstRelease = release(id, HOLDER);
        assertOk(firstRelease);
        assertThat(firstRelease.body()).doesNotContain("PENDING_CANCELLATION", "pendingCancellations");

        HttpResponse<String> cancel = cancelItem4(id);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(400);
        assertThat(cancel.body()).contains("R-0002");

        HttpResponse<String> releasedAgain = release(id, HOLDER);
        assertOk(releasedAgain);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(releasedAgain.body()))).containsExactly(id);
        JsonNode warnings = parameter(RunningService.json(releasedAgain.body()), "pendingCancellations");
        assertThat(warnings.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(warnings.path("issue")).hasSize(1);
        JsonNode warning = warnings.path("issue").get(0);
        assertThat(warning.path("severity").asString()).isEqualTo("warning");
        assertThat(warning.path("details").path("coding").get(0).path("code").asString()).isEqualTo("PENDING_CANCELLATION");
        assertThat(warning.path("diagnostics").asString()).contains(id);

        // item 4 still owing, not cancelled: the cancellation is still pending, and the answer says so
        JsonNode owing = RunningService.json(new String(message(DISPENSE_SOME, Map.of(FOUR_ITEMS_ID, id)),
                StandardCharsets.UTF_8));
        owing.path("entry").forEach(entry -> {
            JsonNode type = entry.path("resource").path("type").path("coding").path(0);
            if (type.path("code").asString().equals("0005")) {
                ((ObjectNode) type).put("code", "0004");
            }
        });
        HttpResponse<String> dispensed = eps.post("/FHIR/R4/$process-message", owing);
        assertOk(dispensed);
        assertThat(dispensed.body()).contains("PENDING_CANCELLATION");
        assertThat(eps.status(id)).isEqualTo("0003");

        // the dispenser then carries the cancellation out: nothing is pending any more
        HttpResponse<String> completed = dispense(DISPENSE_ALL, id, HOLDER);
        assertOk(completed);
        assertThat(completed.body()).doesNotContain("PENDING_CANCELLATION");
        assertThat(eps.itemStatuses(id, 1)).containsExactly("0001", "0001", "0001", "0005");
    }

    // ---- return and nomination ---------------------------------------------------------------------------------------

    @Test
    void a_returned_prescription_is_not_offered_to_nominated_release() {
        String returned = fourItems(); // nominated to FA565, as published
        String stillNominated = fourItems();
        assertOk(release(returned, OTHER_PHARMACY));
        assertOk(returnIt(returned, OTHER_PHARMACY));
        assertThat(eps.status(returned)).isEqualTo("0001");
        assertThat(eps.owner(returned)).isEmpty();

        HttpResponse<String> nominated = nominatedRelease(OTHER_PHARMACY);
        assertOk(nominated);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(nominated.body()))).containsExactly(stillNominated);
        HttpResponse<String> nothingMore = nominatedRelease(OTHER_PHARMACY);
        assertOk(nothingMore);
        assertThat(nothingMore.body()).contains("NO_MORE_PRESCRIPTIONS");
        assertThat(eps.status(returned)).isEqualTo("0001");

        HttpResponse<String> byId = release(returned, OTHER_PHARMACY);
        assertOk(byId);
        assertThat(ReleaseConcurrencyTest.releasedIds(RunningService.json(byId.body()))).containsExactly(returned);
        assertThat(eps.status(returned)).isEqualTo("0002");
        assertThat(eps.owner(returned)).isEqualTo(OTHER_PHARMACY);
    }

    // ---- withdraw ----------------------------------------------------------------------------------------------------

    @Test
    void an_erd_withdraw_never_goes_below_0003() {
        String erd = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", ERD_FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, erd)));
        String acute = fourItems();
        for (String id : List.of(erd, acute)) {
            assertOk(release(id, HOLDER));
            assertOk(dispense(DISPENSE_SOME, id, HOLDER));
            assertThat(eps.status(id)).isEqualTo("0003");
            assertOk(withdraw(id, HOLDER));
            assertThat(eps.itemStatuses(id, 1)).containsOnly("0008");
        }

        assertThat(eps.status(erd, 1)).isEqualTo("0003");
        assertThat(eps.status(erd, 2)).isEqualTo("9000");
        assertThat(eps.status(acute)).isEqualTo("0002");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** Sends {@link #COPIES} copies of a request from as many threads, released together. */
    private static List<HttpResponse<String>> atTheSameMoment(Supplier<HttpResponse<String>> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(COPIES);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(COPIES);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) {
                sent.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.get();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get(1, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertAllOkAndAlike(List<HttpResponse<String>> answers) {
        assertThat(answers).hasSize(COPIES);
        assertThat(answers).allSatisfy(EpsClient::assertOk);
        String first = answers.get(0).body();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.body()).isEqualTo(first));
    }

    private static String fourItems() {
        String id = newId();
        assertOk(eps.send("/FHIR/R4/$process-message", FOUR_ITEMS, Map.of(FOUR_ITEMS_ID, id)));
        return id;
    }

    private static HttpResponse<String> release(String id, String dispenser) {
        return eps.send("/FHIR/R4/Task/$release", RELEASE_BY_ID, Map.of(FOUR_ITEMS_ID, id, quoted(HOLDER), quoted(dispenser)));
    }

    private static HttpResponse<String> nominatedRelease(String dispenser) {
        return eps.send("/FHIR/R4/Task/$release", NOMINATED_RELEASE, Map.of(quoted(HOLDER), quoted(dispenser)));
    }

    /** A published dispense notification for prescription {@code id}, sent as {@code dispenser}. */
    private static HttpResponse<String> dispense(String example, String id, String dispenser) {
        return eps.send("/FHIR/R4/$process-message", example, asDispenser(id, dispenser));
    }

    private static HttpResponse<String> returnIt(String id, String dispenser) {
        return eps.send("/FHIR/R4/Task", RETURN, asDispenser(id, dispenser));
    }

    private static HttpResponse<String> withdraw(String id, String dispenser) {
        return eps.send("/FHIR/R4/Task", WITHDRAW, asDispenser(id, dispenser));
    }

    private static HttpResponse<String> claim(String id, String dispenser) {
        Map<String, String> replacements = new LinkedHashMap<>(asDispenser(id, dispenser));
        replacements.put("a76599c5-bbdd-4581-bb4d-377b348dd1e4", UUID.randomUUID().toString());
        return eps.send("/FHIR/R4/Claim", CLAIM, replacements);
    }

    /** The published item-4 cancel, for the four-item prescription's patient. */
    private static HttpResponse<String> cancelItem4(String id) {
        return eps.send("/FHIR/R4/$process-message", CANCEL_ITEM_4, Map.of(FOUR_ITEMS_ID, id,
                "\"9449304130\"", "\"5839945242\""));
    }

    /** The published dispenser's messages name VNE51 as the organisation acting; this rewrites it. */
    private static Map<String, String> asDispenser(String id, String dispenser) {
        return Map.of(FOUR_ITEMS_ID, id, quoted(HOLDER), quoted(dispenser));
    }

    /** A published message with replacements and a new Bundle.identifier, as bytes to send as often as wanted. */
    private static byte[] message(String example, Map<String, String> replacements) {
        JsonNode bundle = RunningService.json(text(example, replacements));
        ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString());
        return RunningService.JSON.writeValueAsBytes(bundle);
    }

    private static String text(String example, Map<String, String> replacements) {
        String text = new String(RunningService.example(example), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        return text;
    }

    private static byte[] bytes(String json) {
        return RunningService.JSON.writeValueAsBytes(RunningService.json(json));
    }

    private static List<JsonNode> medicationDispenses(JsonNode bundle) {
        return bundle.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals("MedicationDispense"))
                .toList();
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        return parameters.path("parameter").valueStream()
                .filter(parameter -> parameter.path("name").asString().equals(name))
                .map(parameter -> parameter.path("resource"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No parameter " + name + " in " + parameters));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static String newId() {
        return Examples.newPrescriptionId(RANDOM);
    }
}
