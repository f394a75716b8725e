package org.openeps.adapters.http.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.http.ExampleFiles;
import org.openeps.adapters.http.FhirJson;
import org.openeps.adapters.http.HttpError;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.PharmacyStatus;
import org.openeps.domain.tracking.StatusUpdateBundle;
import org.openeps.domain.tracking.StatusUpdateCheck;
import org.openeps.domain.tracking.StatusUpdateEntry;
import org.openeps.domain.tracking.StatusUpdateEntry.Identifier;
import org.openeps.domain.tracking.StatusUpdateRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class StatusUpdateMapperTest {

    private static final FhirJson JSON = new FhirJson();
    private final StatusUpdateMapper mapper = new StatusUpdateMapper();

    @Test
    void the_published_erd_example_is_read_field_by_field() {
        StatusUpdateBundle bundle = mapper.toBundle(ExampleFiles.json("status-update/erd-dispatched-req.json"));

        assertThat(bundle.resourceType()).contains("Bundle");
        assertThat(bundle.type()).contains("transaction");
        assertThat(bundle.entries()).containsExactly(new StatusUpdateEntry(
                Optional.of("urn:uuid:4d70678c-81e4-4ff4-8c67-17596fd0aa46"), Optional.of("Task"),
                Optional.of("4d70678c-81e4-4ff4-8c67-17596fd0aa46"),
                Identifier.of(StatusUpdateRules.PRESCRIPTION_ID_SYSTEM, "07A66F-A83008-1EEEA0"),
                Identifier.of(StatusUpdateRules.LINE_ITEM_ID_SYSTEM, "6989b7bd-8db6-428c-a593-4022e3044c00"),
                Identifier.of(StatusUpdateRules.NHS_NUMBER_SYSTEM, "9449304130"),
                Identifier.of(StatusUpdateRules.ODS_CODE_SYSTEM, "C9Z1O"),
                Identifier.of(BusinessStatus.SYSTEM, "Dispatched"), Optional.of("completed"),
                Optional.of("2024-01-30T12:01:24Z"), Optional.of("2")));
    }

    @Test
    void every_published_request_is_a_valid_bundle() {
        Instant now = Instant.parse("2024-07-22T12:00:00Z");
        for (String example : ExampleFiles.requests("status-update")) {
            StatusUpdateCheck check = StatusUpdateRules.check(mapper.toBundle(ExampleFiles.json(example)), now);

            assertThat(check).as(example).isInstanceOf(StatusUpdateCheck.Valid.class);
        }
        StatusUpdateCheck multiple = StatusUpdateRules.check(
                mapper.toBundle(ExampleFiles.json("status-update/multiple-items-req.json")), now);
        assertThat(((StatusUpdateCheck.Valid) multiple).entries()).extracting(accepted -> accepted.status().businessStatus())
                .containsExactly(BusinessStatus.DISPATCHED, BusinessStatus.READY_TO_COLLECT);
    }

    @Test
    void values_of_the_wrong_json_type_are_read_as_their_text_for_the_rules_to_refuse() {
        ObjectNode body = (ObjectNode) ExampleFiles.json("status-update/erd-dispatched-req.json");
        ObjectNode task = (ObjectNode) body.path("entry").path(0).path("resource");
        task.put("status", 1);
        ((ObjectNode) task.path("for").path("identifier")).put("value", 9449304130L);
        ((ObjectNode) task.path("input").path(0)).put("valueInteger", "2");
        task.put("lastModified", "");

        StatusUpdateEntry entry = mapper.toBundle(body).entries().getFirst();

        assertThat(entry.taskStatus()).contains("1");
        assertThat(entry.patient().value()).contains("9449304130");
        assertThat(entry.repeatNumber()).contains("\"2\"");
        assertThat(entry.lastModified()).isEmpty();
    }

    @Test
    void an_entry_without_a_resource_is_read_as_one_missing_everything() {
        JsonNode body = JSON.parse("""
                {"resourceType": "Bundle", "type": "transaction", "entry": [{"fullUrl": "urn:uuid:x"}, "text"]}
                """.getBytes());

        StatusUpdateCheck check = StatusUpdateRules.check(mapper.toBundle(body), Instant.EPOCH);

        assertThat(check).isEqualTo(new StatusUpdateCheck.Invalid(List.of(
                new EntryVerdict.Refused(Optional.of("urn:uuid:x"), "Missing required field(s) - LastModified, "
                        + "LineItemID, PatientNHSNumber, PharmacyODSCode, PrescriptionID, Status, TaskID, TerminalStatus."),
                new EntryVerdict.Refused(Optional.empty(), "Missing required field(s) - FullUrl, LastModified, "
                        + "LineItemID, PatientNHSNumber, PharmacyODSCode, PrescriptionID, Status, TaskID, TerminalStatus."))));
    }

    @Test
    void an_entry_that_is_not_an_array_is_refused() {
        JsonNode body = JSON.parse("{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": {}}".getBytes());

        assertThatThrownBy(() -> mapper.toBundle(body)).isInstanceOf(EpsException.class)
                .hasMessage("Bundle.entry must be an array");
    }

    @Test
    void more_entries_than_allowed_are_refused_413_before_any_is_read() {
        ObjectNode body = (ObjectNode) JSON.parse("{\"resourceType\": \"Bundle\", \"type\": \"transaction\"}".getBytes());
        ArrayNode entries = body.putArray("entry");
        for (int i = 0; i <= StatusUpdateRules.MAX_ENTRIES; i++) {
            entries.addObject();
        }

        assertThatThrownBy(() -> mapper.toBundle(body)).isInstanceOfSatisfying(HttpError.class,
                e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void the_success_answer_is_the_published_one() {
        PharmacyStatus status = new PharmacyStatus("4d70678c-81e4-4ff4-8c67-17596fd0aa46",
                new PrescriptionId("24F5DA-A83008-7EFE6Z"), new LineItemId("6989b7bd-8db6-428c-a593-4022e3044c00"), 1,
                new NhsNumber("9449304130"), new OdsCode("C9Z1O"), BusinessStatus.READY_TO_COLLECT,
                TaskStatus.IN_PROGRESS, Instant.parse("2023-09-11T10:11:12Z"), Instant.parse("2023-09-11T10:11:12Z"));

        ObjectNode created = mapper.created(List.of(new EntryVerdict.Accepted(
                Optional.of("urn:uuid:4d70678c-81e4-4ff4-8c67-17596fd0aa46"), status)), Instant.parse("2023-09-11T10:11:12Z"));

        assertThat(created).isEqualTo(ExampleFiles.json("status-update/single-item-res.json"));
    }

    @Test
    void the_refusal_of_an_entry_is_the_published_one() {
        ObjectNode invalid = mapper.invalid(List.of(new EntryVerdict.Refused(
                Optional.of("urn:uuid:3b2d36a9-3cff-45e4-93a7-d1f70f911496"), "Prescription ID is invalid.")),
                Instant.parse("2024-07-22T23:59:07.673Z"));

        assertThat(invalid).isEqualTo(ExampleFiles.json("status-update/error-invalid-prescriptionid-res.json"));
    }

    @Test
    void valid_entries_of_a_refused_bundle_are_answered_not_committed() {
        PharmacyStatus status = new PharmacyStatus("t", new PrescriptionId("24F5DA-A83008-7EFE6Z"),
                new LineItemId("6989b7bd-8db6-428c-a593-4022e3044c00"), 1, new NhsNumber("9449304130"),
                new OdsCode("C9Z1O"), BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, Instant.EPOCH, Instant.EPOCH);

        JsonNode entry = mapper.invalid(List.of(new EntryVerdict.Accepted(Optional.of("urn:uuid:t"), status)),
                Instant.EPOCH).path("entry").path(0);

        assertThat(entry.path("fullUrl").asString()).isEqualTo("urn:uuid:t");
        assertThat(entry.path("response").path("status").asString()).isEqualTo("200 OK");
        assertThat(entry.path("response").path("outcome").path("issue").path(0).path("diagnostics").asString())
                .isEqualTo("Data not committed due to issues in other entries.");
    }

    @Test
    void a_duplicate_names_the_task_as_conflicting_and_the_others_as_not_committed() {
        StatusUpdateBundle bundle = mapper.toBundle(ExampleFiles.json("status-update/multiple-items-req.json"));

        JsonNode entries = mapper.duplicate(bundle, Set.of("0ae4daf3-f24b-479d-b8fa-b69e2d873b60"),
                Instant.parse("2024-01-01T00:00:00Z")).path("entry");

        assertThat(entries.path(0).path("response").path("status").asString()).isEqualTo("200 OK");
        JsonNode conflict = entries.path(1);
        assertThat(conflict.path("fullUrl").asString()).isEqualTo("urn:uuid:0ae4daf3-f24b-479d-b8fa-b69e2d873b60");
        assertThat(conflict.path("response").path("status").asString()).isEqualTo("409 Conflict");
        assertThat(conflict.path("response").path("location").asString())
                .isEqualTo("Task/0ae4daf3-f24b-479d-b8fa-b69e2d873b60");
        JsonNode issue = conflict.path("response").path("outcome").path("issue").path(0);
        assertThat(issue.path("code").asString()).isEqualTo("duplicate");
        assertThat(issue.path("details").path("coding").path(0).path("code").asString()).isEqualTo("REC_CONFLICT");
    }

    @Test
    void a_task_id_resent_in_upper_case_is_the_duplicate_of_the_one_stored_in_lower_case() {
        ObjectNode body = (ObjectNode) ExampleFiles.json("status-update/multiple-items-req.json");
        ObjectNode second = (ObjectNode) body.path("entry").path(1);
        second.put("fullUrl", "urn:uuid:0AE4DAF3-F24B-479D-B8FA-B69E2D873B60");
        ((ObjectNode) second.path("resource")).put("id", "0AE4DAF3-F24B-479D-B8FA-B69E2D873B60");
        StatusUpdateBundle bundle = mapper.toBundle(body);

        JsonNode conflict = mapper.duplicate(bundle, Set.of("0ae4daf3-f24b-479d-b8fa-b69e2d873b60"),
                Instant.parse("2024-01-01T00:00:00Z")).path("entry").path(1);

        assertThat(conflict.path("fullUrl").asString()).isEqualTo("urn:uuid:0AE4DAF3-F24B-479D-B8FA-B69E2D873B60");
        assertThat(conflict.path("response").path("status").asString()).isEqualTo("409 Conflict");
        assertThat(conflict.path("response").path("location").asString())
                .isEqualTo("Task/0ae4daf3-f24b-479d-b8fa-b69e2d873b60");
    }

    @Test
    void a_task_id_that_is_a_number_or_an_object_is_refused_not_stored_as_json_text() {
        for (String id : List.of("12345", "{\"value\": \"4d70678c-81e4-4ff4-8c67-17596fd0aa46\"}")) {
            ObjectNode body = (ObjectNode) ExampleFiles.json("status-update/erd-dispatched-req.json");
            ObjectNode entry = (ObjectNode) body.path("entry").path(0);
            JsonNode idNode = JSON.parse(("{\"id\": " + id + "}").getBytes()).get("id");
            ((ObjectNode) entry.path("resource")).set("id", idNode);
            entry.put("fullUrl", "urn:uuid:" + idNode);

            StatusUpdateCheck check = StatusUpdateRules.check(mapper.toBundle(body), Instant.parse("2024-01-30T12:00:00Z"));

            assertThat(check).as(id).isEqualTo(new StatusUpdateCheck.Invalid(List.of(new EntryVerdict.Refused(
                    Optional.of("urn:uuid:" + idNode), "Task ID is invalid: it must be a UUID."))));
        }
    }
}
