-- 行政区年度汇总 (jurisdiction × year × scope mart): key counts pivoted and the ratios users
-- compute. Grain: jurisdiction_code × report_year × scope, for reports with both a jurisdiction
-- and a year.
--
-- One source report per row: when several reports give numbers for the same jurisdiction,
-- year and scope (e.g. the government's report and a department's, or two copies of one
-- report), ALL values of the row come from one report, ranked: the jurisdiction's own
-- government report first (dim_report.issuing_body_kind = government, then unknown; reports of a
-- department, a township or another body never count), then the report with the most metric
-- rows in that scope, then the latest
-- publication date, then file_sha256. Values are never summed or mixed across reports, so a
-- ratio's numerator and denominator always come from the same body. report_count and
-- government_report_count say how many reports could have contributed.
--
-- Legacy and table formats meet through fct_core_measures (seed core_measure_map): the table
-- value first, else the narrative (legacy-code) value of the same report and scope. Ratios that
-- only exist in the tables (carry-over, organisation share) are computed from the table cells
-- themselves (applicant column 总计 / 自然人) so both sides of the ratio are table cells.
--
-- A negative or implausible value (is_out_of_range: flags negative_value, implausible_value) is
-- left out: the column is NULL, has_flagged_values says why; the value stays in fct_report_metric.
--
-- Columns: a measure of fct_core_measures has its measure code as column name (requests_received,
-- granted, denied …); counts are BIGINT, money DECIMAL(18,2) yuan, rates and shares DOUBLE in
-- percent (*_pct). A rate is NULL when any part of its numerator or denominator is unstated (a
-- stated 0 is stated) or its denominator is 0. is_default_series marks the row of the
-- jurisdiction × year's default series (int_default_series: its primary report, that report's
-- default scope).
{%- set money_measures = ['fees_collected_yuan'] %}
{%- set core_measures = [
    'requests_received', 'requests_carried_over_in', 'requests_handled', 'requests_carried_over_out',
    'granted', 'already_public', 'granted_incl_already_public', 'partly_granted', 'denied',
    'not_held', 'not_processed', 'recon_total', 'recon_corrected', 'recon_pending', 'lit_total',
    'lit_corrected', 'lit_pending', 'fees_collected_yuan'
] %}
{#- not core measures (legacy-only totals, table 二's administrative fees in 万元, shares as
    printed): their metric code, or a name of their own, as column name #}
{%- set count_metrics = ['pro_total', 'complaint_total'] %}
{%- set percent_metrics = ['req_answer_rate_pct', 'req_disclosure_rate_pct'] %}
{#- Rebuilt for every jurisdiction a changed report was or is in: its rows, all years, depend on
    all its reports (the source report of each year, the name in dim_jurisdiction); see
    macros/changed_slice.sql. #}
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='jurisdictions') }}
{%- set table3_cells = ['t3_new_received', 't3_carried_over_in', 't3_carried_over_out'] %}

with reports as (
    select
        file_sha256,
        jurisdiction_code,
        report_year,
        era,
        issuing_body_kind,
        publication_date
    from {{ ref('dim_report') }}
    where jurisdiction_code is not null
      and report_year is not null
      and is_counted  -- earlier versions of changed files and second copies of a report stay in dim_report only
      -- a department's, a township's or another body's report gives its own figures, never the
      -- jurisdiction's (they stay in fct_report_metric and fct_core_measures, by issuing body)
      and issuing_body_kind in ('government', 'unknown')
      and {{ in_changed_slice() }}
),

facts as (
    select * from {{ ref('fct_report_metric') }}
    where {{ in_changed_slice() }}
),

report_scopes as (
    select
        facts.file_sha256,
        facts.scope,
        reports.jurisdiction_code,
        reports.report_year,
        reports.era,
        reports.issuing_body_kind,
        reports.publication_date,
        count(*) as metric_rows,
        bool_or(facts.qualifier <> 'exact') as has_approximate_values,
        bool_or(facts.has_flags) as has_flagged_values,
        bool_or(facts.mentions_disagree) as has_conflicting_mentions
    from facts
    inner join reports
        on facts.file_sha256 = reports.file_sha256
    group by
        facts.file_sha256, facts.scope, reports.jurisdiction_code, reports.report_year,
        reports.era, reports.issuing_body_kind, reports.publication_date
),

