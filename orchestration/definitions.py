"""Everything Dagster loads: ingest, extraction, quality checks, the dbt models and the published
copy for readers, with the resources they share and the job `make run` executes."""
from dagster import AssetSelection, Definitions, define_asset_job

from orchestration.defs.extraction.assets import ALL_SHARDS_TAGS, merged_extracts, report_extracts, worklists
from orchestration.defs.ingest.assets import inbox_files
from orchestration.defs.publish.assets import published_warehouse
from orchestration.defs.publish.dashboard_asset import published_dashboard
from orchestration.defs.quality.assets import check_results
from orchestration.defs.transform.dbt import dbt_resource, warehouse_models
from orchestration.executor import default_with_housekeeping, in_process_with_housekeeping
from orchestration.resources import warehouse_resource

build_warehouse = define_asset_job(
    "build_warehouse",
    selection=AssetSelection.all(),
    description="Ingest the inbox, extract, check, build the star schema and publish it for readers.",
    # One writer at a time on the DuckDB file: run the steps in one process, in order (the
    # extraction step spreads its work over OGI_WORKERS processes itself).
    # Each run first frees what dead runs hold and prunes old runs (orchestration/executor.py).
    executor_def=in_process_with_housekeeping,
    # Every extraction shard in this one run (one step); a backfill can split them instead.
    tags=ALL_SHARDS_TAGS,
)

defs = Definitions(
    assets=[inbox_files, worklists, report_extracts, merged_extracts, check_results, warehouse_models,
            published_warehouse, published_dashboard],
    jobs=[build_warehouse],
    executor=default_with_housekeeping,
    resources={"warehouse": warehouse_resource(), "dbt": dbt_resource()},
)
