-- 结转链 (carry-over chain): 四、结转下年度继续办理 of year t against 二、上年结转 of year t+1 for
-- the same body. One row per pair of reports of the same report family (dim_report.
-- report_family_key: same jurisdiction_code and the government's own report, or the same
-- issuing department) in consecutive report years, in the same scope, both read in the
-- applicant column 总计. Every report of year t is paired with every report of year t+1 of the
-- family (two copies of one report give two pairs that agree). Pairs are only formed when both
-- reports have the cell (blank or not). Nothing is corrected: a mismatch is flagged by the
-- warn-severity test in the yml and stays visible here (chain_status).
-- is_default_series: both reports are the primary report of their jurisdiction-year and the
-- scope is the default scope of both (int_default_series).
-- Rebuilt for every jurisdiction a changed report was or is in: a family's reports share its
-- jurisdiction (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='jurisdictions') }}

with reports as (
    select file_sha256, report_family_key, jurisdiction_code, report_year
    from {{ ref('dim_report') }}
    where report_family_key is not null
      and report_year is not null
      and is_counted  -- current, and not a second copy of a report
      and {{ in_changed_slice() }}
),

cells as (
    select
        facts.file_sha256,
        facts.metric_code,
        facts.scope,
        facts.value,
        facts.format_version,
        facts.qualifier,
        reports.report_family_key,
        reports.jurisdiction_code,
        reports.report_year
    from {{ ref('fct_report_metric') }} as facts
    inner join reports
        on facts.file_sha256 = reports.file_sha256
    where facts.metric_code in ('t3_carried_over_out', 't3_carried_over_in')
      and {{ in_changed_slice('facts.file_sha256', 'facts.jurisdiction_code', 'facts.report_year') }}
      and facts.applicant_code = 'total'
),

carried_out as (
    select * from cells where metric_code = 't3_carried_over_out'
),

carried_in as (
    select * from cells where metric_code = 't3_carried_over_in'
),

default_series as (
    select file_sha256, scope, is_default_series from {{ ref('int_default_series') }}
)

select
    carried_out.file_sha256 || '>' || carried_in.file_sha256 || '|' || carried_out.scope as carry_over_pair_key,
    carried_out.report_family_key,
    carried_out.jurisdiction_code,
    carried_out.scope,
    carried_out.report_year,
    carried_in.report_year as next_report_year,
    carried_out.file_sha256,
    carried_in.file_sha256 as next_file_sha256,
    carried_out.format_version,
    carried_in.format_version as next_format_version,
    {{ count_value('carried_out.value', "'requests'") }} as carried_over_out,
    {{ count_value('carried_in.value', "'requests'") }} as next_carried_over_in,
    {{ count_value('carried_in.value', "'requests'") }} - {{ count_value('carried_out.value', "'requests'") }}
        as carry_over_difference,
    carried_out.qualifier = 'exact' and carried_in.qualifier = 'exact' as all_exact,
    case
        when carried_out.value is null or carried_in.value is null then 'blank'
        when carried_out.value = carried_in.value then 'match'
        else 'mismatch'
    end as chain_status,
    coalesce(out_series.is_default_series and in_series.is_default_series, false) as is_default_series
from carried_out
inner join carried_in
    on carried_out.report_family_key = carried_in.report_family_key
    and carried_out.scope = carried_in.scope
    and carried_in.report_year = carried_out.report_year + 1
left join default_series as out_series
    on carried_out.file_sha256 = out_series.file_sha256
    and carried_out.scope = out_series.scope
left join default_series as in_series
    on carried_in.file_sha256 = in_series.file_sha256
    and carried_in.scope = in_series.scope
