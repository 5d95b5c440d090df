-- 抽取说明 (extraction notes): what the extractor saw and could not read, one row per note.
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
