package org.openeps.adapters.persistence.prescription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.DispenseRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.IssueRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ItemStatusRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.PrescriptionRow;
import org.openeps.adapters.persistence.prescription.PrescriptionRows.ReleasableRow;

/**
 * The SQL for the prescription tables, run on the handle's JDBC connection (ADR 9): every lifecycle message loads and
 * writes a prescription. Rows are read by column name; a list of IDs binds as {@code in (?, ?, ...)}, one text per
 * number of IDs, each prepared once: PostgreSQL plans {@code id in ($1)} once for all, where {@code id = any($1)}
 * (an array of unknown length) it would plan again at every execution.
 */
final class PrescriptionStatements {

    private PrescriptionStatements() {
    }

    private static final String PRESCRIPTION_COLUMNS = """
            id, long_form_id, prescription_type, treatment_type, prescriber_ods, prescriber_org_name,
            prescriber_name, prescriber_sds_user_id, prescriber_role_profile, prescriber_role_code, nhs_number,
            patient_family_name, patient_given_names, patient_birth_date, patient_gender, patient_postcode,
            nominated_ods, nominated_site_type, nomination_cleared, authored_on, start_date, days_supply,
            number_of_issues, received_at, version""";

    private static final String INSERT = "insert into prescription (" + PRESCRIPTION_COLUMNS + """
            , order_message, to_be_dispensed)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    static void insert(Jdbc.RoundTrip trip, PrescriptionRow row, byte[] orderMessage, boolean toBeDispensed) {
        trip.update(INSERT, row.id(), row.longFormId(), row.prescriptionType(), row.treatmentType(),
                row.prescriberOds(), row.prescriberOrgName(), row.prescriberName(), row.prescriberSdsUserId(),
                row.prescriberRoleProfile(), row.prescriberRoleCode(), row.nhsNumber(), row.patientFamilyName(),
                Jdbc.texts(row.patientGivenNames()), Jdbc.date(row.patientBirthDate()), row.patientGender(),
                row.patientPostcode(), row.nominatedOds(), row.nominatedSiteType(), row.nominationCleared(),
                Jdbc.timestamp(row.authoredOn()), Jdbc.date(row.startDate()), Jdbc.integer(row.daysSupply()),
                row.numberOfIssues(), Jdbc.timestamp(row.receivedAt()), row.version(),
                orderMessage, toBeDispensed);
    }

    private static final String UPDATE = """
            update prescription
            set nomination_cleared = ?, to_be_dispensed = ?, version = version + 1
            where id = ? and version = ?
            """;

    /**
     * Optimistic locking: stores the new version only if the stored one is still the one loaded (a count of 1, else
     * 0: the prescription changed since it was loaded, or is not stored; the caller then fails, and its transaction
     * rolls back whatever else the round trip wrote).
     */
    static Jdbc.Result<Integer> update(Jdbc.RoundTrip trip, String id, long version, boolean nominationCleared,
                                       boolean toBeDispensed) {
        return trip.update(UPDATE, nominationCleared, toBeDispensed, id, version);
    }

    /** Deletes the prescription's dispense records, which the caller writes again. */
    static void deleteDispenses(Jdbc.RoundTrip trip, String prescriptionId) {
        trip.update("delete from dispense_record where prescription_id = ?", prescriptionId);
    }

    private static final String INSERT_ITEM = """
            insert into prescription_item (prescription_id, item_id, position, medication_code, medication_display,
                                           quantity_value, quantity_unit, dosage_text)
            values %s
            """;

    static void insertItems(Jdbc.RoundTrip trip, List<ItemRow> items) {
        insertRows(trip, INSERT_ITEM, 8, items, item -> Stream.of(item.prescriptionId(), item.itemId(),
                item.position(), item.medicationCode(), item.medicationDisplay(), item.quantityValue(),
                item.quantityUnit(), item.dosageText()));
    }

    private static final String UPSERT_ISSUE = """
            insert into prescription_issue (
                prescription_id, issue_number, status, dispenser_ods,
                cancel_requested_by, cancel_prescriber, cancel_item_id, cancel_reason_code, cancel_requested_at,
                claim_id, claim_received_at, expires_on, available_from, last_dispensed_at)
            values %s
            on conflict (prescription_id, issue_number) do update set
                status = excluded.status,
                dispenser_ods = excluded.dispenser_ods,
                cancel_requested_by = excluded.cancel_requested_by,
                cancel_prescriber = excluded.cancel_prescriber,
                cancel_item_id = excluded.cancel_item_id,
                cancel_reason_code = excluded.cancel_reason_code,
                cancel_requested_at = excluded.cancel_requested_at,
                claim_id = excluded.claim_id,
                claim_received_at = excluded.claim_received_at,
                expires_on = excluded.expires_on,
                available_from = excluded.available_from,
                last_dispensed_at = excluded.last_dispensed_at
            """;

    /** Inserts the issues, or rewrites those already stored (a prescription's issues are numbered once, at receipt). */
    static void upsertIssues(Jdbc.RoundTrip trip, List<IssueRow> issues) {
        insertRows(trip, UPSERT_ISSUE, 14, issues, issue -> Stream.of(issue.prescriptionId(), issue.issueNumber(),
                issue.status(), issue.dispenserOds(), issue.cancelRequestedBy(), issue.cancelPrescriber(),
                issue.cancelItemId(), issue.cancelReasonCode(), Jdbc.timestamp(issue.cancelRequestedAt()),
                issue.claimId(), Jdbc.timestamp(issue.claimReceivedAt()), Jdbc.date(issue.expiresOn()),
                Jdbc.date(issue.availableFrom()), Jdbc.timestamp(issue.lastDispensedAt())));
    }

    private static final String UPSERT_ITEM_STATUS = """
            insert into issue_item_status (prescription_id, issue_number, item_id, status)
            values %s
            on conflict (prescription_id, issue_number, item_id) do update set status = excluded.status
            """;

    /** Inserts the item statuses, or rewrites those already stored (every issue has one for every item). */
    static void upsertItemStatuses(Jdbc.RoundTrip trip, List<ItemStatusRow> statuses) {
        insertRows(trip, UPSERT_ITEM_STATUS, 4, statuses, status -> Stream.of(status.prescriptionId(),
                status.issueNumber(), status.itemId(), status.status()));
    }

    private static final String INSERT_DISPENSE = """
            insert into dispense_record (prescription_id, issue_number, position, notification_id, at, status_before,
                                         items_before)
            values %s
            """;

    static void insertDispenses(Jdbc.RoundTrip trip, List<DispenseRow> dispenses) {
        insertRows(trip, INSERT_DISPENSE, 7, dispenses, dispense -> Stream.of(dispense.prescriptionId(),
                dispense.issueNumber(), dispense.position(), dispense.notificationId(), Jdbc.timestamp(dispense.at()),
                dispense.statusBefore(), Jdbc.texts(dispense.itemsBefore())));
    }

    /**
     * Adds to the round trip one insert of every row (none when there are none): {@code sql}'s {@code %s} is the
     * values list, {@code columns} values a row.
     */
    private static <T> void insertRows(Jdbc.RoundTrip trip, String sql, int columns, List<T> rows,
                                       Function<T, Stream<Object>> values) {
        if (!rows.isEmpty()) {
            trip.update(sql.formatted(Jdbc.rows(rows.size(), columns)), rows.stream().flatMap(values).toArray());
        }
    }

    private static final String FIND_PRESCRIPTIONS =
            "select " + PRESCRIPTION_COLUMNS + " from prescription where id in %s";

    /** The rows of the prescriptions with some IDs, each table's in the order the repository builds them in. */
    record Loaded(List<PrescriptionRow> prescriptions, List<ItemRow> items, List<IssueRow> issues,
                  List<ItemStatusRow> itemStatuses, List<DispenseRow> dispenses) {
    }

    /**
     * Reads the prescriptions with these IDs and their items, issues, item statuses and dispense records: five
     * queries in one round trip (ADR 10). With {@code lock}, the prescription rows stay locked until the transaction
     * ends (the first query locks them, before the others read).
     */
    static Loaded load(Handle handle, Collection<String> ids, boolean lock) {
        String in = Jdbc.in(ids.size());
        Object[] values = ids.toArray();
        Jdbc.RoundTrip trip = new Jdbc.RoundTrip();
        Jdbc.Result<PrescriptionRow> prescriptions = trip.query(
                FIND_PRESCRIPTIONS.formatted(in) + (lock ? " for update" : ""), PrescriptionStatements::prescription,
                values);
        Jdbc.Result<ItemRow> items = trip.query(FIND_ITEMS.formatted(in), PrescriptionStatements::item, values);
        Jdbc.Result<IssueRow> issues = trip.query(FIND_ISSUES.formatted(in), PrescriptionStatements::issue, values);
        Jdbc.Result<ItemStatusRow> statuses = trip.query(FIND_ITEM_STATUSES.formatted(in),
                rs -> new ItemStatusRow(rs.getString("prescription_id"), rs.getInt("issue_number"),
                        rs.getString("item_id"), rs.getString("status")), values);
        Jdbc.Result<DispenseRow> dispenses = trip.query(FIND_DISPENSES.formatted(in), PrescriptionStatements::dispense,
                values);
        trip.run(handle);
        return new Loaded(prescriptions.rows(), items.rows(), issues.rows(), statuses.rows(), dispenses.rows());
    }

    private static final String LOCK_NOMINATED_RELEASABLE = """
            select p.id, p.original_message, p.order_message
            from prescription p
            where p.nominated_ods = ?
              and not p.nomination_cleared
              and p.to_be_dispensed
              and exists (select 1 from prescription_issue i where i.prescription_id = p.id and i.status = '0001')
            order by p.received_at, p.id
            limit ?
            for update of p skip locked
            """;

    /**
     * Nominated download: locks up to {@code limit} prescriptions currently nominated to the dispenser (not returned)
     * with an issue to be dispensed, oldest first, skipping those another transaction has locked.
     */
    static List<ReleasableRow> lockNominatedReleasable(Handle handle, String dispenser, int limit) {
        return Jdbc.query(handle, LOCK_NOMINATED_RELEASABLE, PrescriptionStatements::releasable, dispenser, limit);
    }

    /**
     * Locks up to {@code limit} prescriptions with time-driven work due, oldest first, skipping those another
     * transaction has locked: an issue in a status that may expire ({@code expirable}, SQL literals, so that the
     * partial index applies) on or after its expiry date; a dispensed issue whose last dispense is at or before
     * {@code claimCutoff}; a future-dated issue that starts by tomorrow (always issue 1, whose {@code available_from}
     * is the start date); an eRD issue waiting for its download date that has come.
     */
    static List<String> lockWithWorkDue(Handle handle, String expirable, LocalDate today, LocalDate tomorrow,
                                        Instant claimCutoff, int limit) {
        return Jdbc.query(handle, """
                select p.id
                from prescription p
                where p.id in (
                    select i.prescription_id
                    from prescription_issue i
                    where (i.status in (""" + expirable + """
                ) and i.expires_on <= ?)
                       or (i.status = '0006' and i.last_dispensed_at <= ?)
                       or (i.status = '9001' and i.available_from <= ?)
                       or (i.status = '0000' and i.available_from <= ?))
                order by p.received_at, p.id
                limit ?
                for update of p skip locked
                """, rs -> rs.getString("id"), today, claimCutoff, tomorrow, today, limit);
    }

    static List<String> findIdsByPatient(Handle handle, String nhsNumber, int limit) {
        return Jdbc.query(handle, """
                select id from prescription
                where nhs_number = ?
                order by received_at desc, id
                limit ?
                """, rs -> rs.getString("id"), nhsNumber, limit);
    }

    private static final String FIND_ITEMS = """
            select prescription_id, item_id, position, medication_code, medication_display, quantity_value,
                   quantity_unit, dosage_text
            from prescription_item
            where prescription_id in %s
            order by prescription_id, position
            """;

    private static ItemRow item(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getString("prescription_id"), rs.getString("item_id"), rs.getInt("position"),
                rs.getString("medication_code"), rs.getString("medication_display"), rs.getBigDecimal("quantity_value"),
                rs.getString("quantity_unit"), rs.getString("dosage_text"));
    }

    private static final String FIND_ISSUES = """
            select prescription_id, issue_number, status, dispenser_ods, cancel_requested_by, cancel_prescriber,
                   cancel_item_id, cancel_reason_code, cancel_requested_at, claim_id, claim_received_at, expires_on,
                   available_from, last_dispensed_at
            from prescription_issue
            where prescription_id in %s
            order by prescription_id, issue_number
            """;

    private static IssueRow issue(ResultSet rs) throws SQLException {
        return new IssueRow(rs.getString("prescription_id"), rs.getInt("issue_number"), rs.getString("status"),
                rs.getString("dispenser_ods"), rs.getString("cancel_requested_by"), rs.getString("cancel_prescriber"),
                rs.getString("cancel_item_id"), rs.getString("cancel_reason_code"), instant(rs, "cancel_requested_at"),
                rs.getString("claim_id"), instant(rs, "claim_received_at"), date(rs, "expires_on"),
                date(rs, "available_from"), instant(rs, "last_dispensed_at"));
    }

    /**
     * Without a join to the items for their order (the repository orders them): a generic plan of that join read
     * every item row of the table for each load of several prescriptions.
     */
    private static final String FIND_ITEM_STATUSES = """
            select prescription_id, issue_number, item_id, status
            from issue_item_status
            where prescription_id in %s
            order by prescription_id, issue_number
            """;

    private static final String FIND_DISPENSES = """
            select prescription_id, issue_number, position, notification_id, at, status_before, items_before
            from dispense_record
            where prescription_id in %s
            order by prescription_id, issue_number, position
            """;

    private static DispenseRow dispense(ResultSet rs) throws SQLException {
        return new DispenseRow(rs.getString("prescription_id"), rs.getInt("issue_number"), rs.getInt("position"),
                rs.getString("notification_id"), instant(rs, "at"), rs.getString("status_before"),
                strings(rs, "items_before"));
    }

    static Optional<ReleasableRow> findOriginalMessage(Handle handle, String id) {
        return Jdbc.first(handle, "select id, original_message, order_message from prescription where id = ?",
                PrescriptionStatements::releasable, id);
    }

    private static PrescriptionRow prescription(ResultSet rs) throws SQLException {
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

    private static ReleasableRow releasable(ResultSet rs) throws SQLException {
        return new ReleasableRow(rs.getString("id"), rs.getString("original_message"), rs.getBytes("order_message"));
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
