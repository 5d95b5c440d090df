-- 报告指标事实 (report × metric fact). Grain: one row per report × metric × applicant type ×
-- scope. Table 三 facts carry their applicant column (natural_person … other_org, total);
-- every other fact (legacy text, narrative of a modern report, table 二/四) has applicant
-- not_applicable, so table and text facts never share a key (their metric codes differ too).
-- When a report states the same metric/applicant/scope more than once (e.g. a number
-- repeated in two sections), the FIRST mention by fact_index is kept and the others are
-- summarised (mention_count, mentions_disagree, min/max of the mentioned values, the fact
-- indexes), so conflicts stay visible instead of being silently dropped. A blank cell stays
-- NULL (is_blank); it is never turned into a zero.
-- value is the number as printed (DOUBLE: counts, yuan, 万元, percent); count_value the same
-- number as BIGINT when the unit counts something and the value is whole (sum it to add counts).
-- is_default_series: the fact is of the primary report of its jurisdiction × year, in that
-- report's default scope (int_default_series) and not out of range.
-- Rebuilt for every report of a jurisdiction × year a changed report was or is in: which report
-- is primary there depends on all of them (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='jurisdiction_years') }}

with facts as (
    select * from {{ ref('int_facts_enriched') }}
    where mention_rank = 1
      and {{ in_changed_slice() }}
      -- current, canonical versions only: an earlier version of a changed file, or a second copy
      -- of one report (another encoding, format or script), stays in dim_report, counted nowhere
      and file_sha256 in (select file_sha256 from {{ ref('int_report_identity') }} where is_counted)
),

metrics as (
    select metric_code, unit, family from {{ ref('dim_metric') }}
),

default_series as (
    select file_sha256, scope, is_default_series from {{ ref('int_default_series') }}
)

select
    facts.file_sha256 || '|' || facts.metric_code || '|' || facts.applicant_code || '|' || facts.scope
        as report_metric_key,
    facts.file_sha256,
    facts.metric_code,
    metrics.family as metric_family,
    facts.applicant_code,
    facts.scope,
    facts.report_year,
    facts.jurisdiction_code,
    facts.era,
    facts.format_version,
    facts.value,
    {{ count_value('facts.value', 'facts.unit') }} as count_value,
    facts.value is null as is_blank,
    facts.is_dash_cell,
    facts.is_derived,
    facts.is_out_of_range,
    facts.unit,
    facts.unit = metrics.unit as unit_matches_contract,
    facts.qualifier,
    facts.evidence,
    facts.evidence_start,
    facts.evidence_end,
    facts.rule,
    facts.confidence,
    facts.flags,
    facts.has_flags,
    facts.fact_index,
    cast(facts.mention_count as bigint) as mention_count,
    facts.mentions_disagree,
    facts.value_min as mentioned_value_min,
    facts.value_max as mentioned_value_max,
    facts.mention_fact_indexes,
    facts.extractor_version,
    coalesce(default_series.is_default_series, false) and facts.is_out_of_range is not true as is_default_series
from facts
left join metrics
    on facts.metric_code = metrics.metric_code
left join default_series
    on facts.file_sha256 = default_series.file_sha256
    and facts.scope = default_series.scope
