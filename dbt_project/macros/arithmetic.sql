{#
  safe_ratio: numerator / denominator as a double, NULL when the denominator is NULL or 0
  (a ratio over nothing is unknown, not zero).
#}
{% macro safe_ratio(numerator, denominator) -%}
    case
        when ({{ denominator }}) is null or ({{ denominator }}) = 0 then null
        else cast(({{ numerator }}) as double) / cast(({{ denominator }}) as double)
    end
{%- endmacro %}

{#
  sum_stated: the sum of the expressions that are stated (not NULL); NULL when none is stated.
  A blank is not a zero, but a part the report does not mention adds nothing to a sum of the
  parts it does mention.
#}
{% macro sum_stated(expressions) -%}
    case
        when {% for e in expressions %}({{ e }}) is null{% if not loop.last %} and {% endif %}{% endfor %} then null
        else {% for e in expressions %}coalesce({{ e }}, 0){% if not loop.last %} + {% endif %}{% endfor %}
    end
{%- endmacro %}
