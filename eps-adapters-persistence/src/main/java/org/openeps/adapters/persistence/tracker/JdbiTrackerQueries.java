package org.openeps.adapters.persistence.tracker;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openeps.adapters.persistence.Jdbc;
import org.openeps.application.tracker.ListedPrescription;
import org.openeps.application.tracker.PatientSearch;
import org.openeps.application.tracker.PrescriptionSummary;
import org.openeps.application.tracker.TrackerQueries;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.prescription.Prescription;
import org.openeps.domain.prescription.PrescriptionCalendar;
import org.openeps.domain.prescription.PrescriptionId;
import org.openeps.domain.prescription.PrescriptionStatus;
import org.openeps.domain.prescription.TreatmentType;
import org.openeps.domain.shared.NhsNumber;

/**
 * The tracker's read models in PostgreSQL. The search by basic details finds candidate patients through the index of
 * {@code V10__tracker_search.sql} (family name key and date of birth), takes each one's newest prescription (by the
 * patient index), and matches again on those newest details. The list reads a prescription's row and its issues'
 * rows only. Runs on the caller's transaction when there is one.
 */
public final class JdbiTrackerQueries implements TrackerQueries {

    /** The family name key, as the index of {@code V10__tracker_search.sql} has it. */
    private static final String FAMILY_KEY = "lower(regexp_replace(patient_family_name, '\\s', '', 'g'))";

    private static final String FIND_PATIENTS = """
            with candidates as (
                select distinct nhs_number from prescription
                where %1$s = :family
                  and patient_birth_date = :dateOfBirth
                  and patient_family_name is not null and patient_birth_date is not null
            ), newest as (
                select distinct on (p.nhs_number) p.nhs_number, p.patient_family_name, p.patient_given_names,
                       p.patient_birth_date, p.patient_gender, p.patient_postcode
                from prescription p join candidates c on c.nhs_number = p.nhs_number
                order by p.nhs_number, p.received_at desc, p.id desc
            )
            select nhs_number, patient_family_name, patient_given_names, patient_birth_date, patient_gender,
                   patient_postcode
            from newest
            where %1$s = :family
              and patient_birth_date = :dateOfBirth
              and (cast(:given as text) is null or exists (
                    select 1 from unnest(patient_given_names) given
                    where lower(regexp_replace(given, '\\s', '', 'g')) = cast(:given as text)))
              and (cast(:postcode as text) is null
                   or upper(regexp_replace(patient_postcode, '\\s', '', 'g')) = cast(:postcode as text))
            order by %1$s collate "C", nhs_number collate "C"
            limit :limit
            """.formatted(FAMILY_KEY);

    /** The columns of a listed prescription's patient and summary. */
    private static final String LISTED_COLUMNS = """
            id, treatment_type, authored_on, received_at, nhs_number, patient_family_name, patient_given_names,
            patient_birth_date, patient_gender, patient_postcode""";

    /**
     * The prescriptions the inner query picks, with each of their issues' status and pending cancellation, one row per
     * issue: two tables of the five a whole prescription is read from, in one statement. Each prescription's issues
     * are read by its key ({@code offset 0} keeps the lateral subquery a subquery, so it is run per prescription): as
     * a plain join, a plan made from statistics older than the table's growth hashed a scan of every issue, 9.6 ms
     * at p50 instead of 3.7 in the benchmark at 500 a second.
     */
    private static final String LISTED = """
            select p.*, i.issue_number, i.status, i.cancel_requested_by, i.cancel_item_id
            from (%s) p
            cross join lateral (
                select issue_number, status, cancel_requested_by, cancel_item_id
                from prescription_issue
                where prescription_id = p.id
                offset 0) i
            order by p.received_at desc, p.id, i.issue_number
            """;

    private static final String LISTED_BY_ID = LISTED.formatted(
            "select " + LISTED_COLUMNS + " from prescription where id = ?");

