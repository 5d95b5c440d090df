-- 抽取事实 (extracted facts): light renames; applicant '' (legacy facts) → 'not_applicable'.
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
    extractor_version
from {{ source('staging', 'facts') }}
