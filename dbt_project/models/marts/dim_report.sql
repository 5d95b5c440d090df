-- 报告维度 (report dimension): one row per report file (by content SHA-256) with its metadata,
-- jurisdiction, issuing body, format era, where it came from and how many facts / failed checks
-- it has. The issuing body's kind is read by extractors.issuer (title, page labels, signature,
-- the report's own voice), not guessed here. Rebuilt per changed report (macros/changed_slice.sql).
{{ config(materialized='incremental', incremental_strategy='replace_slice', changed_slice='reports') }}

with documents as (
    select * from {{ ref('stg_documents') }}
    where {{ in_changed_slice() }}
),

facts as (
    select
        file_sha256,
        count(*) as fact_count,
        count(*) filter (where mention_rank = 1) as metric_row_count,
        count(*) filter (where has_flags) as flagged_fact_count,
        count(distinct case when mentions_disagree then metric_code || '|' || applicant_code || '|' || scope end)
            as conflicting_metric_count
    from {{ ref('int_facts_enriched') }}
    where {{ in_changed_slice() }}
    group by file_sha256
),

checks as (
    select
        file_sha256,
        count(*) as failed_check_count,
        count(*) filter (where severity = 'error') as failed_error_check_count,
        count(*) filter (where severity = 'warning') as failed_warning_check_count
    from (
        -- checks and extraction notes, as fct_check_result counts them, of every version (the
        -- fact table keeps the counted ones only)
        select file_sha256, severity from {{ ref('stg_check_results') }}
        where file_sha256 is not null and {{ in_changed_slice() }}
        union all
        select file_sha256, 'warning' as severity from {{ ref('stg_extraction_notes') }}
        where {{ in_changed_slice() }}
    ) as findings
    group by file_sha256
),

breakdowns as (
    select
        file_sha256,
        count(*) filter (
            where all_exact
              and (
                  (balance_status = 'children_exceed_parent' and children_exclusive)
                  or (balance_status in ('children_exceed_parent', 'children_below_parent') and breakdown_complete)
              )
        ) as unbalanced_breakdown_count
    from {{ ref('int_breakdown_sums') }}
    where {{ in_changed_slice() }}
    group by file_sha256
),

paths as (
    select
        file_sha256,
        min(source_path) filter (where is_current) as current_source_path,
        count(distinct source_path) as source_path_count
    from {{ ref('stg_source_files') }}
    where {{ in_changed_slice() }}
    group by file_sha256
),

raw_files as (
    select * from {{ ref('stg_raw_files') }}
    where {{ in_changed_slice() }}
),

identity as (
    select * from {{ ref('int_report_identity') }}
    where {{ in_changed_slice() }}
),

classified as (
    select
        documents.*,
        nullif(regexp_extract(documents.title, '^(.*?)[0-9０-９]{4}\s*年', 1), '') as title_body
    from documents
),

final as (
    select
        classified.file_sha256,
        classified.file_name,
        classified.title,
        classified.issuing_body,
        classified.issuing_body_kind,
        {{ issuing_body_key('classified.jurisdiction_code', 'classified.issuing_body_kind', 'classified.issuing_body') }}
            as issuing_body_key,
        classified.recognition,
        classified.publication_date,
        classified.report_year,
        classified.jurisdiction_code,
        classified.jurisdiction_name,
        classified.jurisdiction_confidence,
        classified.jurisdiction_method,
        classified.era,
        classified.title_body,
        classified.script,
        classified.media_type,
        classified.encoding,
        classified.text_chars,
        raw_files.size_bytes,
        raw_files.first_seen_at,
        paths.current_source_path,
        -- 当前版本 (current): some inbox path holds these bytes now; an earlier version of a
        -- changed or removed file stays here for traceability but feeds no series or mart.
        paths.current_source_path is not null as is_current,
        coalesce(paths.source_path_count, 0) as source_path_count,
        -- 同一报告 (the same report): another encoding, format or script of a current report is
        -- kept here, pointing to the copy the marts count (int_report_identity)
        identity.content_key,
        identity.duplicate_of,
        coalesce(identity.is_counted, false) as is_counted,
        coalesce(facts.fact_count, 0) as fact_count,
        coalesce(facts.metric_row_count, 0) as metric_row_count,
        coalesce(facts.flagged_fact_count, 0) as flagged_fact_count,
        coalesce(facts.conflicting_metric_count, 0) as conflicting_metric_count,
        coalesce(checks.failed_check_count, 0) as failed_check_count,
        coalesce(checks.failed_error_check_count, 0) as failed_error_check_count,
        coalesce(checks.failed_warning_check_count, 0) as failed_warning_check_count,
        coalesce(breakdowns.unbalanced_breakdown_count, 0) as unbalanced_breakdown_count,
        classified.extractor_version,
        classified.processed_at
    from classified
    left join raw_files on classified.file_sha256 = raw_files.file_sha256
    left join paths on classified.file_sha256 = paths.file_sha256
    left join identity on classified.file_sha256 = identity.file_sha256
    left join facts on classified.file_sha256 = facts.file_sha256
    left join checks on classified.file_sha256 = checks.file_sha256
    left join breakdowns on classified.file_sha256 = breakdowns.file_sha256
)

select
    *,
    issuing_body_kind = 'government' as is_government_report,
    -- 报告系列 (report family): the same body's reports over the years. The government's report
    -- is one family whatever the exact wording of the issuing body (人民政府 / 办公室 / 政府办); a
    -- report that names no body at all (kind unknown: a bare title such as 2023年政府信息公开工作
    -- 年度报告 and no issuing body) joins the government family of its jurisdiction; a
    -- department's is keyed by its issuing body (whitespace removed), else by the title's body
    -- before the year. NULL (never chained) when the jurisdiction is unknown.
    case
        when jurisdiction_code is null then null
        when issuing_body_kind in ('government', 'unknown') then jurisdiction_code || '|government'
        when issuing_body is not null
            then jurisdiction_code || '|' || regexp_replace(issuing_body, '\s+', '', 'g')
        when title_body is not null
            then jurisdiction_code || '|' || regexp_replace(title_body, '\s+', '', 'g')
    end as report_family_key
from final
