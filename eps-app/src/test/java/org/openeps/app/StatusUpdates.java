package org.openeps.app;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prescription Status Update bundles as a pharmacy's system sends them: the published ready-to-collect example's
 * Task, under a new Task ID, with the values a test gives.
 */
final class StatusUpdates {

    static final String PATH = "/prescription-status-update/";
    static final String READY_TO_COLLECT = "status-update/ready-to-collect-req.json";

    private StatusUpdates() {
    }

    /** One bundle entry: the status of one item of a prescription, as a pharmacy reports it. */
    static ObjectNode entry(String prescriptionId, String nhsNumber, String item, String pharmacy,
                            String businessStatus, String taskStatus, Instant lastModified) {
        ObjectNode entry = (ObjectNode) EpsClient.load(READY_TO_COLLECT).path("entry").path(0);
        String taskId = UUID.randomUUID().toString();
        entry.put("fullUrl", "urn:uuid:" + taskId);
        ObjectNode task = (ObjectNode) entry.path("resource");
        task.put("id", taskId);
        ((ObjectNode) task.path("basedOn").path(0).path("identifier")).put("value", prescriptionId);
        ((ObjectNode) task.path("focus").path("identifier")).put("value", item);
        ((ObjectNode) task.path("for").path("identifier")).put("value", nhsNumber);
        ((ObjectNode) task.path("owner").path("identifier")).put("value", pharmacy);
        ((ObjectNode) task.path("businessStatus").path("coding").path(0)).put("code", businessStatus);
        task.put("status", taskStatus);
        task.put("lastModified", lastModified.toString());
        return entry;
    }

    /** A transaction bundle of these entries. */
    static byte[] bundle(List<ObjectNode> entries) {
        ObjectNode bundle = RunningService.JSON.createObjectNode();
        bundle.put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode array = bundle.putArray("entry");
        entries.forEach(array::add);
        return RunningService.JSON.writeValueAsBytes(bundle);
    }

    /** Posts the entries as one bundle, sent by the dispensing supplier system on its own. */
    static HttpResponse<String> send(RunningService service, ObjectNode... entries) {
        return service.post(PATH, bundle(List.of(entries)), "application/fhir+json", UUID.randomUUID().toString(),
                Callers.system(Callers.DISPENSING_SYSTEM));
    }
}
