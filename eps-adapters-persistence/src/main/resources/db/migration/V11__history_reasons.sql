-- Why a change cancelled something, and why a dispenser did not dispense: the reason codes each history event keeps
-- (HistoryEvent.reasons), so that the tracker can show them after a cancellation has been applied, and at all for the
-- reasons a dispense notification gives. Every column is nullable or has a default, so that the rows recorded before
-- this migration, and bulk loads that do not name these columns, read as events that gave no reason.
alter table prescription_history
    -- medicationrequest-status-reason: why this change cancelled the issue
    add column cancellation_reason         text,
    -- medicationdispense-status-reason: the dispense notification's reason for not dispensing the prescription
    add column non_dispensing_reason       text,
    -- 'itemId=code' for each item this change cancelled, with the cancellation's reason
    add column item_cancellation_reasons   text[] not null default '{}',
    -- 'itemId=code' for each item the dispense notification gave a reason for not dispensing
    add column item_non_dispensing_reasons text[] not null default '{}';
