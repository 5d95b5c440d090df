"""Extraction: raw bytes → documents (text, metadata, jurisdiction) → facts."""
from dagster import AssetExecutionContext, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from extractors.pipeline import reader_version, rules_version
from orchestration.defs.extraction.stages import extract_pending_facts, read_pending_documents
from orchestration.resources import staging_connection
from orchestration.raw_store import RawStore
from orchestration.settings import WAREHOUSE_POOL, raw_store_path
from orchestration.staging_keys import DOCUMENTS, FACTS, RAW_FILES, SOURCE_FILES


@asset(key=DOCUMENTS, deps=[RAW_FILES, SOURCE_FILES], group_name="staging", pool=WAREHOUSE_POOL,
       description="One row per report: verbatim text, structure, metadata, jurisdiction code. "
                   "Also appends its decisions to staging.ingest_log and keeps staging.extraction_state.")
def documents(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    version = reader_version()
    with staging_connection(warehouse) as connection:
        summary = read_pending_documents(connection, RawStore(raw_store_path()), version, context.run_id)
        total = connection.execute("select count(*) from staging.documents").fetchone()[0]
    return MaterializeResult(metadata={
        "reader_version": version, "files_read": summary.processed, "reports_written": summary.rows_written,
        "skipped": dict(summary.skipped), "reports_in_warehouse": total,
    })


@asset(key=FACTS, deps=[DOCUMENTS], group_name="staging", pool=WAREHOUSE_POOL,
       description="Every number a report states for a metric, with scope, qualifier and verbatim evidence.")
def facts(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    version = rules_version()
    with staging_connection(warehouse) as connection:
        summary = extract_pending_facts(connection, version, context.run_id)
        total = connection.execute("select count(*) from staging.facts").fetchone()[0]
    return MaterializeResult(metadata={
        "rules_version": version, "reports_extracted": summary.processed,
        "facts_written": summary.rows_written, "facts_in_warehouse": total,
    })
