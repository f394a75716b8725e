package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What a supplier system does, step by step, with the published example messages: for the lifecycle tests. */
final class EpsClient {

    private final RunningService service;

    EpsClient(RunningService service) {
        this.service = service;
    }

    /** Posts an example message to {@code $process-message} unchanged. */
    HttpResponse<String> message(String example) {
        return service.postMessage(RunningService.example(example));
    }

    /** Posts an example message to {@code $process-message} after a change, with a new Bundle.identifier. */
    HttpResponse<String> message(String example, Consumer<JsonNode> change) {
        JsonNode bundle = load(example);
        ((ObjectNode) bundle.path("identifier")).put("value", UUID.randomUUID().toString());
        change.accept(bundle);
        return service.postMessage(RunningService.JSON.writeValueAsBytes(bundle));
    }

    /** Releases with an example Parameters body. */
    HttpResponse<String> release(String example) {
        return post("/FHIR/R4/Task/$release", load(example));
    }

    /**
     * Posts an example after replacing text in it (a prescription ID, an ODS code, an NHS number): to {@code path},
     * or to {@code $process-message} with a new Bundle.identifier when it is a message.
     */
    HttpResponse<String> send(String path, String example, Map<String, String> replacements) {
        String text = new String(RunningService.example(example), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            text = text.replace(replacement.getKey(), replacement.getValue());
        }
        JsonNode body = RunningService.json(text);
        if (body.path("resourceType").asString().equals("Bundle")) {
            ((ObjectNode) body.path("identifier")).put("value", UUID.randomUUID().toString());
        }
        return post(path, body);
    }

    HttpResponse<String> task(String example) {
        return post("/FHIR/R4/Task", load(example));
    }

    HttpResponse<String> claim(String example) {
        return post("/FHIR/R4/Claim", load(example));
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return service.post(path, RunningService.JSON.writeValueAsBytes(body), "application/fhir+json",
                UUID.randomUUID().toString());
    }

    /** The status of issue {@code number} of a prescription, from the Task search. */
    String status(String prescriptionId, int number) {
        return issueTask(prescriptionId, number).path("businessStatus").path("coding").get(0).path("code").asString();
    }

    String status(String prescriptionId) {
        return status(prescriptionId, 1);
    }

    /** The item statuses of issue {@code number}, in prescription order. */
    List<String> itemStatuses(String prescriptionId, int number) {
        return issueTask(prescriptionId, number).path("output").valueStream()
                .map(output -> output.path("type").path("coding").get(0).path("code").asString())
                .toList();
    }

    String owner(String prescriptionId) {
        return issueTask(prescriptionId, 1).path("owner").path("identifier").path("value").asString();
    }

    private JsonNode issueTask(String prescriptionId, int number) {
        JsonNode tasks = service.taskFor(prescriptionId).path("entry");
        assertThat(tasks.size()).as("issues of " + prescriptionId).isGreaterThanOrEqualTo(number);
        return tasks.get(number - 1).path("resource");
    }

    static JsonNode load(String example) {
        return RunningService.json(new String(RunningService.example(example), StandardCharsets.UTF_8));
    }

    static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static void assertRefused(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains("\"" + code + "\"");
    }
}
