-- 核心指标（新旧格式统一）(conformed core measures). Grain: one row per report × scope × measure
-- (long format; core_measure_key). The seed core_measure_map says which legacy code(s) and
-- which table code(s) make each measure ('+' = add the parts stated).
--
-- Per report × scope × measure there are up to two sides:
--   table  the 2019/2021 table cells (table 三 in applicant column 总计, table 四), scope as the
--          table facts carry it (normally unspecified: the reporting body's own figures);
--   text   the free-text facts with legacy codes (a legacy report, or the narrative of a
--          modern report; format_version legacy).
-- value prefers the table side and falls back to the text side of the SAME scope (never
-- another scope); value_source says which. On a row whose value is the table's, the narrative
-- value is kept beside it (text_value, text_scope): the same scope if the narrative states it,
-- else the narrative's value in the closest other scope (government, own_level, whole, in that
-- order) — narrative values in other scopes also stay rows of their own.
--
-- One-query series: is_default_series marks ONE row per jurisdiction × year × measure: the
-- row of the primary report of the jurisdiction-year in that report's default scope
-- (int_default_series, where the choice is made once for every mart: the government's report,
-- the scope of its tables, else whole …); a negative or implausible value (is_out_of_range) is
-- never in the default series. is_report_default_row stays the per-measure choice within one
-- report (a value before a blank, the table row first, then whole, unspecified, own_level,
-- government), which may take a measure from another scope than the default one.
--
-- value is the number as printed (DOUBLE: counts, yuan); count_value the same number as BIGINT
-- when the unit counts something (requests, cases) and the value is whole: sum count_value to
-- add counts.
--
-- Rebuilt per changed report and for every report of a jurisdiction × year a changed report was
-- or is in: which report is primary depends on all of them (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='jurisdiction_years') }}

with measure_map as (
    select * from {{ ref('core_measure_map') }}
),

components as (
    select measure, 'text' as side, trim(unnest(string_split(legacy_code, '+'))) as metric_code
    from measure_map
    where nullif(trim(legacy_code), '') is not null
    union all
    select measure, 'table' as side, trim(unnest(string_split(table_code, '+'))) as metric_code
    from measure_map
    where nullif(trim(table_code), '') is not null
),

components_expected as (
    select measure, side, count(*) as components_expected
    from components
    group by measure, side
),

facts as (
    -- table 三 cells in the 总计 column; every other fact has no applicant column
    select *
    from {{ ref('fct_report_metric') }}
    where applicant_code = case when metric_family = 'table3' then 'total' else 'not_applicable' end
      and {{ in_changed_slice() }}
),

