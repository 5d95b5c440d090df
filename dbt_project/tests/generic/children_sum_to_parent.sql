{#
  children_sum_to_parent: a breakdown's parts against its stated total.

  Applies to a model with one row per breakdown (e.g. int_breakdown_sums). Returns the failing rows.
    mode: 'not_more' — fails where the children sum to MORE than the parent (+ tolerance);
          'equal'    — fails where the children sum differs from the parent by more than the
                       tolerance (use with a `where` config restricting to complete breakdowns).
  Rows where either side is NULL (nothing stated) never fail. Reports that do not balance are
  still data: run these with severity warn; they flag, nothing is fixed or dropped.

  Usage (dbt 1.11):
    data_tests:
      - children_sum_to_parent:
          arguments: {parent_column: parent_value, children_sum_column: children_sum, mode: equal}
          config: {severity: warn, where: "breakdown_complete and all_exact"}
#}
{% test children_sum_to_parent(model, parent_column='parent_value', children_sum_column='children_sum', mode='not_more', tolerance=0) %}
{%- if mode not in ['not_more', 'equal'] -%}
    {{ exceptions.raise_compiler_error("children_sum_to_parent: mode must be 'not_more' or 'equal', got " ~ mode) }}
{%- endif %}
select
    *,
    {{ children_sum_column }} - {{ parent_column }} as children_minus_parent
from {{ model }}
where {{ parent_column }} is not null
  and {{ children_sum_column }} is not null
{%- if mode == 'equal' %}
  and abs({{ children_sum_column }} - {{ parent_column }}) > {{ tolerance }}
{%- else %}
  and {{ children_sum_column }} - {{ parent_column }} > {{ tolerance }}
{%- endif %}
{% endtest %}
