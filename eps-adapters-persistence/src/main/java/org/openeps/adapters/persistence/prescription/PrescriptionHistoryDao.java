package org.openeps.adapters.persistence.prescription;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.openeps.adapters.persistence.prescription.PrescriptionHistoryRows.HistoryRow;

/** SQL for reading the prescription history (events are written by {@link JdbiPrescriptionHistory}). */
@RegisterConstructorMapper(HistoryRow.class)
interface PrescriptionHistoryDao {

    /** A prescription's events, oldest first; those recorded at the same moment in the order they were recorded. */
    @SqlQuery("""
            select prescription_id, issue_number, at, organisation, person, event, status, item_statuses, message_id,
                   cancellation_reason, non_dispensing_reason, item_cancellation_reasons, item_non_dispensing_reasons
            from prescription_history
            where prescription_id = :prescriptionId
            order by at, id
            """)
    List<HistoryRow> findFor(@Bind("prescriptionId") String prescriptionId);
}