    private static final String LISTED_BY_PATIENT = LISTED.formatted("select " + LISTED_COLUMNS + """
             from prescription
            where nhs_number = ? and authored_on >= ?
            order by received_at desc, id
            limit ?""");

    private final Jdbi jdbi;

    public JdbiTrackerQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Patient> findPatients(PatientSearch search, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(FIND_PATIENTS)
                .bind("family", search.familyNameKey())
                .bind("dateOfBirth", search.dateOfBirth())
                .bind("given", search.givenNameKey().orElse(null))
                .bind("postcode", search.postcodeKey().orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> patient(rs))
                .list());
    }

    /** One round trip, on the handle's JDBC connection (ADR 9): the tracker's most frequent look-up. */
    @Override
    public Optional<ListedPrescription> findListed(PrescriptionId id) {
        return jdbi.withHandle(handle -> listed(Jdbc.query(handle, LISTED_BY_ID, ListedRow::read, id.value())))
                .stream().findFirst();
    }

    @Override
    public List<ListedPrescription> findListed(NhsNumber nhsNumber, Instant signedFrom, int limit) {
        return jdbi.withHandle(handle -> listed(Jdbc.query(handle, LISTED_BY_PATIENT, ListedRow::read,
                nhsNumber.value(), signedFrom, limit)));
    }

    /** One row per issue, a prescription's issues together and in order, made into a listed prescription each. */
    private static List<ListedPrescription> listed(List<ListedRow> rows) {
        List<ListedPrescription> listed = new ArrayList<>();
        int first = 0;
        while (first < rows.size()) {
            int end = first + 1;
            while (end < rows.size() && rows.get(end).id().equals(rows.get(first).id())) {
                end++;
            }
            listed.add(prescription(rows.subList(first, end)));
            first = end;
        }
        return listed;
    }

    private static ListedPrescription prescription(List<ListedRow> issues) {
        ListedRow shown = issues.get(Prescription.currentIssueIndex(issues.stream().map(ListedRow::status).toList()));
        boolean pending = shown.cancelRequestedBy() != null;
        PrescriptionSummary summary = new PrescriptionSummary(PrescriptionId.parse(shown.id()),
                PrescriptionCalendar.prescriptionDate(shown.authoredOn()), shown.treatmentType(),
                shown.issueNumber(), issues.size(), shown.status(), pending && shown.cancelItemId() == null,
                pending && shown.cancelItemId() != null);
        return new ListedPrescription(summary, shown.patient(), shown.receivedAt());
    }

    /** A row of {@link #LISTED}: a prescription's patient and summary columns, and one of its issues. */
    private record ListedRow(String id, TreatmentType treatmentType, Instant authoredOn, Instant receivedAt,
                             Patient patient, int issueNumber, PrescriptionStatus status, String cancelRequestedBy,
                             String cancelItemId) {

        static ListedRow read(ResultSet rs) throws SQLException {
            return new ListedRow(rs.getString("id"), TreatmentType.fromCode(rs.getString("treatment_type")),
                    rs.getObject("authored_on", OffsetDateTime.class).toInstant(),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant(), JdbiTrackerQueries.patient(rs),
                    rs.getInt("issue_number"), PrescriptionStatus.fromCode(rs.getString("status")),
                    rs.getString("cancel_requested_by"), rs.getString("cancel_item_id"));
        }
    }

    private static Patient patient(ResultSet rs) throws SQLException {
        Array given = rs.getArray("patient_given_names");
        List<String> givenNames = given == null ? List.of() : Arrays.asList((String[]) given.getArray());
        LocalDate birthDate = rs.getObject("patient_birth_date", LocalDate.class);
        return new Patient(new NhsNumber(rs.getString("nhs_number")),
                Optional.ofNullable(rs.getString("patient_family_name")), givenNames,
                Optional.ofNullable(birthDate),
                Optional.ofNullable(rs.getString("patient_gender")),
                Optional.ofNullable(rs.getString("patient_postcode")));
    }
}
