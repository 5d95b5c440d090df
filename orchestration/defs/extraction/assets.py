"""Extraction: raw bytes → documents (text, metadata, jurisdiction) → facts."""
from dagster import AssetExecutionContext, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from extractors.pipeline import extractor_version
from orchestration.defs.extraction.stages import extract_pending_facts, read_pending_documents
from orchestration.settings import WAREHOUSE_POOL
from orchestration.staging_keys import DOCUMENTS, FACTS, RAW_FILES, SOURCE_FILES
from orchestration.warehouse import SCHEMA_SQL


@asset(key=DOCUMENTS, deps=[RAW_FILES, SOURCE_FILES], group_name="staging", pool=WAREHOUSE_POOL,
       description="One row per report: verbatim text, structure, metadata, jurisdiction code.")
def documents(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    version = extractor_version()
    with warehouse.get_connection() as connection:
        connection.execute(SCHEMA_SQL)
        summary = read_pending_documents(connection, version, context.run_id)
        total = connection.execute("select count(*) from staging.documents").fetchone()[0]
    return MaterializeResult(metadata={
        "extractor_version": version, "files_read": summary.processed, "reports_written": summary.rows_written,
        "skipped": dict(summary.skipped), "reports_in_warehouse": total,
    })


@asset(key=FACTS, deps=[DOCUMENTS], group_name="staging", pool=WAREHOUSE_POOL,
       description="Every number a report states for a metric, with scope, qualifier and verbatim evidence.")
def facts(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    version = extractor_version()
    with warehouse.get_connection() as connection:
        connection.execute(SCHEMA_SQL)
        summary = extract_pending_facts(connection, version, context.run_id)
        total = connection.execute("select count(*) from staging.facts").fetchone()[0]
    return MaterializeResult(metadata={
        "extractor_version": version, "reports_extracted": summary.processed,
        "facts_written": summary.rows_written, "facts_in_warehouse": total,
    })
