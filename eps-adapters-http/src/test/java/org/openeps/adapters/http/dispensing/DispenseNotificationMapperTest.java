package org.openeps.adapters.http.dispensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.adapters.http.fhir.MessageBundle;
import org.openeps.application.dispensing.DispensePrescriptionUseCase.DispenseCommand;
import org.openeps.domain.prescription.ItemStatus;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.NonDispensingReason;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.ErrorCode;
import org.openeps.domain.shared.OdsCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class DispenseNotificationMapperTest {

    private static final String ITEM_1 = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";
    private static final String ITEM_2 = "6989b7bd-8db6-428c-a593-4022e3044c00";
    private static final String ITEM_3 = "2868554c-5565-4d31-b92a-c5b8dab8b90a";
    private static final String ITEM_4 = "5cb17f5a-11ac-4e18-825f-6470467238b3";

    private final DispenseNotificationMapper mapper = new DispenseNotificationMapper();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("dispense-notification/homecare-acute-complete-req.json", "3415870201", "0006", "A0548B-A99968-451485",
                        "a22ad970-417c-4b0d-9c18-19a54761b478", null, null,
                        items(ITEM_1, "0001", "a54219b8-f741-4c47-b662-e4f8dfa49ab7", "0001")),
                Arguments.of("dispense-notification/homecare-dn-amend-req.json", "3415870201", "0006", "5EA56C-Z6EA5E-710A1O",
                        "08a95f44-5869-4dbb-93ec-22d12ece1748", "50101420-789b-4a3d-a4fb-4d3d0af76a64", null,
                        items("5ad41934-d5c8-4f74-b4da-4f3609acaa1f", "0001")),
                Arguments.of("dispense-notification/homecare-dn-before-amend-req.json", "3415870201", "0006", "5EA56C-Z6EA5E-710A1O",
                        "50101420-789b-4a3d-a4fb-4d3d0af76a64", null, null,
                        items("5ad41934-d5c8-4f74-b4da-4f3609acaa1f", "0001")),
                Arguments.of("dispense-notification/homecare-with-dispenser-active-req.json", "3415870201", "0003", "C2782B-A99968-4E4E9Z",
                        "602159ee-1678-41ec-a100-7b3dd04c1d84", null, null, items(ITEM_1, "0001")),
                Arguments.of("dispense-notification/primary-acute-amend-replacementOf-req.json", "7654321", "0006", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", "a14d4fc1-82a2-4a82-aae2-50e212e7b907", null,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0001", ITEM_4, "0005")),
                Arguments.of("dispense-notification/primary-acute-complete-req.json", "7654321", "0006", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", null, null,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0001", ITEM_4, "0005")),
                Arguments.of("dispense-notification/primary-acute-partial-item-req.json", "7654321", "0003", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", null, null,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0003", ITEM_4, "0005")),
                Arguments.of("dispense-notification/primary-acute-partial-owing-and-cancelled-req.json", "7654321", "0003", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", null, null,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0004", ITEM_4, "0005")),
                // eRD: the MedicationRequest's basedOn repeat information says 2 issued before this one: issue 3.
                Arguments.of("dispense-notification/primary-erd-req.json", "7654321", "0003", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", null, 3,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0004", ITEM_4, "0005")),
                // Repeat prescribing (continuous): the repeat information is the prescriber's, not an EPS issue.
                Arguments.of("dispense-notification/primary-repeat-req.json", "7654321", "0003", "24F5DA-A83008-7EFE6Z",
                        "b240434e-cb85-40bb-899c-1c61410c93a7", null, null,
                        items(ITEM_1, "0001", ITEM_2, "0001", ITEM_3, "0004", ITEM_4, "0005")),
                // basedOn says 0 issued before (issue 1); the MedicationDispense's own extension says 1.
                Arguments.of("dispense-notification/secondary-erd-1item-req.json", "3415870201", "0006", "B407F7-A99968-4DB2AU",
                        "76d1cc0b-bd64-4fad-a513-4de0f2ae7014", null, 1, items(ITEM_1, "0001")),
                Arguments.of("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json", "3415870201", "0006", "540F91-A99968-4B9EBV",
                        "e7d43cac-5c63-4f08-b988-60813a080398", null, 1,
                        items("a54219b8-f741-4c47-b662-e4f8dfa49ab5", "0002", "a54219b8-f741-4c47-b662-e4f8dfa49ab4", "0001",
                                "a54219b8-f741-4c47-b662-e4f8dfa49ab3", "0001", "a54219b8-f741-4c47-b662-e4f8dfa49ab2", "0001")),
                Arguments.of("claim/homecare-40E709-dispense-req.json", "3415870201", "0006", "40E709-A99968-280C0X",
                        "fe64ecaa-61a2-4879-bf45-657075844dde", null, null,
                        items("5a82c11e-ea26-4405-aceb-741d8ca68b95", "0001")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_published_dispense_notification_is_read(String file, String person, String declaredStatus,
                                                       String prescriptionId,
                                                       String notificationId,
                                                       String replaces, Integer issue, Map<LineItemId, ItemStatus> items) {
        DispenseCommand command = mapper.toCommand(ExampleFiles.message(file));

        // Every example dispenses as VNE51, the organisation of its performer, whoever MessageHeader.sender is.
        assertThat(command.dispenser()).isEqualTo(new OdsCode("VNE51"));
        // the practitioner of the dispensing PractitionerRole
        assertThat(command.person()).contains(person);
        assertThat(command.prescriptionId()).isEqualTo(PrescriptionId.parse(prescriptionId));
        assertThat(command.notificationId()).isEqualTo(notificationId);
        assertThat(command.replaces()).isEqualTo(Optional.ofNullable(replaces));
        assertThat(command.issueNumber()).isEqualTo(issue == null ? OptionalInt.empty() : OptionalInt.of(issue));
        assertThat(command.items()).isEqualTo(items);
        assertThat(command.declaredStatus()).contains(PrescriptionStatus.fromCode(declaredStatus));
    }

    @Test
    void the_table_covers_every_dispense_notification_of_the_corpus() {
        List<String> covered = new ArrayList<>(examples().map(arguments -> (String) arguments.get()[0]).toList());
        covered.add("dispense-notification/primary-acute-not-dispensed-reasons-differ-req.json");
        covered.add("dispense-notification/homecare-5EA56C-release-req.json");
        assertThat(covered).containsAll(ExampleFiles.requests("dispense-notification"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"errors/dispense-notification-inconsistent-req.json",
            "dispense-notification/primary-acute-not-dispensed-reasons-differ-req.json"})
    void dispenses_with_different_non_dispensing_reasons_are_refused(String file) {
        MessageBundle message = ExampleFiles.message(file);

        assertThatThrownBy(() -> mapper.toCommand(message))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Expected all MedicationDispenses to have the same value for "
                        + "MedicationDispense.extension:prescriptionNonDispensingReason");
    }

    @Test
    void an_items_reason_for_not_dispensing_is_read_from_its_status_reason() {
        DispenseCommand notDispensed = mapper.toCommand(ExampleFiles.message(
                "dispense-notification/secondary-erd-4items-one-not-dispensed-req.json"));
        DispenseCommand owingAndCancelled = mapper.toCommand(ExampleFiles.message("dispense-notification/primary-erd-req.json"));

        assertThat(notDispensed.itemNonDispensingReasons())
                .containsExactly(Map.entry(new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab5"), "0001"));
        assertThat(notDispensed.nonDispensingReason()).isEmpty();
        assertThat(owingAndCancelled.itemNonDispensingReasons())
                .containsOnly(Map.entry(new LineItemId(ITEM_3), "0003"), Map.entry(new LineItemId(ITEM_4), "0004"));
        assertThat(mapper.toCommand(ExampleFiles.message("dispense-notification/primary-acute-complete-req.json"))
                .itemNonDispensingReasons()).isEmpty();
    }

    @Test
    void the_prescriptions_reason_for_not_dispensing_is_read_when_every_dispense_gives_the_same() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-not-dispensed-reasons-differ-req.json");
        for (ObjectNode dispense : dispenses(bundle)) {
            for (JsonNode extension : dispense.path("extension")) {
                if (extension.path("url").asString().endsWith("Extension-DM-PrescriptionNonDispensingReason")) {
                    ((ObjectNode) extension.get("valueCoding")).put("code", "0008");
                }
            }
        }

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).nonDispensingReason()).contains("0008");
    }

    @Test
    void a_status_reason_of_another_code_system_is_not_taken_for_a_non_dispensing_reason() {
        ObjectNode bundle = bundle("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json");
        ((ObjectNode) dispenses(bundle).get(0).get("statusReasonCodeableConcept").get("coding").get(0))
                .put("system", "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason");

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).itemNonDispensingReasons()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0012", "0000", "1", "00010", "Owings note issued to patient"})
    void an_items_status_reason_that_is_not_a_non_dispensing_reason_code_is_refused_naming_the_code_and_the_item(
            String code) {
        ObjectNode bundle = bundle("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json");
        ((ObjectNode) dispenses(bundle).get(0).get("statusReasonCodeableConcept").get("coding").get(0)).put("code", code);

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("MedicationDispense.statusReasonCodeableConcept '" + code + "' of the MedicationDispense for "
                        + "item a54219b8-f741-4c47-b662-e4f8dfa49ab5 is not a medicationdispense-status-reason code");
    }

    @Test
    void an_overlong_status_reason_is_refused_and_only_its_start_repeated() {
        ObjectNode bundle = bundle("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json");
        ((ObjectNode) dispenses(bundle).get(0).get("statusReasonCodeableConcept").get("coding").get(0))
                .put("code", "0001" + "x".repeat(199_996));

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("MedicationDispense.statusReasonCodeableConcept '0001" + "x".repeat(36) + "...' (200000 characters)"
                        + " of the MedicationDispense for item a54219b8-f741-4c47-b662-e4f8dfa49ab5 is not a "
                        + "medicationdispense-status-reason code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0012", "9999", "not-a-code"})
    void a_prescriptions_non_dispensing_reason_that_is_not_a_code_of_the_system_is_refused(String code) {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-not-dispensed-reasons-differ-req.json");
        for (ObjectNode dispense : dispenses(bundle)) {
            for (JsonNode extension : dispense.path("extension")) {
                if (extension.path("url").asString().endsWith("Extension-DM-PrescriptionNonDispensingReason")) {
                    ((ObjectNode) extension.get("valueCoding")).put("code", code);
                }
            }
        }

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessageStartingWith("MedicationDispense.extension:prescriptionNonDispensingReason '" + code
                        + "' of the MedicationDispense for item ")
                .hasMessageEndingWith(" is not a medicationdispense-status-reason code");
    }

    @ParameterizedTest
    @EnumSource(NonDispensingReason.class)
    void every_non_dispensing_reason_code_is_read(NonDispensingReason reason) {
        ObjectNode bundle = bundle("dispense-notification/secondary-erd-4items-one-not-dispensed-req.json");
        ((ObjectNode) dispenses(bundle).get(0).get("statusReasonCodeableConcept").get("coding").get(0))
                .put("code", reason.code());

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).itemNonDispensingReasons())
                .containsExactly(Map.entry(new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab5"), reason.code()));
    }

    @Test
    void dispenses_for_different_prescriptions_are_refused() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        ((ObjectNode) containedRequest(dispenses(bundle).get(1)).get("groupIdentifier")).put("value", "A0548B-A99968-451485");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessageStartingWith("Expected all MedicationDispenses to have the same value for");
    }

    @Test
    void dispenses_with_different_prescription_statuses_are_refused() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        ((ObjectNode) dispenses(bundle).get(2).get("extension").get(0).get("valueCoding")).put("code", "0003");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE))
                .hasMessage("Expected all MedicationDispenses to have the same value for MedicationDispense.extension:prescriptionStatus");
    }

    @Test
    void the_last_dispense_of_an_item_gives_its_status() {
        ObjectNode bundle = bundle("dispense-notification/homecare-acute-complete-req.json");
        List<ObjectNode> dispenses = dispenses(bundle);
        ((ObjectNode) dispenses.get(1).get("type").get("coding").get(0)).put("code", "0003");

        DispenseCommand command = mapper.toCommand(MessageBundle.of(bundle));

        assertThat(command.items()).containsEntry(new LineItemId("a54219b8-f741-4c47-b662-e4f8dfa49ab7"), ItemStatus.FULLY_DISPENSED);
    }

    @Test
    void an_unknown_item_status_is_refused() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        ((ObjectNode) dispenses(bundle).get(0).get("type").get("coding").get(0)).put("code", "0009");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void a_dispense_without_its_authorising_prescription_is_refused() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        dispenses(bundle).get(0).remove("authorizingPrescription");

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));

        ObjectNode dangling = bundle("dispense-notification/primary-acute-complete-req.json");
        ((ObjectNode) dispenses(dangling).get(0).get("authorizingPrescription").get(0)).put("reference", "#nowhere");
        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(dangling)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    @Test
    void without_a_performer_organisation_the_sender_is_the_dispenser() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        dispenses(bundle).forEach(dispense -> dispense.remove("performer"));

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).dispenser()).isEqualTo(new OdsCode("VNE51"));

        ObjectNode homecare = bundle("dispense-notification/homecare-dn-amend-req.json");
        dispenses(homecare).forEach(dispense -> dispense.remove("performer"));
        assertThat(mapper.toCommand(MessageBundle.of(homecare)).dispenser()).isEqualTo(new OdsCode("X2601"));
    }

    @Test
    void without_a_performer_no_person_is_named() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        dispenses(bundle).forEach(dispense -> dispense.remove("performer"));

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).person()).isEmpty();
    }

    @Test
    void the_person_may_be_a_practitioner_in_the_bundle() {
        ObjectNode bundle = bundle("dispense-notification/homecare-dn-amend-req.json");
        ObjectNode practitioner = ((ArrayNode) bundle.get("entry")).addObject()
                .put("fullUrl", "urn:uuid:7d9bd6ad-1d64-4e5c-a2a8-a8d3e6f0b2c4");
        practitioner.putObject("resource").put("resourceType", "Practitioner")
                .putArray("identifier").addObject()
                .put("system", "https://fhir.nhs.uk/Id/sds-user-id")
                .put("value", "555086689106");
        dispenses(bundle).forEach(dispense -> ((ObjectNode) dispense.get("contained").get(0)).putObject("practitioner")
                .put("reference", "urn:uuid:7d9bd6ad-1d64-4e5c-a2a8-a8d3e6f0b2c4"));

        assertThat(mapper.toCommand(MessageBundle.of(bundle)).person()).contains("555086689106");
    }

    @Test
    void a_message_without_dispenses_is_refused() {
        ObjectNode bundle = bundle("dispense-notification/primary-acute-complete-req.json");
        ArrayNode entries = (ArrayNode) bundle.get("entry");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).path("resource").path("resourceType").asString().equals("MedicationDispense")) {
                entries.remove(i);
            }
        }

        assertThatThrownBy(() -> mapper.toCommand(MessageBundle.of(bundle)))
                .isInstanceOfSatisfying(EpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MISSING_VALUE));
    }

    private static Map<LineItemId, ItemStatus> items(String... idsAndCodes) {
        Map<LineItemId, ItemStatus> items = new LinkedHashMap<>();
        for (int i = 0; i < idsAndCodes.length; i += 2) {
            items.put(new LineItemId(idsAndCodes[i]), ItemStatus.fromCode(idsAndCodes[i + 1]));
        }
        return items;
    }

    private static ObjectNode bundle(String file) {
        return (ObjectNode) ExampleFiles.json(file);
    }

    private static List<ObjectNode> dispenses(ObjectNode bundle) {
        List<ObjectNode> dispenses = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.path("resource").path("resourceType").asString().equals("MedicationDispense")) {
                dispenses.add((ObjectNode) entry.get("resource"));
            }
        }
        return dispenses;
    }

    private static ObjectNode containedRequest(ObjectNode dispense) {
        for (JsonNode contained : dispense.path("contained")) {
            if (contained.path("resourceType").asString().equals("MedicationRequest")) {
                return (ObjectNode) contained;
            }
        }
        throw new AssertionError("No contained MedicationRequest");
    }
}
