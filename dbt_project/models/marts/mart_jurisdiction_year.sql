-- 行政区年度汇总 (jurisdiction × year × scope mart): key counts pivoted and the ratios users
-- compute. Grain: jurisdiction_code × report_year × scope, for reports with both a jurisdiction
-- and a year.
--
-- One source report per row: when several reports give numbers for the same jurisdiction,
-- year and scope (e.g. the government's report and a department's, or two copies of one
-- report), ALL values of the row come from one report, ranked: the jurisdiction's own
-- government report first (dim_report.issuing_body_kind = government, then unknown, then
-- department), then the report with the most metric rows in that scope, then the latest
-- publication date, then file_sha256. Values are never summed or mixed across reports, so a
-- ratio's numerator and denominator always come from the same body. report_count and
-- government_report_count say how many reports could have contributed.
--
-- Legacy and table formats are harmonised (legacy code first, else the table equivalent at
-- applicant type 'total'): req_received ← t3_new_received, req_answered ← t3_handled_total,
-- out_granted ← t3_granted, out_partial ← t3_partial, out_denied ← Σ t3_denied_*,
-- out_not_held_by_agency ← t3_unable_not_held, recon_total ← t4_recon_total,
-- lit_total ← t4_lit_direct_total + t4_lit_after_recon_total.
{%- set legacy_metrics = [
    'pro_total', 'req_received', 'req_answered', 'out_already_public', 'out_granted',
    'out_partial', 'out_denied', 'out_not_held_by_agency', 'fee_collected_yuan', 'recon_total',
    'lit_total', 'complaint_total', 'req_answer_rate_pct', 'req_disclosure_rate_pct'
] %}
{%- set table_metrics = [
    't3_new_received', 't3_carried_over_in', 't3_handled_total', 't3_carried_over_out',
    't3_granted', 't3_partial', 't3_unable_not_held', 't4_recon_total', 't4_lit_direct_total',
    't4_lit_after_recon_total', 't2_admin_fees_wan_yuan'
] %}

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
),

facts as (
    select * from {{ ref('fct_report_metric') }}
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
                case issuing_body_kind when 'government' then 0 when 'unknown' then 1 else 2 end,
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

pivoted as (
    select
        facts.file_sha256,
        facts.scope,
        {%- for m in legacy_metrics + table_metrics %}
        max(facts.value) filter (where facts.metric_code = '{{ m }}') as {{ m }},
        {%- endfor %}
        sum(facts.value) filter (where starts_with(facts.metric_code, 't3_denied_')) as t3_denied_sum
    from facts
    where facts.applicant_code in ('not_applicable', 'total')
    group by facts.file_sha256, facts.scope
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
        pivoted.pro_total,
        coalesce(pivoted.req_received, pivoted.t3_new_received) as req_received,
        pivoted.t3_carried_over_in as req_carried_over_in,
        coalesce(pivoted.req_answered, pivoted.t3_handled_total) as req_answered,
        pivoted.t3_carried_over_out as req_carried_over_out,
        pivoted.out_already_public,
        coalesce(pivoted.out_granted, pivoted.t3_granted) as out_granted,
        coalesce(pivoted.out_partial, pivoted.t3_partial) as out_partial,
        coalesce(pivoted.out_denied, pivoted.t3_denied_sum) as out_denied,
        coalesce(pivoted.out_not_held_by_agency, pivoted.t3_unable_not_held) as out_not_held_by_agency,
        coalesce(pivoted.recon_total, pivoted.t4_recon_total) as recon_total,
        coalesce(
            pivoted.lit_total,
            {{ sum_stated(['pivoted.t4_lit_direct_total', 'pivoted.t4_lit_after_recon_total']) }}
        ) as lit_total,
        pivoted.complaint_total,
        pivoted.fee_collected_yuan,
        pivoted.t2_admin_fees_wan_yuan as admin_fees_10k_yuan,
        pivoted.req_answer_rate_pct as reported_answer_rate_pct,
        pivoted.req_disclosure_rate_pct as reported_disclosure_rate_pct
    from chosen
    left join pivoted
        on chosen.file_sha256 = pivoted.file_sha256
        and chosen.scope = pivoted.scope
),

with_counts as (
    select
        *,
        {{ sum_stated(['out_already_public', 'out_granted', 'out_partial']) }} as disclosed_count,
        {{ sum_stated(['out_already_public', 'out_granted', 'out_partial', 'out_denied']) }}
            as decided_count,
        {{ sum_stated(['recon_total', 'lit_total']) }} as dispute_count
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
    with_counts.pro_total,
    with_counts.req_received,
    with_counts.req_carried_over_in,
    with_counts.req_answered,
    with_counts.req_carried_over_out,
    with_counts.out_already_public,
    with_counts.out_granted,
    with_counts.out_partial,
    with_counts.out_denied,
    with_counts.out_not_held_by_agency,
    with_counts.recon_total,
    with_counts.lit_total,
    with_counts.complaint_total,
    with_counts.fee_collected_yuan,
    with_counts.admin_fees_10k_yuan,
    with_counts.disclosed_count,
    with_counts.decided_count,
    with_counts.dispute_count,
    {{ safe_ratio('with_counts.disclosed_count', 'with_counts.req_answered') }} as disclosure_rate,
    {{ safe_ratio('with_counts.disclosed_count', 'with_counts.decided_count') }} as disclosure_rate_decided,
    {{ safe_ratio('with_counts.out_granted', 'with_counts.req_answered') }} as grant_rate,
    {{ safe_ratio('with_counts.out_denied', 'with_counts.req_answered') }} as denial_rate,
    {{ safe_ratio('with_counts.dispute_count', 'with_counts.req_received') }} as dispute_rate,
    with_counts.reported_answer_rate_pct,
    with_counts.reported_disclosure_rate_pct,
    with_counts.has_approximate_values,
    with_counts.has_flagged_values,
    with_counts.has_conflicting_mentions
from with_counts
left join jurisdictions
    on with_counts.jurisdiction_code = jurisdictions.jurisdiction_code
