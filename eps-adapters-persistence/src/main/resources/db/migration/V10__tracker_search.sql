-- The clinical tracker's search by basic details: family name (lower-cased, whitespace removed) and date of birth.
-- JdbiTrackerQueries compares with exactly this expression, so that the index serves the search.
create index prescription_patient_search
    on prescription ((lower(regexp_replace(patient_family_name, '\s', '', 'g'))), patient_birth_date)
    where patient_family_name is not null and patient_birth_date is not null;
