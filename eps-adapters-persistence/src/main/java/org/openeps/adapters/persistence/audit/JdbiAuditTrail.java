package org.openeps.adapters.persistence.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
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
 * The audit trail in {@code audit_record}, append-only by trigger, with the end of the chain in the one row of
 * {@code audit_chain_head}. An append locks that row, so appends from concurrent transactions queue there and each
 * links to the one committed before it; the lock is held until the appending transaction ends, so the caller should
 * append last in a long transaction. Verification streams the rows in sequence order from one snapshot.
 */
public final class JdbiAuditTrail implements AuditTrail {

    /** Rows fetched from the server at a time while verifying, so that the chain need not fit in memory. */
    static final int VERIFY_FETCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void append(AuditRecord record) {
        jdbi.useTransaction(handle -> {
            Dao inTransaction = handle.attach(Dao.class);
            AuditChainHead head = inTransaction.lockHead().map(HeadRow::toHead)
                    .orElseThrow(() -> new IllegalStateException("The audit chain head row is missing"));
            ChainedAuditRecord chained = AuditChain.link(head, record);
            inTransaction.insert(toRow(chained));
            inTransaction.advanceHead(chained.sequence(), chained.hash());
        });
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
     * Reads the head and then every row in sequence order, both from one snapshot (a repeatable-read transaction of
     * its own), so appends committed meanwhile are neither half seen nor taken for tampering. Inside a caller's
     * transaction it reads in that one, which must then be repeatable read as well to see one snapshot.
     */
    @Override
    public AuditVerification verify() {
        return jdbi.withHandle(handle -> handle.isInTransaction()
                ? verifyIn(handle)
                : handle.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, JdbiAuditTrail::verifyIn));
    }

    private static AuditVerification verifyIn(Handle handle) {
        Dao inTransaction = handle.attach(Dao.class);
        // a head row removed by hand: every record is then beyond the head, so the first is reported altered
        AuditChainHead head = inTransaction.head().map(HeadRow::toHead).orElseGet(AuditChainHead::genesis);
        try (ResultIterator<AuditRow> rows = inTransaction.inSequence()) {
            ReadableRecords records = new ReadableRecords(rows);
            AuditVerification verification = AuditChain.verify(records, head);
            return records.unreadable()
                    .filter(sequence -> verification.firstBrokenSequence().filter(broken -> broken < sequence).isEmpty())
                    .map(sequence -> AuditVerification.altered(verification.recordsChecked(), sequence))
                    .orElse(verification);
        }
    }

    private static AuditRow toRow(ChainedAuditRecord chained) {
        AuditRecord record = chained.record();
        AuditWho who = record.who();
        return new AuditRow(chained.sequence(), record.at().atOffset(ZoneOffset.UTC), record.requestId(),
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
        return new ChainedAuditRecord(row.sequence(), record, row.previousHash(), row.hash());
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
    public record AuditRow(long sequence, OffsetDateTime at, String requestId, String action, String whoKind,
                           String userId, String roleProfileId, String organisation, String clientId, String patient,
                           String prescriptionId, String nhsNumber, String outcome, String previousHash,
                           String hash) {
    }

    /** The row of {@code audit_chain_head}. */
    public record HeadRow(long sequence, String hash) {
        AuditChainHead toHead() {
            return new AuditChainHead(sequence, hash);
        }
    }

    @RegisterConstructorMapper(AuditRow.class)
    @RegisterConstructorMapper(HeadRow.class)
    interface Dao {
        String COLUMNS = """
                sequence, at, request_id, action, who_kind, user_id, role_profile_id, organisation, client_id, \
                patient, prescription_id, nhs_number, outcome, previous_hash, hash
                """;

        /** Waits for every other transaction that appended to end. */
        @SqlQuery("select sequence, hash from audit_chain_head where id = 1 for update")
        Optional<HeadRow> lockHead();

        @SqlQuery("select sequence, hash from audit_chain_head where id = 1")
        Optional<HeadRow> head();

        @SqlUpdate("insert into audit_record (" + COLUMNS + """
                ) values (:sequence, :at, :requestId, :action, :whoKind, :userId, :roleProfileId, :organisation,
                    :clientId, :patient, :prescriptionId, :nhsNumber, :outcome, :previousHash, :hash)
                """)
        void insert(@BindMethods AuditRow row);

        @SqlUpdate("update audit_chain_head set sequence = :sequence, hash = :hash where id = 1")
        void advanceHead(@Bind("sequence") long sequence, @Bind("hash") String hash);

        @SqlQuery("select " + COLUMNS + """
                from audit_record where nhs_number = :nhsNumber order by sequence desc limit :limit
                """)
        List<AuditRow> findByNhsNumber(@Bind("nhsNumber") String nhsNumber, @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + """
                from audit_record where prescription_id = :prescriptionId order by sequence desc limit :limit
                """)
        List<AuditRow> findByPrescriptionId(@Bind("prescriptionId") String prescriptionId, @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + """
                from audit_record where prescription_id = :prescriptionId and nhs_number = :nhsNumber
                order by sequence desc limit :limit
                """)
        List<AuditRow> findByBoth(@Bind("nhsNumber") String nhsNumber, @Bind("prescriptionId") String prescriptionId,
                                  @Bind("limit") int limit);

        @SqlQuery("select " + COLUMNS + " from audit_record order by sequence desc limit :limit")
        List<AuditRow> findLatest(@Bind("limit") int limit);

        /** Every row, oldest first, fetched a few at a time: close it. */
        @SqlQuery("select " + COLUMNS + " from audit_record order by sequence")
        @FetchSize(VERIFY_FETCH_SIZE)
        ResultIterator<AuditRow> inSequence();
    }
}
