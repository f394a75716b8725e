-- Status updates pharmacies send through the Prescription Status Update API, one row per Task, as received. They are
-- stored by their IDs alone: the prescription named need not be stored (as on the NHS service). The readers apply the
-- rules: the newest last_modified of each item wins (a tie: the row stored last, by seq), and only the updates of the
-- dispenser holding the issue count.
create table pharmacy_status (
    task_id          text        primary key,
    seq              bigint      generated always as identity,
    prescription_id  text        not null,
    item_id          text        not null,
    issue_number     integer     not null check (issue_number >= 1),
    nhs_number       text        not null,
    pharmacy         text        not null,
    business_status  text        not null check (business_status in ('With Pharmacy',
        'With Pharmacy - Preparing Remainder', 'Ready to Collect', 'Ready to Collect - Partial', 'Ready to Dispatch',
        'Ready to Dispatch - Partial', 'Collected', 'Dispatched', 'Not Dispensed')),
    task_status      text        not null check (task_status in ('in-progress', 'completed')),
    last_modified    timestamptz not null,
    received_at      timestamptz not null
);

-- latestFrom (prescription, issue, pharmacy, newest per item) reads one range of this index; findFor its first column.
create index pharmacy_status_by_item on pharmacy_status
    (prescription_id, issue_number, pharmacy, item_id, last_modified desc, seq desc);
