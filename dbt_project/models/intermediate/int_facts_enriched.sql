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

-- The statistics of a fact's mentions, as windows over them (one pass over the facts rather than
-- a grouped copy joined back)
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
    facts.is_out_of_range,
    facts.format_version,
    facts.extractor_version,
    row_number() over (mention order by facts.fact_index) as mention_rank,
    count(*) over mention as mention_count,
    -- disagree: two different numbers, or a number in one place and a blank in another
    (count(distinct facts.value) over mention > 1
     or (count(facts.value) over mention > 0 and count(facts.value) over mention < count(*) over mention))
        as mentions_disagree,
    min(facts.value) over mention as value_min,
    max(facts.value) over mention as value_max,
    string_agg(cast(facts.fact_index as varchar), ',' order by facts.fact_index) over mention
        as mention_fact_indexes,
    documents.report_year,
    documents.jurisdiction_code,
    documents.era
from facts
left join documents
    on facts.file_sha256 = documents.file_sha256
window mention as (partition by facts.file_sha256, facts.metric_code, facts.applicant_code, facts.scope)
