package org.openeps.adapters.persistence.tracker;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openeps.application.tracker.PatientSearch;
import org.openeps.application.tracker.TrackerQueries;
import org.openeps.domain.prescription.Patient;
import org.openeps.domain.shared.NhsNumber;

/**
 * The tracker's read models in PostgreSQL. The search by basic details finds candidate patients through the index of
 * {@code V10__tracker_search.sql} (family name key and date of birth), takes each one's newest prescription (by the
 * patient index), and matches again on those newest details. Runs on the caller's transaction when there is one.
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
