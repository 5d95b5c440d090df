"""Where the reports come from and where the warehouse goes, from the environment.

OGI_INBOX: folder of reports, searched recursively. Default: the sample corpus at
../shared/corpus beside the project when it exists, else data/inbox/.
OGI_WAREHOUSE: the DuckDB file. Default: data/warehouse.duckdb.
OGI_PUBLISHED: folder of the copy for readers (BI tools), replaced after every successful run: the
marts and dimensions as a DuckDB file older DuckDB builds open, Parquet and CSV files, a manifest.
Default: published/ beside the warehouse file (data/published/).
OGI_RAW_STORE: folder keeping the bytes of every file ever ingested, by SHA-256. Default: raw/
beside the warehouse file.
OGI_WORK: folder of the extraction work lists and the shards' results (Parquet) before they are
merged. Default: work/ beside the warehouse file.
OGI_WORKERS: processes that read documents in parallel. Default: the machine's cores.
OGI_SHARDS_PER_RUN: set, extraction/report_extracts is partitioned by shard (16) and a backfill of it
gives each run this many shards (a cluster: 1). Default: unset, the asset unpartitioned, every
shard in one step.
OGI_DUCKDB_MEMORY: DuckDB's memory limit for each connection of the job and for dbt. Default: 1GB.
OGI_ALLOW_MASS_REMOVAL: 1 lets a run mark most of the inbox's files removed at once (without it,
such a run stops before changing anything: the inbox is more likely mistyped or unmounted).
OGI_KEEP_RUNS: how many finished runs the Dagster instance keeps (events and captured output, about
2.5 MB a run); older ones are deleted when a run starts. `make run` keeps as many of its logs
(orchestration/run.py). Default: 20.
OGI_SENSOR_INTERVAL: seconds between two looks of the inbox sensor at the inbox (under the Dagster
daemon, `make dev`). Default: 60.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SAMPLE_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
# Folders of the sample corpus that hold answers, not reports: never ingested.
EXCLUDED_FOLDERS = frozenset({"gold"})

# v1.4.0 rather than DuckDB 2.0's own format, so DuckDB 1.4 and later open the warehouse (older
# builds, as bundled in BI drivers, read the published copy: PUBLISHED_STORAGE_VERSION).
# DuckDB takes 80% of the machine's memory unless told: the job's Python connections and dbt's
# each get OGI_DUCKDB_MEMORY (default 1GB), spilling to disk beyond it.
DUCKDB_MEMORY = os.environ.get("OGI_DUCKDB_MEMORY", "1GB")
DUCKDB_CONFIG = {"storage_compatibility_version": "v1.4.0", "memory_limit": DUCKDB_MEMORY}
WAREHOUSE_POOL = "warehouse"
# The published copy is for readers whose DuckDB may be old (BI drivers): v1.0.0 files open in
# DuckDB 1.1.3, 1.3.2 and 1.4.0 (verified), v1.4.0 files (the warehouse's) do not open in 1.1.3 or 1.3.2.
PUBLISHED_STORAGE_VERSION = "v1.0.0"
PUBLISHED_DATABASE_FILE = "warehouse.duckdb"
# Who answers for every asset, in the UI's Owner column and the catalog's filters.
ASSET_OWNERS = ["team:ogi-warehouse"]


def inbox_path() -> Path:
    configured = os.environ.get("OGI_INBOX")
    if configured:
        return Path(configured).resolve()
    if SAMPLE_CORPUS.is_dir():
        return SAMPLE_CORPUS
    return PROJECT_ROOT / "data" / "inbox"


def warehouse_path() -> Path:
    configured = os.environ.get("OGI_WAREHOUSE")
    return Path(configured).resolve() if configured else PROJECT_ROOT / "data" / "warehouse.duckdb"


def published_path() -> Path:
    configured = os.environ.get("OGI_PUBLISHED")
    return Path(configured).resolve() if configured else warehouse_path().parent / "published"


def published_database_path() -> Path:
    """The DuckDB file readers open (read-only): the marts and dimensions of the last successful run."""
    return published_path() / PUBLISHED_DATABASE_FILE


def raw_store_path() -> Path:
    configured = os.environ.get("OGI_RAW_STORE")
    return Path(configured).resolve() if configured else warehouse_path().parent / "raw"


def work_path() -> Path:
    configured = os.environ.get("OGI_WORK")
    return Path(configured).resolve() if configured else warehouse_path().parent / "work"


def shards_per_run() -> int | None:
    configured = os.environ.get("OGI_SHARDS_PER_RUN")
    return max(1, int(configured)) if configured else None


def extraction_workers() -> int:
    configured = os.environ.get("OGI_WORKERS")
    return max(1, int(configured)) if configured else (os.cpu_count() or 1)


def allow_mass_removal() -> bool:
    return os.environ.get("OGI_ALLOW_MASS_REMOVAL", "").strip().lower() in {"1", "true", "yes"}


def runs_to_keep() -> int:
    configured = os.environ.get("OGI_KEEP_RUNS")
    return max(1, int(configured)) if configured else 20


def sensor_interval_seconds() -> int:
    configured = os.environ.get("OGI_SENSOR_INTERVAL")
    return max(1, int(configured)) if configured else 60
