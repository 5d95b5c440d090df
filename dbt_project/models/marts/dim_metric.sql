-- 指标维度 (metric dimension): the metrics.csv contract plus, for every legacy-family code
-- that is not itself a percentage, its share variant <code>_pct (unit percent), because legacy
-- texts print shares such as 占总数的81.01% (out_granted_pct = 81.01).
with contract as (
    select * from {{ ref('metrics') }}
),

base as (
    select
        code as metric_code,
        label_zh,
        label_en,
        unit,
        family,
        nullif(parent, '') as parent_code,
        nullif(notes, '') as notes,
        false as is_share,
        cast(null as varchar) as share_of_metric_code,
        'metrics.csv' as defined_in
    from contract
),

share_variants as (
    select
        code || '_pct' as metric_code,
        label_zh || '占比' as label_zh,
        label_en || ' (share, %)' as label_en,
        'percent' as unit,
        family,
        nullif(parent, '') as parent_code,
        'share of ' || coalesce(nullif(parent, ''), 'the total') || ' that ' || code || ' represents, as printed'
            as notes,
        true as is_share,
        code as share_of_metric_code,
        'derived_pct' as defined_in
    from contract
    where family = 'legacy'
      and unit <> 'percent'
      and code || '_pct' not in (select code from contract)
)

select * from base
union all
select * from share_variants
