-- 报告同一性 (report identity): one row per document, saying whether the marts count it. A
-- version is counted when it is current (some inbox path holds its bytes now) and is the
-- canonical copy of its content: the same report saved in several encodings, as HTML and as
-- text, or in both scripts has one content_key (extractors.pipeline.content_key: the simplified
-- text without layout or punctuation), and of the current copies the one with the smallest
-- file_sha256 is canonical (any fixed rule would do; this one needs no other column). The
-- others name it in duplicate_of and stay in dim_report, counted nowhere.
-- Read from staging directly and rebuilt whole every run (a few columns per report): which
-- copy is canonical depends on every copy, and int_changed_reports hashes duplicate_of and
-- is_counted into each report's inputs, so a report that becomes or ceases to be a duplicate
-- (or current) is in the changed slice of every mart.
{{ config(materialized='table') }}

with documents as (
    select file_sha256, nullif(content_key, '') as content_key
    from {{ source('staging', 'documents') }}
),

current_versions as (
    select distinct file_sha256
    from {{ source('staging', 'source_files') }}
    where is_current
),

versions as (
    select
        documents.file_sha256,
        documents.content_key,
        current_versions.file_sha256 is not null as is_current
    from documents
    left join current_versions on documents.file_sha256 = current_versions.file_sha256
),

canonical as (
    select content_key, min(file_sha256) as canonical_sha256
    from versions
    where is_current and content_key is not null
    group by content_key
)

select
    versions.file_sha256,
    versions.content_key,
    versions.is_current,
    case when canonical.canonical_sha256 <> versions.file_sha256 then canonical.canonical_sha256 end
        as duplicate_of,
    versions.is_current and coalesce(canonical.canonical_sha256 = versions.file_sha256, true) as is_counted
from versions
left join canonical
    on versions.content_key = canonical.content_key
    and versions.is_current
