package org.openeps.adapters.persistence.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.tracking.DuplicateStatusUpdateException;
import org.openeps.application.tracking.PharmacyStatusLog;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * Status updates in the {@code pharmacy_status} table, one row per Task, written with one batched insert per bundle
 * in the caller's transaction (or one of its own).
 *
 * <p>Bundles stored at the same moment that name some of the same Task IDs must not deadlock (PostgreSQL would fail one
 * with 40P01, a 500): each call first takes a transaction-scoped advisory lock for every one of its Task IDs (on the
 * ID's hash bucket, in ascending order, so any two calls take their common locks in one order), and only then looks
 * for IDs already stored and inserts. A call naming an ID another call is storing waits for it to end, then finds the
 * ID stored and is refused as a duplicate (409); no two transactions ever insert the same Task ID at once. Inserting
 * the rows sorted by
 * Task ID is not enough: {@code insert ... on conflict do nothing} racing on one key can itself deadlock (seen in
 * {@code JdbiPharmacyStatusesTest}). Rows are inserted in the bundle's order, so {@code seq} (which breaks ties of
 * {@code lastModified}: the row stored last wins) follows it.
 */
public final class JdbiPharmacyStatuses implements PharmacyStatuses, PharmacyStatusLog {

    /** The first key of the advisory locks on Task IDs ("PSU" in ASCII), apart from any other use of them. */
    private static final int NAMESPACE = 0x505355;
    /**
     * Task IDs are locked by bucket of their hash, so one call holds at most this many locks whatever its size: a few
     * concurrent 500-entry bundles cannot fill PostgreSQL's shared lock table ({@code max_locks_per_transaction} x
     * connections, 6,400 by default); the price is that unrelated bundles sharing a bucket wait for each other.
     */
    private static final int LOCK_BUCKETS = 256;

    /**
     * Takes the advisory lock {@code (namespace, key)} of each key, in the order given (unnest yields the array in
     * order), waiting for any other transaction holding one; they are held until this transaction ends.
     */
    private static final String LOCK_TASK_IDS =
            "select count(pg_advisory_xact_lock(?, key)) from unnest(?::integer[]) as t(key)";

    private static final String STORED_AMONG = "select task_id from pharmacy_status where task_id in ";

