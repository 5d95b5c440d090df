{#- 发布机关键 (issuing body key). A jurisdiction has one government, whichever office signs for it
    (人民政府, 人民政府办公室, 办公厅): jurisdiction | government. Any other body is one body under
    one spelling: jurisdiction | kind | name with white space removed. -#}
{% macro issuing_body_key(jurisdiction_code, kind, name) -%}
    case when {{ kind }} = 'government' and {{ jurisdiction_code }} is not null
         then {{ jurisdiction_code }} || '|government'
         else coalesce({{ jurisdiction_code }}, '?') || '|' || {{ kind }} || '|'
              || coalesce(regexp_replace({{ name }}, '\s+', '', 'g'), '')
    end
{%- endmacro %}
