-- 行政区维度 (jurisdiction dimension): one row per 6-digit division code. Rows come from the
-- jurisdictions matched on reports (attributes of the best match: highest confidence, then the
-- latest processed) plus their province and prefecture ancestors named on those reports, so a
-- BI tool can roll counties up even when the province itself has no report. Pinyin and English
-- names (of the division, its province and its prefecture) from int_jurisdiction_names.
with documents as (
    select * from {{ ref('stg_documents') }}
    where jurisdiction_code is not null
),

matched as (
    select
        jurisdiction_code,
        jurisdiction_name as name,
        jurisdiction_level as level,
        jurisdiction_parent_code as parent_code,
        province_code,
        province_name,
        prefecture_code,
        prefecture_name,
        longitude,
        latitude,
        jurisdiction_confidence as match_confidence,
        jurisdiction_method as match_method,
        count(*) over (partition by jurisdiction_code) as report_count,
        row_number() over (
            partition by jurisdiction_code
            order by jurisdiction_confidence desc nulls last, processed_at desc, file_sha256
        ) as pick
    from documents
),

provinces as (
    select
        province_code as jurisdiction_code,
        max(province_name) as name,
        'province' as level,
        cast(null as varchar) as parent_code,
        province_code,
        max(province_name) as province_name,
        cast(null as varchar) as prefecture_code,
        cast(null as varchar) as prefecture_name
    from documents
    where province_code is not null
    group by province_code
),

prefectures as (
    select
        prefecture_code as jurisdiction_code,
        max(prefecture_name) as name,
        'prefecture' as level,
        max(province_code) as parent_code,
        max(province_code) as province_code,
        max(province_name) as province_name,
        prefecture_code,
        max(prefecture_name) as prefecture_name
    from documents
    where prefecture_code is not null
    group by prefecture_code
),

candidates as (
    select
        jurisdiction_code, name, level, parent_code, province_code, province_name,
        prefecture_code, prefecture_name, longitude, latitude, match_confidence, match_method,
        report_count, 1 as priority
    from matched
    where pick = 1
    union all
    select
        jurisdiction_code, name, level, parent_code, province_code, province_name,
        prefecture_code, prefecture_name, cast(null as double), cast(null as double),
        cast(null as double), cast(null as varchar), 0, 2 as priority
    from provinces
    union all
    select
        jurisdiction_code, name, level, parent_code, province_code, province_name,
        prefecture_code, prefecture_name, cast(null as double), cast(null as double),
        cast(null as double), cast(null as varchar), 0, 3 as priority
    from prefectures
),

ranked as (
    select
        *,
        row_number() over (partition by jurisdiction_code order by priority) as pick
    from candidates
),

names as (
    select * from {{ ref('int_jurisdiction_names') }}
)

select
    ranked.jurisdiction_code,
    ranked.name,
    own.name_pinyin,
    own.name_en,
    ranked.level,
    ranked.parent_code,
    ranked.province_code,
    ranked.province_name,
    province.name_pinyin as province_name_pinyin,
    province.name_en as province_name_en,
    ranked.prefecture_code,
    ranked.prefecture_name,
    prefecture.name_pinyin as prefecture_name_pinyin,
    prefecture.name_en as prefecture_name_en,
    ranked.longitude,
    ranked.latitude,
    ranked.match_confidence,
    ranked.match_method,
    cast(ranked.report_count as bigint) as report_count,
    ranked.report_count > 0 as has_reports
from ranked
left join names as own
    on ranked.name = own.name and ranked.level = own.level
left join names as province
    on ranked.province_name = province.name and province.level = 'province'
left join names as prefecture
    on ranked.prefecture_name = prefecture.name and prefecture.level = 'prefecture'
where ranked.pick = 1
