package org.openeps.adapters.http.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.prescription.PrescriptionOrderMapper;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleaseCommand;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.Released;
import org.openeps.application.dispensing.ReleasePrescriptionsUseCase.ReleasedPrescription;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ReleaseMapperTest {

    private static final String REQUEST_ID = "2d9a7a3c-1b8e-4a4e-9d3c-0c3c5f3f1a11";
    private final FhirJson json = new FhirJson();
    private final ReleaseMapper mapper = new ReleaseMapper(json);

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("release/homecare-acute-release-req.json", "VNE51", "A0548B-A99968-451485"),
                Arguments.of("release/nominated-release-req.json", "VNE51", null),
                Arguments.of("release/patient-release-by-id-req.json", "VNE51", "A0548B-A99968-451485"),
                Arguments.of("release/primary-acute-release-by-id-req.json", "VNE51", "24F5DA-A83008-7EFE6Z"),
                Arguments.of("release/primary-erd-release-req.json", "VNFKT", "060CC0-A83008-5A2E6T"),
                Arguments.of("release/secondary-erd-1item-release-req.json", "VNE51", "B407F7-A99968-4DB2AU"),
                Arguments.of("release/secondary-erd-4items-release-req.json", "VNE51", "540F91-A99968-4B9EBV"),
                Arguments.of("return/homecare-18B064-release-req.json", "VNE51", "18B064-A99968-4BCAA3"),
                Arguments.of("withdraw/homecare-C2782B-release-req.json", "VNE51", "C2782B-A99968-4E4E9Z"),
                Arguments.of("dispense-notification/homecare-5EA56C-release-req.json", "VNE51", "5EA56C-Z6EA5E-710A1O"),
                Arguments.of("claim/homecare-40E709-release-req.json", "VNE51", "40E709-A99968-280C0X"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_published_release_request_is_read(String file, String owner, String prescriptionId) {
        ReleaseCommand command = mapper.toCommand(ExampleFiles.json(file), REQUEST_ID);

        assertThat(command.dispenser()).isEqualTo(new OdsCode(owner));
        assertThat(command.prescriptionId()).isEqualTo(Optional.ofNullable(prescriptionId).map(PrescriptionId::parse));
        assertThat(command.messageId()).contains(REQUEST_ID);
        // every published release is made by Jackie Clark, the agent's practitioner
        assertThat(command.person()).contains("3415870201");
    }

    @Test
    void the_table_covers_every_release_request_of_the_corpus() {
        List<String> covered = examples().map(arguments -> (String) arguments.get()[0]).toList();
        List<String> published = new ArrayList<>(ExampleFiles.requests("release"));
        for (String folder : List.of("return", "withdraw", "dispense-notification", "claim")) {
            ExampleFiles.requests(folder).stream().filter(name -> name.endsWith("-release-req.json")).forEach(published::add);
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void owner_is_required() {
        ObjectNode parameters = example();
        removeParameter(parameters, "owner");

        assertThatThrownBy(() -> mapper.toCommand(parameters, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE))
                .hasMessage("Required parameter owner is missing.");
    }

    @Test
    void owner_must_be_an_organisation_with_an_ods_code() {
        ObjectNode parameters = example();
        ((ObjectNode) parameter(parameters, "owner").get("resource")).put("resourceType", "Patient");

        assertThatThrownBy(() -> mapper.toCommand(parameters, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));

        ObjectNode withoutOds = example();
        ((ObjectNode) parameter(withoutOds, "owner").get("resource")).remove("identifier");
        assertThatThrownBy(() -> mapper.toCommand(withoutOds, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void status_must_be_accepted() {
        ObjectNode parameters = example();
        ((ObjectNode) parameter(parameters, "status")).put("valueCode", "rejected");

        assertThatThrownBy(() -> mapper.toCommand(parameters, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));

        ObjectNode withoutStatus = example();
        removeParameter(withoutStatus, "status");
        assertThatThrownBy(() -> mapper.toCommand(withoutStatus, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void agent_must_be_a_practitioner_role_but_may_be_absent() {
        ObjectNode withoutAgent = example();
        removeParameter(withoutAgent, "agent");
        assertThat(mapper.toCommand(withoutAgent, REQUEST_ID).dispenser()).isEqualTo(new OdsCode("VNE51"));
        assertThat(mapper.toCommand(withoutAgent, REQUEST_ID).person()).isEmpty();

        ObjectNode parameters = example();
        ((ObjectNode) parameter(parameters, "agent").get("resource")).put("resourceType", "Organization");
        assertThatThrownBy(() -> mapper.toCommand(parameters, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void an_agent_naming_no_sds_user_id_names_no_person() {
        ObjectNode withoutPractitioner = example();
        ((ObjectNode) parameter(withoutPractitioner, "agent").get("resource")).remove("practitioner");
        assertThat(mapper.toCommand(withoutPractitioner, REQUEST_ID).person()).isEmpty();

        ObjectNode otherSystem = example();
        ((ObjectNode) parameter(otherSystem, "agent").get("resource").get("practitioner").get("identifier"))
                .put("system", "https://fhir.hl7.org.uk/Id/gmc-number");
        assertThat(mapper.toCommand(otherSystem, REQUEST_ID).person()).isEmpty();
    }

    @Test
    void group_identifier_must_be_a_valid_prescription_id_of_the_right_system() {
        ObjectNode badCheck = example();
        ((ObjectNode) parameter(badCheck, "group-identifier").get("valueIdentifier")).put("value", "A0548B-A99968-451486");
        assertThatThrownBy(() -> mapper.toCommand(badCheck, REQUEST_ID)).isInstanceOf(EpsException.class);

        ObjectNode otherSystem = example();
        ((ObjectNode) parameter(otherSystem, "group-identifier").get("valueIdentifier"))
                .put("system", "https://fhir.nhs.uk/Id/prescription");
        assertThatThrownBy(() -> mapper.toCommand(otherSystem, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_parameter_given_twice_is_refused() {
        ObjectNode parameters = example();
        ((ArrayNode) parameters.get("parameter")).add(parameter(parameters, "owner").deepCopy());

        assertThatThrownBy(() -> mapper.toCommand(parameters, REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_body_that_is_not_parameters_is_refused() {
        assertThatThrownBy(() -> mapper.toCommand(ExampleFiles.json("return/primary-acute-return-req.json"), REQUEST_ID))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Incorrect FHIR resource type. Expected Parameters.");
    }

    @Test
    void released_prescriptions_are_answered_with_their_original_messages() {
        String original = ExampleFiles.text("prescription-order/homecare-acute-1201-req.json");
        Prescription prescription = prescription("prescription-order/homecare-acute-1201-req.json");
        Prescription released = prescription.release(new OdsCode("VNE51"), prescription.receivedAt().plusSeconds(60));

        JsonNode answer = asSent(mapper.released(new Released(List.of(new ReleasedPrescription(released, original)))));

        assertThat(answer.path("resourceType").asString()).isEqualTo("Parameters");
        JsonNode passed = parameterResource(answer, "passedPrescriptions");
        assertThat(passed.path("type").asString()).isEqualTo("searchset");
        assertThat(passed.path("total").asInt()).isEqualTo(1);
        assertThat(passed.path("entry").get(0).path("resource")).isEqualTo(ExampleFiles.json("prescription-order/homecare-acute-1201-req.json"));
        assertThat(passed.path("entry").get(0).path("search").path("mode").asString()).isEqualTo("match");
        JsonNode failed = parameterResource(answer, "failedPrescriptions");
        assertThat(failed.path("type").asString()).isEqualTo("searchset");
        assertThat(failed.path("total").asInt()).isZero();
        assertThat(failed.has("entry")).isFalse();
        assertThat(names(answer)).containsExactly("passedPrescriptions", "failedPrescriptions");
    }

    @Test
    void a_pending_cancellation_of_a_released_prescription_is_reported_as_a_warning() {
        String file = "prescription-order/homecare-acute-1201-req.json";
        Prescription prescription = prescription(file);
        Instant now = prescription.receivedAt().plusSeconds(60);
        Prescription withDispenser = prescription.release(new OdsCode("VNE51"), now);
        Prescription pending = withDispenser.cancel(prescription.order().prescriber().organisation(), Optional.empty(),
                prescription.order().patient().nhsNumber(), Optional.of(new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab6")),
                "0001", now).prescription();

        JsonNode answer = asSent(mapper.released(new Released(List.of(new ReleasedPrescription(pending, ExampleFiles.text(file))))));

        JsonNode outcome = parameterResource(answer, "pendingCancellations");
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode warning = outcome.path("issue").get(0);
        assertThat(warning.path("severity").asString()).isEqualTo("warning");
        assertThat(warning.path("details").path("coding").get(0).path("code").asString()).isEqualTo("PENDING_CANCELLATION");
        assertThat(warning.path("diagnostics").asString()).contains("A0548B-A99968-451485", "a54219b8-f741-4c47-b662-e4f8dfa49ab6");
        assertThat(warning.path("extension").get(0).path("valueReference").path("identifier").path("value").asString())
                .isEqualTo(ExampleFiles.json(file).path("identifier").path("value").asString());
    }

    @Test
    void nothing_to_hand_over_is_answered_no_more_prescriptions() {
        JsonNode answer = mapper.noMorePrescriptions();

        assertThat(answer.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(answer.path("issue")).hasSize(1);
        JsonNode issue = answer.path("issue").get(0);
        assertThat(issue.path("severity").asString()).isEqualTo("information");
        assertThat(issue.path("code").asString()).isEqualTo("informational");
        assertThat(issue.path("details").path("coding").get(0).path("system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode");
        assertThat(issue.path("details").path("coding").get(0).path("code").asString()).isEqualTo("NO_MORE_PRESCRIPTIONS");
    }

    private static Prescription prescription(String file) {
        PrescriptionOrder order = new PrescriptionOrderMapper().toOrder(ExampleFiles.message(file));
        return Prescription.create(order, order.authoredOn().plusSeconds(60));
    }

    private static ObjectNode example() {
        return (ObjectNode) ExampleFiles.json("release/homecare-acute-release-req.json");
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters.path("parameter")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("No parameter " + name);
    }

    private static JsonNode parameterResource(JsonNode parameters, String name) {
        return parameter(parameters, name).path("resource");
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.path("parameter").forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }

    private static void removeParameter(ObjectNode parameters, String name) {
        ArrayNode list = (ArrayNode) parameters.get("parameter");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).path("name").asString().equals(name)) {
                list.remove(i);
                return;
            }
        }
    }

    /** The answer as a client reads it: the stored messages are sent on as they are, not as trees. */
    private JsonNode asSent(JsonNode answer) {
        return json.parse(json.write(answer));
    }
}
