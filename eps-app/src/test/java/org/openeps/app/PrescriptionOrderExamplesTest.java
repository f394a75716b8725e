package org.openeps.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every published prescription-order example, posted to the running service against a store where its prescription ID
 * is new: accepted with an informational OperationOutcome, and then visible through the Task search with issue 1 to be
 * dispensed, every item to be dispensed, and for eRD one Task per issue, the later ones future issues.
 */
class PrescriptionOrderExamplesTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void emptyStore() {
        service.reset();
    }

    static Stream<String> prescriptionOrders() throws IOException {
        List<String> examples;
        try (Stream<Path> files = Files.list(RunningService.EXAMPLES.resolve("prescription-order"))) {
            examples = files.map(path -> "prescription-order/" + path.getFileName())
                    .filter(name -> name.endsWith("-req.json"))
                    .sorted()
                    .toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(20);
        return Stream.concat(examples.stream(), Stream.of(
                "cancel/primary-acute-1item-prescription.json",
                "cancel/primary-acute-1item-plus-checkdigit-prescription.json",
                "return/homecare-18B064-prescription.json",
                "withdraw/homecare-C2782B-prescription.json",
                "dispense-notification/homecare-5EA56C-prescription.json",
                "claim/homecare-40E709-prescription.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prescriptionOrders")
    void published_prescription_order_is_accepted_and_stored_to_be_dispensed(String example) {
        byte[] message = RunningService.example(example);
        JsonNode sent = RunningService.json(new String(message, java.nio.charset.StandardCharsets.UTF_8));

        HttpResponse<String> response = service.postMessage(message);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = RunningService.json(response.body());
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("severity").asString()).isEqualTo("information");
        assertThat(outcome.path("issue").get(0).path("code").asString()).isEqualTo("informational");

        List<JsonNode> requests = medicationRequests(sent);
        String prescriptionId = requests.get(0).path("groupIdentifier").path("value").asString();
        JsonNode tasks = service.taskFor(prescriptionId);
        JsonNode task = tasks.path("entry").get(0).path("resource");
        assertThat(task.path("businessStatus").path("coding").get(0).path("code").asString()).isEqualTo("0001");
        assertThat(task.path("focus").path("identifier").path("value").asString()).isEqualTo(prescriptionId);
        assertThat(task.path("output")).hasSize(requests.size());
        task.path("output").forEach(item ->
                assertThat(item.path("type").path("coding").get(0).path("code").asString()).isEqualTo("0007"));

        JsonNode repeats = requests.get(0).path("dispenseRequest").path("numberOfRepeatsAllowed");
        boolean repeatDispensing = requests.get(0).path("courseOfTherapyType").path("coding").get(0).path("code")
                .asString().equals("continuous-repeat-dispensing");
        if (repeatDispensing) {
            JsonNode repeatInformation = extension(task, "Extension-EPS-RepeatInformation");
            assertThat(repeatInformation.path("extension").get(0).path("valueUnsignedInt").asInt())
                    .isEqualTo(repeats.asInt());
            assertThat(tasks.path("total").asInt()).isEqualTo(repeats.asInt() + 1);
            tasks.path("entry").valueStream().skip(1).forEach(later -> assertThat(later.path("resource")
                    .path("businessStatus").path("coding").get(0).path("code").asString()).isEqualTo("9000"));
        } else {
            assertThat(tasks.path("total").asInt()).isEqualTo(1);
            assertThat(extension(task, "Extension-EPS-RepeatInformation").isMissingNode()).isTrue();
        }
    }

    private static List<JsonNode> medicationRequests(JsonNode bundle) {
        return bundle.path("entry").valueStream()
                .map(entry -> entry.path("resource"))
                .filter(resource -> resource.path("resourceType").asString().equals("MedicationRequest"))
                .toList();
    }

    private static JsonNode extension(JsonNode resource, String name) {
        return resource.path("extension").valueStream()
                .filter(extension -> extension.path("url").asString().endsWith(name))
                .findFirst()
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }
}
