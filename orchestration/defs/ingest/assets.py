"""Ingest: every file of the inbox into the raw store and staging.raw_files / source_files / ingest_log."""
from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset
from dagster_duckdb import DuckDBResource

from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.raw_store import RawStore
from orchestration.settings import ASSET_OWNERS, WAREHOUSE_POOL, inbox_path, raw_store_path
from orchestration.staging_keys import INGEST_LOG, RAW_FILES, SOURCE_FILES
from orchestration.resources import staging_connection


@multi_asset(
    specs=[
        AssetSpec(key, description=description, owners=ASSET_OWNERS, kinds={"python", "duckdb"})
        for key, description in [
            (RAW_FILES, "Every distinct file content of the inbox, by SHA-256; the bytes are kept in the raw store (OGI_RAW_STORE)."),
            (SOURCE_FILES, "Every inbox path and the content it held, versioned."),
            (INGEST_LOG, "What happened to each file at each stage, and why files were skipped."),
        ]
    ],
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    can_subset=False,
)
def inbox_files(context: AssetExecutionContext, warehouse: DuckDBResource):
    inbox = inbox_path()
    with staging_connection(warehouse) as connection:
        summary = ingest_inbox(connection, inbox, RawStore(raw_store_path()), context.run_id)
    context.log.info(f"inbox {inbox}: {summary}")
    metadata = {
        "inbox": str(inbox), "raw_store": str(raw_store_path()), "files_seen": summary.files_seen, "new": summary.new,
        "changed": summary.changed, "unchanged": summary.unchanged, "removed": summary.removed,
        "unreadable_paths": len(summary.unreadable),
    }
    for key in (RAW_FILES, SOURCE_FILES, INGEST_LOG):
        yield MaterializeResult(asset_key=key, metadata=metadata)
