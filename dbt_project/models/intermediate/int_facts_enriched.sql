-- Facts joined to their report (year, jurisdiction, era), with mention statistics: a report may
-- state the same metric × applicant × scope more than once (e.g. a number repeated in two
-- sections). Every mention is kept here; mention_rank = 1 is the first by fact_index.
-- A table rebuilt per report (macros/changed_slice.sql): every mart and check reads it, and a
-- view would compute it again for each of them.
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

with facts as (
    select * from {{ ref('stg_facts') }}
    where {{ in_changed_slice() }}
),

documents as (
    select * from {{ ref('stg_documents') }}
    where {{ in_changed_slice() }}
),

mentions as (
    select
        file_sha256,
        metric_code,
        applicant_code,
        scope,
        count(*) as mention_count,
        -- disagree: two different numbers, or a number in one place and a blank in another
        (count(distinct value) > 1 or (count(value) > 0 and count(value) < count(*)))
            as mentions_disagree,
        min(value) as value_min,
        max(value) as value_max,
        string_agg(cast(fact_index as varchar), ',' order by fact_index) as mention_fact_indexes
    from facts
    group by file_sha256, metric_code, applicant_code, scope
)

select
    facts.file_sha256,
    facts.fact_index,
    facts.metric_code,
    facts.applicant_code,
    facts.applicant_raw,
    facts.scope,
    facts.value,
    facts.unit,
    facts.qualifier,
    facts.evidence,
    facts.evidence_start,
    facts.evidence_end,
    facts.rule,
    facts.confidence,
    facts.flags,
    facts.has_flags,
    facts.is_blank_cell,
    facts.is_dash_cell,
    facts.is_derived,
    facts.format_version,
    facts.extractor_version,
    row_number() over (
        partition by facts.file_sha256, facts.metric_code, facts.applicant_code, facts.scope
        order by facts.fact_index
    ) as mention_rank,
    mentions.mention_count,
    mentions.mentions_disagree,
    mentions.value_min,
    mentions.value_max,
    mentions.mention_fact_indexes,
    documents.report_year,
    documents.jurisdiction_code,
    documents.era
from facts
left join documents
    on facts.file_sha256 = documents.file_sha256
left join mentions
    on facts.file_sha256 = mentions.file_sha256
    and facts.metric_code = mentions.metric_code
    and facts.applicant_code = mentions.applicant_code
    and facts.scope = mentions.scope
