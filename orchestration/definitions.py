"""Everything Dagster loads: ingest, extraction, quality checks, the dbt models and the published
copy for readers, with the resources they share, the job `make run` executes and what starts it
under the daemon (the inbox sensor, the daily schedule)."""
from dagster import AssetSelection, Definitions, define_asset_job

from orchestration.defs.automation.schedule import daily_schedule
from orchestration.defs.automation.sensor import inbox_sensor
from orchestration.defs.extraction.assets import EVERY_SHARD_TAGS, merged_extracts, report_extracts, worklists
from orchestration.defs.ingest.assets import inbox_files
from orchestration.defs.publish.assets import published_warehouse
from orchestration.defs.publish.dashboard_asset import published_dashboard
from orchestration.defs.quality.assets import check_results
from orchestration.defs.transform.dbt import dbt_resource, warehouse_models
from orchestration.executor import warehouse_executor
from orchestration.resources import warehouse_resource

build_warehouse = define_asset_job(
    "build_warehouse",
    selection=AssetSelection.all(),
    description="Ingest the inbox, extract, check, build the star schema and publish it for readers.",
    # Every extraction shard in this one run (one step), also when the shards are partitions
    # (OGI_SHARDS_PER_RUN: a backfill can split them instead).
    tags=EVERY_SHARD_TAGS,
)

defs = Definitions(
    assets=[inbox_files, worklists, report_extracts, merged_extracts, check_results, warehouse_models,
            published_warehouse, published_dashboard],
    jobs=[build_warehouse],
    sensors=[inbox_sensor(build_warehouse)],
    schedules=[daily_schedule(build_warehouse)],
    # Every run, this job's and the UI's "Materialize all" (an implicit asset job) alike: the steps
    # in one process, in order, one writer at a time on the DuckDB file (the extraction step
    # spreads its work over OGI_WORKERS processes itself); each run first frees what dead runs
    # hold and prunes old runs (orchestration/executor.py).
    executor=warehouse_executor,
    resources={"warehouse": warehouse_resource(), "dbt": dbt_resource()},
)
