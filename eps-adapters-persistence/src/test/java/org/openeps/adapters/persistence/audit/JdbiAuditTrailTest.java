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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditRecord;
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
    void there_is_one_head_row_for_each_chain() {
        List<Integer> chains = database.jdbi().withHandle(handle -> handle.createQuery(
                "select chain from audit_chain_head order by chain").mapTo(Integer.class).list());

        assertThat(chains).containsExactlyElementsOf(IntStream.rangeClosed(1, AuditChain.CHAINS).boxed().toList());
    }

    @Test
    void concurrent_transactions_appending_leave_every_chain_intact_with_every_record() throws Exception {
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

            int records = threads * appendsEach * 2;
            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(records));
            List<ChainedAuditRecord> all = own.trail.find(AuditQuery.latest(records));
            assertThat(all).hasSize(records);
            Map<Integer, List<Long>> sequences = all.stream().collect(Collectors.groupingBy(
                    ChainedAuditRecord::chain, TreeMap::new,
                    Collectors.mapping(ChainedAuditRecord::sequence, Collectors.toList())));
            assertThat(sequences).as("chains used").hasSizeGreaterThan(1);
            sequences.forEach((chain, inChain) -> assertThat(inChain).as("chain %d has no gap and no fork", chain)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, inChain.size()).boxed().toList()));
        }
    }

    @Test
    void two_transactions_held_open_at_once_both_append_without_waiting_for_each_other() throws Exception {
        try (OwnDatabase own = new OwnDatabase()) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            String heldPatient = newNhsNumber();
            String patient = newNhsNumber();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> held = pool.submit(() -> own.transactions.inTransaction(() -> {
                    own.trail.append(read(heldPatient));
                    appended.countDown();
                    await(release);
                    return null;
                }));
                assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

                CompletableFuture<Void> other = CompletableFuture.runAsync(() -> own.transactions.inTransaction(() -> {
                    own.trail.append(read(patient));
                    own.trail.append(read(patient));
                    return null;
                }));

                other.get(10, TimeUnit.SECONDS);
                assertThat(held).isNotDone();
                release.countDown();
                held.get(10, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }

            int heldChain = own.trail.find(AuditQuery.byNhsNumber(heldPatient, 10)).getFirst().chain();
            assertThat(own.trail.find(AuditQuery.byNhsNumber(patient, 10))).hasSize(2)
                    .extracting(ChainedAuditRecord::chain).as("the second transaction's chain")
                    .containsOnly(own.trail.find(AuditQuery.byNhsNumber(patient, 10)).getFirst().chain())
                    .doesNotContain(heldChain);
            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(3));
        }
    }

    @Test
    void with_every_chain_held_an_append_waits_for_one_to_be_let_go() throws Exception {
        try (OwnDatabase own = new OwnDatabase(AuditChain.CHAINS + 4)) {
            CountDownLatch appended = new CountDownLatch(AuditChain.CHAINS);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(AuditChain.CHAINS + 1);
            try {
                List<Future<?>> holders = new ArrayList<>();
                for (int i = 0; i < AuditChain.CHAINS; i++) {
                    holders.add(pool.submit(() -> own.transactions.inTransaction(() -> {
                        own.trail.append(read(newNhsNumber()));
                        appended.countDown();
                        await(release);
                        return null;
                    })));
                }
                assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();

                Future<?> waiting = pool.submit(() -> own.trail.append(read(newNhsNumber())));
                assertThatThrownBy(() -> waiting.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                release.countDown();
                waiting.get(20, TimeUnit.SECONDS);
                for (Future<?> holder : holders) {
                    holder.get(20, TimeUnit.SECONDS);
                }
            } finally {
                release.countDown();
                pool.shutdownNow();
            }

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(AuditChain.CHAINS + 1));
            assertThat(own.trail.find(AuditQuery.latest(100))).extracting(ChainedAuditRecord::chain)
                    .containsOnly(IntStream.rangeClosed(1, AuditChain.CHAINS).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    void a_column_changed_by_hand_marks_that_record_altered_in_its_chain() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(10);
            own.append(5);

            own.tamper("update audit_record set organisation = 'FX999' where chain = " + chain + " and sequence = 4");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.altered(3 + 5, chain, 4));
        }
    }

    @Test
    void a_record_moved_to_another_chain_is_altered() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            own.append(3);

            own.tamper("update audit_record set chain = 16 where chain = 2 and sequence = 1");

            assertThat(own.trail.verify().breaks()).containsExactly(
                    new AuditVerification.Break(2, 1, AuditVerification.Problem.MISSING),
                    new AuditVerification.Break(16, 1, AuditVerification.Problem.ALTERED));
        }
    }

    @Test
    void breaks_in_several_chains_are_each_reported() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            int first = own.appendInOneTransaction(5);
            int second = own.appendInOneTransaction(5);

            own.tamper("update audit_record set outcome = 'X' where chain = " + second + " and sequence = 2");
            own.tamper("delete from audit_record where chain = " + first + " and sequence = 4");

            assertThat(own.trail.verify()).isEqualTo(new AuditVerification(3 + 1, List.of(
                    new AuditVerification.Break(first, 4, AuditVerification.Problem.MISSING),
                    new AuditVerification.Break(second, 2, AuditVerification.Problem.ALTERED))));
        }
    }

    @Test
    void a_record_changed_by_hand_into_no_valid_record_is_altered() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(5);

            own.tamper("update audit_record set action = 'NOT_AN_ACTION' where chain = " + chain + " and sequence = 3");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.altered(2, chain, 3));
        }
    }

    @Test
    void a_record_deleted_from_the_middle_is_missing() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(10);

            own.tamper("delete from audit_record where chain = " + chain + " and sequence = 5");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.missing(4, chain, 5));
        }
    }

    @Test
    void the_last_record_deleted_is_missing() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(10);

            own.tamper("delete from audit_record where chain = " + chain + " and sequence = 10");

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.missing(9, chain, 10));
        }
    }

    @Test
    void records_cannot_be_changed_deleted_or_truncated_nor_a_head_wound_back_or_moved_to_another_chain() {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(3);
            int other = chain % AuditChain.CHAINS + 1;

            for (String sql : List.of("update audit_record set outcome = 'ACCESS_DENIED' where sequence = 2",
                    "delete from audit_record where sequence = 3", "truncate audit_record")) {
                assertThatThrownBy(() -> own.database.jdbi().useHandle(handle -> handle.execute(sql)))
                        .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("audit_record is append-only");
            }
            for (String sql : List.of("update audit_chain_head set sequence = 2, hash = (select hash from audit_record "
                            + "where chain = " + chain + " and sequence = 2) where chain = " + chain,
                    "update audit_chain_head set sequence = 1, hash = (select hash from audit_record "
                            + "where chain = " + chain + " and sequence = 1) where chain = " + other,
                    "delete from audit_chain_head where chain = " + chain, "truncate audit_chain_head")) {
                assertThatThrownBy(() -> own.database.jdbi().useHandle(handle -> handle.execute(sql)))
                        .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("audit_chain_head");
            }

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(3));
        }
    }

    @Test
    void a_head_advances_over_several_records_only_along_their_links() {
        try (OwnDatabase own = new OwnDatabase()) {
            int chain = own.appendInOneTransaction(1);
            String head = own.database.jdbi().withHandle(handle -> handle.createQuery(
                    "select hash from audit_chain_head where chain = " + chain).mapTo(String.class).one());
            String linked = AuditChain.hash(chain, head, 2, read(newNhsNumber()));
            String unlinked = AuditChain.hash(chain, "f".repeat(64), 3, read(newNhsNumber()));
            own.database.jdbi().useHandle(handle -> handle.execute("insert into audit_record (chain, sequence, at, "
                    + "request_id, action, who_kind, client_id, patient, nhs_number, outcome, previous_hash, hash) "
                    + "values (" + chain + ", 2, now(), 'r2', 'READ_PRESCRIPTIONS', 'patient', 'nhs-app', "
                    + "'9449304130', '9449304130', 'OK', '" + head + "', '" + linked + "'), (" + chain + ", 3, now(), "
                    + "'r3', 'READ_PRESCRIPTIONS', 'patient', 'nhs-app', '9449304130', '9449304130', 'OK', '"
                    + "f".repeat(64) + "', '" + unlinked + "'), (" + chain + ", 5, now(), 'r5', 'READ_PRESCRIPTIONS', "
                    + "'patient', 'nhs-app', '9449304130', '9449304130', 'OK', '" + unlinked + "', '" + "e".repeat(64)
                    + "')"));

            for (String sql : List.of(
                    "update audit_chain_head set sequence = 3, hash = '" + unlinked + "' where chain = " + chain,
                    "update audit_chain_head set sequence = 5, hash = '" + "e".repeat(64) + "' where chain = " + chain)) {
                assertThatThrownBy(() -> own.database.jdbi().useHandle(handle -> handle.execute(sql)))
                        .as(sql).isInstanceOf(UnableToExecuteStatementException.class)
                        .hasMessageContaining("audit_chain_head only advances along");
            }
            own.database.jdbi().useHandle(handle -> handle.execute(
                    "update audit_chain_head set sequence = 2, hash = '" + linked + "' where chain = " + chain));
            long sequence = own.database.jdbi().withHandle(handle -> handle.createQuery(
                    "select sequence from audit_chain_head where chain = " + chain).mapTo(Long.class).one());
            assertThat(sequence).isEqualTo(2);
        }
    }

    @Test
    void a_chain_longer_than_one_fetch_is_verified_from_end_to_end() {
        try (OwnDatabase own = new OwnDatabase()) {
            int records = JdbiAuditTrail.VERIFY_FETCH_SIZE * 2 + 500;
            own.appendInOneTransaction(records);

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(records));
        }
    }

    @Test
    void records_of_the_single_chain_written_before_the_chains_keep_verifying_in_chain_1() throws SQLException {
        try (OwnDatabase own = new OwnDatabase()) {
            List<AuditRecord> old = List.of(read(newNhsNumber()), read(newNhsNumber()));
            String previous = AuditChain.GENESIS;
            StringBuilder sql = new StringBuilder();
            for (int sequence = 1; sequence <= old.size(); sequence++) {
                AuditRecord record = old.get(sequence - 1);
                String hash = AuditChain.hashV1(previous, sequence, record);
                sql.append("insert into audit_record (chain, sequence, at, request_id, action, who_kind, client_id, "
                        + "patient, nhs_number, outcome, previous_hash, hash) values (1, " + sequence + ", '"
                        + record.at() + "', '" + record.requestId() + "', '" + record.action() + "', 'patient', "
                        + "'nhs-app', '9449304130', '" + record.nhsNumber().orElseThrow() + "', 'OK', '" + previous
                        + "', '" + hash + "'); update audit_chain_head set sequence = " + sequence + ", hash = '" + hash
                        + "' where chain = 1; ");
                previous = hash;
            }
            own.database.jdbi().useHandle(handle -> handle.createScript(sql.toString()).execute());
            own.append(AuditChain.CHAINS + 1);

            assertThat(own.trail.verify()).isEqualTo(AuditVerification.intact(old.size() + AuditChain.CHAINS + 1));
            assertThat(own.trail.find(AuditQuery.latest(100))).filteredOn(chained -> chained.chain() == 1)
                    .extracting(ChainedAuditRecord::sequence).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
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
        assertThat(verification).isEqualTo(trail.verify());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A database of the test's own, and plain JDBC for what the service never does. */
    private static final class OwnDatabase implements AutoCloseable {

        final DatabaseSettings settings;
        final PostgresDatabase database;
        final JdbiAuditTrail trail;
        final JdbiTransactions transactions;

        OwnDatabase() {
            this(TestDatabases.create());
        }

        OwnDatabase(int connections) {
            this(withPool(TestDatabases.create(), connections));
        }

        private OwnDatabase(DatabaseSettings settings) {
            this.settings = settings;
            this.database = PostgresDatabase.open(settings);
            this.trail = new JdbiAuditTrail(database.jdbi());
            this.transactions = new JdbiTransactions(database.jdbi());
        }

        private static DatabaseSettings withPool(DatabaseSettings settings, int connections) {
            return new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), connections);
        }

        /** Appends the records one transaction each. */
        void append(int records) {
            String patient = newNhsNumber();
            for (int i = 0; i < records; i++) {
                trail.append(dispensed(patient, newPrescriptionId()));
            }
        }

        /** Appends the records in one transaction, and so to one chain, whose number it returns. */
        int appendInOneTransaction(int records) {
            String patient = newNhsNumber();
            transactions.inTransaction(() -> {
                for (int i = 0; i < records; i++) {
                    trail.append(dispensed(patient, newPrescriptionId()));
                }
                return null;
            });
            List<ChainedAuditRecord> appended = trail.find(AuditQuery.byNhsNumber(patient,
                    Math.min(records, AuditQuery.MAX_LIMIT)));
            assertThat(appended).extracting(ChainedAuditRecord::chain).containsOnly(appended.getFirst().chain());
            return appended.getFirst().chain();
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
