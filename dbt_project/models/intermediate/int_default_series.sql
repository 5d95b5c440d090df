-- 默认序列 (the default series: the scope a user should compare), decided once for every mart
-- that carries is_default_series (fct_report_metric, fct_core_measures, fct_carry_over_chain,
-- mart_jurisdiction_year). Grain: one row per report × scope of the reports that can give a
-- jurisdiction's series: counted (current, canonical copy), with a jurisdiction and a year,
-- issued by the government or an unknown body (a department's, a township's or another body's
-- report gives its own figures, never the jurisdiction's).
--
-- Primary report of a jurisdiction × year: the government's report first, then one whose
-- issuer is unknown; then the most values stated (not blank, not out of range); then the latest
-- publication date; then file_sha256. Default scope of a report: a scope with values stated
-- first; then the scope of its table facts (2019/2021 tables: the reporting body's own
-- figures); then whole, unspecified, own_level, government. A row is in the default series when
-- both hold: one report and one scope per jurisdiction × year, so that the measures of the
-- series are never mixed across scopes or reports.
-- A table rebuilt whole every run (one row per report × scope; which report is primary depends
-- on every report of its jurisdiction-year).
{{ config(materialized='table') }}

with reports as (
    select file_sha256, jurisdiction_code, report_year, issuing_body_kind, publication_date
    from {{ ref('dim_report') }}
    where is_counted
      and jurisdiction_code is not null
      and report_year is not null
      and issuing_body_kind in ('government', 'unknown')
),

scopes as (
    select
        facts.file_sha256,
        facts.scope,
        count(facts.value) filter (where facts.is_out_of_range is not true) as stated_values,
        bool_or(facts.format_version <> 'legacy') as has_table_facts
    from {{ ref('int_facts_enriched') }} as facts
    where facts.mention_rank = 1
      and facts.file_sha256 in (select file_sha256 from reports)
    group by facts.file_sha256, facts.scope
),

ranked_reports as (
    select
        reports.file_sha256,
        reports.jurisdiction_code,
        reports.report_year,
        row_number() over (
            partition by reports.jurisdiction_code, reports.report_year
            order by
                case reports.issuing_body_kind when 'government' then 0 else 1 end,
                coalesce(report_values.stated_values, 0) desc,
                reports.publication_date desc nulls last,
                reports.file_sha256
        ) = 1 as is_primary_report
    from reports
    left join (
        select file_sha256, sum(stated_values) as stated_values from scopes group by file_sha256
    ) as report_values
        on reports.file_sha256 = report_values.file_sha256
),

ranked_scopes as (
    select
        file_sha256,
        scope,
        row_number() over (
            partition by file_sha256
            order by
                stated_values > 0 desc,
                has_table_facts desc,
                case scope when 'whole' then 0 when 'unspecified' then 1 when 'own_level' then 2 else 3 end
        ) = 1 as is_default_scope
    from scopes
)

select
    ranked_reports.file_sha256,
    ranked_scopes.scope,
    ranked_reports.jurisdiction_code,
    ranked_reports.report_year,
    ranked_reports.is_primary_report,
    ranked_scopes.is_default_scope,
    ranked_reports.is_primary_report and ranked_scopes.is_default_scope as is_default_series
from ranked_reports
inner join ranked_scopes
    on ranked_reports.file_sha256 = ranked_scopes.file_sha256
