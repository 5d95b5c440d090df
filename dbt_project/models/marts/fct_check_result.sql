-- 校验结果事实 (check result fact): one row per failed consistency-check instance, and one per
-- extraction note (a table row that could not be read: row_unreadable; a table cut short by the
-- text's end: table_cut), each naming its report (file, title, year, jurisdiction, issuing
-- body), the check in words (seed check_descriptions), expected and observed with their
-- difference, and the evidence of both (the sentences or table rows of the facts behind them,
-- as the quality stage wrote it). Checks flag; they never edit or drop data.
-- Rebuilt per changed report and per jurisdiction a changed report was or is in (a row carries
-- its jurisdiction's name, which dim_jurisdiction chooses among that jurisdiction's reports),
-- findings across reports (no report) every run (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice',
          changed_slice='jurisdiction_reports_and_cross_report_checks',
          on_schema_change='fail') }}  {#- a contract needs it; a code change rebuilds in full anyway -#}

with

{% if is_incremental() %}
-- the reports of this run's slice: the changed ones and those of their jurisdictions
sliced_reports as (
    select file_sha256 from {{ changed_reports_relation() }}
    union
    select file_sha256 from {{ ref('dim_report') }}
    where jurisdiction_code in ({{ changed_jurisdictions() }})
),
{% endif %}

-- (two branches, each a semi join DuckDB filters the scan with: see changed_slice_branches)
check_results as (
    {% if is_incremental() %}
    select * from {{ ref('stg_check_results') }}
    where file_sha256 in (select file_sha256 from sliced_reports)
    union all
    select * from {{ ref('stg_check_results') }}
    where file_sha256 is null
    {% else %}
    select * from {{ ref('stg_check_results') }}
    {% endif %}
),

findings as (
    select
        check_result_id,
        check_name,
        file_sha256,
        metric_group,
        scope,
        expected,
        observed,
        difference,
        severity,
        message,
        expected_fact_indexes,
        observed_fact_indexes,
        expected_evidence,
        observed_evidence,
        checked_at
    from check_results
    union all
    -- an extraction note's evidence is the row as printed; it has no expected value
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
        detail as message,
        null as expected_fact_indexes,
        null as observed_fact_indexes,
        null as expected_evidence,
        evidence as observed_evidence,
        null as checked_at
    from {{ ref('stg_extraction_notes') }}
    {% if is_incremental() %}
    where file_sha256 in (select file_sha256 from sliced_reports)
    {% endif %}
),

check_words as (
    select * from {{ ref('check_descriptions') }}
)

select
    findings.check_result_id,
    findings.check_name,
    check_words.description_en as check_description,
    check_words.description_zh as check_description_zh,
    findings.severity,
    findings.file_sha256,
    reports.file_name,
    reports.title as report_title,
    reports.report_year,
    reports.jurisdiction_code,
    jurisdictions.name as jurisdiction_name,
    jurisdictions.level as jurisdiction_level,
    jurisdictions.province_name,
    reports.issuing_body,
    reports.issuing_body_key,
    findings.metric_group,
    findings.scope,
    cast(findings.expected as double) as expected,
    cast(findings.observed as double) as observed,
    cast(findings.difference as double) as difference,
    check_words.expected_means,
    check_words.observed_means,
    cast(findings.expected_evidence as varchar) as expected_evidence,
    cast(findings.observed_evidence as varchar) as observed_evidence,
    cast(findings.expected_fact_indexes as integer[]) as expected_fact_indexes,
    cast(findings.observed_fact_indexes as integer[]) as observed_fact_indexes,
    check_words.what_to_do,
    findings.message,
    cast(findings.checked_at as timestamp) as checked_at
from findings
left join {{ ref('dim_report') }} as reports
    on findings.file_sha256 = reports.file_sha256
left join {{ ref('dim_jurisdiction') }} as jurisdictions
    on reports.jurisdiction_code = jurisdictions.jurisdiction_code
left join check_words
    on findings.check_name = check_words.check_name
-- findings of current, canonical versions (and those across reports) only; dim_report holds
-- every version, with whether the marts count it
where findings.file_sha256 is null
   or reports.is_counted
