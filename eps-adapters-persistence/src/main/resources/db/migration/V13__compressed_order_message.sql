-- The order message is stored compressed by the service (ADR 0008): one Zstandard frame made with a dictionary
-- trained on the published prescription-order examples, about 1.7 KB for a 9.4 KB message where PostgreSQL's own
-- compression left 3.6 KB. Rows written before keep their text; a row has exactly one of the two.
alter table prescription add column order_message bytea;
-- already compressed: PostgreSQL should not try again
alter table prescription alter column order_message set storage external;
alter table prescription alter column original_message drop not null;
alter table prescription add constraint prescription_has_one_order_message
    check ((original_message is null) <> (order_message is null)) not valid;
