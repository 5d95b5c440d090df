"""The warehouse connection as a Dagster resource."""
from dagster_duckdb import DuckDBResource

from orchestration.settings import DUCKDB_CONFIG, warehouse_path


def warehouse_resource() -> DuckDBResource:
    path = warehouse_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return DuckDBResource(database=str(path), connection_config=dict(DUCKDB_CONFIG))
