-- The audit trail becomes 16 independent hash chains (org.openeps.domain.audit.AuditChain.CHAINS, which must match
-- the head rows inserted below), so that concurrent transactions append at once instead of queueing on one head row:
-- an append locks the first head no other transaction holds (select ... for update skip locked) and keeps it until
-- its transaction ends. Each chain has its own gapless sequence and its own head.
--
-- The rows written so far are chain 1, which continues from them: they keep their hashes (format openeps-audit-v1,
-- without the chain number) and verify as they did; every record appended from now on is hashed with its chain
-- number (openeps-audit-v2). Chains 2 to 16 start at 0 and 64 zeros.

alter table audit_record add column chain integer not null default 1 check (chain between 1 and 16);
alter table audit_record alter column chain drop default;

alter table audit_record drop constraint audit_record_pkey;
alter table audit_record add constraint audit_record_pkey primary key (chain, sequence);

-- Newest first (by time, then chain and sequence) about a patient, about a prescription, or of all.
drop index audit_record_nhs_number;
drop index audit_record_prescription_id;
create index audit_record_nhs_number on audit_record (nhs_number, at desc, chain desc, sequence desc)
    where nhs_number is not null;
create index audit_record_prescription_id on audit_record (prescription_id, at desc, chain desc, sequence desc)
    where prescription_id is not null;
create index audit_record_at on audit_record (at desc, chain desc, sequence desc);

-- One head per chain: the sequence and hash of the chain's last row (0 and 64 zeros before its first).
alter table audit_chain_head drop constraint audit_chain_head_id_check;
alter table audit_chain_head rename column id to chain;
alter table audit_chain_head add constraint audit_chain_head_chain_check check (chain between 1 and 16);

insert into audit_chain_head (chain, sequence, hash)
select chain, 0, repeat('0', 64) from generate_series(2, 16) as chain;

-- Each head only moves forward, one row at a time, to the row just appended after it in its own chain: it cannot be
-- wound back to hide rows removed from the end of its chain, moved to another chain's row, nor removed.
create or replace function audit_chain_head_advance_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.chain <> old.chain or new.sequence <> old.sequence + 1 or not exists (
            select 1 from audit_record r
            where r.chain = new.chain and r.sequence = new.sequence and r.hash = new.hash
              and r.previous_hash = old.hash) then
        raise exception 'audit_chain_head only advances to the audit_record appended after it in its chain'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
