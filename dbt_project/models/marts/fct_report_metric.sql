-- 报告指标事实 (report × metric fact). Grain: one row per report × metric × applicant type ×
-- scope. Table 三 facts carry their applicant column (natural_person … other_org, total);
-- every other fact (legacy text, narrative of a modern report, table 二/四) has applicant
-- not_applicable, so table and text facts never share a key (their metric codes differ too).
-- When a report states the same metric/applicant/scope more than once (e.g. a number
-- repeated in two sections), the FIRST mention by fact_index is kept and the others are
-- summarised (mention_count, mentions_disagree, min/max of the mentioned values, the fact
-- indexes), so conflicts stay visible instead of being silently dropped. A blank cell stays
-- NULL (is_blank); it is never turned into a zero.
-- Rebuilt per changed report (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

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
    facts.mention_count,
    facts.mentions_disagree,
    facts.value_min as mentioned_value_min,
    facts.value_max as mentioned_value_max,
    facts.mention_fact_indexes,
    facts.extractor_version
from facts
left join metrics
    on facts.metric_code = metrics.metric_code
