{#
  expression_is_true: every row satisfies a boolean SQL expression; returns the rows that do not
  (rows where the expression is NULL are not failures: a blank cannot break a rule).

  Usage (dbt 1.11):
    data_tests:
      - expression_is_true:
          arguments:
            expression: "(metric_family = 'table3') = (applicant_code <> 'not_applicable')"
          config: {severity: warn, where: "metric_family is not null"}
#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