sides as (
    select
        facts.file_sha256,
        facts.scope,
        components.measure,
        components.side,
        sum(facts.value) as value,  -- the parts stated; NULL when every part is blank
        count(*) as components_present,
        count(facts.value) as components_given,
        string_agg(facts.metric_code, '+' order by facts.metric_code) as source_metric_codes,
        case when count(distinct facts.qualifier) = 1 then min(facts.qualifier) else 'mixed' end as qualifier,
        min(facts.format_version) as format_version,
        coalesce(string_agg(distinct nullif(facts.flags, ''), ','), '') as flags,
        -- (a negative or implausible part makes the measure's value no series value)
        bool_or(facts.is_out_of_range is true) as is_out_of_range,
        string_agg(cast(facts.fact_index as varchar), ',' order by facts.fact_index) as fact_indexes
    from facts
    inner join components
        on facts.metric_code = components.metric_code
    group by facts.file_sha256, facts.scope, components.measure, components.side
),

table_side as (
    select sides.*, components_expected.components_expected
    from sides
    inner join components_expected
        on sides.measure = components_expected.measure and sides.side = components_expected.side
    where sides.side = 'table'
),

text_side as (
    select sides.*, components_expected.components_expected
    from sides
    inner join components_expected
        on sides.measure = components_expected.measure and sides.side = components_expected.side
    where sides.side = 'text'
),

keys as (
    select distinct file_sha256, scope, measure from sides
),

-- narrative value to show beside a table value: same scope first, then the closest other scope
text_beside as (
    select
        table_side.file_sha256,
        table_side.scope,
        table_side.measure,
        text_side.scope as text_scope,
        text_side.value as text_value,
        text_side.qualifier as text_qualifier,
        row_number() over (
            partition by table_side.file_sha256, table_side.scope, table_side.measure
            order by
                case
                    when text_side.scope = table_side.scope then 0
                    when text_side.scope = 'government' then 1
                    when text_side.scope = 'own_level' then 2
                    when text_side.scope = 'whole' then 3
                    else 4
                end,
                text_side.value is null
        ) as pick
    from table_side
    inner join text_side
        on table_side.file_sha256 = text_side.file_sha256
        and table_side.measure = text_side.measure
),

combined as (
    select
        keys.file_sha256,
        keys.scope,
        keys.measure,
        table_side.file_sha256 is not null as has_table_side,
        table_side.value as table_value,
        text_same.value as text_same_scope_value,
        case
            when table_side.value is not null then 'table'
            when text_same.value is not null then 'text'
            when table_side.file_sha256 is not null then 'table'
            else 'text'
        end as value_source,
        table_side.components_expected as table_components_expected,
        table_side.components_given as table_components_given,
        table_side.source_metric_codes as table_metric_codes,
        table_side.qualifier as table_qualifier,
        table_side.format_version as table_format_version,
        table_side.flags as table_flags,
        table_side.is_out_of_range as table_out_of_range,
        table_side.fact_indexes as table_fact_indexes,
        text_same.components_expected as text_components_expected,
        text_same.components_given as text_components_given,
        text_same.source_metric_codes as text_metric_codes,
        text_same.qualifier as text_same_scope_qualifier,
        text_same.flags as text_flags,
        text_same.is_out_of_range as text_out_of_range,
        text_same.fact_indexes as text_fact_indexes,
        case when table_side.file_sha256 is not null then text_beside.text_value else text_same.value end
            as text_value,
        case when table_side.file_sha256 is not null then text_beside.text_scope else text_same.scope end
            as text_scope,
        case when table_side.file_sha256 is not null then text_beside.text_qualifier else text_same.qualifier end
            as text_qualifier
    from keys
    left join table_side
        on keys.file_sha256 = table_side.file_sha256
        and keys.scope = table_side.scope
        and keys.measure = table_side.measure
    left join text_side as text_same
        on keys.file_sha256 = text_same.file_sha256
        and keys.scope = text_same.scope
        and keys.measure = text_same.measure
    left join text_beside
        on keys.file_sha256 = text_beside.file_sha256
        and keys.scope = text_beside.scope
        and keys.measure = text_beside.measure
        and text_beside.pick = 1
),

resolved as (
    select
        combined.*,
        case when value_source = 'table' then table_value else text_same_scope_value end as value,
        case when value_source = 'table' then table_format_version else 'legacy' end as format_version,
        case when value_source = 'table' then table_metric_codes else text_metric_codes end as source_metric_codes,
        case when value_source = 'table' then table_components_expected else text_components_expected end
            as components_expected,
        case when value_source = 'table' then table_components_given else text_components_given end
            as components_given,
        case when value_source = 'table' then table_qualifier else text_same_scope_qualifier end as qualifier,
        case when value_source = 'table' then table_flags else text_flags end as flags,
        coalesce(case when value_source = 'table' then table_out_of_range else text_out_of_range end, false)
            as is_out_of_range,
        case when value_source = 'table' then table_fact_indexes else text_fact_indexes end as fact_indexes
    from combined
),

reports as (
    select
        file_sha256,
        jurisdiction_code,
        report_year,
        era,
        issuing_body_kind
    from {{ ref('dim_report') }}
    where {{ in_changed_slice() }}
),

with_reports as (
    select
        resolved.*,
        reports.jurisdiction_code,
        reports.report_year,
        reports.era,
        reports.issuing_body_kind,
        row_number() over (
            partition by resolved.file_sha256, resolved.measure
            order by
                resolved.value is null,
                resolved.is_out_of_range,  -- a plausible row before a negative or implausible one
                case when resolved.value_source = 'table' then 0 else 1 end,
                case resolved.scope
                    when 'whole' then 0 when 'unspecified' then 1 when 'own_level' then 2 else 3
                end
        ) = 1 as is_report_default_row
    from resolved
    left join reports
        on resolved.file_sha256 = reports.file_sha256
),

default_series as (
    select file_sha256, scope, is_primary_report, is_default_series
    from {{ ref('int_default_series') }}
)

select
    with_reports.file_sha256 || '|' || with_reports.scope || '|' || with_reports.measure as core_measure_key,
    with_reports.file_sha256,
    with_reports.jurisdiction_code,
    with_reports.report_year,
    with_reports.era,
    with_reports.issuing_body_kind,
    with_reports.scope,
    with_reports.measure,
    measure_map.sort_order as measure_sort_order,
    measure_map.unit,
    with_reports.value,
    {{ count_value('with_reports.value', 'measure_map.unit') }} as count_value,
    with_reports.value is null as is_blank,
    with_reports.value_source,
    with_reports.format_version,
    with_reports.source_metric_codes,
    with_reports.components_expected,
    with_reports.components_given,
    with_reports.qualifier,
    with_reports.flags,
    with_reports.is_out_of_range,
    with_reports.fact_indexes,
    with_reports.has_table_side,
    with_reports.table_value,
    with_reports.text_value,
    with_reports.text_scope,
    with_reports.text_qualifier,
    case
        when with_reports.table_value is null or with_reports.text_value is null then null
        else with_reports.table_value = with_reports.text_value
    end as text_matches_table,
    with_reports.is_report_default_row,
    coalesce(default_series.is_primary_report, false) as is_primary_report,
    -- a negative or implausible value stays a row (flagged) but is no series value: the series
    -- has a gap there rather than a number no report can mean
    coalesce(default_series.is_default_series, false) and not with_reports.is_out_of_range
        as is_default_series
from with_reports
left join default_series
    on with_reports.file_sha256 = default_series.file_sha256
    and with_reports.scope = default_series.scope
inner join measure_map
    on with_reports.measure = measure_map.measure
