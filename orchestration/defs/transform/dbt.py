"""The dbt project as Dagster assets: each model is an asset, each dbt test an asset check,
and the dbt sources are the staging assets the Python side writes (same keys)."""
import importlib.metadata
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from functools import cache, cached_property
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

from dagster import (
    AssetExecutionContext, AssetKey, AssetMaterialization, MaterializeResult, MetadataValue, Output, TableColumn,
    TableSchema,
)
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from packaging import version

from orchestration.defs.transform.freshness import (dbt_code_digest, dbt_source_files, inputs_fingerprint, last_built,
                                                    needs_full_refresh, record_built)
from orchestration.defs.transform.table_metadata import BuiltTable, describe_tables
from orchestration.settings import ASSET_OWNERS, DBT_PROJECT_DIR, WAREHOUSE_POOL, warehouse_path
from orchestration.staging_keys import STAGING_SCHEMA, staging_key
from orchestration.warehouse import connect


DBT_LOG_FILE_MAX_BYTES = 2 * 2**20


class WarehouseTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "source" and dbt_resource_props["source_name"] == STAGING_SCHEMA:
            return staging_key(dbt_resource_props["name"])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "dbt_seeds"
        # models/<layer>/...: staging, intermediate, marts
        path = dbt_resource_props.get("path", "")
        return f"dbt_{path.split('/')[0]}" if "/" in path else "dbt"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> Sequence[str] | None:
        # Owners a model's yml names (meta.dagster.owners, a dbt group's owner) come first.
        return super().get_owners(dbt_resource_props) or ASSET_OWNERS


@cache
def dbt_project() -> DbtProject:
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    # Under `dagster dev` a model edited since the last parse shows at the next reload. Not
    # dagster-dbt's prepare_if_dev: it calls a bare `dbt` (fails when .venv/bin is not on PATH) and
    # parses again in every run's process (~5 s a run). `make run` and the tests parse first.
    if project.preparer.using_dagster_dev() and manifest_is_stale(project):
        subprocess.run([dbt_executable(), "parse", "--profiles-dir", str(DBT_PROJECT_DIR), "--quiet"],
                       cwd=DBT_PROJECT_DIR, check=True)
    return project


def manifest_is_stale(project: DbtProject) -> bool:
    """No manifest, or a file of the dbt project changed after it was written."""
    if not project.manifest_path.exists():
        return True
    parsed_at = project.manifest_path.stat().st_mtime
    return any(path.stat().st_mtime > parsed_at for path in dbt_source_files(DBT_PROJECT_DIR))


def dbt_executable() -> str:
    """dbt installed beside this Python (the project's .venv), even when .venv/bin is not on PATH."""
    beside_python = Path(sys.executable).parent / "dbt"
    return str(beside_python) if beside_python.exists() else "dbt"


