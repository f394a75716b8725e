-- An audited request appends all its records at once and moves its chain's head once (ADR 9): the head may now move
-- forward over several rows, but only along the chain: every sequence from the head's to the new one is stored in its
-- chain, each row links to the hash of the one before it (the first to the head's), and the last is the new head.
-- It still cannot be wound back, moved to another chain's row, past a gap, or to a row that does not link, nor removed.
create or replace function audit_chain_head_advance_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit_chain_head: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.chain <> old.chain or new.sequence <= old.sequence
        or not exists (select 1 from audit_record r
                       where r.chain = new.chain and r.sequence = new.sequence and r.hash = new.hash)
        or (select count(*)
            from audit_record r
            left join audit_record earlier on earlier.chain = r.chain and earlier.sequence = r.sequence - 1
            where r.chain = new.chain and r.sequence > old.sequence and r.sequence <= new.sequence
              and r.previous_hash = case when r.sequence = old.sequence + 1 then old.hash else earlier.hash end)
           <> new.sequence - old.sequence then
        raise exception 'audit_chain_head only advances along the audit_records appended after it in its chain'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
