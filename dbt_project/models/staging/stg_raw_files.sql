-- 原始文件 (raw files) without the content blob: the bytes stay in staging.raw_files.
select
    file_sha256,
    size_bytes,
    first_seen_at
from {{ source('staging', 'raw_files') }}
