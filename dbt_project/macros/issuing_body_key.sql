{#- 发布机关键 (issuing body key): jurisdiction | kind | name with white space removed; one body
    under one spelling across its reports. -#}
{% macro issuing_body_key(jurisdiction_code, kind, name) -%}
    coalesce({{ jurisdiction_code }}, '?') || '|' || {{ kind }} || '|'
        || coalesce(regexp_replace({{ name }}, '\s+', '', 'g'), '')
{%- endmacro %}
