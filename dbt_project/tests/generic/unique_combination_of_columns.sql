{#
  Grain test: no two rows share the same values of `combination_of_columns`.
  Usage (dbt 1.11):
    data_tests:
      - unique_combination_of_columns:
          arguments:
            combination_of_columns: [file_sha256, metric_code, applicant_code, scope]
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
select
    {{ combination_of_columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}
