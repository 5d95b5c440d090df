-- 发布机关维度 (issuing body dimension): one row per body that issued reports — a jurisdiction's
-- government, one of its departments, a township, or another body (a development zone's
-- committee) — with the kind the extractor read and the years it reported on. A department's or
-- a township's numbers are its own: no mart adds them to its jurisdiction's government series.
with reports as (
    select * from {{ ref('dim_report') }}
)

select
    issuing_body_key,
    min(issuing_body) as issuing_body_name,
    string_agg(distinct issuing_body, '；' order by issuing_body) as issuing_body_names,
    min(issuing_body_kind) as issuing_body_kind,
    min(jurisdiction_code) as jurisdiction_code,
    min(jurisdiction_name) as jurisdiction_name,
    issuing_body_kind = 'government' as is_jurisdiction_government,
    count(*) as report_count,
    count(*) filter (where is_counted) as current_report_count,  -- a second copy of a report counts once
    min(report_year) as first_report_year,
    max(report_year) as last_report_year
from reports
group by issuing_body_key, issuing_body_kind
