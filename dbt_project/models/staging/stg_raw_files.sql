-- 原始文件 (raw files): one row per distinct content; the bytes are in the raw store, by hash.
select
    file_sha256,
    size_bytes,
    first_seen_at
from {{ source('staging', 'raw_files') }}
