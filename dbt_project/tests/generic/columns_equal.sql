{#
  columns_equal: two columns of the same row must hold the same number (within `tolerance`).
  Returns the failing rows with column_a − column_b as columns_difference. Rows where either
  side is NULL (a blank cell, a part not stated) never fail: nothing can be compared.
  Used for the table 三 column identity 一 + 二 = （七）总计 + 四 (int_table3_columns) and the
  year-to-year carry-over 结转下年度(t) = 上年结转(t+1) (int_carry_over_chain). Run with
  severity warn: reports that do not balance are data; they are flagged, never fixed.

  Usage (dbt 1.11):
    data_tests:
      - columns_equal:
          arguments: {column_a: received_plus_carried_in, column_b: handled_plus_carried_out}
          config: {severity: warn}
#}
{% test columns_equal(model, column_a, column_b, tolerance=0) %}
select
    *,
    {{ column_a }} - {{ column_b }} as columns_difference
from {{ model }}
where {{ column_a }} is not null
  and {{ column_b }} is not null
  and abs({{ column_a }} - {{ column_b }}) > {{ tolerance }}
{% endtest %}
