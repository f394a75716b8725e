-- The organisation directory: every organisation EPS serves, by ODS code, replaced as a whole when the directory file
-- is loaded. kind and country hold the codes of OrganisationKind and Country (community-pharmacy, isle-of-man).
create table organisation (
    ods           text    primary key,
    name          text    not null,
    kind          text    not null,
    address_lines text[]  not null,
    postcode      text    not null,
    telephone     text,
    website       text,
    country       text    not null,
    open          boolean not null
);

create index organisation_kind on organisation (kind);
create index organisation_postcode on organisation ((replace(postcode, ' ', '')) text_pattern_ops);
