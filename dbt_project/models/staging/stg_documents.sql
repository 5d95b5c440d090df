-- 报告文档 (documents): metadata of each report; the verbatim text stays in the source
-- (only its length is carried), evidence offsets point into staging.documents.text.
-- Built after int_changed_reports (and so is every model reading it): its tests and the
-- incremental models downstream read the changed slice (macros/changed_slice.sql).
-- depends_on: {{ ref('int_changed_reports') }}
{{ config(changed_slice='reports') }}
select
    file_sha256,
    file_name,
    media_type,
    nullif(encoding, '') as encoding,
    length(text) as text_chars,
    nullif(trim(title), '') as title,
    nullif(trim(jurisdiction_name), '') as jurisdiction_name,
    nullif(trim(jurisdiction_code), '') as jurisdiction_code,
    nullif(jurisdiction_level, '') as jurisdiction_level,
    nullif(trim(jurisdiction_parent_code), '') as jurisdiction_parent_code,
    nullif(trim(province_code), '') as province_code,
    nullif(trim(province_name), '') as province_name,
    nullif(trim(prefecture_code), '') as prefecture_code,
    nullif(trim(prefecture_name), '') as prefecture_name,
    cast(longitude as double) as longitude,
    cast(latitude as double) as latitude,
    cast(jurisdiction_confidence as double) as jurisdiction_confidence,
    nullif(jurisdiction_method, '') as jurisdiction_method,
    cast(report_year as integer) as report_year,
    nullif(trim(issuing_body), '') as issuing_body,
    coalesce(nullif(issuing_body_kind, ''), 'unknown') as issuing_body_kind,
    nullif(recognition, '') as recognition,
    publication_date,
    nullif(script, '') as script,
    nullif(era, '') as era,
    extractor_version,
    processed_at
from {{ source('staging', 'documents') }}
