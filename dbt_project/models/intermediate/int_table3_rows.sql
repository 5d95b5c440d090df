-- 表三行合计 (table 三 row totals): per report × scope × table 三 row, the 总计 column against the
-- sum of the six applicant columns (自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 +
-- 其他). A 法人小计 column, if a report has one, is not one of the six and is not added. First
-- mention of each cell; derived cells are left out. Blank cells are not zeros: they are counted
-- (applicant_columns_blank) and not added. Nothing is corrected; the warn tests in the yml flag
-- rows that do not add up.
-- A table rebuilt per report (macros/changed_slice.sql): its checks read it, and a view would
-- compute the whole chain again for each of them.
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}
{%- set applicant_columns = ['natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other_org'] %}
with facts as (
    {{ table3_cells() }}
),

aggregated as (
    select
        file_sha256,
        scope,
        metric_code,
        any_value(report_year) as report_year,
        any_value(jurisdiction_code) as jurisdiction_code,
        any_value(format_version) as format_version,
        count(*) filter (where applicant_code = 'total') > 0 as total_present,
        max(value) filter (where applicant_code = 'total') as total_value,
        count(*) filter (where applicant_code in ('{{ applicant_columns | join("', '") }}')) as applicant_columns_present,
        count(value) filter (where applicant_code in ('{{ applicant_columns | join("', '") }}')) as applicant_columns_given,
        sum(value) filter (where applicant_code in ('{{ applicant_columns | join("', '") }}')) as applicant_columns_sum,
        bool_and(qualifier = 'exact') as all_exact
    from facts
    where applicant_code in ('total', '{{ applicant_columns | join("', '") }}')
      and {{ in_changed_slice() }}
    group by file_sha256, scope, metric_code
)

select
    file_sha256,
    scope,
    metric_code,
    report_year,
    jurisdiction_code,
    format_version,
    total_present,
    total_value,
    applicant_columns_present,
    applicant_columns_given,
    applicant_columns_present - applicant_columns_given as applicant_columns_blank,
    applicant_columns_sum,
    total_value - applicant_columns_sum as total_minus_columns,
    applicant_columns_given = {{ applicant_columns | length }} as all_columns_given,
    all_exact,
    case
        when not total_present then 'no_total'
        when total_value is null then 'total_blank'
        when applicant_columns_given = 0 then 'no_columns'
        when applicant_columns_sum > total_value then 'columns_exceed_total'
        when applicant_columns_given < {{ applicant_columns | length }} then 'incomplete_columns'
        when applicant_columns_sum = total_value then 'balanced'
        else 'columns_below_total'
    end as balance_status
from aggregated
