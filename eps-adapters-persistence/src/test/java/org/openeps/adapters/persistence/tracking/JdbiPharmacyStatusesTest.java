package org.openeps.adapters.persistence.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.tracking.PharmacyStatusLog;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.application.tracking.PharmacyStatusesContract;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PharmacyStatus;

class JdbiPharmacyStatusesTest extends PharmacyStatusesContract {

    private static PostgresDatabase database;
    private static JdbiPharmacyStatuses store;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        store = new JdbiPharmacyStatuses(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected PharmacyStatusLog log() {
        return store;
    }

    @Override
    protected PharmacyStatuses statuses() {
        return store;
    }

    @Test
    void updates_stored_in_a_transaction_that_fails_afterwards_are_rolled_back_with_it() {
        PrescriptionId id = new PrescriptionId("A0548B-A99968-451485");
        PharmacyStatus status = new PharmacyStatus(UUID.randomUUID().toString(), id,
                new LineItemId(UUID.randomUUID().toString()), 1, new NhsNumber("9449304130"), new OdsCode("FA565"),
                BusinessStatus.WITH_PHARMACY, TaskStatus.IN_PROGRESS, Instant.parse("2026-03-04T09:00:00Z"),
                Instant.parse("2026-03-04T09:00:01Z"));

        assertThatThrownBy(() -> new JdbiTransactions(database.jdbi()).inTransaction(() -> {
            store.record(List.of(status));
            assertThat(store.findFor(id)).containsExactly(status);
            throw new IllegalStateException("a later step of the same unit of work fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.findFor(id)).isEmpty();
    }

    @Test
    void latest_from_reads_the_index_made_for_it() {
        String plan = database.jdbi().withHandle(handle -> {
            handle.execute("analyze pharmacy_status");
            handle.execute("set enable_seqscan = off");
            return String.join("\n", handle.createQuery("""
                    explain select distinct on (item_id) task_id from pharmacy_status
                    where prescription_id = 'X' and issue_number = 1 and pharmacy = 'FA565'
                    order by item_id, last_modified desc, seq desc""").mapTo(String.class).list());
        });

        assertThat(plan).contains("pharmacy_status_by_item");
    }
}
