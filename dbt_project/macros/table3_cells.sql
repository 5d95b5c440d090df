{#
  table3_cells: the facts the table 三 checks (int_table3_columns, int_table3_rows) compare —
  metrics of family table3 (seed metrics), the first mention of each report × metric ×
  applicant × scope, cells flagged derived left out (a computed value proves nothing). Blank
  cells stay, with a NULL value: a blank is not a zero. Use as a CTE body:
      facts as ( {{ table3_cells() }} )
  A macro rather than a model so the models' unit tests keep mocking int_facts_enriched and
  metrics directly.
#}
{% macro table3_cells() -%}
    select facts.*
    from {{ ref('int_facts_enriched') }} as facts
    inner join (
        select code from {{ ref('metrics') }}
        where family = 'table3'
    ) as metrics
        on facts.metric_code = metrics.code
    where facts.mention_rank = 1
      and not coalesce(facts.is_derived, false)
{%- endmacro %}
