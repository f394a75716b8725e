-- The lifecycle after receipt: which dispenser holds each issue, cancellations waiting on it, the dispense
-- notifications applied to it, its claim, and the history of every change for the tracker.

-- The current nomination is the order's (nominated_ods, nominated_site_type) unless a dispenser returned the
-- prescription, which clears it: that is the only way a prescription's nomination changes.
alter table prescription
    add column nomination_cleared boolean not null default false;

alter table prescription_issue
    -- the dispenser the issue was released to (kept after dispensing, for the claim)
    add column dispenser_ods       text,
    -- a cancellation the prescriber asked for while the issue was with a dispenser (all null when there is none)
    add column cancel_requested_by text,
    add column cancel_prescriber   text,                -- SDS user ID of the prescriber, when the message said
    add column cancel_item_id      text,                -- null: the whole prescription
    add column cancel_reason_code  text,
    add column cancel_requested_at timestamptz,
    -- the claim, once made: the latest claim's identifier and when the first claim arrived
    add column claim_id            text,
    add column claim_received_at   timestamptz,
    -- Derived columns, never read back into the domain: the adapter writes them from the domain's own values
    -- (Prescription.expiresOn(n), Prescription.availableFrom(n), Issue.lastDispensedAt()) on every insert and update,
    -- so that finding time-driven work is a plain indexed query instead of date arithmetic over every issue.
    add column expires_on          date,
    add column available_from      date,
    add column last_dispensed_at   timestamptz,
    add constraint prescription_issue_pending_cancellation_complete check (
        (cancel_requested_by is null) = (cancel_reason_code is null)
        and (cancel_requested_by is null) = (cancel_requested_at is null)
        and (cancel_requested_by is not null or (cancel_prescriber is null and cancel_item_id is null))),
    add constraint prescription_issue_claim_complete check ((claim_id is null) = (claim_received_at is null));

-- Issues stored by V1: derive the dates as the domain does. Issue 1 expires six months after the prescription date
-- (the English calendar date it was signed), later issues after twelve; issue n of an eRD prescription may be
-- downloaded from start date + days supply x (n - 1) - 7 days, issue 1 from its start date. PostgreSQL, like
-- LocalDate.plusMonths, clamps to the end of a shorter month.
update prescription_issue i
set expires_on     = ((p.authored_on at time zone 'Europe/London')::date
                      + case when i.issue_number = 1 then interval '6 months' else interval '12 months' end)::date,
    available_from = p.start_date + coalesce(p.days_supply, 0) * (i.issue_number - 1)
                      - case when i.issue_number = 1 then 0 else 7 end
from prescription p
where p.id = i.prescription_id;

alter table prescription_issue
    alter column expires_on set not null,
    alter column available_from set not null;

-- The dispense notifications applied to an issue, oldest first (position 0), with the state each replaced so that
-- it can be withdrawn or amended.
create table dispense_record (
    prescription_id text        not null,
    issue_number    integer     not null,
    position        integer     not null check (position >= 0),
    notification_id text        not null,
    at              timestamptz not null,
    status_before   text        not null,
    items_before    text[]      not null,                -- 'itemId=code' for every item, in prescription order
    primary key (prescription_id, issue_number, position),
    foreign key (prescription_id, issue_number)
        references prescription_issue (prescription_id, issue_number) on delete cascade
);

-- Every change to every prescription, for the tracker; read by prescription, oldest first.
create table prescription_history (
    id              bigserial   primary key,
    prescription_id text        not null references prescription (id) on delete cascade,
    issue_number    integer     not null,
    at              timestamptz not null,
    organisation    text,                                -- null: a change the service made itself (expiry)
    event           text        not null,
    status          text        not null,
    item_statuses   text[]      not null,                -- 'itemId=code' for every item, in prescription order
    message_id      text
);

create index prescription_history_by_prescription on prescription_history (prescription_id, at, id);

-- Nominated download: the prescriptions currently nominated to a dispenser, oldest first, with an issue to be
-- dispensed. It replaces V1's index on the order's nomination, which a returned prescription no longer has.
drop index prescription_by_nominated;
create index prescription_by_current_nomination on prescription (nominated_ods, received_at, id)
    where nominated_ods is not null and not nomination_cleared;
create index prescription_issue_to_be_dispensed on prescription_issue (prescription_id)
    where status = '0001';

-- Time-driven work, one small partial index per kind, each holding only the issues in the statuses it applies to:
-- expiry (the statuses Transition.EXPIRE starts from), no-claim (0006, by last dispense), becoming available
-- (0000 from its download date, 9001 from the day before its start date).
create index prescription_issue_expiry_due on prescription_issue (expires_on)
    where status in ('0000', '0001', '0002', '0003', '9000', '9001', '9005');
create index prescription_issue_no_claim_due on prescription_issue (last_dispensed_at)
    where status = '0006';
create index prescription_issue_available_due on prescription_issue (available_from)
    where status in ('0000', '9001');
