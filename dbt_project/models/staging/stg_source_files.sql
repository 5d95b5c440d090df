-- 来源文件路径 (source file paths and versions).
select
    source_path,
    version as path_version,
    file_sha256,
    file_name,
    size_bytes,
    modified_at,
    first_seen_at,
    last_seen_at,
    is_current
from {{ source('staging', 'source_files') }}
