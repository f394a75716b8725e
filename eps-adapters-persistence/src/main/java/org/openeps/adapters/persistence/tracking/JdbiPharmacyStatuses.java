package org.openeps.adapters.persistence.tracking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.openeps.application.tracking.DuplicateStatusUpdateException;
import org.openeps.application.tracking.PharmacyStatusLog;
import org.openeps.application.tracking.PharmacyStatuses;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;
import org.openeps.domain.tracking.BusinessStatus;
import org.openeps.domain.tracking.BusinessStatus.TaskStatus;
import org.openeps.domain.tracking.PharmacyStatus;

/**
 * Status updates in the {@code pharmacy_status} table, one row per Task, written with one batched insert per bundle
 * in the caller's transaction (or one of its own).
 */
public final class JdbiPharmacyStatuses implements PharmacyStatuses, PharmacyStatusLog {

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
        jdbi.useTransaction(handle -> {
            List<String> duplicates = repeated(rows, new HashSet<>(dao.storedAmong(
                    rows.stream().map(StatusRow::taskId).distinct().toList())));
            if (!duplicates.isEmpty()) {
                throw new DuplicateStatusUpdateException(duplicates);
            }
            int[] inserted = dao.insert(rows);
            // another request stored one of these Task IDs since they were looked for: roll back, report it
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
    public Map<LineItemId, PharmacyStatus> latestFrom(PrescriptionId id, int issueNumber, OdsCode pharmacy) {
        Map<LineItemId, PharmacyStatus> latest = new LinkedHashMap<>();
        dao.latestFrom(id.value(), issueNumber, pharmacy.value()).stream()
                .map(JdbiPharmacyStatuses::toStatus)
                .forEach(status -> latest.put(status.itemId(), status));
        return latest;
    }

    @Override
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

        @SqlQuery("select task_id from pharmacy_status where task_id in (<ids>)")
        List<String> storedAmong(@BindList("ids") Collection<String> ids);

        /** 1 for each row stored, 0 for one whose Task ID another transaction stored first. */
        @SqlBatch("insert into pharmacy_status (" + COLUMNS + """
                ) values (:taskId, :prescriptionId, :itemId, :issueNumber, :nhsNumber, :pharmacy, :businessStatus,
                          :taskStatus, :lastModified, :receivedAt)
                on conflict (task_id) do nothing
                """)
        int[] insert(@BindMethods List<StatusRow> rows);

        @SqlQuery("select distinct on (item_id) " + COLUMNS + """

                from pharmacy_status
                where prescription_id = :id and issue_number = :issue and pharmacy = :pharmacy
                order by item_id, last_modified desc, seq desc
                """)
        List<StatusRow> latestFrom(@Bind("id") String id, @Bind("issue") int issue, @Bind("pharmacy") String pharmacy);

        @SqlQuery("select " + COLUMNS + """

                from pharmacy_status
                where prescription_id = :id
                order by last_modified, seq
                """)
        List<StatusRow> findFor(@Bind("id") String id);
    }
}
