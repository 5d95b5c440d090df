-- 表三列平衡 (table 三 column balance): per report × scope × applicant column of table 三, the
-- four rows of the identity printed in the table's own header
--     一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理
-- and whether they balance. First mention of each cell; derived cells are left out (a computed
-- value proves nothing). A blank or missing cell makes the column 'incomplete' (not compared):
-- a blank is not a zero. Nothing is corrected: an unbalanced column stays data and is flagged
-- by the warn-severity test in the yml.
-- A table rebuilt per report (macros/changed_slice.sql): its checks read it, and a view would
-- compute the whole chain again for each of them.
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

with table3_cells as (
    {{ table3_cells() }}
),

facts as (
    select * from table3_cells
    where applicant_code <> 'not_applicable'
      and {{ in_changed_slice() }}
),

pivoted as (
    select
        file_sha256,
        scope,
        applicant_code,
        any_value(report_year) as report_year,
        any_value(jurisdiction_code) as jurisdiction_code,
        any_value(format_version) as format_version,
        max(value) filter (where metric_code = 't3_new_received') as new_received,
        max(value) filter (where metric_code = 't3_carried_over_in') as carried_over_in,
        max(value) filter (where metric_code = 't3_handled_total') as handled_total,
        max(value) filter (where metric_code = 't3_carried_over_out') as carried_over_out,
        count(*) filter (
            where metric_code in ('t3_new_received', 't3_carried_over_in', 't3_handled_total', 't3_carried_over_out')
        ) as identity_cells_present,
        count(value) filter (
            where metric_code in ('t3_new_received', 't3_carried_over_in', 't3_handled_total', 't3_carried_over_out')
        ) as identity_cells_given,
        bool_and(qualifier = 'exact') as all_exact
    from facts
    group by file_sha256, scope, applicant_code
)

select
    file_sha256,
    scope,
    applicant_code,
    report_year,
    jurisdiction_code,
    format_version,
    new_received,
    carried_over_in,
    handled_total,
    carried_over_out,
    identity_cells_present,
    identity_cells_given,
    new_received + carried_over_in as received_plus_carried_in,
    handled_total + carried_over_out as handled_plus_carried_out,
    (new_received + carried_over_in) - (handled_total + carried_over_out) as balance_difference,
    all_exact,
    case
        when identity_cells_given < 4 then 'incomplete'
        when (new_received + carried_over_in) = (handled_total + carried_over_out) then 'balanced'
        else 'unbalanced'
    end as balance_status
from pivoted
where identity_cells_present > 0
