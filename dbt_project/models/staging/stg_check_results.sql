-- 校验结果 (check results): one row per failed expectation instance, with a stable id.
-- Built after int_changed_reports (and so is every model reading it): its tests and the
-- incremental models downstream read the changed slice (macros/changed_slice.sql).
-- depends_on: {{ ref('int_changed_reports') }}
{{ config(changed_slice='reports_and_cross_report_checks') }}
with source as (
    select * from {{ source('staging', 'check_results') }}
),

keyed as (
    select
        *,
        md5(concat_ws('|',
            check_name, coalesce(file_sha256, ''), coalesce(metric_group, ''), coalesce(scope, ''),
            coalesce(cast(expected as varchar), ''), coalesce(cast(observed as varchar), ''),
            severity, message, cast(checked_at as varchar)
        )) as row_hash
    from source
)

select
    row_hash || '-' || cast(row_number() over (partition by row_hash order by row_hash) as varchar)
        as check_result_id,
    check_name,
    file_sha256,
    nullif(metric_group, '') as metric_group,
    nullif(scope, '') as scope,
    expected,
    observed,
    observed - expected as difference,
    severity,
    message,
    checked_at
from keyed
