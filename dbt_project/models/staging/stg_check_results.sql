-- 校验结果 (check results): one row per failed expectation instance, with a stable id.
-- Unlike the other staging models a table, rebuilt for the changed reports and the findings
-- across reports (macros/changed_slice.sql): the id's counter is a window over all findings,
-- which a view would compute in full for every query, since DuckDB does not push a slice's
-- `in (select …)` below a window. The counter only numbers copies of one row (the hash covers
-- file_sha256), so a report's findings get the same ids whether computed alone or with all.
-- depends_on: {{ ref('int_changed_reports') }}
{{ config(materialized='incremental', incremental_strategy='replace_slice',
          changed_slice='reports_and_cross_report_checks') }}
with source as (
    select * from {{ from_changed_slice(source('staging', 'check_results')) }} as check_results
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
    expected_fact_indexes,
    observed_fact_indexes,
    nullif(expected_evidence, '') as expected_evidence,
    nullif(observed_evidence, '') as observed_evidence,
    checked_at
from keyed
