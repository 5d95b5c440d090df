-- 校验结果事实 (check result fact): one row per failed consistency-check instance, with the
-- report's year and jurisdiction. Checks flag; they never edit or drop data.
with checks as (
    select * from {{ ref('stg_check_results') }}
),

documents as (
    select file_sha256, report_year, jurisdiction_code from {{ ref('stg_documents') }}
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
