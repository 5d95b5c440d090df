"""The dbt project as Dagster assets: each model is an asset, each dbt test an asset check,
and the dbt sources are the staging assets the Python side writes (same keys)."""
import os
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from dagster import AssetExecutionContext, AssetKey
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from orchestration.defs.transform.freshness import dbt_code_digest, inputs_fingerprint, last_built, record_built
from orchestration.settings import DBT_PROJECT_DIR, WAREHOUSE_POOL, warehouse_path
from orchestration.staging_keys import STAGING_SCHEMA, staging_key
from orchestration.warehouse import connect


class WarehouseTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "source" and dbt_resource_props["source_name"] == STAGING_SCHEMA:
            return staging_key(dbt_resource_props["name"])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "staging"
        # models/<layer>/...: staging, intermediate, marts
        path = dbt_resource_props.get("path", "")
        return f"dbt_{path.split('/')[0]}" if "/" in path else "dbt"


@cache
def dbt_project() -> DbtProject:
    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    # Only acts under `dagster dev`; `make run` and the tests run `dbt parse` first.
    project.prepare_if_dev()
    return project


def dbt_executable() -> str:
    """dbt installed beside this Python (the project's .venv), even when .venv/bin is not on PATH."""
    beside_python = Path(sys.executable).parent / "dbt"
    return str(beside_python) if beside_python.exists() else "dbt"


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project(), profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=dbt_executable())


@dbt_assets(manifest=dbt_project().manifest_path, project=dbt_project(),
            dagster_dbt_translator=WarehouseTranslator(), pool=WAREHOUSE_POOL)
def warehouse_models(context: AssetExecutionContext, dbt: DbtCliResource):
    # dbt resolves a relative path from its own folder: hand it the file the Python assets use.
    os.environ["OGI_WAREHOUSE"] = str(warehouse_path())
    # Nothing the marts read changed since their last build: they are current (short connection:
    # dbt needs the file to itself).
    with connect(warehouse_path()) as connection:
        fingerprint = inputs_fingerprint(connection, dbt_code_digest(DBT_PROJECT_DIR))
        current = last_built(connection) == fingerprint
    if current:
        context.log.info("the marts are current: no staging row and no dbt model changed since their last build")
        return
    yield from dbt.cli(["build"], context=context).stream()
    with connect(warehouse_path()) as connection:
        record_built(connection, fingerprint)
