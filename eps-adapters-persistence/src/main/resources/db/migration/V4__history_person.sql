-- Who acted, as well as for which organisation: the SDS user ID the message names. Null when it names none, for the
-- changes the service makes itself (expiry), and for every event recorded before this migration.
alter table prescription_history add column person text;