default_series as (
    select file_sha256, scope, is_primary_report, is_default_series from {{ ref('int_default_series') }}
),

ranked as (
    select
        report_scopes.*,
        coalesce(default_series.is_default_series, false) as is_default_series,
        row_number() over (
            partition by jurisdiction_code, report_year, report_scopes.scope
            order by
                -- the primary report of the jurisdiction-year gives every scope it states
                coalesce(default_series.is_primary_report, false) desc,
                case issuing_body_kind when 'government' then 0 else 1 end,  -- else unknown
                metric_rows desc,
                publication_date desc nulls last,
                report_scopes.file_sha256
        ) as source_rank,
        count(*) over (partition by jurisdiction_code, report_year, report_scopes.scope) as report_count,
        cast(count(*) filter (where issuing_body_kind = 'government')
            over (partition by jurisdiction_code, report_year, report_scopes.scope) as bigint) as government_report_count
    from report_scopes
    left join default_series
        on report_scopes.file_sha256 = default_series.file_sha256
        and report_scopes.scope = default_series.scope
),

chosen as (
    select * from ranked
    where source_rank = 1
),

core as (
    select
        file_sha256,
        scope,
        {%- for m in core_measures %}
        {%- if m in money_measures %}
        {{ yuan("max(value) filter (where measure = '" ~ m ~ "' and is_out_of_range is not true)") }} as {{ m }},
        {%- else %}
        max(count_value) filter (where measure = '{{ m }}' and is_out_of_range is not true) as {{ m }},
        {%- endif %}
        {%- endfor %}
        string_agg(distinct value_source, ',' order by value_source) filter (where value is not null)
            as core_value_sources
    from {{ ref('fct_core_measures') }}
    where {{ in_changed_slice() }}
    group by file_sha256, scope
),

