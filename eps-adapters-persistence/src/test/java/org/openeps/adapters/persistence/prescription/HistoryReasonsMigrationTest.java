package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.domain.prescription.ChangeReasons;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;

/**
 * V11 on a database that already holds history recorded by V10, and rows a bulk loader writes without naming the
 * reason columns: both read back as events that gave no reason, beside events recorded with reasons.
 */
class HistoryReasonsMigrationTest {

    private static final String PRESCRIPTION_ID = "A0548B-A99968-451485";
    private static final String ITEM_ID = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";

    @Test
    void events_recorded_before_v11_or_without_the_reason_columns_read_back_without_reasons() {
        DatabaseSettings settings = TestDatabases.migratedTo("10");
        Jdbi v10 = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        v10.useHandle(handle -> {
            handle.execute("""
                    insert into prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods,
                        nhs_number, nominated_ods, nominated_site_type, authored_on, start_date, days_supply,
                        number_of_issues, received_at, original_message, version)
                    values (?, '20ba5fb5-cb58-462c-923e-22d180b09356', '0101', '0001', 'A83008', '9449304130', 'FA565',
                        'P1', '2026-03-10T09:00:00Z', '2026-03-10', 28, 1, '2026-03-10T10:00:00Z', '{}', 1)
                    """, PRESCRIPTION_ID);
            handle.execute("""
                    insert into prescription_history (prescription_id, issue_number, at, organisation, person, event,
                        status, item_statuses, message_id)
                    values (?, 1, '2026-03-10T11:00:00Z', 'A83008', null, 'cancel', '0005', array[?], 'cancel-1')
                    """, PRESCRIPTION_ID, ITEM_ID + "=0005");
        });

        try (PostgresDatabase database = PostgresDatabase.open(settings)) {
            database.jdbi().useHandle(handle -> handle.execute("""
                    insert into prescription_history (prescription_id, issue_number, at, organisation, event, status,
                        item_statuses, message_id)
                    values (?, 1, '2026-03-10T12:00:00Z', 'FA565', 'dispense-notification', '0007', array[?], 'dn-1')
                    """, PRESCRIPTION_ID, ITEM_ID + "=0002"));
            JdbiPrescriptionHistory history = new JdbiPrescriptionHistory(database.jdbi());
            PrescriptionId id = PrescriptionId.parse(PRESCRIPTION_ID);
            HistoryEvent withReasons = history.findFor(id).get(1)
                    .withReasons(new ChangeReasons(Optional.empty(), Optional.of("0008"), Map.of(),
                            Map.of(history.findFor(id).get(1).itemStatuses().keySet().iterator().next(),
                                    "0002")));
            history.record(new HistoryEvent(id, 1, withReasons.at().plusSeconds(60), withReasons.organisation(),
                    withReasons.person(), "dispense-notification-amend", PrescriptionStatus.NOT_DISPENSED,
                    withReasons.itemStatuses(), Optional.of("dn-2"), withReasons.reasons()));

            List<HistoryEvent> events = history.findFor(id);

            assertThat(events).extracting(HistoryEvent::messageId)
                    .containsExactly(Optional.of("cancel-1"), Optional.of("dn-1"), Optional.of("dn-2"));
            assertThat(events.get(0).reasons()).as("recorded by V10").isEqualTo(ChangeReasons.NONE);
            assertThat(events.get(1).reasons()).as("written without the reason columns").isEqualTo(ChangeReasons.NONE);
            assertThat(events.get(2).reasons()).isEqualTo(withReasons.reasons());
        }
    }
}
