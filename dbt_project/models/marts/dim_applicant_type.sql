-- 申请人类型维度 (applicant type dimension): table 三 columns; legacy facts → not_applicable.
select
    applicant_code,
    coalesce(fact_applicant_value, '') as fact_applicant_value,
    label_zh,
    label_en,
    applicant_group,
    sort_order
from {{ ref('applicant_types') }}
