package org.openeps.adapters.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.audit.AuditQuery;
import org.openeps.application.audit.AuditTrail;
import org.openeps.domain.access.Action;
import org.openeps.domain.audit.AuditChain;
import org.openeps.domain.audit.AuditChainHead;
import org.openeps.domain.audit.AuditRecord;
import org.openeps.domain.audit.AuditVerification;
import org.openeps.domain.audit.AuditWho;
import org.openeps.domain.audit.ChainedAuditRecord;

/**
 * The audit trail in {@code audit_record}, append-only by trigger, with the end of each of the
 * {@value AuditChain#CHAINS} chains in its row of {@code audit_chain_head}.
 *
 * <p>A transaction's first append locks the first head, in a turn that moves on at each append, that no other
 * transaction holds ({@code for update skip locked}), and so appends from up to {@value AuditChain#CHAINS} concurrent
 * transactions never wait for one another; only when every head is held does it wait for the one its turn names. The
 * lock is held until the transaction ends, so each chain's records link in commit order without gaps or forks. The
 * chain taken is remembered in a transaction-local setting ({@value #HELD_CHAIN}), so later appends in the same
 * transaction go to the same chain, one after another, and a transaction never holds two heads (no deadlock between
 * appenders). Verification streams each chain's rows in sequence order, all from one snapshot.
 */
public final class JdbiAuditTrail implements AuditTrail {

    /** Rows fetched from the server at a time while verifying, so that a chain need not fit in memory. */
    static final int VERIFY_FETCH_SIZE = 1000;

    /** The transaction-local setting that names the chain whose head the transaction holds. */
    static final String HELD_CHAIN = "openeps.audit_chain";

    /** Moves the head on, and remembers until the transaction ends that it holds this chain. */
    private static final String ADVANCE_HEAD = "update audit_chain_head set sequence = ?, hash = ? where chain = ?"
            + " returning set_config('" + HELD_CHAIN + "', chain::text, true)";

    /** Values of a record's row, as many as {@link Dao#COLUMNS} names. */
    private static final int RECORD_COLUMNS = 16;

    /**
     * Locks and reads the head this transaction already holds, if it holds one; else the first head no other
     * transaction holds, in turn from the first (parameters: first, chains, chains); nothing when every head is held
     * by another transaction.
     */
    private static final String LOCK_HELD_OR_FREE_HEAD = """
            select chain, sequence, hash from audit_chain_head
            where chain = coalesce(nullif(current_setting('""" + HELD_CHAIN + """
            ', true), '')::integer, chain)
            order by (chain - ? + ?) % ?
            limit 1
            for update skip locked
            """;

    /** Waits for the transaction that holds this head to end, then locks and reads it. */
    private static final String LOCK_HEAD = "select chain, sequence, hash from audit_chain_head where chain = ? for update";

