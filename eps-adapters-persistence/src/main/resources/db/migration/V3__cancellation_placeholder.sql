-- Cancellations that arrived before their prescription (status 9005), applied when the prescription arrives.
create table cancellation_placeholder (
    prescription_id text        primary key,
    requested_by    text        not null,
    prescriber      text,
    nhs_number      text        not null,
    item_id         text,
    reason_code     text        not null,
    received_at     timestamptz not null
);
