package org.openeps.adapters.http.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.adapters.http.prescription.CancelMapper.CancelReply;
import org.openeps.application.prescription.CancelPrescriptionUseCase.CancelCommand;
import org.openeps.application.prescription.CancelPrescriptionUseCase.Cancelled;
import org.openeps.domain.prescription.Cancellation;
import org.openeps.domain.prescription.CancellationResult;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionOrder;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class CancelMapperTest {

    private static final String CANCEL = "cancel/primary-acute-cancel-reason-0001-req.json";
    private static final String PRESCRIPTION = "cancel/primary-acute-1item-prescription.json";

    private final CancelMapper mapper = new CancelMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cancel/primary-acute-cancel-item4-reason-0002-req.json, 24F5DA-A83008-7EFE6Z, 5cb17f5a-11ac-4e18-825f-6470467238b3, 0002, 9449304130, A83008, 555086689106, 46183abc-9fad-4673-85db-ce2cb6614732",
            "cancel/primary-acute-cancel-reason-0001-req.json,       58E241-A83008-4E2F8R, 299c610b-f4f1-4eac-a7d7-4fb6b0556e11, 0001, 9990548609, A83008, 555086718101, 22d28bbf-e9ed-4c77-8374-3aaf88596109",
            "cancel/primary-acute-cancel-reason-0006-req.json,       507FE8-A83008-4A859+, 299c610b-f4f1-4eac-a7d7-4fb6b0556e11, 0006, 9990548609, A83008, 555086689106, e4b68f98-df8d-4a85-b878-39b13f214f42",
            "cancel/primary-erd-cancel-req.json,                     24F5DA-A83008-7EFE6Z, 5cb17f5a-11ac-4e18-825f-6470467238b3, 0002, 9449304130, A83008, 555086689106, 46183abc-9fad-4673-85db-ce2cb6614732",
            "cancel/primary-repeat-cancel-req.json,                  24F5DA-A83008-7EFE6Z, 5cb17f5a-11ac-4e18-825f-6470467238b3, 0002, 9449304130, A83008, 555086689106, 46183abc-9fad-4673-85db-ce2cb6614732",
            // Sent by RBA on behalf of trust RRERP: the prescribing organisation is the requester's.
            "cancel/secondary-community-cancel-reason-0005-req.json, 1A7D94-0RRERP-549310, dcc7c70c-bb4f-46a8-93ca-1f518611b798, 0005, 9449304122, RRERP, 555086689106, 78b0df32-e47a-4b94-9f68-e0a3d2825696"})
    void every_published_cancel_is_read(String file, String prescriptionId, String item, String reason, String nhsNumber,
                                        String requestedBy, String prescriber, String messageId) {
        CancelCommand command = mapper.toCommand(ExampleFiles.message(file));

        assertThat(command.prescriptionId()).isEqualTo(PrescriptionId.parse(prescriptionId));
        assertThat(command.item()).contains(new LineItemId(item));
        assertThat(command.reasonCode()).isEqualTo(reason);
        assertThat(command.nhsNumber()).isEqualTo(NhsNumber.parse(nhsNumber));
        assertThat(command.requestedBy()).isEqualTo(new OdsCode(requestedBy));
        assertThat(command.prescriber()).contains(prescriber);
        assertThat(command.messageId()).contains(messageId);
    }

    @Test
    void the_table_covers_every_cancel_of_the_corpus() {
        assertThat(ExampleFiles.requests("cancel")).containsExactlyInAnyOrder(
                "cancel/primary-acute-cancel-item4-reason-0002-req.json", "cancel/primary-acute-cancel-reason-0001-req.json",
                "cancel/primary-acute-cancel-reason-0006-req.json", "cancel/primary-erd-cancel-req.json",
                "cancel/primary-repeat-cancel-req.json", "cancel/secondary-community-cancel-reason-0005-req.json");
    }

    @Test
    void the_medication_request_must_be_cancelled() {
        ObjectNode bundle = bundle();
        request(bundle).put("status", "active");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_reason_is_required_and_must_be_a_cancellation_reason() {
        ObjectNode without = bundle();
        request(without).remove("statusReason");
        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(without)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));

        ObjectNode unknown = bundle();
        ((ObjectNode) request(unknown).get("statusReason").get("coding").get(0)).put("code", "0010");
        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(unknown)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void exactly_one_medication_request_is_allowed() {
        ObjectNode bundle = bundle();
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        ObjectNode copy = (ObjectNode) entries.get(1).deepCopy();
        copy.put("fullUrl", "urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201");
        entries.add(copy);

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void the_item_is_required() {
        ObjectNode bundle = bundle();
        request(bundle).remove("identifier");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    @Test
    void a_cancelled_item_is_answered_with_a_response_bundle_and_200() {
        MessageBundle message = ExampleFiles.message(CANCEL);
        CancelCommand command = mapper.toCommand(message);
        Prescription prescription = prescription();
        Instant now = prescription.receivedAt().plusSeconds(60);
        Cancellation cancellation = cancel(prescription, command, now);
        assertThat(cancellation.result()).isEqualTo(CancellationResult.CANCELLED);

        CancelReply reply = mapper.response(message, command,
                new Cancelled(cancellation.result(), Optional.of(cancellation.prescription())), now);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode bundle = reply.body();
        assertThat(bundle.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asString()).isEqualTo("message");
        JsonNode header = resources(bundle, "MessageHeader").get(0);
        assertThat(header.path("eventCoding").path("code").asString()).isEqualTo("prescription-order-response");
        assertThat(header.path("response").path("identifier").asString()).isEqualTo("22d28bbf-e9ed-4c77-8374-3aaf88596109");
        assertThat(header.path("destination").get(0).path("receiver").path("identifier").path("value").asString())
                .isEqualTo("A83008");
        JsonNode request = resources(bundle, "MedicationRequest").get(0);
        assertThat(request.path("status").asString()).isEqualTo("cancelled");
        assertThat(request.path("identifier").get(0).path("value").asString()).isEqualTo("299c610b-f4f1-4eac-a7d7-4fb6b0556e11");
        assertThat(request.path("groupIdentifier").path("value").asString()).isEqualTo("58E241-A83008-4E2F8R");
        JsonNode history = request.path("extension").get(0);
        assertThat(history.path("url").asString()).isEqualTo(
                "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory");
        assertThat(history.path("extension").get(0).path("valueCoding").path("system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/medicationrequest-status-history");
        assertThat(history.path("extension").get(0).path("valueCoding").path("code").asString()).isEqualTo("R-0001");
        assertThat(request.has("dispenseRequest")).isFalse();
        assertThat(resources(bundle, "Patient").get(0).path("identifier").get(0).path("value").asString()).isEqualTo("9990548609");
        assertThat(resources(bundle, "Organization").get(0).path("identifier").get(0).path("value").asString()).isEqualTo("A83008");
        assertThat(resources(bundle, "PractitionerRole")).hasSize(1);
        assertReferencesResolve(bundle);
    }

    @Test
    void a_prescription_with_a_dispenser_is_marked_and_answered_r0002_with_400() {
        MessageBundle message = ExampleFiles.message(CANCEL);
        CancelCommand command = mapper.toCommand(message);
        Prescription prescription = prescription();
        Instant now = prescription.receivedAt().plusSeconds(60);
        Prescription released = prescription.release(new OdsCode("FCG71"), now);
        Cancellation cancellation = cancel(released, command, now);
        assertThat(cancellation.result()).isEqualTo(CancellationResult.WITH_DISPENSER);

        CancelReply reply = mapper.response(message, command,
                new Cancelled(cancellation.result(), Optional.of(cancellation.prescription())), now);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode request = resources(reply.body(), "MedicationRequest").get(0);
        assertThat(request.path("status").asString()).isEqualTo("active");
        assertThat(request.path("extension").get(0).path("extension").get(0).path("valueCoding").path("code").asString())
                .isEqualTo("R-0002");
        assertThat(request.path("dispenseRequest").path("performer").path("identifier").path("value").asString())
                .isEqualTo("FCG71");
    }

    @Test
    void not_found_is_answered_with_an_operation_outcome() {
        MessageBundle message = ExampleFiles.message(CANCEL);
        CancelReply reply = mapper.response(message, mapper.toCommand(message),
                new Cancelled(CancellationResult.NOT_FOUND, Optional.empty()), Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(reply.status()).isEqualTo(400);
        assertOutcome(reply.body(), "not-found", "R-0008");
    }

    @Test
    void an_nhs_number_mismatch_is_answered_with_an_operation_outcome() {
        MessageBundle message = ExampleFiles.message(CANCEL);
        CancelCommand command = mapper.toCommand(message);
        Prescription prescription = prescription();
        CancelCommand otherPatient = new CancelCommand(command.requestedBy(), command.prescriber(), command.prescriptionId(),
                NhsNumber.parse("9449304130"), command.item(), command.reasonCode(), command.messageId());
        Cancellation cancellation = cancel(prescription, otherPatient, prescription.receivedAt());
        assertThat(cancellation.result()).isEqualTo(CancellationResult.NHS_NUMBER_MISMATCH);

        CancelReply reply = mapper.response(message, otherPatient,
                new Cancelled(cancellation.result(), Optional.of(cancellation.prescription())), prescription.receivedAt());

        assertThat(reply.status()).isEqualTo(400);
        assertOutcome(reply.body(), "processing", "R-5000");
    }

    private static void assertOutcome(JsonNode outcome, String issueType, String rCode) {
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode issue = outcome.path("issue").get(0);
        assertThat(issue.path("severity").asString()).isEqualTo("error");
        assertThat(issue.path("code").asString()).isEqualTo(issueType);
        assertThat(issue.path("details").path("coding").get(0).path("system").asString())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/medicationrequest-status-history");
        assertThat(issue.path("details").path("coding").get(0).path("code").asString()).isEqualTo(rCode);
    }

    /** Every urn:uuid reference in the response names one of its entries. */
    private static void assertReferencesResolve(JsonNode bundle) {
        List<String> fullUrls = new ArrayList<>();
        bundle.path("entry").forEach(entry -> fullUrls.add(entry.path("fullUrl").asString()));
        List<String> references = new ArrayList<>();
        collectReferences(bundle, references);
        assertThat(references).isNotEmpty();
        assertThat(fullUrls).containsAll(references);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject() && node.has("reference")) {
            references.add(node.path("reference").asString());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static Cancellation cancel(Prescription prescription, CancelCommand command, Instant now) {
        return prescription.cancel(command.requestedBy(), command.prescriber(), command.nhsNumber(), command.item(),
                command.reasonCode(), now);
    }

    private static Prescription prescription() {
        PrescriptionOrder order = new PrescriptionOrderMapper().toOrder(ExampleFiles.message(PRESCRIPTION));
        return Prescription.create(order, order.startDate().atTime(10, 0).atZone(Prescription.EPS_ZONE).toInstant());
    }

    private static ObjectNode bundle() {
        return (ObjectNode) ExampleFiles.json(CANCEL);
    }

    private static ObjectNode request(ObjectNode bundle) {
        return (ObjectNode) resources(bundle, "MedicationRequest").get(0);
    }

    private static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> resources = new ArrayList<>();
        bundle.path("entry").forEach(entry -> {
            if (entry.path("resource").path("resourceType").asString().equals(type)) {
                resources.add(entry.path("resource"));
            }
        });
        return resources;
    }
}
