-- 口径维度 (scope dimension): whose numbers a fact gives.
select
    scope,
    label_zh,
    label_en,
    description
from {{ ref('scopes') }}
