-- Staging tables written by the Python assets (schema "staging"); dbt reads them as sources.
-- One row per distinct file content (SHA-256), so the same bytes under two paths are stored once.
-- The bytes themselves live in the raw store (orchestration/raw_store.py, OGI_RAW_STORE), one
-- read-only file per hash: nothing a user gave is lost, and this file stays small.
create schema if not exists staging;

create table if not exists staging.raw_files (
    file_sha256      varchar primary key,   -- SHA-256 of the bytes, hex: their name in the raw store
    size_bytes       bigint not null,
    first_seen_at    timestamp not null
);

-- Every path seen in the inbox and which content it held when; a changed file gets a new
-- version row and the old version stays (is_current = false).
create table if not exists staging.source_files (
    source_path      varchar not null,      -- path relative to the inbox
    version          integer not null,      -- 1, 2, ... per path
    file_sha256      varchar not null,
    file_name        varchar not null,      -- base name
    size_bytes       bigint not null,
    modified_at      timestamp,             -- file mtime when ingested
    first_seen_at    timestamp not null,
    last_seen_at     timestamp not null,
    is_current       boolean not null,
    primary key (source_path, version)
);

-- One line per file per ingest or extraction decision: what happened and why.
create table if not exists staging.ingest_log (
    logged_at        timestamp not null,
    run_id           varchar,
    stage            varchar not null,      -- ingest | documents | facts
    source_path      varchar,
    file_sha256      varchar,
    status           varchar not null,      -- new | changed | removed | read | skipped | extracted
    reason           varchar,               -- why a file was skipped (empty, binary_not_text, not_a_report, ...)
    detail           varchar,               -- a readable explanation
    extractor_version varchar               -- documents stage: reader version; facts stage: rules version
);

create table if not exists staging.documents (
    file_sha256        varchar primary key,
    file_name          varchar not null,    -- base name of the first path it was seen under
    media_type         varchar not null,
    encoding           varchar,
    text               varchar not null,    -- verbatim text after HTML → text, original script
    blocks_json        varchar not null,    -- paragraph and table-row offsets into text (JSON)
    title              varchar,
    jurisdiction_name  varchar,
    jurisdiction_code  varchar,             -- 6-digit division code
    jurisdiction_level varchar,             -- province | prefecture | county
    jurisdiction_parent_code varchar,
    province_code      varchar,
    province_name      varchar,
    prefecture_code    varchar,
    prefecture_name    varchar,
    longitude          double,
    latitude           double,
    jurisdiction_confidence double,
    jurisdiction_method varchar,
    report_year        integer,
    issuing_body       varchar,
    issuing_body_kind  varchar,             -- government | department | township | other | unknown
    recognition        varchar,             -- why the file was taken for a report (title, parts, tables, figures)
    removed_json       varchar,             -- strings the reader took out of text (pinyin glosses), JSON
                                            -- [[offset in text, string], …]; evidence puts them back
    content_key        varchar,             -- hash of the simplified text without layout or punctuation:
                                            -- one report in several encodings, formats or scripts
    publication_date   date,
    script             varchar,             -- simplified | traditional
    era                varchar,             -- legacy | trial_2019 | format_2021
    extractor_version  varchar not null,    -- reader version (bytes → document) that produced the row
    processed_at       timestamp not null
);

create table if not exists staging.facts (
    file_sha256      varchar not null,
    fact_index       integer not null,      -- order within the report
    metric           varchar not null,      -- metrics.csv code, or <code>_pct
    applicant        varchar not null,      -- '' for legacy facts; table 三 applicant type
    scope            varchar not null,      -- whole | own_level | government | unspecified
    value            double,                -- null: blank cell (see flags)
    unit             varchar not null,
    qualifier        varchar not null,      -- exact | about | over | under
    evidence         varchar not null,      -- verbatim sentence as printed (glosses of removed_json put back)
    evidence_start   integer not null,      -- character offsets into documents.text (without the glosses)
    evidence_end     integer not null,
    rule             varchar not null,
    confidence       double not null,
    flags            varchar not null,      -- comma-separated, '' when none: blank_cell, dash_cell, derived
    format_version   varchar not null,      -- legacy | trial_2019 | format_2021: the format the fact was read under
    extractor_version varchar not null,     -- rules version (document → facts) that produced the row
    primary key (file_sha256, fact_index)
);

-- What the extractor saw and could not turn into facts, said rather than guessed (a table row
-- whose glued digits admit several readings). Replaced with the report's facts.
create table if not exists staging.extraction_notes (
    file_sha256      varchar not null,
    note_index       integer not null,
    kind             varchar not null,      -- row_unreadable | table_cut
    detail           varchar not null,      -- what and why, in words
    evidence         varchar not null,      -- verbatim as printed, as for facts
    evidence_start   integer not null,      -- offsets into documents.text, as for facts
    evidence_end     integer not null,
    extractor_version varchar not null,     -- rules version that wrote it
    primary key (file_sha256, note_index)
);

-- Where each content stands in the pipeline, replaced (never appended) as it moves on: which
-- reader version read it and with what outcome, which rules version extracted its facts, and
-- whether its consistency findings are up to date. The ingest log is the audit trail; this is
-- the state that decides what a run has to do.
create table if not exists staging.extraction_state (
    file_sha256      varchar primary key,
    reader_version   varchar not null,      -- version of bytes → document that last read it
    read_status      varchar not null,      -- report | skipped
    skip_reason      varchar,               -- when skipped: empty, binary_not_text, not_a_report, needs_ocr, ...
    rules_version    varchar,               -- version of document → facts that extracted it; null: facts pending
    checks_current   boolean not null,      -- false: consistency findings to be recomputed
    checks_version   varchar                -- version of the checks that computed its findings
                                            -- (consistency.CHECKS_VERSION; another: recomputed)
);

-- Findings of the consistency checks (great-expectations); one row per failed expectation
-- instance. Checks flag, they never edit or drop data. The words of each check are the dbt seed
-- check_descriptions; the report's names are joined from staging.documents / the marts.
create table if not exists staging.check_results (
    check_name       varchar not null,
    file_sha256      varchar,
    metric_group     varchar,               -- parent metric or breakdown checked
    scope            varchar,
    expected         double,
    observed         double,
    severity         varchar not null,      -- warning | error
    message          varchar not null,
    checked_at       timestamp not null,
    expected_fact_indexes integer[],        -- staging.facts.fact_index of the facts the expected value
                                            -- comes from (a breakdown: its stated total)
    observed_fact_indexes integer[],        -- ... and the observed value (a breakdown: its parts)
    expected_evidence varchar,              -- those facts' sentences or table rows, one line each,
    observed_evidence varchar               -- after their codes and values (quality/evidence.py)
);

-- Columns added after the first release: a warehouse made before them gains them (empty until
-- its documents are read again, which a new reader version does on the next run).
alter table staging.documents add column if not exists issuing_body_kind varchar;
alter table staging.documents add column if not exists recognition varchar;
alter table staging.documents add column if not exists removed_json varchar;
alter table staging.documents add column if not exists content_key varchar;
-- (findings of a warehouse made before these are computed again: its checks_version is null)
alter table staging.extraction_state add column if not exists checks_version varchar;
alter table staging.check_results add column if not exists expected_fact_indexes integer[];
alter table staging.check_results add column if not exists observed_fact_indexes integer[];
alter table staging.check_results add column if not exists expected_evidence varchar;
alter table staging.check_results add column if not exists observed_evidence varchar;
