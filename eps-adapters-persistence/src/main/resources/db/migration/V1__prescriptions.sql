-- Prescriptions as received: what was prescribed, and the message exactly as it arrived.
create table prescription (
    id                      text        primary key,          -- short-form prescription ID
    long_form_id            text        not null,
    prescription_type       text        not null,
    treatment_type          text        not null,
    prescriber_ods          text        not null,
    prescriber_org_name     text,
    prescriber_name         text,
    prescriber_sds_user_id  text,
    prescriber_role_profile text,
    prescriber_role_code    text,
    nhs_number              text        not null,
    patient_family_name     text,
    patient_given_names     text[]      not null default '{}',
    patient_birth_date      date,
    patient_gender          text,
    patient_postcode        text,
    nominated_ods           text,
    nominated_site_type     text        not null,              -- P1 P2 P3, or 0004 for none
    authored_on             timestamptz not null,
    start_date              date        not null,
    days_supply             integer,
    number_of_issues        integer     not null check (number_of_issues >= 1),
    received_at             timestamptz not null,
    original_message        text        not null,
    version                 bigint      not null
);

create index prescription_by_patient on prescription (nhs_number, received_at desc);
create index prescription_by_nominated on prescription (nominated_ods) where nominated_ods is not null;

create table prescription_item (
    prescription_id    text    not null references prescription (id) on delete cascade,
    item_id            text    not null,
    position           integer not null,
    medication_code    text    not null,
    medication_display text    not null,
    quantity_value     numeric not null,
    quantity_unit      text    not null,
    dosage_text        text    not null,
    primary key (prescription_id, item_id)
);

-- One row per issue (eRD prescriptions have several), and the status of every item within each issue.
create table prescription_issue (
    prescription_id text    not null references prescription (id) on delete cascade,
    issue_number    integer not null,
    status          text    not null,
    primary key (prescription_id, issue_number)
);

create table issue_item_status (
    prescription_id text    not null,
    issue_number    integer not null,
    item_id         text    not null,
    status          text    not null,
    primary key (prescription_id, issue_number, item_id),
    foreign key (prescription_id, issue_number) references prescription_issue (prescription_id, issue_number) on delete cascade,
    foreign key (prescription_id, item_id) references prescription_item (prescription_id, item_id) on delete cascade
);

-- The answer given to each message, so that a message sent again (same identifier, same content) gets the same
-- answer and changes nothing.
create table recorded_reply (
    scope        text        not null,
    request_id   text        not null,
    fingerprint  text        not null,
    status       integer,
    content_type text,
    body         bytea,
    recorded_at  timestamptz not null default now(),
    primary key (scope, request_id, fingerprint)
);
