-- Nominated download walked every prescription ever nominated to the pharmacy and still held by it (V2's index),
-- looking up each one's issues for one to be dispensed: with 10 million stored, about 29,000 lookups and 300 ms for
-- a poll that found nothing (docs/benchmarks.md). The prescription row now says whether any of its issues is to be
-- dispensed (written with the issues on every change), and the index holds only those prescriptions, so a poll reads
-- just what it may hand over.
alter table prescription add column to_be_dispensed boolean not null default false;
update prescription p set to_be_dispensed = true
where exists (select 1 from prescription_issue i where i.prescription_id = p.id and i.status = '0001');
drop index prescription_by_current_nomination;
create index prescription_nominated_to_be_dispensed on prescription (nominated_ods, received_at, id)
    where nominated_ods is not null and not nomination_cleared and to_be_dispensed;
