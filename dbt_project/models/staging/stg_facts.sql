-- 抽取事实 (extracted facts): light renames; applicant '' (legacy facts) → 'not_applicable';
-- the table-cell flags (blank_cell, dash_cell, derived) and the range flags as booleans. format_version is the
-- format the fact was read under (legacy text rules, or the trial_2019 / format_2021 tables).
-- Built after int_changed_reports (and so is every model reading it): its tests and the
-- incremental models downstream read the changed slice (macros/changed_slice.sql).
-- depends_on: {{ ref('int_changed_reports') }}
{{ config(changed_slice='reports') }}
select
    file_sha256,
    fact_index,
    metric as metric_code,
    applicant as applicant_raw,
    case when applicant = '' then 'not_applicable' else applicant end as applicant_code,
    scope,
    cast(value as double) as value,
    unit,
    qualifier,
    evidence,
    evidence_start,
    evidence_end,
    rule,
    cast(confidence as double) as confidence,
    flags,
    flags <> '' as has_flags,
    regexp_matches(flags, '(^|,)\s*blank_cell\s*(,|$)') as is_blank_cell,
    regexp_matches(flags, '(^|,)\s*dash_cell\s*(,|$)') as is_dash_cell,
    regexp_matches(flags, '(^|,)\s*derived\s*(,|$)') as is_derived,
    -- a negative value or one beyond its metric's plausible size (extractors/plausibility.py):
    -- kept as printed, left out of the marts' series
    regexp_matches(flags, '(^|,)\s*(negative_value|implausible_value)\s*(,|$)') as is_out_of_range,
    format_version,
    extractor_version
from {{ source('staging', 'facts') }}
