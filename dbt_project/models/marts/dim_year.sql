-- 年度维度 (year dimension): every report year from 2008 (the Regulations took effect) to the
-- current year, widened to any report year present outside that range.
with bounds as (
    select
        least(2008, coalesce(min(report_year), 2008)) as first_year,
        greatest(cast(extract(year from current_date) as integer), coalesce(max(report_year), 2008))
            as last_year
    from {{ ref('stg_documents') }}
),

spine as (
    select cast(unnest(generate_series(first_year, last_year)) as integer) as report_year
    from bounds
),

reports as (
    select report_year, count(*) as report_count
    from {{ ref('stg_documents') }}
    where report_year is not null
    group by report_year
)

select
    spine.report_year,
    case
        when spine.report_year <= 2018 then 'legacy'
        when spine.report_year <= 2020 then 'trial_2019'
        else 'format_2021'
    end as era_of_format,
    case
        when spine.report_year <= 2018 then '旧格式（自由文本）'
        when spine.report_year <= 2020 then '2019年试行格式（国办公开办函〔2019〕60号）'
        else '2021年格式（国办公开办函〔2021〕30号）'
    end as era_of_format_zh,
    spine.report_year >= 2019 as under_revised_regulations,
    coalesce(reports.report_count, 0) as report_count
from spine
left join reports
    on spine.report_year = reports.report_year
