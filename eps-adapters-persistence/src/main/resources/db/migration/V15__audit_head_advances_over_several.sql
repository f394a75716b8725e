-- An audited request appends all its records at once and moves its chain's head once (ADR 9): the head may now move
-- forward over several rows, but only along the chain: every sequence from the head's to the new one is stored in its
-- chain, each row links to the hash of the one before it (the first to the head's), and the last is the new head.
-- It still cannot be wound back, moved to another chain's row, past a gap, or to a row that does not link, nor removed.
-- The rows are walked one by one in primary-key order (a range of the index, whatever plan the function keeps).
create or replace function audit_chain_head_advance_only() returns trigger
    language plpgsql as
$$
declare
    expected_sequence bigint := old.sequence;
    expected_hash     text   := old.hash;
    appended          record;
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.chain = old.chain and new.sequence > old.sequence then
        for appended in
            select r.sequence, r.previous_hash, r.hash from audit_record r
            where r.chain = new.chain and r.sequence > old.sequence and r.sequence <= new.sequence
            order by r.sequence
        loop
            exit when appended.sequence <> expected_sequence + 1 or appended.previous_hash <> expected_hash;
            expected_sequence := appended.sequence;
            expected_hash := appended.hash;
        end loop;
    end if;
    if expected_sequence <> new.sequence or expected_hash <> new.hash or new.sequence <= old.sequence then
        raise exception 'audit_chain_head only advances along the audit_records appended after it in its chain'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
