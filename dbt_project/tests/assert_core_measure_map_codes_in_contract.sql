-- 核心指标对照表代码须在指标合同中 (core_measure_map codes must exist in metrics.csv): every
-- legacy_code / table_code part of seeds/core_measure_map.csv is a code of the metric contract
-- with the right family (legacy codes: legacy; table codes: table3 or table4). A typo here
-- would silently drop a part of a conformed measure, so this test fails the build (error).
with parts as (
    select measure, 'legacy' as side, trim(unnest(string_split(legacy_code, '+'))) as code
    from {{ ref('core_measure_map') }}
    where nullif(trim(legacy_code), '') is not null
    union all
    select measure, 'table' as side, trim(unnest(string_split(table_code, '+'))) as code
    from {{ ref('core_measure_map') }}
    where nullif(trim(table_code), '') is not null
)

select parts.*, metrics.family
from parts
left join {{ ref('metrics') }} as metrics
    on parts.code = metrics.code
where metrics.code is null
   or (parts.side = 'legacy' and metrics.family <> 'legacy')
   or (parts.side = 'table' and metrics.family not in ('table3', 'table4'))
