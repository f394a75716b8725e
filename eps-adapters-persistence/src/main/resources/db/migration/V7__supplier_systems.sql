-- The registry of assured supplier systems, by the client ID their access tokens carry. features and status hold the
-- names of the domain's Feature and SupplierSystem.Status (a new feature needs a migration widening the check);
-- features are kept sorted and without repeats. updated_at is when the row was last written.
create table supplier_system (
    client_id  text        primary key check (length(client_id) between 1 and 100),
    supplier   text        not null,
    product    text        not null,
    version    text        not null,
    features   text[]      not null
               check (features <@ array['PRESCRIBING', 'DISPENSING', 'TRACKING', 'STATUS_UPDATE']::text[]),
    status     text        not null check (status in ('ASSURED', 'SUSPENDED', 'WITHDRAWN')),
    updated_at timestamptz not null default now()
);
