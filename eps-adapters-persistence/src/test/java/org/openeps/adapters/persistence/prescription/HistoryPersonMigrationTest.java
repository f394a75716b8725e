package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.OdsCode;

/** V4 on a database that already holds history recorded by V3: the events read back unchanged, naming no person. */
class HistoryPersonMigrationTest {

    private static final String PRESCRIPTION_ID = "A0548B-A99968-451485";
    private static final String ITEM_ID = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";

    @Test
    void events_recorded_before_v4_read_back_without_a_person() {
        DatabaseSettings settings = TestDatabases.migratedTo("3");
        Jdbi v3 = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        v3.useHandle(handle -> {
            handle.execute("""
                    insert into prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods,
                        nhs_number, nominated_ods, nominated_site_type, authored_on, start_date, days_supply,
                        number_of_issues, received_at, original_message, version)
                    values (?, '20ba5fb5-cb58-462c-923e-22d180b09356', '0101', '0001', 'A83008', '9449304130', 'FA565',
                        'P1', '2026-03-10T09:00:00Z', '2026-03-10', 28, 1, '2026-03-10T10:00:00Z', '{}', 1)
                    """, PRESCRIPTION_ID);
            handle.execute("""
                    insert into prescription_history (prescription_id, issue_number, at, organisation, event, status,
                        item_statuses, message_id)
                    values (?, 1, '2026-03-10T11:00:00Z', 'FA565', 'release', '0002', array[?], 'message-1')
                    """, PRESCRIPTION_ID, ITEM_ID + "=0008");
        });

        try (PostgresDatabase database = PostgresDatabase.open(settings)) {
            assertThat(new JdbiPrescriptionHistory(database.jdbi()).findFor(PrescriptionId.parse(PRESCRIPTION_ID)))
                    .singleElement()
                    .satisfies(event -> assertThat(event.person()).isEmpty())
                    .satisfies(event -> assertThat(event.organisation()).contains(OdsCode.parse("FA565")))
                    .satisfies(event -> assertThat(event.status()).isEqualTo(PrescriptionStatus.WITH_DISPENSER))
                    .extracting(HistoryEvent::messageId).isEqualTo(Optional.of("message-1"));
        }
    }
}
