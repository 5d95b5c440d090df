-- 变更报告 (changed reports): the reports whose staging rows differ from those the marts were
-- last built from, built first in every run (macros/changed_slice.sql says how the incremental
-- models and the tests use it). A report's inputs are hashed per report over every staging row
-- a mart reads: its document (the text by its length only: the marts carry nothing else of it),
-- facts, extraction notes, consistency findings, paths (the last-seen time aside: it moves on
-- every run and no mart reads it) and raw-file size. So a new report, a new version of a file
-- (the old content stops being current: its paths change), a removed file, facts re-extracted
-- under new rules, findings recomputed, and a report read again into another jurisdiction or
-- year, and a report becoming or ceasing to be a duplicate of another (int_report_identity)
-- all change the hash; a report gone from staging is listed too (input_hash NULL).
-- int_report_inputs_built keeps the hashes of the last build; it is read by name, not ref(),
-- because it is built from this model at the end of the run. With --full-refresh or without a
-- previous build every report is listed.
{{ config(materialized='table') }}
{%- set built = adapter.get_relation(database=this.database, schema=this.schema,
                                     identifier='int_report_inputs_built') %}

with documents as (
    select
        file_sha256,
        hash(document) as row_hash,
        nullif(trim(jurisdiction_code), '') as jurisdiction_code,
        cast(report_year as integer) as report_year
    from (
        select * exclude (text, blocks_json, removed_json), length(text) as text_chars
        from {{ source('staging', 'documents') }}
    ) as document
),

facts as (
    select file_sha256, count(*) as row_count, bit_xor(hash(fact)) as rows_hash
    from {{ source('staging', 'facts') }} as fact
    group by file_sha256
),

notes as (
    select file_sha256, count(*) as row_count, bit_xor(hash(note)) as rows_hash
    from {{ source('staging', 'extraction_notes') }} as note
    group by file_sha256
),

checks as (
    select file_sha256, count(*) as row_count, bit_xor(hash(finding)) as rows_hash
    from {{ source('staging', 'check_results') }} as finding
    where file_sha256 is not null
    group by file_sha256
),

paths as (
    select file_sha256, count(*) as row_count, bit_xor(hash(path)) as rows_hash
    from (
        select * exclude (last_seen_at) from {{ source('staging', 'source_files') }}
    ) as path
    group by file_sha256
),

raw_files as (
    select file_sha256, hash(size_bytes, first_seen_at) as row_hash
    from {{ source('staging', 'raw_files') }}
),

-- whether the report is counted and which copy it duplicates depend on other reports: a
-- report becoming or ceasing to be a duplicate changes its inputs too
identity as (
    select file_sha256, hash(duplicate_of, is_counted) as row_hash
    from {{ ref('int_report_identity') }}
),

report_keys as (
    select file_sha256 from documents
    union
    select file_sha256 from facts
    union
    select file_sha256 from notes
    union
    select file_sha256 from checks
),

current_inputs as (
    select
        report_keys.file_sha256,
        hash(
            documents.row_hash,
            facts.row_count, facts.rows_hash,
            notes.row_count, notes.rows_hash,
            checks.row_count, checks.rows_hash,
            paths.row_count, paths.rows_hash,
            raw_files.row_hash,
            identity.row_hash
        ) as input_hash,
        documents.jurisdiction_code,
        documents.report_year
    from report_keys
    left join documents on report_keys.file_sha256 = documents.file_sha256
    left join facts on report_keys.file_sha256 = facts.file_sha256
    left join notes on report_keys.file_sha256 = notes.file_sha256
    left join checks on report_keys.file_sha256 = checks.file_sha256
    left join paths on report_keys.file_sha256 = paths.file_sha256
    left join raw_files on report_keys.file_sha256 = raw_files.file_sha256
    left join identity on report_keys.file_sha256 = identity.file_sha256
)

{% if built is none or flags.FULL_REFRESH %}
select
    file_sha256,
    input_hash,
    jurisdiction_code,
    report_year,
    cast(null as varchar) as previous_jurisdiction_code,
    cast(null as integer) as previous_report_year
from current_inputs
{% else %}
select
    coalesce(current_inputs.file_sha256, built.file_sha256) as file_sha256,
    current_inputs.input_hash,
    current_inputs.jurisdiction_code,
    current_inputs.report_year,
    built.jurisdiction_code as previous_jurisdiction_code,
    built.report_year as previous_report_year
from current_inputs
full outer join {{ built }} as built
    on current_inputs.file_sha256 = built.file_sha256
where current_inputs.input_hash is distinct from built.input_hash
{% endif %}
