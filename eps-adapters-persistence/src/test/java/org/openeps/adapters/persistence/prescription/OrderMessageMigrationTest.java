package org.openeps.adapters.persistence.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.prescription.PrescriptionOrders.acuteOrder;
import static org.openeps.application.prescription.PrescriptionOrders.newId;
import static org.openeps.application.prescription.PrescriptionOrders.newPatient;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionId;

/** V13 on a database holding order messages as text: they read back as they were, and new ones are compressed. */
class OrderMessageMigrationTest {

    private static final String OLD_ID = "A0548B-A99968-451485";
    private static final String OLD_MESSAGE = "{\"resourceType\": \"Bundle\", \"id\": \"stored before V13\"}\n";

    @Test
    void messages_stored_as_text_before_v13_read_back_and_new_ones_are_stored_compressed() {
        DatabaseSettings settings = TestDatabases.migratedTo("12");
        Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()).useHandle(handle -> handle.execute("""
                insert into prescription (id, long_form_id, prescription_type, treatment_type, prescriber_ods,
                    nhs_number, nominated_ods, nominated_site_type, authored_on, start_date, days_supply,
                    number_of_issues, received_at, original_message, version)
                values (?, '20ba5fb5-cb58-462c-923e-22d180b09356', '0101', '0001', 'A83008', '9449304130', 'FA565',
                    'P1', '2026-03-10T09:00:00Z', '2026-03-10', 28, 1, '2026-03-10T10:00:00Z', ?, 1)
                """, OLD_ID, OLD_MESSAGE));

        try (PostgresDatabase database = PostgresDatabase.open(settings)) {
            JdbiPrescriptionRepository repository = new JdbiPrescriptionRepository(database.jdbi());
            Prescription created = Prescription.create(acuteOrder(newId(), newPatient()),
                    Instant.parse("2026-11-24T10:00:00Z"));
            String message = "{\"resourceType\": \"Bundle\", \"id\": \"stored after V13\"}";
            repository.add(created, message);

            assertThat(repository.findOriginalMessage(PrescriptionId.parse(OLD_ID))).contains(OLD_MESSAGE);
            assertThat(repository.findOriginalMessage(created.id())).contains(message);
            Jdbi jdbi = database.jdbi();
            boolean compressedOnly = jdbi.withHandle(handle -> handle.createQuery(
                            "select original_message is null and order_message is not null from prescription where id = ?")
                    .bind(0, created.id().value()).mapTo(Boolean.class).one());
            assertThat(compressedOnly).as("stored compressed only").isTrue();
            assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.execute(
                    "update prescription set original_message = 'both' where id = ?", created.id().value())))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("prescription_has_one_order_message");
        }
    }
}
