package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.domain.prescription.Issue;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;

/** V2 on a database that already holds prescriptions stored by V1: the derived dates are filled in as the domain computes them. */
class LifecycleMigrationTest {

    private static final String PRESCRIPTION_ID = "A0548B-A99968-451485";
    private static final String ITEM_ID = "a54219b8-f741-4c47-b662-e4f8dfa49ab6";

    @Test
    void prescriptions_stored_before_v2_get_the_dates_the_domain_gives_and_read_back_unchanged() {
        DatabaseSettings settings = TestDatabases.migratedTo("1");
        Jdbi v1 = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        v1.useHandle(handle -> {
            // an eRD prescription of three issues signed at 00:30 on 31 August 2026 in London (23:30 UTC on the 30th),
            // so that six months on is a shorter month and the London date differs from the UTC one
            handle.execute("""
                    insert into prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods,
                        nhs_number, nominated_ods, nominated_site_type, authored_on, start_date, days_supply,
                        number_of_issues, received_at, original_message, version)
                    values (?, '20ba5fb5-cb58-462c-923e-22d180b09356', '0101', '0003', 'A83008', '9449304130', 'FA565',
                        'P1', '2026-08-30T23:30:00Z', '2026-09-02', 28, 3, '2026-08-31T08:00:00Z', '{}', 1)
                    """, PRESCRIPTION_ID);
            handle.execute("""
                    insert into prescription_item (prescription_id, item_id, position, medication_code,
                        medication_display, quantity_value, quantity_unit, dosage_text)
                    values (?, ?, 0, '39732311000001104', 'Amoxicillin 250mg capsules', 20, 'capsule', 'daily')
                    """, PRESCRIPTION_ID, ITEM_ID);
            for (int issue = 1; issue <= 3; issue++) {
                handle.execute("insert into prescription_issue (prescription_id, issue_number, status) values (?, ?, ?)",
                        PRESCRIPTION_ID, issue, issue == 1 ? "0001" : "9000");
                handle.execute("insert into issue_item_status (prescription_id, issue_number, item_id, status) values (?, ?, ?, '0007')",
                        PRESCRIPTION_ID, issue, ITEM_ID);
            }
        });

        try (PostgresDatabase database = PostgresDatabase.open(settings)) {
            Prescription prescription = new JdbiPrescriptionRepository(database.jdbi())
                    .findById(PrescriptionId.parse(PRESCRIPTION_ID)).orElseThrow();
            List<Map<String, Object>> derived = database.jdbi().withHandle(handle -> handle.createQuery("""
                            select issue_number, expires_on, available_from, last_dispensed_at
                            from prescription_issue where prescription_id = :id order by issue_number
                            """)
                    .bind("id", PRESCRIPTION_ID)
                    .mapToMap()
                    .list());

            assertThat(prescription.prescriptionDate()).isEqualTo(LocalDate.of(2026, 8, 31));
            assertThat(prescription.nomination()).isEqualTo(prescription.order().nomination()).isPresent();
            assertThat(prescription.issues()).extracting(Issue::status).containsExactly(
                    PrescriptionStatus.TO_BE_DISPENSED, PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE,
                    PrescriptionStatus.REPEAT_DISPENSE_FUTURE_ISSUE);
            assertThat(prescription.issues()).allSatisfy(issue -> {
                assertThat(issue.dispenser()).isEmpty();
                assertThat(issue.pendingCancellation()).isEmpty();
                assertThat(issue.dispenses()).isEmpty();
                assertThat(issue.claim()).isEmpty();
            });
            for (Map<String, Object> row : derived) {
                int number = (Integer) row.get("issue_number");
                assertThat(((Date) row.get("expires_on")).toLocalDate()).isEqualTo(prescription.expiresOn(number));
                assertThat(((Date) row.get("available_from")).toLocalDate())
                        .isEqualTo(prescription.availableFrom(number));
                assertThat(row.get("last_dispensed_at")).isNull();
            }
            assertThat(prescription.expiresOn(1)).isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(new JdbiPrescriptionRepository(database.jdbi())
                    .lockWithWorkDue(Instant.parse("2027-02-28T00:00:00Z"), 10)).extracting(Prescription::id)
                    .containsExactly(prescription.id());
        }
    }
}
