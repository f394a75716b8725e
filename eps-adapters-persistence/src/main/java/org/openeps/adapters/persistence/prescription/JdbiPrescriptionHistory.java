package org.openeps.adapters.persistence.prescription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.adapters.persistence.prescription.PrescriptionHistoryRows.HistoryRow;
import org.openeps.application.prescription.PrescriptionHistory;
import org.openeps.domain.prescription.ChangeReasons;
import org.openeps.domain.prescription.HistoryEvent;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.shared.OdsCode;

/**
 * The prescription history in PostgreSQL, one row per event, in the caller's transaction when there is one. Times are
 * kept to the microsecond. An event is for a stored prescription. Its reasons are kept beside it (V11); an event
 * recorded before them reads as one that gave none.
 */
public final class JdbiPrescriptionHistory implements PrescriptionHistory {

    private static final String INSERT = """
            insert into prescription_history (prescription_id, issue_number, at, organisation, person, event, status,
                                              item_statuses, message_id, cancellation_reason, non_dispensing_reason,
                                              item_cancellation_reasons, item_non_dispensing_reasons)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** A prescription's events, oldest first; those recorded at the same moment in the order they were recorded. */
    private static final String FIND_FOR = """
            select prescription_id, issue_number, at, organisation, person, event, status, item_statuses, message_id,
                   cancellation_reason, non_dispensing_reason, item_cancellation_reasons, item_non_dispensing_reasons
            from prescription_history
            where prescription_id = ?
            order by at, id
            """;

    private final Jdbi jdbi;

    public JdbiPrescriptionHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(HistoryEvent event) {
        HistoryRow row = new HistoryRow(
                event.prescriptionId().value(),
                event.issueNumber(),
                event.at().truncatedTo(ChronoUnit.MICROS),
                event.organisation().map(OdsCode::value).orElse(null),
                event.person().orElse(null),
                event.event(),
                event.status().code(),
                ItemStatusArrays.encode(event.itemStatuses()),
                event.messageId().orElse(null),
                event.reasons().cancellation().orElse(null),
                event.reasons().nonDispensing().orElse(null),
                ItemStatusArrays.encodeCodes(event.reasons().itemCancellations()),
                ItemStatusArrays.encodeCodes(event.reasons().itemNonDispensing()));
        // on the handle's JDBC connection (ADR 9): every change records an event
        jdbi.useHandle(handle -> Jdbc.update(handle, INSERT, row.prescriptionId(), row.issueNumber(), row.at(),
                row.organisation(), row.person(), row.event(), row.status(), Jdbc.texts(row.itemStatuses()),
                row.messageId(), row.cancellationReason(), row.nonDispensingReason(),
                Jdbc.texts(row.itemCancellationReasons()), Jdbc.texts(row.itemNonDispensingReasons())));
    }

    @Override
    public List<HistoryEvent> findFor(PrescriptionId id) {
        // on the handle's JDBC connection (ADR 9): every tracker details view and patient view reads the history
        return jdbi.withHandle(handle -> Jdbc.query(handle, FIND_FOR, JdbiPrescriptionHistory::historyRow, id.value()))
                .stream()
                .map(row -> new HistoryEvent(
                        PrescriptionId.parse(row.prescriptionId()),
                        row.issueNumber(),
                        row.at(),
                        Optional.ofNullable(row.organisation()).map(OdsCode::parse),
                        Optional.ofNullable(row.person()),
                        row.event(),
                        PrescriptionStatus.fromCode(row.status()),
                        ItemStatusArrays.decode(row.itemStatuses()),
                        Optional.ofNullable(row.messageId()),
                        new ChangeReasons(
                                Optional.ofNullable(row.cancellationReason()),
                                Optional.ofNullable(row.nonDispensingReason()),
                                ItemStatusArrays.decodeCodes(row.itemCancellationReasons()),
                                ItemStatusArrays.decodeCodes(row.itemNonDispensingReasons()))))
                .toList();
    }

    private static HistoryRow historyRow(ResultSet rs) throws SQLException {
        return new HistoryRow(rs.getString("prescription_id"), rs.getInt("issue_number"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("organisation"),
                rs.getString("person"), rs.getString("event"), rs.getString("status"), texts(rs, "item_statuses"),
                rs.getString("message_id"), rs.getString("cancellation_reason"), rs.getString("non_dispensing_reason"),
                texts(rs, "item_cancellation_reasons"), texts(rs, "item_non_dispensing_reasons"));
    }

    private static String[] texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : (String[]) array.getArray();
    }
}
