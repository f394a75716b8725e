package org.openeps.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openeps.application.audit.AuditRecords.dispensed;
import static org.openeps.application.audit.AuditRecords.newNhsNumber;
import static org.openeps.application.audit.AuditRecords.newPrescriptionId;
import static org.openeps.application.audit.AuditRecords.read;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openeps.adapters.persistence.DatabaseSettings;
import org.openeps.adapters.persistence.JdbiTransactions;
import org.openeps.adapters.persistence.PostgresDatabase;
import org.openeps.adapters.persistence.TestDatabases;
import org.openeps.application.audit.AuditQuery;
import org.openeps.application.audit.AuditTrail;
import org.openeps.application.audit.AuditTrailContract;
import org.openeps.application.shared.Transactions;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.ChainedAuditRecord;

/**
 * The audit trail contract against a real PostgreSQL, and what only the database can show: concurrent transactions
 * appending, the append-only triggers, and tampering by someone who can get round them. Tests that break the chain
 * or count from an empty one get a database of their own.
 */
class JdbiAuditTrailTest extends AuditTrailContract {

    private static PostgresDatabase database;
    private static JdbiAuditTrail trail;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void openDatabase() {
        database = PostgresDatabase.open(TestDatabases.create());
        trail = new JdbiAuditTrail(database.jdbi());
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Test
    void concurrent_transactions_appending_leave_one_intact_chain_with_every_record() throws Exception {
        int threads = 8;
        int appendsEach = 50;
        try (OwnDatabase own = new OwnDatabase()) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean appending = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            try {
                List<Future<?>> appenders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String patient = newNhsNumber();
                    appenders.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < appendsEach; i++) {
                            own.transactions.inTransaction(() -> {
                                own.trail.append(read(patient));
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                Future<List<AuditVerification>> verifier = pool.submit(() -> {
                    start.await();
                    List<AuditVerification> seen = new ArrayList<>();
                    while (appending.get()) {
                        seen.add(own.trail.verify());
                    }
                    return seen;
                });
                start.countDown();
                for (Future<?> appender : appenders) {
                    appender.get(60, TimeUnit.SECONDS);
                }
                appending.set(false);

                assertThat(verifier.get(60, TimeUnit.SECONDS)).isNotEmpty()
                        .allSatisfy(seen -> assertThat(seen.intact()).as("verified while appending").isTrue());
            } finally {
                pool.shutdownNow();
            }

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(threads * appendsEach));
            assertThat(own.trail.find(AuditQuery.latest(1000))).extracting(ChainedAuditRecord::sequence)
                    .containsExactlyElementsOf(LongStream.iterate(threads * appendsEach, s -> s - 1).limit(
                            threads * appendsEach).boxed().toList());
        }
    }

    @Test
    void a_column_changed_by_hand_marks_that_record_altered() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(10);

            own.tamper("update audit_record set organisation = 'FX999' where sequence = 4");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.altered(3, 4));
        }
    }

    @Test
    void a_record_changed_by_hand_into_no_valid_record_is_altered() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(5);

            own.tamper("update audit_record set action = 'NOT_AN_ACTION' where sequence = 3");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.altered(2, 3));
        }
    }

    @Test
    void a_record_deleted_from_the_middle_is_missing() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(10);

            own.tamper("delete from audit_record where sequence = 5");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.missing(4, 5));
        }
    }

    @Test
    void the_last_record_deleted_is_missing() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(10);

            own.tamper("delete from audit_record where sequence = 10");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.missing(9, 10));
        }
    }

    @Test
    void records_cannot_be_changed_deleted_or_truncated_nor_the_head_wound_back() {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(3);

            for (String sql : List.of("update audit_record set outcome = 'ACCESS_DENIED' where sequence = 2",
                    "delete from audit_record where sequence = 3", "truncate audit_record")) {
                assertThatThrownBy(() -> own.database.jdbi().useHandle(handle -> handle.execute(sql)))
                        .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("audit_record is append-only");
            }
            for (String sql : List.of("update audit_chain_head set sequence = 2, hash = (select hash from audit_record "
                            + "where sequence = 2)", "delete from audit_chain_head", "truncate audit_chain_head")) {
                assertThatThrownBy(() -> own.database.jdbi().useHandle(handle -> handle.execute(sql)))
                        .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("audit_chain_head");
            }

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(3));
        }
    }

    @Test
    void a_chain_longer_than_one_fetch_is_verified_from_end_to_end() {
        try (OwnDatabase own = new OwnDatabase()) {
            int records = JdbiAuditTrail.VERIFY_FETCH_SIZE * 2 + 500;
            own.transactions.inTransaction(() -> {
                own.append(records);
                return null;
            });

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(records));
        }
    }

    @Test
    void verifying_inside_a_transaction_reads_that_transaction() {
        trail.append(read(newNhsNumber()));

        AuditVerification verification = transactions.inTransaction(() -> {
            trail.append(read(newNhsNumber()));
            return trail.verify();
        });

        assertThat(verification.intact()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(trail.find(AuditQuery.latest(1)).getFirst().sequence());
    }

    /** A database of the test's own, and plain JDBC for what the service never does. */
    private static final class OwnDatabase implements AutoCloseable {

        final DatabaseSettings settings = TestDatabases.create();
        final PostgresDatabase database = PostgresDatabase.open(settings);
        final JdbiAuditTrail trail = new JdbiAuditTrail(database.jdbi());
        final JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

        void append(int records) {
            String patient = newNhsNumber();
            for (int i = 0; i < records; i++) {
                trail.append(dispensed(patient, newPrescriptionId()));
            }
        }

        /** Runs the statement with the append-only triggers disabled, as the table's owner could. */
        void tamper(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                    settings.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("alter table audit_record disable trigger user");
                statement.execute(sql);
                statement.execute("alter table audit_record enable trigger user");
            }
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
