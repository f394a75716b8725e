package org.openeps.adapters.persistence.prescription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.DispenseRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;

/**
 * The rows every load of a prescription reads, mapped by column name without reflection (public, since Jdbi makes
 * the mappers). Jdbi's {@code ConstructorMapper} works out the constructor and its columns again for every query (its
 * cache lives in a configuration copied per SQL Object call), which the benchmark's profile showed as a tenth of the
 * service's CPU.
 */
public final class PrescriptionRowMappers {

    private PrescriptionRowMappers() {
    }

    public static final class Prescriptions implements RowMapper<PrescriptionRow> {
        @Override
        public PrescriptionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PrescriptionRow(rs.getString("id"), rs.getString("long_form_id"),
                    rs.getString("prescription_type"), rs.getString("treatment_type"), rs.getString("prescriber_ods"),
                    rs.getString("prescriber_org_name"), rs.getString("prescriber_name"),
                    rs.getString("prescriber_sds_user_id"), rs.getString("prescriber_role_profile"),
                    rs.getString("prescriber_role_code"), rs.getString("nhs_number"),
                    rs.getString("patient_family_name"), strings(rs, "patient_given_names"),
                    date(rs, "patient_birth_date"), rs.getString("patient_gender"), rs.getString("patient_postcode"),
                    rs.getString("nominated_ods"), rs.getString("nominated_site_type"),
                    rs.getBoolean("nomination_cleared"), instant(rs, "authored_on"), date(rs, "start_date"),
                    integer(rs, "days_supply"), rs.getInt("number_of_issues"), instant(rs, "received_at"),
                    rs.getLong("version"));
        }
    }

    public static final class Items implements RowMapper<ItemRow> {
        @Override
        public ItemRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ItemRow(rs.getString("prescription_id"), rs.getString("item_id"), rs.getInt("position"),
                    rs.getString("medication_code"), rs.getString("medication_display"),
                    rs.getBigDecimal("quantity_value"), rs.getString("quantity_unit"), rs.getString("dosage_text"));
        }
    }

    public static final class Issues implements RowMapper<IssueRow> {
        @Override
        public IssueRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new IssueRow(rs.getString("prescription_id"), rs.getInt("issue_number"), rs.getString("status"),
                    rs.getString("dispenser_ods"), rs.getString("cancel_requested_by"),
                    rs.getString("cancel_prescriber"), rs.getString("cancel_item_id"),
                    rs.getString("cancel_reason_code"), instant(rs, "cancel_requested_at"), rs.getString("claim_id"),
                    instant(rs, "claim_received_at"), date(rs, "expires_on"), date(rs, "available_from"),
                    instant(rs, "last_dispensed_at"));
        }
    }

    public static final class ItemStatuses implements RowMapper<ItemStatusRow> {
        @Override
        public ItemStatusRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ItemStatusRow(rs.getString("prescription_id"), rs.getInt("issue_number"),
                    rs.getString("item_id"), rs.getString("status"));
        }
    }

    public static final class Dispenses implements RowMapper<DispenseRow> {
        @Override
        public DispenseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DispenseRow(rs.getString("prescription_id"), rs.getInt("issue_number"), rs.getInt("position"),
                    rs.getString("notification_id"), instant(rs, "at"), rs.getString("status_before"),
                    strings(rs, "items_before"));
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static String[] strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : (String[]) array.getArray();
    }
}
