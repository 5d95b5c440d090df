-- 分项合计 (breakdown sums): for every parent metric that has children in metrics.csv, per
-- report × scope × applicant type: the stated parent value, the sum of the children given and
-- how many were given. Built on the first mention of each fact (mention_rank = 1).
-- Nothing is corrected: a breakdown that does not add up is reported as it is.
-- A table rebuilt per report (macros/changed_slice.sql): its checks read it, and a view would
-- compute the whole chain again for each of them.
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

with metrics as (
    select code, family, parent from {{ ref('metrics') }}
),

rules as (
    select * from {{ ref('breakdown_rules') }}
),

children_map as (
    select code as child_code, parent as parent_code
    from metrics
    where parent is not null and parent <> ''
),

parents as (
    select
        children_map.parent_code,
        any_value(parent_metric.family) as parent_family,
        count(*) as children_defined
    from children_map
    left join metrics as parent_metric
        on parent_metric.code = children_map.parent_code
    group by children_map.parent_code
),

facts as (
    select * from {{ ref('int_facts_enriched') }}
    where mention_rank = 1
      and {{ in_changed_slice() }}
),

parent_facts as (
    select
        facts.file_sha256,
        facts.scope,
        facts.applicant_code,
        facts.metric_code as parent_code,
        facts.value as parent_value,
        facts.qualifier as parent_qualifier,
        list_contains(string_split(facts.flags, ','), 'breakdown_complete') as parent_flagged_complete
    from facts
    inner join parents
        on facts.metric_code = parents.parent_code
),

child_facts_all as (
    select
        facts.file_sha256,
        facts.scope,
        facts.applicant_code,
        children_map.parent_code,
        facts.metric_code as child_code,
        facts.value,
        facts.qualifier,
        list_contains(string_split(facts.flags, ','), 'breakdown_complete') as flagged_complete,
        coalesce(facts.is_derived, false) as is_derived
    from facts
    inner join children_map
        on facts.metric_code = children_map.child_code
),

-- Table 三 （六）其他处理: the single row t3_other (2019 trial format) equals the sum of its three
-- 2021 sub-rows; when a report gives any sub-row with a value, t3_other is not added again, and
-- a t3_other the extractor computed from those rows (flag derived) is never added.
child_facts as (
    select child_facts_all.*
    from child_facts_all
    where not child_facts_all.is_derived
      and not (
        child_facts_all.child_code = 't3_other'
        and exists (
            select 1
            from child_facts_all as sub_row
            where sub_row.file_sha256 = child_facts_all.file_sha256
              and sub_row.scope = child_facts_all.scope
              and sub_row.applicant_code = child_facts_all.applicant_code
              and sub_row.child_code in ('t3_other_no_correction', 't3_other_fee_unpaid', 't3_other_other')
              and sub_row.value is not null
        )
    )
),

children_agg as (
    select
        file_sha256,
        scope,
        applicant_code,
        parent_code,
        count(*) as children_mentioned,
        count(value) as children_given,
        count(*) - count(value) as children_blank,
        sum(value) as children_sum,
        bool_and(qualifier = 'exact') as children_all_exact,
        bool_or(flagged_complete) as children_flagged_complete
    from child_facts
    group by file_sha256, scope, applicant_code, parent_code
),

-- shares of the children as printed (<child>_pct, percent)
children_pct as (
    select
        facts.file_sha256,
        facts.scope,
        facts.applicant_code,
        children_map.parent_code,
        count(facts.value) as children_pct_given,
        sum(facts.value) as children_pct_sum
    from facts
    inner join children_map
        on facts.metric_code = children_map.child_code || '_pct'
    group by facts.file_sha256, facts.scope, facts.applicant_code, children_map.parent_code
),

breakdown_keys as (
    select file_sha256, scope, applicant_code, parent_code from parent_facts
    union
    select file_sha256, scope, applicant_code, parent_code from children_agg
),

joined as (
    select
        breakdown_keys.file_sha256,
        breakdown_keys.scope,
        breakdown_keys.applicant_code,
        breakdown_keys.parent_code,
        parents.parent_family,
        parent_facts.parent_code is not null as parent_given,
        parent_facts.parent_value,
        parent_facts.parent_qualifier,
        parents.children_defined,
        coalesce(children_agg.children_given, 0) as children_given,
        coalesce(children_agg.children_blank, 0) as children_blank,
        children_agg.children_sum,
        coalesce(children_pct.children_pct_given, 0) as children_pct_given,
        children_pct.children_pct_sum,
        coalesce(parent_facts.parent_qualifier = 'exact', false)
            and coalesce(children_agg.children_all_exact, true) as all_exact,
        coalesce(rules.children_exclusive, true) as children_exclusive,
        coalesce(rules.children_exhaustive, false) as children_exhaustive,
        coalesce(parent_facts.parent_flagged_complete, false)
            or coalesce(children_agg.children_flagged_complete, false) as flagged_complete
    from breakdown_keys
    inner join parents
        on breakdown_keys.parent_code = parents.parent_code
    left join parent_facts
        on breakdown_keys.file_sha256 = parent_facts.file_sha256
        and breakdown_keys.scope = parent_facts.scope
        and breakdown_keys.applicant_code = parent_facts.applicant_code
        and breakdown_keys.parent_code = parent_facts.parent_code
    left join children_agg
        on breakdown_keys.file_sha256 = children_agg.file_sha256
        and breakdown_keys.scope = children_agg.scope
        and breakdown_keys.applicant_code = children_agg.applicant_code
        and breakdown_keys.parent_code = children_agg.parent_code
    left join children_pct
        on breakdown_keys.file_sha256 = children_pct.file_sha256
        and breakdown_keys.scope = children_pct.scope
        and breakdown_keys.applicant_code = children_pct.applicant_code
        and breakdown_keys.parent_code = children_pct.parent_code
    left join rules
        on breakdown_keys.parent_code = rules.parent_code
),

classified as (
    select
        *,
        parent_value - children_sum as parent_minus_children,
        case
            when children_given = 0 then null
            when parent_family in ('table3', 'table4') then 'fixed_table'
            when flagged_complete then 'extractor_flag'
            when children_pct_given >= 2 and abs(children_pct_sum - 100) <= 1 then 'shares_sum_to_100'
            when children_exhaustive and children_given >= 2 then 'enumerated_parts'
        end as completeness_basis
    from joined
)

select
    file_sha256,
    scope,
    applicant_code,
    parent_code,
    parent_family,
    parent_given,
    parent_value,
    parent_qualifier,
    children_defined,
    children_given,
    children_blank,
    children_sum,
    parent_minus_children,
    children_pct_given,
    children_pct_sum,
    all_exact,
    children_exclusive,
    children_exhaustive,
    completeness_basis,
    completeness_basis is not null as breakdown_complete,
    case
        when not parent_given then 'no_parent'
        when parent_value is null then 'parent_blank'
        when children_given = 0 then 'no_children'
        when abs(children_sum - parent_value) < 1e-9 then 'balanced'
        when children_sum > parent_value then 'children_exceed_parent'
        else 'children_below_parent'
    end as balance_status
from classified
