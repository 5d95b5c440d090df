{#
  safe_percent: numerator / denominator in percent (0–100) as a double; NULL when the numerator
  or the denominator is NULL or the denominator is 0. Build both with plain + and − over the
  parts (never coalesce a part to 0): a part the report does not state (NULL) makes the rate
  NULL — a disclosure rate over unstated denials is unknown, not 100%. A stated zero (also the 0
  of an absence statement: 全年未收到申请) is stated.
#}
{% macro safe_percent(numerator, denominator) -%}
    case
        when ({{ denominator }}) is null or ({{ denominator }}) = 0 or ({{ numerator }}) is null then null
        else 100.0 * cast(({{ numerator }}) as double) / cast(({{ denominator }}) as double)
    end
{%- endmacro %}

{#
  Units of metrics.csv and core_measure_map.csv that count things (requests, cases, items,
  documents, decisions, events): their values are whole numbers.
#}
{% macro count_units() -%}
    ('requests', 'cases', 'items', 'documents', 'decisions', 'events')
{%- endmacro %}

{#
  count_value: a value of a count unit as BIGINT, NULL for any other unit and for a value that is
  not whole (a misread count: a finding of check counts_whole) or beyond BIGINT. The long tables
  keep value (DOUBLE, as printed) beside it: sum(count_value) is a count, never a float sum.
#}
{% macro count_value(value, unit) -%}
    case
        when ({{ unit }}) in {{ count_units() }} and ({{ value }}) = trunc({{ value }})
            then try_cast(({{ value }}) as bigint)
    end
{%- endmacro %}

{# yuan: money as DECIMAL(18,2) (exact sums; NULL beyond its range). #}
{% macro yuan(value) -%}
    try_cast(({{ value }}) as decimal(18, 2))
{%- endmacro %}
