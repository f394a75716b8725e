package org.openeps.application.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openeps.application.shared.InMemoryTransactions;
import org.openeps.application.tracking.UpdatePrescriptionStatusUseCase.UpdatePrescriptionStatusCommand;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.EpsException;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.EntryVerdict;
import org.openeps.domain.tracking.PharmacyStatus;
import org.openeps.domain.tracking.StatusUpdateBundle;
import org.openeps.domain.tracking.StatusUpdateEntry;
import org.openeps.domain.tracking.StatusUpdateEntry.Identifier;
import org.openeps.domain.tracking.StatusUpdateRules;

class UpdatePrescriptionStatusServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final PrescriptionId PRESCRIPTION = new PrescriptionId("24F5DA-A83008-7EFE6Z");
    private static final OdsCode PHARMACY = new OdsCode("C9Z1O");
    private static final String ITEM = "6989b7bd-8db6-428c-a593-4022e3044c00";

    private final InMemoryPharmacyStatuses store = new InMemoryPharmacyStatuses();
    private final UpdatePrescriptionStatusService service = new UpdatePrescriptionStatusService(
            new InMemoryTransactions(store), store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static StatusUpdateEntry task(String taskId, String businessStatus, String taskStatus,
                                          String lastModified, Optional<String> repeatNumber) {
        return new StatusUpdateEntry(Optional.of("urn:uuid:" + taskId), Optional.of("Task"), Optional.of(taskId),
                Identifier.of(StatusUpdateRules.PRESCRIPTION_ID_SYSTEM, PRESCRIPTION.value()),
                Identifier.of(StatusUpdateRules.LINE_ITEM_ID_SYSTEM, ITEM),
                Identifier.of(StatusUpdateRules.NHS_NUMBER_SYSTEM, "9449304130"),
                Identifier.of(StatusUpdateRules.ODS_CODE_SYSTEM, PHARMACY.value()),
                Identifier.of(BusinessStatus.SYSTEM, businessStatus), Optional.of(taskStatus),
                Optional.of(lastModified), repeatNumber);
    }

    private static StatusUpdateEntry task(String taskId, String businessStatus, String taskStatus, String lastModified) {
        return task(taskId, businessStatus, taskStatus, lastModified, Optional.empty());
    }

    private static UpdatePrescriptionStatusCommand command(StatusUpdateEntry... entries) {
        return new UpdatePrescriptionStatusCommand(new StatusUpdateBundle(Optional.of("Bundle"),
                Optional.of("transaction"), List.of(entries)));
    }

    @Test
    void a_valid_bundle_is_stored_whole_received_at_the_service_clock() {
        List<EntryVerdict.Accepted> stored = service.update(command(
                task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "With Pharmacy", "in-progress", "2026-03-04T09:00:00Z"),
                task("0ae4daf3-f24b-479d-b8fa-b69e2d873b60", "Ready to collect", "in-progress", "2026-03-04T09:30:00Z",
                        Optional.of("2"))));

        assertThat(stored).extracting(EntryVerdict::fullUrl).containsExactly(
                Optional.of("urn:uuid:4d70678c-81e4-4ff4-8c67-17596fd0aa46"),
                Optional.of("urn:uuid:0ae4daf3-f24b-479d-b8fa-b69e2d873b60"));
        assertThat(store.findFor(PRESCRIPTION)).extracting(PharmacyStatus::receivedAt).containsOnly(NOW);
        assertThat(store.findFrom(PRESCRIPTION, 1, Set.of(PHARMACY), 10)).singleElement()
                .satisfies(update -> assertThat(update.itemId()).isEqualTo(new LineItemId(ITEM)))
                .extracting(PharmacyStatus::businessStatus).isEqualTo(BusinessStatus.WITH_PHARMACY);
        assertThat(store.findFrom(PRESCRIPTION, 2, Set.of(PHARMACY), 10)).singleElement()
                .extracting(PharmacyStatus::businessStatus).isEqualTo(BusinessStatus.READY_TO_COLLECT);
    }

    @Test
    void one_invalid_entry_stores_nothing_and_reports_every_entry() {
        assertThatThrownBy(() -> service.update(command(
                task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "With Pharmacy", "in-progress", "2026-03-04T09:00:00Z"),
                task("0ae4daf3-f24b-479d-b8fa-b69e2d873b60", "Collected", "in-progress", "2026-03-04T09:30:00Z"))))
                .isInstanceOfSatisfying(InvalidStatusUpdateException.class, e -> {
                    assertThat(e.verdicts()).hasSize(2);
                    assertThat(e.verdicts().get(0)).isInstanceOf(EntryVerdict.Accepted.class);
                    assertThat(e.verdicts().get(1)).isInstanceOf(EntryVerdict.Refused.class);
                });
        assertThat(store.findFor(PRESCRIPTION)).isEmpty();
    }

    @Test
    void last_modified_is_measured_against_the_service_clock() {
        service.update(command(task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "With Pharmacy", "in-progress",
                "2026-03-05T10:00:00Z")));

        assertThatThrownBy(() -> service.update(command(task("0ae4daf3-f24b-479d-b8fa-b69e2d873b60",
                "With Pharmacy", "in-progress", "2026-03-05T10:00:01Z"))))
                .isInstanceOfSatisfying(InvalidStatusUpdateException.class, e -> assertThat(e.verdicts())
                        .containsExactly(new EntryVerdict.Refused(
                                Optional.of("urn:uuid:0ae4daf3-f24b-479d-b8fa-b69e2d873b60"),
                                "Invalid last modified value provided.")));
        assertThat(store.findFor(PRESCRIPTION)).hasSize(1);
    }

    @Test
    void a_resent_task_id_stores_nothing_of_its_bundle() {
        service.update(command(task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "With Pharmacy", "in-progress",
                "2026-03-04T09:00:00Z")));

        assertThatThrownBy(() -> service.update(command(
                task("0ae4daf3-f24b-479d-b8fa-b69e2d873b60", "Ready to collect", "in-progress", "2026-03-04T09:30:00Z"),
                task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "Collected", "completed", "2026-03-04T09:40:00Z"))))
                .isInstanceOfSatisfying(DuplicateStatusUpdateException.class,
                        e -> assertThat(e.taskIds()).containsExactly("4d70678c-81e4-4ff4-8c67-17596fd0aa46"));
        assertThat(store.findFor(PRESCRIPTION)).extracting(PharmacyStatus::taskId)
                .containsExactly("4d70678c-81e4-4ff4-8c67-17596fd0aa46");
    }

    @Test
    void a_bundle_without_entries_stores_nothing() {
        assertThat(service.update(command())).isEmpty();
        assertThat(store.findFor(PRESCRIPTION)).isEmpty();
    }

    @Test
    void a_command_of_more_entries_than_allowed_cannot_be_made() {
        StatusUpdateEntry entry = task("4d70678c-81e4-4ff4-8c67-17596fd0aa46", "With Pharmacy", "in-progress",
                "2026-03-04T09:00:00Z");

        assertThatThrownBy(() -> command(java.util.Collections.nCopies(StatusUpdateRules.MAX_ENTRIES + 1, entry)
                .toArray(StatusUpdateEntry[]::new))).isInstanceOf(EpsException.class)
                .hasMessageContaining("at most 500 entries");
    }
}
