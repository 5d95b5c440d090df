{#
  The changed slice: what a run has to rebuild, so that its cost follows what changed rather
  than the size of the warehouse.

  int_changed_reports (built first in every run) lists the reports whose staging rows differ
  from the ones the marts were last built from (a per-report hash of every staging row the
  marts read), with the jurisdiction and year each had then and has now. Every incremental
  model names, in its config `changed_slice`, which of its rows depend on those reports:

    reports              rows of the changed reports (file_sha256)
    reports_and_cross_report_checks
                         the same, plus the rows of findings that belong to no report
                         (file_sha256 NULL), which are few and always rebuilt
    jurisdiction_reports_and_cross_report_checks
                         the same, plus the rows of every report of a jurisdiction a changed
                         report was or is in (a row naming its jurisdiction: the name is chosen
                         among the jurisdiction's reports, dim_jurisdiction)
    jurisdiction_years   rows of every report of a jurisdiction × year a changed report was
                         or is in (a report joining or leaving the jurisdiction-year changes
                         which report is primary there)
    jurisdictions        rows of every jurisdiction a changed report was or is in (a
                         jurisdiction's name and the carry-over chain across its years depend
                         on all its reports)

  The same predicate deletes the target's rows (strategy replace_slice below) and chooses the
  rows the model recomputes, so a row that should disappear (a removed report, a report that
  moved elsewhere) is deleted even though nothing replaces it. The data tests of a model with
  a `changed_slice` read that slice only (get_where_subquery below); a full build lists every
  report as changed, so it still tests everything.
#}

{# The relation of int_changed_reports, found in the graph rather than by ref(): tests and the
   incremental strategy call this at run time, where ref() only reaches declared parents. #}
{% macro changed_reports_relation() -%}
    {%- set node = graph.nodes['model.' ~ project_name ~ '.int_changed_reports'] -%}
    {{- api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias) -}}
{%- endmacro %}

{% macro changed_jurisdictions() -%}
    select jurisdiction_code from {{ changed_reports_relation() }} where jurisdiction_code is not null
    union
    select previous_jurisdiction_code from {{ changed_reports_relation() }} where previous_jurisdiction_code is not null
{%- endmacro %}

{% macro changed_jurisdiction_years() -%}
    select jurisdiction_code, report_year from {{ changed_reports_relation() }}
    where jurisdiction_code is not null and report_year is not null
    union
    select previous_jurisdiction_code, previous_report_year from {{ changed_reports_relation() }}
    where previous_jurisdiction_code is not null and previous_report_year is not null
{%- endmacro %}

{#
  The rows of a slice, as SQL conditions over the given columns (qualify them when the query
  joins) whose disjunction is the slice. A slice of several conditions lists disjoint ones, so
  that a query can read each through its own branch of a union: alone, `x in (select …)` is a
  semi join DuckDB filters the scan with; or-ed with another condition it is evaluated on every
  row. (Neither passes below a window function: stg_check_results is a table for that reason.)
#}
{% macro changed_slice_branches(slice, file_sha256='file_sha256', jurisdiction_code='jurisdiction_code',
                                report_year='report_year') -%}
    {%- set in_changed_reports = file_sha256 ~ ' in (select file_sha256 from ' ~ changed_reports_relation() ~ ')' -%}
    {%- if slice == 'reports' -%}
        {{ return([in_changed_reports]) }}
    {%- elif slice == 'reports_and_cross_report_checks' -%}
        {{ return([in_changed_reports, file_sha256 ~ ' is null']) }}
    {%- elif slice == 'jurisdiction_reports_and_cross_report_checks' -%}
        {{ return(['(' ~ in_changed_reports ~ ' or ' ~ jurisdiction_code ~ ' in (' ~ changed_jurisdictions() ~ '))',
                   file_sha256 ~ ' is null']) }}
    {%- elif slice == 'jurisdiction_years' -%}
        {{ return(['(' ~ in_changed_reports ~ ' or (' ~ jurisdiction_code ~ ', ' ~ report_year ~ ') in ('
                   ~ changed_jurisdiction_years() ~ '))']) }}
    {%- elif slice == 'jurisdictions' -%}
        {{ return([jurisdiction_code ~ ' in (' ~ changed_jurisdictions() ~ ')']) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("changed_slice: unknown slice '" ~ slice ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{% macro changed_slice_condition(slice, file_sha256='file_sha256', jurisdiction_code='jurisdiction_code',
                                 report_year='report_year') -%}
    ({{ changed_slice_branches(slice, file_sha256, jurisdiction_code, report_year) | join(' or ') }})
{%- endmacro %}

{# In a model: the condition of the model's own slice on an incremental run, else true. #}
{% macro in_changed_slice(file_sha256='file_sha256', jurisdiction_code='jurisdiction_code',
                          report_year='report_year') -%}
    {%- if is_incremental() -%}
        {{ changed_slice_condition(config.require('changed_slice'), file_sha256, jurisdiction_code, report_year) }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{# The rows of `relation` in `slice` (and `where`), one union branch per condition. #}
{% macro changed_slice_rows(relation, slice, where='') -%}
    (
    {%- for branch in changed_slice_branches(slice) %}
    select * from {{ relation }} where {{ '(' ~ where ~ ') and ' if where }}{{ branch }}
    {%- if not loop.last %} union all{% endif %}
    {%- endfor %}
    )
{%- endmacro %}

{# In a model: the rows of `relation` in the model's slice on an incremental run, else all. #}
{% macro from_changed_slice(relation) -%}
    {%- if is_incremental() -%}
        {{ changed_slice_rows(relation, config.require('changed_slice')) }}
    {%- else -%}
        {{ relation }}
    {%- endif -%}
{%- endmacro %}

{#
  Incremental strategy replace_slice (config incremental_strategy='replace_slice'): delete the
  target's rows of the model's changed_slice, insert the rows the model computed for it, in
  the materialization's one transaction. delete+insert by unique_key would keep the rows of a
  key that no longer yields any row.
#}
{% macro get_incremental_replace_slice_sql(arg_dict) -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where {{ changed_slice_condition(config.require('changed_slice')) }};

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{#
  Generic data tests read `model` through this macro (dbt's get_where_subquery, overridden
  here): besides the test's own `where`, a test of a model with a changed_slice reads the
  slice only. Rows outside it were tested when they were built and have not changed since.
#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set tested = graph.nodes.get(model.attached_node) if model.attached_node else none -%}
    {%- set slice = tested.config.get('changed_slice') if tested else none -%}
    {%- if slice -%}
        {{ changed_slice_rows(relation, slice, where) }} dbt_subquery
    {%- elif where -%}
        (select * from {{ relation }} where {{ where }}) dbt_subquery
    {%- else -%}
        {{ relation }}
    {%- endif -%}
{%- endmacro %}