cells as (
    select
        file_sha256,
        scope,
        {%- for m in count_metrics %}
        max(count_value) filter (where metric_code = '{{ m }}' and applicant_code = 'not_applicable'
                                 and is_out_of_range is not true) as {{ m }},
        {%- endfor %}
        {%- for m in percent_metrics %}
        max(value) filter (where metric_code = '{{ m }}' and applicant_code = 'not_applicable'
                           and is_out_of_range is not true) as {{ m }},
        {%- endfor %}
        {{ yuan("10000 * max(value) filter (where metric_code = 't2_admin_fees_wan_yuan'
                and applicant_code = 'not_applicable' and is_out_of_range is not true)") }} as admin_fees_yuan,
        {%- for m in table3_cells %}
        max(count_value) filter (where metric_code = '{{ m }}' and applicant_code = 'total'
                                 and is_out_of_range is not true) as {{ m }}_total,
        {%- endfor %}
        max(count_value) filter (where metric_code = 't3_new_received' and applicant_code = 'natural_person'
                                 and is_out_of_range is not true)
            as t3_new_received_natural_person
    from facts
    group by file_sha256, scope
),

harmonised as (
    select
        chosen.jurisdiction_code,
        chosen.report_year,
        chosen.scope,
        chosen.is_default_series,
        chosen.file_sha256 as source_file_sha256,
        chosen.era as source_era,
        chosen.issuing_body_kind as source_issuing_body_kind,
        chosen.report_count,
        chosen.government_report_count,
        chosen.has_approximate_values,
        chosen.has_flagged_values,
        chosen.has_conflicting_mentions,
        core.core_value_sources,
        cells.pro_total,
        {%- for m in core_measures %}
        core.{{ m }},
        {%- endfor %}
        cells.complaint_total,
        cells.admin_fees_yuan,
        cells.req_answer_rate_pct as reported_answer_rate_pct,
        cells.req_disclosure_rate_pct as reported_disclosure_rate_pct,
        cells.t3_new_received_total,
        cells.t3_new_received_natural_person,
        cells.t3_carried_over_in_total,
        cells.t3_carried_over_out_total
    from chosen
    left join core
        on chosen.file_sha256 = core.file_sha256
        and chosen.scope = core.scope
    left join cells
        on chosen.file_sha256 = cells.file_sha256
        and chosen.scope = cells.scope
),

with_counts as (
    select
        *,
        -- granted incl. already public (legacy: granted + already_public; tables: 予以公开, which
        -- contains them) + partly granted. Plain sums: an unstated part makes them NULL
        granted_incl_already_public + partly_granted as disclosed_count,
        granted_incl_already_public + partly_granted + denied as decided_count,
        recon_total + lit_total as dispute_count,
        recon_total - recon_pending as recon_decided,
        lit_total - lit_pending as lit_decided
    from harmonised
),

jurisdictions as (
    select jurisdiction_code, name, name_en, level, province_name
    from {{ ref('dim_jurisdiction') }}
)

select
    with_counts.jurisdiction_code,
    with_counts.report_year,
    with_counts.scope,
    with_counts.is_default_series,
    jurisdictions.name as jurisdiction_name,
    jurisdictions.name_en as jurisdiction_name_en,
    jurisdictions.level as jurisdiction_level,
    jurisdictions.province_name,
    with_counts.source_file_sha256,
    with_counts.source_era,
    with_counts.source_issuing_body_kind,
    with_counts.report_count,
    with_counts.government_report_count,
    with_counts.core_value_sources,
    with_counts.pro_total,
    {%- for m in core_measures %}
    with_counts.{{ m }},
    {%- endfor %}
    with_counts.complaint_total,
    with_counts.admin_fees_yuan,
    with_counts.t3_new_received_natural_person as requests_received_natural_person,
    with_counts.disclosed_count,
    with_counts.decided_count,
    with_counts.dispute_count,
    with_counts.recon_decided,
    with_counts.lit_decided,
    {{ safe_percent('with_counts.disclosed_count', 'with_counts.requests_handled') }} as disclosure_rate_pct,
    {{ safe_percent('with_counts.disclosed_count', 'with_counts.decided_count') }} as disclosure_rate_decided_pct,
    {{ safe_percent('with_counts.granted', 'with_counts.requests_handled') }} as grant_rate_pct,
    {{ safe_percent('with_counts.denied', 'with_counts.requests_handled') }} as denial_rate_pct,
    {{ safe_percent('with_counts.not_held', 'with_counts.requests_handled') }} as not_held_share_pct,
    {{ safe_percent('with_counts.not_processed', 'with_counts.requests_handled') }} as not_processed_share_pct,
    {{ safe_percent('with_counts.recon_corrected', 'with_counts.recon_total') }} as recon_correction_rate_pct,
    {{ safe_percent('with_counts.recon_corrected', 'with_counts.recon_decided') }} as recon_correction_rate_decided_pct,
    {{ safe_percent('with_counts.lit_corrected', 'with_counts.lit_total') }} as lit_correction_rate_pct,
    {{ safe_percent('with_counts.lit_corrected', 'with_counts.lit_decided') }} as lit_correction_rate_decided_pct,
    {{ safe_percent('with_counts.dispute_count', 'with_counts.requests_received') }} as dispute_rate_pct,
    {{ safe_percent('with_counts.t3_carried_over_out_total',
                    'with_counts.t3_new_received_total + with_counts.t3_carried_over_in_total') }} as carry_over_rate_pct,
    {{ safe_percent('with_counts.t3_new_received_total - with_counts.t3_new_received_natural_person',
                    'with_counts.t3_new_received_total') }} as org_request_share_pct,
    with_counts.reported_answer_rate_pct,
    with_counts.reported_disclosure_rate_pct,
    with_counts.has_approximate_values,
    with_counts.has_flagged_values,
    with_counts.has_conflicting_mentions
from with_counts
left join jurisdictions
    on with_counts.jurisdiction_code = jurisdictions.jurisdiction_code