    /** 1 for each row stored, 0 for one whose Task ID another transaction stored first. */
    private static final String INSERT = "insert into pharmacy_status (" + Dao.COLUMNS + """
            ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (task_id) do nothing
            """;

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiPharmacyStatuses(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void record(List<PharmacyStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        List<StatusRow> rows = statuses.stream().map(JdbiPharmacyStatuses::toRow).toList();
        // on the handle's JDBC connection (ADR 9): status updates are the most frequent request
        jdbi.useTransaction(handle -> {
            // the look-up runs once the locks are taken, in the same round trip (ADR 10)
            Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
            trip.query(LOCK_TASK_IDS, rs -> rs.getLong(1), NAMESPACE, rows.stream()
                    .map(row -> Math.floorMod(row.taskId().hashCode(), LOCK_BUCKETS))
                    .distinct().sorted().toArray(Integer[]::new));
            Object[] taskIds = rows.stream().map(StatusRow::taskId).distinct().toArray();
            Jdbc.Result<String> stored = trip.query(STORED_AMONG + Jdbc.in(taskIds.length), rs -> rs.getString(1),
                    taskIds);
            trip.run(handle);
            List<String> duplicates = repeated(rows, new HashSet<>(stored.rows()));
            if (!duplicates.isEmpty()) {
                throw new DuplicateStatusUpdateException(duplicates);
            }
            int[] inserted = Jdbc.batch(handle, INSERT, rows.stream()
                    .map(row -> new Object[] {row.taskId(), row.prescriptionId(), row.itemId(), row.issueNumber(),
                            row.nhsNumber(), row.pharmacy(), row.businessStatus(), row.taskStatus(),
                            row.lastModified(), row.receivedAt()})
                    .toList());
            // stored since they were looked for, by a writer that did not lock (none should): roll back, report it
            List<String> raced = new ArrayList<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] != 1) {
                    raced.add(rows.get(i).taskId());
                }
            }
            if (!raced.isEmpty()) {
                throw new DuplicateStatusUpdateException(raced);
            }
        });
    }

    /** The Task IDs already stored, or given a second time, in the order given. */
    private static List<String> repeated(List<StatusRow> rows, Set<String> stored) {
        Set<String> seen = new HashSet<>(stored);
        List<String> repeated = new ArrayList<>();
        for (StatusRow row : rows) {
            if (!seen.add(row.taskId())) {
                repeated.add(row.taskId());
            }
        }
        return repeated;
    }

    @Override
    public List<PharmacyStatus> findFrom(PrescriptionId id, int issueNumber, Set<OdsCode> pharmacies, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (pharmacies.isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>(List.of(id.value(), issueNumber));
        pharmacies.stream().map(OdsCode::value).sorted().forEach(values::add);
        values.add(limit);
        // on the handle's JDBC connection (ADR 9): every tracker details view and patient view asks
        return jdbi.withHandle(handle -> Jdbc.query(handle, FIND_FROM.formatted(Jdbc.in(pharmacies.size())),
                        JdbiPharmacyStatuses::statusRow, values.toArray()))
                .stream().map(JdbiPharmacyStatuses::toStatus).toList();
    }

    /** The newest {@code limit} (a range of {@code pharmacy_status_by_item} per pharmacy), oldest first. */
    private static final String FIND_FROM = "select " + Dao.COLUMNS + " from (select seq, " + Dao.COLUMNS + """

                from pharmacy_status
                where prescription_id = ? and issue_number = ? and pharmacy in %s
                order by last_modified desc, seq desc
                limit ?) newest
            order by last_modified, seq
            """;

    private static StatusRow statusRow(ResultSet rs) throws SQLException {
        return new StatusRow(rs.getString("task_id"), rs.getString("prescription_id"), rs.getString("item_id"),
                rs.getInt("issue_number"), rs.getString("nhs_number"), rs.getString("pharmacy"),
                rs.getString("business_status"), rs.getString("task_status"),
                rs.getObject("last_modified", OffsetDateTime.class), rs.getObject("received_at", OffsetDateTime.class));
    }

    /**
     * Every status update stored about a prescription, from any pharmacy, about any issue, oldest {@code lastModified}
     * first: unbounded, so not part of {@link PharmacyStatuses} and not for the readers of a page; for tests and
     * support.
     */
    public List<PharmacyStatus> findFor(PrescriptionId id) {
        return dao.findFor(id.value()).stream().map(JdbiPharmacyStatuses::toStatus).toList();
    }

    private static StatusRow toRow(PharmacyStatus status) {
        return new StatusRow(status.taskId(), status.prescriptionId().value(), status.itemId().value(),
                status.issueNumber(), status.nhsNumber().value(), status.pharmacy().value(),
                status.businessStatus().code(), status.taskStatus().code(),
                timestamp(status.lastModified()), timestamp(status.receivedAt()));
    }

    /** To the microsecond, as PostgreSQL keeps it: cut, not rounded (which PostgreSQL would do). */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static PharmacyStatus toStatus(StatusRow row) {
        return new PharmacyStatus(row.taskId(), new PrescriptionId(row.prescriptionId()), new LineItemId(row.itemId()),
                row.issueNumber(), new NhsNumber(row.nhsNumber()), new OdsCode(row.pharmacy()),
                BusinessStatus.fromCode(row.businessStatus()).orElseThrow(() -> new IllegalStateException(
                        "Stored business status is not one of the API's: '" + row.businessStatus() + "'")),
                TaskStatus.fromCode(row.taskStatus()).orElseThrow(() -> new IllegalStateException(
                        "Stored Task.status is not one of the API's: '" + row.taskStatus() + "'")),
                row.lastModified().toInstant(), row.receivedAt().toInstant());
    }

    /** A row of {@code pharmacy_status} (but its {@code seq}, which only orders). */
    public record StatusRow(String taskId, String prescriptionId, String itemId, int issueNumber, String nhsNumber,
                            String pharmacy, String businessStatus, String taskStatus, OffsetDateTime lastModified,
                            OffsetDateTime receivedAt) {
    }

    @RegisterConstructorMapper(StatusRow.class)
    interface Dao {
        String COLUMNS = """
                task_id, prescription_id, item_id, issue_number, nhs_number, pharmacy, business_status, task_status,
                last_modified, received_at""";

        @SqlQuery("select " + COLUMNS + """

                from pharmacy_status
                where prescription_id = :id
                order by last_modified, seq
                """)
        List<StatusRow> findFor(@Bind("id") String id);
    }
}
