-- The audit trail: one row per audited request, append-only, each row chained by hash to the one before it
-- (org.openeps.domain.audit.AuditChain), so that a row changed or removed afterwards is found by verifying the chain.
-- sequence counts from 1 without gaps; previous_hash is the hash of the row before (64 zeros for the first); hash is
-- the SHA-256 of previous_hash, sequence and every other column. Values are kept as the request gave them; who_* say
-- who asked (kind user, application, patient, administrator or anonymous, and whichever identifiers it has).
create table audit_record (
    sequence        bigint      primary key check (sequence > 0),
    at              timestamptz not null,
    request_id      text        not null,
    action          text        not null,
    who_kind        text        not null,
    user_id         text,
    role_profile_id text,
    organisation    text,
    client_id       text,
    patient         text,
    prescription_id text,
    nhs_number      text,
    outcome         text        not null,
    previous_hash   text        not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash            text        not null check (hash ~ '^[0-9a-f]{64}$')
);

-- Newest first about a patient, or about a prescription.
create index audit_record_nhs_number on audit_record (nhs_number, sequence desc) where nhs_number is not null;
create index audit_record_prescription_id on audit_record (prescription_id, sequence desc)
    where prescription_id is not null;

-- The end of the chain: the sequence and hash of the last row appended (0 and 64 zeros before the first). An append
-- locks this one row (select ... for update) until its transaction ends, which serialises appends: the chain cannot
-- fork, and sequence numbers are given in commit order.
create table audit_chain_head (
    id       integer primary key check (id = 1),
    sequence bigint  not null check (sequence >= 0),
    hash     text    not null check (hash ~ '^[0-9a-f]{64}$')
);

insert into audit_chain_head (id, sequence, hash) values (1, 0, repeat('0', 64));

-- Append-only: a row once written is never changed or removed, not even by the table's owner, unless the triggers
-- are disabled first (which only the owner or a superuser can do; the service's own role should not own the table).
create function audit_record_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_record is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_refuse_change();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_refuse_change();

-- The head only moves forward, one row at a time, to the row just appended after it: it cannot be wound back to hide
-- rows removed from the end of the chain, nor removed.
create function audit_chain_head_advance_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.id <> old.id or new.sequence <> old.sequence + 1 or not exists (
            select 1 from audit_record r
            where r.sequence = new.sequence and r.hash = new.hash and r.previous_hash = old.hash) then
        raise exception 'audit_chain_head only advances to the audit_record appended after it'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger audit_chain_head_advance_only
    before update or delete on audit_chain_head
    for each row execute function audit_chain_head_advance_only();

create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_advance_only();
