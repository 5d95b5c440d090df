-- 处理日志 (ingest log).
select
    logged_at,
    run_id,
    stage,
    source_path,
    file_sha256,
    status,
    nullif(reason, '') as reason,
    nullif(detail, '') as detail,
    extractor_version
from {{ source('staging', 'ingest_log') }}