class WarehouseDbtResource(DbtCliResource):
    """dagster-dbt's resource without the two things it does in this process before each dbt
    command: run `dbt --version`, and open a dbt adapter (a second DuckDB handle). The adapter
    serves only ``fetch_row_counts`` / ``fetch_column_metadata``, which these assets replace by
    table_metadata.py; the version is the installed dbt-core's. Together they cost about 3 s of
    every run."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


def dbt_resource() -> DbtCliResource:
    return WarehouseDbtResource(project_dir=dbt_project(), profiles_dir=str(DBT_PROJECT_DIR),
                                dbt_executable=dbt_executable())


@dbt_assets(manifest=dbt_project().manifest_path, project=dbt_project(),
            dagster_dbt_translator=WarehouseTranslator(), pool=WAREHOUSE_POOL)
def warehouse_models(context: AssetExecutionContext, dbt: DbtCliResource):
    # dbt resolves a relative path from its own folder: hand it the file the Python assets use.
    os.environ["OGI_WAREHOUSE"] = str(warehouse_path())
    # dbt appends every run's debug log to target/dagster/dbt.log (3-12 MB a run) and rotates it
    # at 10 MB keeping 5 old files: at 2 MB the folder's logs stay under 12 MB.
    os.environ.setdefault("DBT_LOG_FILE_MAX_BYTES", str(DBT_LOG_FILE_MAX_BYTES))
    # Nothing the marts read changed since their last build: they are current (short connection:
    # dbt needs the file to itself).
    code_digest = dbt_code_digest(DBT_PROJECT_DIR)
    with connect(warehouse_path()) as connection:
        fingerprint = inputs_fingerprint(connection, code_digest)
        current = last_built(connection) == fingerprint
        full_refresh = needs_full_refresh(connection, code_digest)
    if current:
        context.log.info("the marts are current: no staging row and no dbt model changed since their last build")
        # Said for each model, so that the steps downstream (the published copy, made after every
        # run) are not skipped and a backfill (cluster mode) counts them done (in dependency order,
        # as Dagster requires of a multi-asset).
        selected = context.selected_asset_keys
        dependencies = context.assets_def.asset_deps
        for key in TopologicalSorter({key: dependencies.get(key, set()) & selected for key in selected}).static_order():
            yield MaterializeResult(asset_key=key, metadata={"dbt": "not run: inputs and code unchanged since the last build"})
        return
    # Same code as the last build: dbt rebuilds the reports whose staging rows changed
    # (models/intermediate/int_changed_reports.sql) and tests them; the unit tests, which test
    # the code alone, passed on that code already. New code: every table from scratch.
    arguments = ["build", "--full-refresh"] if full_refresh else ["build", "--exclude-resource-type", "unit_test"]
    if context.is_subset:
        # Some models only (a backfill builds them layer by layer): a test also reading a model
        # not built yet waits for the layer that builds it (dbt's default runs it and fails).
        arguments += ["--indirect-selection", "buildable"]
    context.log.info("dbt " + " ".join(arguments))
    # One target folder for every run (not dagster-dbt's folder per run): dbt finds its
    # partial_parse.msgpack from the last run, parsed under this run's profile, and parses only
    # what changed (a full parse costs seconds).
    target = DBT_PROJECT_DIR / "target" / "dagster"
    invocation = dbt.cli(arguments, context=context, target_path=target)
    # Held until dbt has ended (it holds the file), then given each table's row count and columns.
    events = []
    try:
        for event in invocation.stream():
            events.append(event)
    except Exception:
        yield from events  # what dbt built before it failed is still recorded
        raise
    nodes = invocation.manifest["nodes"]
    relations = {_unique_id(event): (nodes[_unique_id(event)]["schema"], nodes[_unique_id(event)]["alias"])
                 for event in events if _is_built(event)}
    with connect(warehouse_path()) as connection:
        tables = describe_tables(connection, relations.values())
        # Some models only (a model picked in the UI, one layer of a backfill): the others are
        # not built from these inputs.
        if not context.is_subset:
            record_built(connection, fingerprint, code_digest)
    metadata = {unique_id: table_metadata(tables[relation], nodes[unique_id])
                for unique_id, relation in relations.items() if relation in tables}
    for event in events:
        added = metadata.get(_unique_id(event)) if _is_built(event) else None
        yield event.with_metadata({**event.metadata, **added}) if added else event


def _is_built(event) -> bool:
    return isinstance(event, (Output, AssetMaterialization)) and "unique_id" in event.metadata


def _unique_id(event) -> str | None:
    return event.metadata["unique_id"].value if "unique_id" in event.metadata else None


def table_metadata(built: BuiltTable, node: Mapping[str, Any]) -> dict[str, MetadataValue]:
    """The standard row count and column schema of a model's materialization: types from the
    table, descriptions from the model's yml."""
    described = node.get("columns", {})
    schema = TableSchema(columns=[TableColumn(name, data_type, description=described.get(name, {}).get("description"))
                                  for name, data_type in built.columns])
    metadata = {"dagster/column_schema": MetadataValue.table_schema(schema)}
    if built.row_count is not None:
        metadata["dagster/row_count"] = MetadataValue.int(built.row_count)
    return metadata
