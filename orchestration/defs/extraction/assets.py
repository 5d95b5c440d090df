"""Extraction: raw bytes → documents (text, metadata, jurisdiction) → facts, in three assets.

``extraction/worklists`` and the merge into staging.documents / staging.facts hold the warehouse
(pool "warehouse"); ``extraction/report_extracts``, the costly middle, touches no warehouse: only
the work lists, the raw store and its results folder (OGI_WORK, OGI_RAW_STORE). By default it does
every shard (the first hex digit of the content hash) in one step with a pool of OGI_WORKERS
processes, an ordinary asset that "Materialize all" runs in one run. On a cluster
(OGI_SHARDS_PER_RUN set) it is partitioned by shard, so that a backfill gives each shard its own
run on its own pod (README "Running extraction on several machines").
"""
from dagster import (
    AssetExecutionContext, AssetKey, AssetSpec, BackfillPolicy, MaterializeResult, StaticPartitionsDefinition,
    asset, multi_asset,
)
from dagster_duckdb import DuckDBResource

from extractors.pipeline import reader_version
from orchestration.defs.extraction.exchange import SHARD_KEYS, ExtractionExchange
from orchestration.defs.extraction.stages import extract_shards, merge_extracts, plan_extraction, stage_rules_version
from orchestration.raw_store import RawStore
from orchestration.resources import staging_connection
from orchestration.settings import ASSET_OWNERS, WAREHOUSE_POOL, raw_store_path, shards_per_run, work_path
from orchestration.staging_keys import DOCUMENTS, EXTRACTION_NOTES, FACTS, RAW_FILES, SOURCE_FILES

WORKLISTS = AssetKey(["extraction", "worklists"])
REPORT_EXTRACTS = AssetKey(["extraction", "report_extracts"])
# Partitioned by shard in cluster mode only (OGI_SHARDS_PER_RUN), so that a backfill gives each shard
# its own run. Partitioned, the UI's "Materialize all" is such a backfill, which the daemon splits
# into runs and advances every 30 s (measured on the sample corpus: 119 s against 23 s for the job);
# unpartitioned, it is one ordinary run like the job's.
SHARD_PARTITIONS = StaticPartitionsDefinition(list(SHARD_KEYS)) if shards_per_run() else None
# The tags of a run doing every shard (the job's): the whole partition range when partitioned, none
# otherwise (Dagster accepts range tags on a run of unpartitioned assets, then fails any step that
# asks for its partition keys).
EVERY_SHARD_TAGS = ({"dagster/asset_partition_range_start": SHARD_KEYS[0],
                     "dagster/asset_partition_range_end": SHARD_KEYS[-1]} if SHARD_PARTITIONS else {})
BACKFILL_POLICY = BackfillPolicy.multi_run(shards_per_run()) if SHARD_PARTITIONS else None


@asset(key=WORKLISTS, deps=[RAW_FILES, SOURCE_FILES], group_name="extraction", pool=WAREHOUSE_POOL,
       owners=ASSET_OWNERS, kinds={"python", "parquet"},
       description="Each shard's work list (Parquet under OGI_WORK): contents this reader version has not "
                   "read, and reports whose facts other rules made.")
def worklists(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    with staging_connection(warehouse) as connection:
        pending = plan_extraction(connection, ExtractionExchange(work_path()), reader_version(), stage_rules_version())
    return MaterializeResult(metadata={"contents_to_process": pending, "work_folder": str(work_path())})


@asset(key=REPORT_EXTRACTS, deps=[WORKLISTS], group_name="extraction", partitions_def=SHARD_PARTITIONS,
       backfill_policy=BACKFILL_POLICY, owners=ASSET_OWNERS, kinds={"python", "parquet"},
       description="Each shard's documents, facts, notes and log lines as Parquet, read from the raw store "
                   "with no warehouse connection (runs anywhere the work folder and raw store are visible).")
def report_extracts(context: AssetExecutionContext) -> MaterializeResult:
    # By the asset's definition, not the run's tags (see EVERY_SHARD_TAGS).
    shards = context.partition_keys if SHARD_PARTITIONS else list(SHARD_KEYS)
    summary = extract_shards(ExtractionExchange(work_path()), RawStore(raw_store_path()), shards,
                             reader_version(), stage_rules_version(), context.run_id)
    return MaterializeResult(metadata={
        "shards": ",".join(shards), "contents_processed": summary.processed,
        "reports_read": summary.rows_written, "skipped": dict(summary.skipped),
    })


@multi_asset(
    specs=[
        AssetSpec(key, deps=[REPORT_EXTRACTS], description=description, owners=ASSET_OWNERS, kinds={"python", "duckdb"})
        for key, description in [
            (DOCUMENTS, "One row per report: verbatim text, structure, metadata, jurisdiction code. The merge also "
                        "appends its decisions to staging.ingest_log and keeps staging.extraction_state."),
            (FACTS, "Every number a report states for a metric, with scope, qualifier and verbatim evidence."),
            (EXTRACTION_NOTES, "What the extractor saw and could not turn into facts, said rather than guessed: a "
                               "table row whose glued digits admit several readings, a table the text's end cut short."),
        ]
    ],
    group_name="extraction", pool=WAREHOUSE_POOL, can_subset=False,
)
def merged_extracts(context: AssetExecutionContext, warehouse: DuckDBResource):
    with staging_connection(warehouse) as connection:
        summary = merge_extracts(connection, ExtractionExchange(work_path()))
        reports, facts = connection.execute(
            "select (select count(*) from staging.documents), (select count(*) from staging.facts)").fetchone()
    metadata = {"contents_merged": summary.merged, "contents_read": summary.documents,
                "reports_in_warehouse": reports, "facts_in_warehouse": facts}
    for key in (DOCUMENTS, FACTS, EXTRACTION_NOTES):
        yield MaterializeResult(asset_key=key, metadata=metadata)
