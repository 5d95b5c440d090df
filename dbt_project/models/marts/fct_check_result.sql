-- 校验结果事实 (check result fact): one row per failed consistency-check instance, and one per
-- extraction note (a table row that could not be read: row_unreadable; a table cut short by the
-- text's end: table_cut), with the report's year
-- and jurisdiction. Checks flag; they never edit or drop data.
-- Rebuilt per changed report, findings across reports (no report) every run
-- (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice',
          changed_slice='reports_and_cross_report_checks') }}

with checks as (
    select * from {{ from_changed_slice(ref('stg_check_results')) }} as check_results
    union all
    select
        'note|' || note_id as check_result_id,
        kind as check_name,
        file_sha256,
        null as metric_group,
        null as scope,
        null as expected,
        null as observed,
        null as difference,
        'warning' as severity,
        detail || ' — ' || evidence as message,
        null as checked_at
    from {{ ref('stg_extraction_notes') }}
    where {{ in_changed_slice() }}
),

documents as (
    select file_sha256, report_year, jurisdiction_code from {{ ref('stg_documents') }}
    where {{ in_changed_slice() }}
)

select
    checks.check_result_id,
    checks.check_name,
    checks.file_sha256,
    documents.report_year,
    documents.jurisdiction_code,
    checks.metric_group,
    checks.scope,
    checks.expected,
    checks.observed,
    checks.difference,
    checks.severity,
    checks.message,
    checks.checked_at
from checks
left join documents
    on checks.file_sha256 = documents.file_sha256
-- findings of current, canonical versions (and those across reports) only; dim_report counts
-- every version's own
where checks.file_sha256 is null
   or checks.file_sha256 in (select file_sha256 from {{ ref('int_report_identity') }} where is_counted)
