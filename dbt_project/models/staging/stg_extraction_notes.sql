-- 抽取说明 (extraction notes): what the extractor saw and could not read, one row per note.
-- Built after int_changed_reports (and so is every model reading it): its tests and the
-- incremental models downstream read the changed slice (macros/changed_slice.sql).
-- depends_on: {{ ref('int_changed_reports') }}
{{ config(changed_slice='reports') }}
select
    file_sha256 || '|' || cast(note_index as varchar) as note_id,
    file_sha256,
    note_index,
    kind,
    detail,
    evidence,
    evidence_start,
    evidence_end,
    extractor_version
from {{ source('staging', 'extraction_notes') }}
