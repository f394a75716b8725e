-- Patients' nominations: one row per patient who has ever nominated, one column per dispensing site type (P1 a
-- pharmacy, P2 a dispensing appliance contractor, P3 a dispensing doctor), null when none is nominated. version is
-- the optimistic lock the PDS-shaped API gives as the ETag: 1 at the first stored change, one more at each.
create table nomination (
    nhs_number           text   primary key,
    pharmacy             text,
    appliance_contractor text,
    dispensing_doctor    text,
    version              bigint not null check (version > 0)
);

-- Every change to a patient's nominations, in order: site type P1/P2/P3, the organisation before (null when none was
-- nominated) and after (null when removed), who asked (organisation and SDS user ID, when known) and when.
create table nomination_history (
    id           bigserial   primary key,
    nhs_number   text        not null references nomination (nhs_number),
    site_type    text        not null check (site_type in ('P1', 'P2', 'P3')),
    from_ods     text,
    to_ods       text,
    organisation text,
    person       text,
    changed_at   timestamptz not null,
    check (from_ods is distinct from to_ods)
);

create index nomination_history_patient on nomination_history (nhs_number, id);
