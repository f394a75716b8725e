package org.openeps.adapters.persistence.prescription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.prescription.CancellationPlaceholders;
import org.openeps.domain.prescription.CancellationPlaceholder;
import org.openeps.domain.prescription.LineItemId;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.shared.NhsNumber;
import org.openeps.domain.shared.OdsCode;

/** Early cancellations in {@code cancellation_placeholder}, one per prescription ID (the first one kept). */
public final class JdbiCancellationPlaceholders implements CancellationPlaceholders {

    private static final String TAKE = """
            delete from cancellation_placeholder where prescription_id = ?
            returning prescription_id, requested_by, prescriber, nhs_number, item_id, reason_code, received_at
            """;

    private final Jdbi jdbi;
    private final Dao dao;

    public JdbiCancellationPlaceholders(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(Dao.class);
    }

    @Override
    public void keep(CancellationPlaceholder placeholder) {
        dao.insert(new PlaceholderRow(placeholder.prescriptionId().value(), placeholder.requestedBy().value(),
                placeholder.prescriber().orElse(null), placeholder.nhsNumber().value(),
                placeholder.item().map(LineItemId::value).orElse(null), placeholder.reasonCode(),
                placeholder.at().truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public Optional<CancellationPlaceholder> take(PrescriptionId id) {
        // on the handle's JDBC connection (ADR 9): every prescription received looks for one
        return jdbi.withHandle(handle -> Jdbc.first(handle, TAKE, rs -> new PlaceholderRow(
                        rs.getString("prescription_id"), rs.getString("requested_by"), rs.getString("prescriber"),
                        rs.getString("nhs_number"), rs.getString("item_id"), rs.getString("reason_code"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()), id.value()))
                .map(JdbiCancellationPlaceholders::toPlaceholder);
    }

    @Override
    public Optional<CancellationPlaceholder> find(PrescriptionId id) {
        return dao.find(id.value()).map(JdbiCancellationPlaceholders::toPlaceholder);
    }

    private static CancellationPlaceholder toPlaceholder(PlaceholderRow row) {
        return new CancellationPlaceholder(PrescriptionId.parse(row.prescriptionId()), OdsCode.parse(row.requestedBy()),
                Optional.ofNullable(row.prescriber()), NhsNumber.parse(row.nhsNumber()),
                Optional.ofNullable(row.itemId()).map(LineItemId::parse), row.reasonCode(), row.receivedAt());
    }

    /** A row of {@code cancellation_placeholder}. */
    public record PlaceholderRow(String prescriptionId, String requestedBy, String prescriber, String nhsNumber,
                                 String itemId, String reasonCode, Instant receivedAt) {
    }

    @RegisterConstructorMapper(PlaceholderRow.class)
    interface Dao {
        @SqlUpdate("""
                insert into cancellation_placeholder (prescription_id, requested_by, prescriber, nhs_number, item_id,
                                                      reason_code, received_at)
                values (:prescriptionId, :requestedBy, :prescriber, :nhsNumber, :itemId, :reasonCode, :receivedAt)
                on conflict (prescription_id) do nothing
                """)
        void insert(@BindMethods PlaceholderRow row);

        @SqlQuery("""
                select prescription_id, requested_by, prescriber, nhs_number, item_id, reason_code, received_at
                from cancellation_placeholder where prescription_id = :id
                """)
        Optional<PlaceholderRow> find(@Bind("id") String id);
    }
}
