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
{%- set core_measures = [
    'requests_received', 'requests_carried_over_in', 'requests_handled', 'requests_carried_over_out',
    'granted', 'already_public', 'granted_incl_already_public', 'partly_granted', 'denied',
    'not_held', 'not_processed', 'recon_total', 'recon_corrected', 'recon_pending', 'lit_total',
    'lit_corrected', 'lit_pending', 'fees_collected_yuan'
] %}
{%- set other_metrics = [
    'pro_total', 'complaint_total', 'req_answer_rate_pct', 'req_disclosure_rate_pct',
    't2_admin_fees_wan_yuan'
] %}
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

ranked as (
    select
        *,
        row_number() over (
            partition by jurisdiction_code, report_year, scope
            order by
                case issuing_body_kind when 'government' then 0 else 1 end,  -- else unknown
                metric_rows desc,
                publication_date desc nulls last,
                file_sha256
        ) as source_rank,
        count(*) over (partition by jurisdiction_code, report_year, scope) as report_count,
        sum(case when issuing_body_kind = 'government' then 1 else 0 end)
            over (partition by jurisdiction_code, report_year, scope) as government_report_count
    from report_scopes
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
        max(value) filter (where measure = '{{ m }}' and is_out_of_range is not true) as {{ m }},
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
        {%- for m in other_metrics %}
        max(value) filter (where metric_code = '{{ m }}' and applicant_code = 'not_applicable'
                           and is_out_of_range is not true) as {{ m }},
        {%- endfor %}
        {%- for m in table3_cells %}
        max(value) filter (where metric_code = '{{ m }}' and applicant_code = 'total'
                           and is_out_of_range is not true) as {{ m }}_total,
        {%- endfor %}
        max(value) filter (where metric_code = 't3_new_received' and applicant_code = 'natural_person'
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
        core.requests_received as req_received,
        core.requests_carried_over_in as req_carried_over_in,
        core.requests_handled as req_answered,
        core.requests_carried_over_out as req_carried_over_out,
        core.already_public as out_already_public,
        core.granted as out_granted,
        core.granted_incl_already_public as out_granted_incl_already_public,
        core.partly_granted as out_partial,
        core.denied as out_denied,
        core.not_held as out_not_held_by_agency,
        core.not_processed as out_not_processed,
        core.recon_total,
        core.recon_corrected,
        core.recon_pending,
        core.lit_total,
        core.lit_corrected,
        core.lit_pending,
        cells.complaint_total,
        core.fees_collected_yuan as fee_collected_yuan,
        cells.t2_admin_fees_wan_yuan as admin_fees_10k_yuan,
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
        -- granted incl. already public (legacy: out_granted + out_already_public; tables: 予以公开,
        -- which contains them) + partly granted
        {{ sum_stated(['out_granted_incl_already_public', 'out_partial']) }} as disclosed_count,
        {{ sum_stated(['out_granted_incl_already_public', 'out_partial', 'out_denied']) }} as decided_count,
        {{ sum_stated(['recon_total', 'lit_total']) }} as dispute_count,
        recon_total - recon_pending as recon_decided,
        lit_total - lit_pending as lit_decided
    from harmonised
),

jurisdictions as (
    select jurisdiction_code, name, level, province_name
    from {{ ref('dim_jurisdiction') }}
)

select
    with_counts.jurisdiction_code,
    with_counts.report_year,
    with_counts.scope,
    jurisdictions.name as jurisdiction_name,
    jurisdictions.level as jurisdiction_level,
    jurisdictions.province_name,
    with_counts.source_file_sha256,
    with_counts.source_era,
    with_counts.source_issuing_body_kind,
    with_counts.report_count,
    with_counts.government_report_count,
    with_counts.core_value_sources,
    with_counts.pro_total,
    with_counts.req_received,
    with_counts.req_carried_over_in,
    with_counts.req_answered,
    with_counts.req_carried_over_out,
    with_counts.out_already_public,
    with_counts.out_granted,
    with_counts.out_granted_incl_already_public,
    with_counts.out_partial,
    with_counts.out_denied,
    with_counts.out_not_held_by_agency,
    with_counts.out_not_processed,
    with_counts.recon_total,
    with_counts.recon_corrected,
    with_counts.recon_pending,
    with_counts.lit_total,
    with_counts.lit_corrected,
    with_counts.lit_pending,
    with_counts.complaint_total,
    with_counts.fee_collected_yuan,
    with_counts.admin_fees_10k_yuan,
    with_counts.t3_new_received_natural_person as req_received_natural_person,
    with_counts.disclosed_count,
    with_counts.decided_count,
    with_counts.dispute_count,
    with_counts.recon_decided,
    with_counts.lit_decided,
    {{ safe_ratio('with_counts.disclosed_count', 'with_counts.req_answered') }} as disclosure_rate,
    {{ safe_ratio('with_counts.disclosed_count', 'with_counts.decided_count') }} as disclosure_rate_decided,
    {{ safe_ratio('with_counts.out_granted', 'with_counts.req_answered') }} as grant_rate,
    {{ safe_ratio('with_counts.out_denied', 'with_counts.req_answered') }} as denial_rate,
    {{ safe_ratio('with_counts.out_not_held_by_agency', 'with_counts.req_answered') }} as not_held_share,
    {{ safe_ratio('with_counts.out_not_processed', 'with_counts.req_answered') }} as not_processed_share,
    {{ safe_ratio('with_counts.recon_corrected', 'with_counts.recon_total') }} as recon_correction_rate,
    {{ safe_ratio('with_counts.recon_corrected', 'with_counts.recon_decided') }} as recon_correction_rate_decided,
    {{ safe_ratio('with_counts.lit_corrected', 'with_counts.lit_total') }} as lit_correction_rate,
    {{ safe_ratio('with_counts.lit_corrected', 'with_counts.lit_decided') }} as lit_correction_rate_decided,
    {{ safe_ratio('with_counts.dispute_count', 'with_counts.req_received') }} as dispute_rate,
    {{ safe_ratio('with_counts.t3_carried_over_out_total',
                  'with_counts.t3_new_received_total + with_counts.t3_carried_over_in_total') }} as carry_over_rate,
    {{ safe_ratio('with_counts.t3_new_received_total - with_counts.t3_new_received_natural_person',
                  'with_counts.t3_new_received_total') }} as org_request_share,
    with_counts.reported_answer_rate_pct,
    with_counts.reported_disclosure_rate_pct,
    with_counts.has_approximate_values,
    with_counts.has_flagged_values,
    with_counts.has_conflicting_mentions
from with_counts
left join jurisdictions
    on with_counts.jurisdiction_code = jurisdictions.jurisdiction_code
