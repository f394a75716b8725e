package org.openeps.adapters.persistence.prescription;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
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
        jdbi.useHandle(handle -> handle.attach(PrescriptionHistoryDao.class).insert(row));
    }

    @Override
    public List<HistoryEvent> findFor(PrescriptionId id) {
        return jdbi.withHandle(handle -> handle.attach(PrescriptionHistoryDao.class).findFor(id.value())).stream()
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
}