    private final Jdbi jdbi;
    private final Dao dao;
    private final AtomicInteger turn = new AtomicInteger();

    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    /**
     * Three statements in two round trips whatever the number of records: one locks the head (the one this
     * transaction holds, else a free one in turn, else waits for the one its turn names); then one inserts the records
     * linked to it and one moves the head on. Run on the handle's JDBC connection (ADR 9): every audited request
     * appends.
     */
    @Override
    public void append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int first = Math.floorMod(turn.getAndIncrement(), AuditChain.CHAINS) + 1;
        jdbi.useTransaction(handle -> {
            AuditChainHead head = Jdbc.first(handle, LOCK_HELD_OR_FREE_HEAD, JdbiAuditTrail::head,
                            first, AuditChain.CHAINS, AuditChain.CHAINS)
                    .or(() -> Jdbc.first(handle, LOCK_HEAD, JdbiAuditTrail::head, first))
                    .orElseThrow(() -> new IllegalStateException("The audit chain head row " + first + " is missing"));
            List<Object> values = new ArrayList<>();
            for (AuditRecord record : records) {
                ChainedAuditRecord chained = AuditChain.link(head, record);
                values.addAll(toRow(chained).values());
                head = chained.asHead();
            }
            // the head's trigger checks the records it moves over are stored: a statement of its own, after the
            // insert, sent with it in one round trip (ADR 10)
            Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
            trip.update(insertStatement(records.size()), values.toArray());
            trip.query(ADVANCE_HEAD, rs -> rs.getString(1), head.sequence(), head.hash(), head.chain());
            trip.run(handle);
        });
    }

    private static AuditChainHead head(ResultSet rs) throws SQLException {
        return new AuditChainHead(rs.getInt("chain"), rs.getLong("sequence"), rs.getString("hash"));
    }

    /** Inserts {@code count} records, in one statement. */
    private static String insertStatement(int count) {
        return "insert into audit_record (" + Dao.COLUMNS + ") values "
                + Jdbc.rows(count, RECORD_COLUMNS);
    }

    @Override
    public List<ChainedAuditRecord> find(AuditQuery query) {
        List<AuditRow> rows;
        if (query.nhsNumber().isPresent() && query.prescriptionId().isPresent()) {
            rows = dao.findByBoth(query.nhsNumber().orElseThrow(), query.prescriptionId().orElseThrow(), query.limit());
        } else if (query.nhsNumber().isPresent()) {
            rows = dao.findByNhsNumber(query.nhsNumber().orElseThrow(), query.limit());
        } else if (query.prescriptionId().isPresent()) {
            rows = dao.findByPrescriptionId(query.prescriptionId().orElseThrow(), query.limit());
        } else {
            rows = dao.findLatest(query.limit());
        }
        return rows.stream().map(JdbiAuditTrail::toChained).toList();
    }

    /**
     * Reads the heads and then each chain's rows in sequence order, all from one snapshot (a repeatable-read
     * transaction of its own), so appends committed meanwhile are neither half seen nor taken for tampering. Inside a
     * caller's transaction it reads in that one, which must then be repeatable read as well to see one snapshot.
     */
    @Override
    public AuditVerification verify() {
        return jdbi.withHandle(handle -> handle.isInTransaction()
                ? verifyIn(handle)
                : handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, JdbiAuditTrail::verifyIn));
    }

    private static AuditVerification verifyIn(Handle handle) {
        Dao inTransaction = handle.attach(Dao.class);
        Map<Integer, AuditChainHead> heads = inTransaction.heads().stream().map(HeadRow::toHead)
                .collect(Collectors.toMap(AuditChainHead::chain, head -> head));
        return AuditVerification.of(IntStream.rangeClosed(1, AuditChain.CHAINS)
                // a head row removed by hand: every record is then beyond the head, so the first is reported altered
                .mapToObj(chain -> verifyChain(inTransaction,
                        heads.getOrDefault(chain, AuditChainHead.genesis(chain))))
                .toList());
    }

    private static AuditVerification verifyChain(Dao inTransaction, AuditChainHead head) {
        int chain = head.chain();
        try (ResultIterator<AuditRow> rows = inTransaction.inSequence(chain)) {
            ReadableRecords records = new ReadableRecords(rows);
            AuditVerification verification = AuditChain.verify(records, head);
            return records.unreadable()
                    .filter(sequence -> verification.firstBreak()
                            .filter(broken -> broken.sequence() < sequence).isEmpty())
                    .map(sequence -> AuditVerification.altered(verification.recordsChecked(), chain, sequence))
                    .orElse(verification);
        }
    }

    private static AuditRow toRow(ChainedAuditRecord chained) {
        AuditRecord record = chained.record();
        AuditWho who = record.who();
        return new AuditRow(chained.chain(), chained.sequence(), record.at().atOffset(ZoneOffset.UTC), record.requestId(),
                record.action().name(), who.kind(), who.userId().orElse(null), who.roleProfileId().orElse(null),
                who.organisation().orElse(null), who.clientId().orElse(null), who.patient().orElse(null),
                record.prescriptionId().orElse(null), record.nhsNumber().orElse(null), record.outcome(),
                chained.previousHash(), chained.hash());
    }

    /** The row as a record; throws (an {@code EpsException}, an unknown action) when it no longer holds a valid one. */
    private static ChainedAuditRecord toChained(AuditRow row) {
        AuditWho who = new AuditWho(row.whoKind(), Optional.ofNullable(row.userId()),
                Optional.ofNullable(row.roleProfileId()), Optional.ofNullable(row.organisation()),
                Optional.ofNullable(row.clientId()), Optional.ofNullable(row.patient()));
        AuditRecord record = new AuditRecord(row.at().toInstant(), row.requestId(), Action.valueOf(row.action()), who,
                Optional.ofNullable(row.prescriptionId()), Optional.ofNullable(row.nhsNumber()), row.outcome());
        return new ChainedAuditRecord(row.chain(), row.sequence(), record, row.previousHash(), row.hash());
    }

    /**
     * The rows as chained records, ending at the first row that no longer makes a valid record (an action renamed to
     * one that does not exist, a blank value): the chain is broken there, as {@link #unreadable()} says.
     */
    private static final class ReadableRecords implements Iterator<ChainedAuditRecord> {

        private final Iterator<AuditRow> rows;
        private ChainedAuditRecord next;
        private Long unreadable;

        ReadableRecords(Iterator<AuditRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            if (next == null && unreadable == null && rows.hasNext()) {
                AuditRow row = rows.next();
                try {
                    next = toChained(row);
                } catch (RuntimeException invalid) {
                    unreadable = row.sequence();
                }
            }
            return next != null;
        }

        @Override
        public ChainedAuditRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ChainedAuditRecord current = next;
            next = null;
            return current;
        }

        /** The sequence of the row reading stopped at, if one was not a valid record. */
        Optional<Long> unreadable() {
            return Optional.ofNullable(unreadable);
        }
    }

    /** A row of {@code audit_record}. */
    public record AuditRow(int chain, long sequence, OffsetDateTime at, String requestId, String action, String whoKind,
                           String userId, String roleProfileId, String organisation, String clientId, String patient,
                           String prescriptionId, String nhsNumber, String outcome, String previousHash,
                           String hash) {

        /** The values in the order of {@link Dao#COLUMNS}. */
        List<Object> values() {
            return Arrays.asList(chain, sequence, at, requestId, action, whoKind, userId, roleProfileId, organisation,
                    clientId, patient, prescriptionId, nhsNumber, outcome, previousHash, hash);
        }
    }

    /** A row of {@code audit_chain_head}. */
    public record HeadRow(int chain, long sequence, String hash) {
        AuditChainHead toHead() {
            return new AuditChainHead(chain, sequence, hash);
        }
    }

    @RegisterConstructorMapper(AuditRow.class)
    @RegisterConstructorMapper(HeadRow.class)
    interface Dao {
        String COLUMNS = """
                chain, sequence, at, request_id, action, who_kind, user_id, role_profile_id, organisation, client_id, \
                patient, prescription_id, nhs_number, outcome, previous_hash, hash
                """;

        String NEWEST_FIRST = " order by at desc, chain desc, sequence desc limit :limit";

        @SqlQuery("select chain, sequence, hash from audit_chain_head order by chain")
        List<HeadRow> heads();

        @SqlQuery("select " + COLUMNS + " from audit_record where nhs_number = :nhsNumber" + NEWEST_FIRST)
        List<AuditRow> findByNhsNumber(@Bind("nhsNumber") String nhsNumber, @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + " from audit_record where prescription_id = :prescriptionId" + NEWEST_FIRST)
        List<AuditRow> findByPrescriptionId(@Bind("prescriptionId") String prescriptionId, @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + """
                from audit_record where prescription_id = :prescriptionId and nhs_number = :nhsNumber
                """ + NEWEST_FIRST)
        List<AuditRow> findByBoth(@Bind("nhsNumber") String nhsNumber, @Bind("prescriptionId") String prescriptionId,
                                  @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + " from audit_record" + NEWEST_FIRST)
        List<AuditRow> findLatest(@Bind("limit") int limit);

        /** The chain's rows, oldest first, fetched a few at a time: close it. */
        @SqlQuery("select " + COLUMNS + " from audit_record where chain = :chain order by sequence")
        @FetchSize(VERIFY_FETCH_SIZE)
        ResultIterator<AuditRow> inSequence(@Bind("chain") int chain);
    }
}
