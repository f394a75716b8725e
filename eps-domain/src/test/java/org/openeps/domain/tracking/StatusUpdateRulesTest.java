package org.openeps.domain.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;

class StatusUpdateRulesTest {

    private static final Instant NOW = Instant.parse("2023-09-11T12:00:00Z");

    private static EntryVerdict check(Entries entry) {
        return StatusUpdateRules.check(entry.build(), NOW);
    }

    private static String refusal(Entries entry) {
        EntryVerdict verdict = check(entry);
        assertThat(verdict).isInstanceOf(EntryVerdict.Refused.class);
        assertThat(verdict.fullUrl()).isEqualTo(entry.build().fullUrl());
        return ((EntryVerdict.Refused) verdict).diagnostics();
    }

    private static PharmacyStatus accepted(Entries entry) {
        EntryVerdict verdict = check(entry);
        assertThat(verdict).as(verdict.toString()).isInstanceOf(EntryVerdict.Accepted.class);
        return ((EntryVerdict.Accepted) verdict).status();
    }

    @Test
    void the_published_ready_to_collect_task_is_an_update_of_issue_one_received_now() {
        PharmacyStatus status = accepted(Entries.readyToCollect());

        assertThat(status).isEqualTo(new PharmacyStatus(Entries.TASK_ID, new PrescriptionId("24F5DA-A83008-7EFE6Z"),
                new LineItemId(Entries.ITEM_ID), 1, new NhsNumber("9449304130"), new OdsCode("C9Z1O"),
                BusinessStatus.READY_TO_COLLECT, TaskStatus.IN_PROGRESS, Instant.parse("2023-09-11T10:11:12Z"), NOW));
    }

    @Nested
    class Required_fields {

        @Test
        void every_missing_field_is_named_in_the_apis_words_and_nothing_else_is_checked() {
            Entries entry = Entries.readyToCollect().withFullUrl(null).withLastModified(null).withItemId(null)
                    .withNhsNumber(null).withOds(null).withPrescriptionId(null).withStatus(null, null).withTaskId(null)
                    .withResourceType("Patient");

            assertThat(refusal(entry)).isEqualTo("Missing required field(s) - FullUrl, LastModified, LineItemID, "
                    + "PatientNHSNumber, PharmacyODSCode, PrescriptionID, Status, TaskID, TerminalStatus.");
        }

        @ParameterizedTest
        @CsvSource({"FullUrl", "LastModified", "LineItemID", "PatientNHSNumber", "PharmacyODSCode", "PrescriptionID",
                "Status", "TaskID", "TerminalStatus"})
        void one_missing_field_is_named_alone(String field) {
            Entries entry = Entries.readyToCollect();
            switch (field) {
                case "FullUrl" -> entry.withFullUrl(null);
                case "LastModified" -> entry.withLastModified(null);
                case "LineItemID" -> entry.withItemId(null);
                case "PatientNHSNumber" -> entry.withNhsNumber(null);
                case "PharmacyODSCode" -> entry.withOds(null);
                case "PrescriptionID" -> entry.withPrescriptionId(null);
                case "Status" -> entry.withBusinessStatus(BusinessStatus.SYSTEM, null);
                case "TaskID" -> entry.withTaskId(null);
                case "TerminalStatus" -> entry.withTaskStatus(null);
                default -> throw new IllegalArgumentException(field);
            }

            assertThat(refusal(entry)).isEqualTo("Missing required field(s) - " + field + ".");
        }

        @Test
        void a_blank_value_counts_as_missing() {
            assertThat(refusal(Entries.readyToCollect().withTaskId(" ").withFullUrl("urn:uuid: ")))
                    .isEqualTo("Missing required field(s) - TaskID.");
        }
    }

    @Nested
    class Content {

