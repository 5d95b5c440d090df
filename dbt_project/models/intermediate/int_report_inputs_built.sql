-- 已构建输入 (inputs built): per report, the hash of the staging rows the marts hold now, with
-- its jurisdiction and year; int_changed_reports compares the next run's staging with it. Built
-- after every incremental mart and its tests (the refs below), so a run that fails part way
-- leaves the previous hashes and the next run rebuilds the same reports again.
-- depends_on: {{ ref('fct_report_metric') }}
-- depends_on: {{ ref('fct_check_result') }}
-- depends_on: {{ ref('fct_core_measures') }}
-- depends_on: {{ ref('fct_carry_over_chain') }}
-- depends_on: {{ ref('mart_jurisdiction_year') }}
-- depends_on: {{ ref('dim_report') }}
-- depends_on: {{ ref('dim_issuing_body') }}
-- depends_on: {{ ref('int_table3_columns') }}
-- depends_on: {{ ref('int_table3_rows') }}
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

select
    file_sha256,
    input_hash,
    jurisdiction_code,
    report_year
from {{ ref('int_changed_reports') }}
where input_hash is not null
