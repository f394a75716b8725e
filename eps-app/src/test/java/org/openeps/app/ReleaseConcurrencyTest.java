package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many dispensers releasing at once, over the real HTTP API and PostgreSQL: four threads of the nominated pharmacy
 * download batch after batch while four other pharmacies race to release the same prescriptions by ID. Every
 * prescription must be handed to exactly one dispenser, and none lost.
 */
class ReleaseConcurrencyTest {

    private static final int PRESCRIPTIONS = 500;
    private static final String NOMINATED = "FA565";
    private static final String TEMPLATE = "prescription-order/primary-acute-nominated-4items-req.json";

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void every_prescription_is_released_exactly_once_while_eight_dispensers_race() throws Exception {
        List<String> ids = createPrescriptions();
        Map<String, List<String>> releasedTo = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(threads.submit(() -> {
                    start.await();
                    while (true) {
                        HttpResponse<String> response = release(NOMINATED, null);
                        JsonNode body = RunningService.json(response.body());
                        if (body.path("resourceType").asString().equals("OperationOutcome")) {
                            assertThat(response.body()).contains("NO_MORE_PRESCRIPTIONS");
                            return null;
                        }
                        releasedIds(body).forEach(id -> releasedTo.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                                .add(NOMINATED));
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                String pharmacy = "FX00" + i;
                List<String> order = new ArrayList<>(ids);
                Collections.shuffle(order, new java.util.Random(i));
                running.add(threads.submit(() -> {
                    start.await();
                    for (String id : order) {
                        HttpResponse<String> response = release(pharmacy, id);
                        if (response.statusCode() == 200) {
                            releasedIds(RunningService.json(response.body())).forEach(released -> releasedTo
                                    .computeIfAbsent(released, k -> new CopyOnWriteArrayList<>()).add(pharmacy));
                        } else if (!response.body().contains("PRESCRIPTION_WITH_ANOTHER_DISPENSER")) {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(releasedTo.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(releasedTo.values()).allSatisfy(dispensers -> assertThat(dispensers).hasSize(1));
        for (String id : ids.subList(0, 20)) {
            JsonNode task = service.taskFor(id).path("entry").get(0).path("resource");
            assertThat(task.path("businessStatus").path("coding").get(0).path("code").asString()).isEqualTo("0002");
        }
    }

    private static List<String> createPrescriptions() {
        SplittableRandom random = new SplittableRandom(42);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PRESCRIPTIONS; i++) {
            String id = PrescriptionId.generate(OdsCode.parse("A83008"), i, random).value();
            JsonNode bundle = RunningService.json(new String(RunningService.example(TEMPLATE), StandardCharsets.UTF_8));
            ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString());
            bundle.path("entry").forEach(entry -> {
                JsonNode resource = entry.path("resource");
                if (resource.path("resourceType").asString().equals("MedicationRequest")) {
                    ((ObjectNode) resource.path("groupIdentifier")).put("value", id);
                }
            });
            HttpResponse<String> created = service.postMessage(RunningService.JSON.writeValueAsBytes(bundle));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            ids.add(id);
        }
        return ids;
    }

    private static HttpResponse<String> release(String dispenser, String prescriptionId) {
        JsonNode parameters = RunningService.json(new String(RunningService.example(
                "release/nominated-release-req.json"), StandardCharsets.UTF_8));
        parameters.path("parameter").forEach(parameter -> {
            if (parameter.path("name").asString().equals("owner")) {
                ((ObjectNode) parameter.path("resource").path("identifier").get(0)).put("value", dispenser);
            }
        });
        if (prescriptionId != null) {
            ObjectNode groupIdentifier = ((tools.jackson.databind.node.ArrayNode) parameters.path("parameter")).addObject();
            groupIdentifier.put("name", "group-identifier").putObject("valueIdentifier")
                    .put("system", "https://fhir.nhs.uk/Id/prescription-order-number")
                    .put("value", prescriptionId);
        }
        return service.post("/FHIR/R4/Task/$release", RunningService.JSON.writeValueAsBytes(parameters),
                "application/fhir+json", UUID.randomUUID().toString());
    }

    /** The prescription IDs of the prescription-order Bundles in a release response. */
    static List<String> releasedIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("parameter").forEach(parameter -> {
            if (parameter.path("name").asString().equals("passedPrescriptions")) {
                parameter.path("resource").path("entry").forEach(entry -> entry.path("resource").path("entry")
                        .valueStream()
                        .map(inner -> inner.path("resource"))
                        .filter(resource -> resource.path("resourceType").asString().equals("MedicationRequest"))
                        .map(request -> request.path("groupIdentifier").path("value").asString())
                        .findFirst()
                        .ifPresent(ids::add));
            }
        });
        return ids;
    }
}
