package org.openeps.adapters.persistence.prescription;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.adapters.persistence.prescription.PrescriptionHistoryRows.HistoryRow;

/** SQL for the prescription history. */
@RegisterConstructorMapper(HistoryRow.class)
interface PrescriptionHistoryDao {

    @SqlUpdate("""
            insert into prescription_history (prescription_id, issue_number, at, organisation, person, event, status,
                                              item_statuses, message_id)
            values (:prescriptionId, :issueNumber, :at, :organisation, :person, :event, :status, :itemStatuses,
                    :messageId)
            """)
    void insert(@BindMethods HistoryRow row);

    /** A prescription's events, oldest first; those recorded at the same moment in the order they were recorded. */
    @SqlQuery("""
            select prescription_id, issue_number, at, organisation, person, event, status, item_statuses, message_id
            from prescription_history
            where prescription_id = :prescriptionId
            order by at, id
            """)
    List<HistoryRow> findFor(@Bind("prescriptionId") String prescriptionId);
}
