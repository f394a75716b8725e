package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openeps.application.prescription.PrescriptionOrders.newId;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.prescription.PrescriptionRepository.Releasable;
import org.openeps.domain.shared.OdsCode;

/**
 * V14 on a database of prescriptions nominated to one pharmacy: those with an issue to be dispensed are still handed
 * over by the nominated download, the others (released, dispensed) are not.
 */
class NominatedReleaseMigrationTest {

    private static final String ITEM_ID = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";

    @Test
    void prescriptions_stored_before_v14_are_released_by_nomination_as_before() {
        DatabaseSettings settings = TestDatabases.migratedTo("13");
        String waiting = newId().value();
        String withDispenser = newId().value();
        String secondIssueWaiting = newId().value();
        Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()).useHandle(handle -> {
            insert(handle, waiting, "2026-03-10T10:00:00Z", "0001");
            insert(handle, withDispenser, "2026-03-10T11:00:00Z", "0002");
            insert(handle, secondIssueWaiting, "2026-03-10T12:00:00Z", "0006", "0001");
        });

        try (PostgresDatabase database = PostgresDatabase.open(settings)) {
            JdbiPrescriptionRepository repository = new JdbiPrescriptionRepository(database.jdbi());
            List<Releasable> released = new JdbiTransactions(database.jdbi()).inTransaction(
                    () -> repository.lockNominatedReleasable(OdsCode.parse("FA565"), 25));

            assertThat(released).extracting(releasable -> releasable.prescription().id().value())
                    .containsExactly(waiting, secondIssueWaiting);
        }
    }

    private static void insert(Handle handle, String id, String receivedAt, String... issueStatuses) {
        handle.execute("""
                insert into prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods,
                    nhs_number, nominated_ods, nominated_site_type, authored_on, start_date, days_supply,
                    number_of_issues, received_at, original_message, version)
                values (?, gen_random_uuid()::text, '0101', ?, 'A83008', '9449304130', 'FA565',
                    'P1', '2026-03-10T09:00:00Z', '2026-03-10', 28, ?, ?::timestamptz, '{}', 1)
                """, id, issueStatuses.length > 1 ? "0003" : "0001", issueStatuses.length, receivedAt);
        handle.execute("""
                insert into prescription_item (prescription_id, item_id, position, medication_code,
                    medication_display, quantity_value, quantity_unit, dosage_text)
                values (?, ?, 0, '39732311000001104', 'Amoxicillin 250mg capsules', 20, 'capsule', 'daily')
                """, id, ITEM_ID);
        for (int issue = 1; issue <= issueStatuses.length; issue++) {
            handle.execute("insert into prescription_issue (prescription_id, issue_number, status, expires_on, available_from) values (?, ?, ?, '2026-09-10', '2026-03-10')",
                    id, issue, issueStatuses[issue - 1]);
            handle.execute("insert into issue_item_status (prescription_id, issue_number, item_id, status) values (?, ?, ?, ?)",
                    id, issue, ITEM_ID, issueStatuses[issue - 1].equals("0001") ? "0007" : "0001");
        }
    }
}