        @Test
        void the_full_url_must_be_urn_uuid_and_the_task_id() {
            assertThat(refusal(Entries.readyToCollect().withFullUrl("urn:uuid:0ae4daf3-f24b-479d-b8fa-b69e2d873b60")))
                    .isEqualTo("Invalid entry fullUrl or task id.");
            assertThat(refusal(Entries.readyToCollect().withFullUrl(Entries.TASK_ID)))
                    .isEqualTo("Invalid entry fullUrl or task id.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"task-1", "123", "{\"id\":1}", "4d70678c81e44ff48c6717596fd0aa46",
                "4d70678c-81e4-4ff4-8c67-17596fd0aa4g", "{4d70678c-81e4-4ff4-8c67-17596fd0aa46}"})
        void the_task_id_must_be_a_uuid(String taskId) {
            assertThat(refusal(Entries.readyToCollect().withTask(taskId))).isEqualTo("Task ID is invalid: it must be a UUID.");
        }

        @Test
        void a_task_id_holding_a_nul_character_is_refused() {
            String taskId = Entries.TASK_ID + (char) 0;

            assertThat(refusal(Entries.readyToCollect().withTask(taskId))).isEqualTo("Task ID is invalid: it must be a UUID.");
        }

        @Test
        void a_task_id_of_thousands_of_characters_is_refused_before_it_reaches_any_index() {
            String taskId = Entries.TASK_ID + "-" + "a".repeat(3_000);

            assertThat(refusal(Entries.readyToCollect().withTask(taskId))).isEqualTo("Task ID is invalid: it must be a UUID.");
        }

        @Test
        void the_task_id_is_compared_with_the_full_url_ignoring_case_and_stored_in_lower_case() {
            String upper = Entries.TASK_ID.toUpperCase();

            assertThat(accepted(Entries.readyToCollect().withTask(upper)).taskId()).isEqualTo(Entries.TASK_ID);
            assertThat(accepted(Entries.readyToCollect().withTaskId(upper)).taskId()).isEqualTo(Entries.TASK_ID);
            assertThat(accepted(Entries.readyToCollect().withFullUrl("URN:UUID:" + upper)).taskId())
                    .isEqualTo(Entries.TASK_ID);
        }

        @Test
        void a_task_id_that_is_not_a_uuid_nor_the_full_urls_is_reported_both_ways() {
            assertThat(refusal(Entries.readyToCollect().withTaskId("task-1")))
                    .isEqualTo("Invalid entry fullUrl or task id. Task ID is invalid: it must be a UUID.");
        }

        @Test
        void an_unknown_business_status_is_reported_as_invalid_and_unsupported() {
            assertThat(refusal(Entries.readyToCollect().withStatus("Lost in the post", "in-progress")))
                    .isEqualTo("Invalid business status. Unsupported Task.businessStatus 'Lost in the post'.");
        }

        @ParameterizedTest
        @EnumSource(BusinessStatus.class)
        void every_business_status_is_accepted_with_a_task_status_it_allows_and_in_any_case(BusinessStatus status) {
            TaskStatus allowed = status.allows(TaskStatus.COMPLETED) ? TaskStatus.COMPLETED : TaskStatus.IN_PROGRESS;

            assertThat(accepted(Entries.readyToCollect().withStatus(status.code(), allowed.code())).businessStatus())
                    .isEqualTo(status);
            assertThat(accepted(Entries.readyToCollect().withStatus(status.code().toUpperCase(), allowed.code()))
                    .businessStatus()).isEqualTo(status);
        }

        @ParameterizedTest
        @CsvSource({"Collected", "Dispatched", "Not Dispensed"})
        void a_finished_business_status_must_be_completed(String code) {
            assertThat(accepted(Entries.readyToCollect().withStatus(code, "completed")).terminal()).isTrue();
            assertThat(refusal(Entries.readyToCollect().withStatus(code, "in-progress")))
                    .isEqualTo("Task.status field set to 'in-progress' but Task.businessStatus value of '" + code
                            + "' has no possible follow up action.");
        }

        @ParameterizedTest
        @CsvSource({"With Pharmacy", "With Pharmacy - Preparing Remainder", "Ready to Collect - Partial",
                "Ready to Dispatch - Partial"})
        void with_pharmacy_and_partly_ready_must_be_in_progress(String code) {
            assertThat(accepted(Entries.readyToCollect().withStatus(code, "in-progress")).terminal()).isFalse();
            assertThat(refusal(Entries.readyToCollect().withStatus(code, "completed")))
                    .isEqualTo("Task.status field set to 'completed' but Task.businessStatus value of '" + code
                            + "' requires follow up action.");
        }

        @ParameterizedTest
        @CsvSource({"Ready to Collect", "Ready to Dispatch"})
        void a_wholly_ready_business_status_may_be_in_progress_or_completed(String code) {
            assertThat(accepted(Entries.readyToCollect().withStatus(code, "in-progress")).taskStatus())
                    .isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(accepted(Entries.readyToCollect().withStatus(code, "completed")).taskStatus())
                    .isEqualTo(TaskStatus.COMPLETED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"cancelled", "requested", "Completed", "in progress"})
        void task_status_is_only_in_progress_or_completed(String taskStatus) {
            assertThat(refusal(Entries.readyToCollect().withTaskStatus(taskStatus)))
                    .isEqualTo("Unsupported Task.status '" + taskStatus + "'.");
        }

        @ParameterizedTest
        @CsvSource({"2023-09-12T12:00:00Z", "2023-09-12T13:00:00+01:00", "2023-09-11T12:00:00Z", "2020-01-01T00:00:00Z",
                "2023-09-12T11:59:59.999Z"})
        void last_modified_may_be_up_to_24_hours_ahead_of_the_time_received(String lastModified) {
            assertThat(accepted(Entries.readyToCollect().withLastModified(lastModified)).lastModified())
                    .isEqualTo(Instant.parse(lastModified.replace("13:00:00+01:00", "12:00:00Z")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-09-12T12:00:00.001Z", "2023-09-12T12:00:01Z", "2024-01-01T00:00:00Z"})
        void last_modified_more_than_24_hours_ahead_is_refused(String lastModified) {
            assertThat(refusal(Entries.readyToCollect().withLastModified(lastModified)))
                    .isEqualTo("Invalid last modified value provided.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-5000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "1999-12-31T23:59:59.999Z", "2000-01-01T00:30:00+01:00"})
        void last_modified_before_2000_is_refused(String lastModified) {
            assertThat(refusal(Entries.readyToCollect().withLastModified(lastModified)))
                    .isEqualTo("Invalid last modified value provided: it must not be before 2000-01-01.");
        }

        @Test
        void last_modified_may_be_the_first_instant_of_2000() {
            assertThat(accepted(Entries.readyToCollect().withLastModified("2000-01-01T00:00:00Z")).lastModified())
                    .isEqualTo(StatusUpdateRules.EARLIEST_LAST_MODIFIED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2023-09-11", "2023-09-11T10:11:12", "11/09/2023 10:11", "2023-13-01T00:00:00Z"})
        void last_modified_must_be_a_date_time_with_its_zone(String lastModified) {
            assertThat(refusal(Entries.readyToCollect().withLastModified(lastModified)))
                    .isEqualTo("Date format provided for lastModified is invalid.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"9449304131", "944930413", "94493041300", "NHS9449304", "1234567890"})
        void the_nhs_number_must_have_a_valid_check_digit(String nhsNumber) {
            assertThat(refusal(Entries.readyToCollect().withNhsNumber(nhsNumber))).isEqualTo("NHS number is invalid.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"24F5DA-A83008-7EFE6A", "24F5DA-A83008-7EFE6", "not-a-prescription", "24F5DAA830087EFE6Z"})
        void the_prescription_id_must_have_a_valid_check_character(String prescriptionId) {
            assertThat(refusal(Entries.readyToCollect().withPrescriptionId(prescriptionId)))
                    .isEqualTo("Prescription ID is invalid.");
        }

        @Test
        void the_prescription_id_is_accepted_in_lower_case_and_stored_in_upper_case() {
            assertThat(accepted(Entries.readyToCollect().withPrescriptionId("24f5da-a83008-7efe6z")).prescriptionId())
                    .isEqualTo(new PrescriptionId("24F5DA-A83008-7EFE6Z"));
        }

        @Test
        void the_resource_must_be_a_task() {
            assertThat(refusal(Entries.readyToCollect().withResourceType("MedicationDispense")))
                    .isEqualTo("Resource's resourceType is not 'Task'.");
            assertThat(refusal(Entries.readyToCollect().withResourceType(null)))
                    .isEqualTo("Resource's resourceType is not 'Task'.");
        }

        @Test
        void every_identifier_must_carry_its_code_system() {
            Entries entry = Entries.readyToCollect()
                    .withItem("https://fhir.nhs.uk/Id/prescription-item", Entries.ITEM_ID)
                    .withPatient(null, Entries.NHS_NUMBER)
                    .withPharmacy("https://fhir.nhs.uk/Id/ods-code", Entries.PHARMACY)
                    .withPrescription("https://fhir.nhs.uk/Id/prescription", Entries.PRESCRIPTION_ID)
                    .withBusinessStatus("https://fhir.nhs.uk/CodeSystem/task-businessStatus", "Ready to collect");

            assertThat(refusal(entry)).isEqualTo("Invalid CodeSystem(s) - LineItemID, PatientNHSNumber, "
                    + "PharmacyODSCode, PrescriptionID, Status.");
        }

        @ParameterizedTest
        @CsvSource({"LineItemID, https://fhir.nhs.uk/Id/prescription-order-number",
                "PatientNHSNumber, https://fhir.nhs.uk/Id/nhs-number-x",
                "PharmacyODSCode, https://fhir.nhs.uk/Id/ods-organisation-code",
                "PrescriptionID, https://fhir.nhs.uk/Id/prescription-order-item-number",
                "Status, https://fhir.nhs.uk/CodeSystem/task-businessStatus"})
        void one_wrong_code_system_is_named_alone(String field, String system) {
            Entries entry = Entries.readyToCollect();
            switch (field) {
                case "LineItemID" -> entry.withItem(system, Entries.ITEM_ID);
                case "PatientNHSNumber" -> entry.withPatient(system, Entries.NHS_NUMBER);
                case "PharmacyODSCode" -> entry.withPharmacy(system, Entries.PHARMACY);
                case "PrescriptionID" -> entry.withPrescription(system, Entries.PRESCRIPTION_ID);
                case "Status" -> entry.withBusinessStatus(system, "Ready to collect");
                default -> throw new IllegalArgumentException(field);
            }

            assertThat(refusal(entry)).isEqualTo("Invalid CodeSystem(s) - " + field + ".");
        }

        @Test
        void the_line_item_id_must_be_a_uuid() {
            assertThat(refusal(Entries.readyToCollect().withItemId("item-1"))).isEqualTo("Line item ID is invalid.");
            assertThat(accepted(Entries.readyToCollect().withItemId(Entries.ITEM_ID.toUpperCase())).itemId())
                    .isEqualTo(new LineItemId(Entries.ITEM_ID));
        }

        @Test
        void the_pharmacy_must_be_an_ods_code() {
            assertThat(refusal(Entries.readyToCollect().withOds("NOT AN ODS CODE")))
                    .isEqualTo("Received invalid ODS codes: [\"NOT AN ODS CODE\"]");
            assertThat(accepted(Entries.readyToCollect().withOds("c9z1o")).pharmacy()).isEqualTo(new OdsCode("C9Z1O"));
        }

        @ParameterizedTest
        @CsvSource({"1, 1", "2, 2", "7, 7", "99, 99"})
        void the_repeat_number_is_the_issue_the_update_is_about(String repeat, int issue) {
            assertThat(accepted(Entries.readyToCollect().withRepeatNumber(repeat)).issueNumber()).isEqualTo(issue);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "2.5", "two", "\"2\"", "99999999999", "{}"})
        void a_repeat_number_that_is_not_a_whole_number_from_one_is_refused(String repeat) {
            assertThat(refusal(Entries.readyToCollect().withRepeatNumber(repeat)))
                    .isEqualTo("Invalid Repeat Number: it must be a whole number from 1.");
        }

        @Test
        void every_problem_of_an_entry_is_reported_in_the_apis_order() {
            Entries entry = Entries.readyToCollect().withFullUrl("urn:uuid:other").withStatus("Gone", "completed")
                    .withLastModified("2030-01-01T00:00:00Z").withNhsNumber("9449304131")
                    .withPrescriptionId("24F5DA-A83008-7EFE6A").withResourceType("Bundle")
                    .withPharmacy("https://example.org/ods", "C9Z1O");

            assertThat(refusal(entry)).isEqualTo("Invalid entry fullUrl or task id. Invalid business status. "
                    + "Invalid last modified value provided. NHS number is invalid. Prescription ID is invalid. "
                    + "Resource's resourceType is not 'Task'. Unsupported Task.businessStatus 'Gone'. "
                    + "Invalid CodeSystem(s) - PharmacyODSCode.");
        }
    }

    @Nested
    class Bundles {

        private StatusUpdateBundle transaction(List<StatusUpdateEntry> entries) {
            return new StatusUpdateBundle(Optional.of("Bundle"), Optional.of("transaction"), entries);
        }

        @ParameterizedTest
        @CsvSource(value = {"Bundle, batch", "Bundle, NULL", "Parameters, transaction", "NULL, transaction"},
                nullValues = "NULL")
        void only_a_transaction_bundle_is_accepted(String resourceType, String type) {
            StatusUpdateCheck check = StatusUpdateRules.check(new StatusUpdateBundle(Optional.ofNullable(resourceType),
                    Optional.ofNullable(type), List.of(Entries.readyToCollect().build())), NOW);

            assertThat(check).isEqualTo(new StatusUpdateCheck.Invalid(List.of(new EntryVerdict.Refused(
                    Optional.empty(), "Request body does not have resourceType of 'Bundle' and type of 'transaction'."))));
        }

        @Test
        void a_bundle_whose_entries_are_all_valid_gives_their_updates_in_order() {
            String second = "0ae4daf3-f24b-479d-b8fa-b69e2d873b60";
            StatusUpdateCheck check = StatusUpdateRules.check(transaction(List.of(Entries.readyToCollect().build(),
                    Entries.readyToCollect().withTask(second).withStatus("Collected", "completed").build())), NOW);

            assertThat(check).isInstanceOfSatisfying(StatusUpdateCheck.Valid.class, valid -> {
                assertThat(valid.entries()).extracting(EntryVerdict::fullUrl).containsExactly(
                        Optional.of("urn:uuid:" + Entries.TASK_ID), Optional.of("urn:uuid:" + second));
                assertThat(valid.entries()).extracting(accepted -> accepted.status().businessStatus())
                        .containsExactly(BusinessStatus.READY_TO_COLLECT, BusinessStatus.COLLECTED);
            });
        }

        @Test
        void one_invalid_entry_makes_the_bundle_invalid_with_a_verdict_for_every_entry() {
            String second = "0ae4daf3-f24b-479d-b8fa-b69e2d873b60";
            StatusUpdateCheck check = StatusUpdateRules.check(transaction(List.of(Entries.readyToCollect().build(),
                    Entries.readyToCollect().withTask(second).withPrescriptionId("24F5DA-A83008-7EFE6A").build())), NOW);

            assertThat(check).isInstanceOfSatisfying(StatusUpdateCheck.Invalid.class, invalid -> {
                assertThat(invalid.entries()).hasSize(2);
                assertThat(invalid.entries().get(0)).isInstanceOf(EntryVerdict.Accepted.class);
                assertThat(invalid.entries().get(1)).isEqualTo(new EntryVerdict.Refused(
                        Optional.of("urn:uuid:" + second), "Prescription ID is invalid."));
            });
        }

        @Test
        void a_bundle_without_entries_is_valid_and_stores_nothing() {
            assertThat(StatusUpdateRules.check(transaction(List.of()), NOW))
                    .isEqualTo(new StatusUpdateCheck.Valid(List.of()));
        }

        @Test
        void a_bundle_of_the_most_entries_allowed_is_checked_and_one_more_is_refused_whole() {
            StatusUpdateEntry entry = Entries.readyToCollect().build();

            assertThat(StatusUpdateRules.check(transaction(Collections.nCopies(StatusUpdateRules.MAX_ENTRIES, entry)),
                    NOW)).isInstanceOf(StatusUpdateCheck.Valid.class);
            assertThat(StatusUpdateRules.check(transaction(Collections.nCopies(StatusUpdateRules.MAX_ENTRIES + 1,
                    entry)), NOW)).isEqualTo(new StatusUpdateCheck.Invalid(List.of(new EntryVerdict.Refused(
                    Optional.empty(), "A status update bundle may hold at most 500 entries; this one holds 501. "
                            + "Send them in several bundles."))));
        }
    }
}
