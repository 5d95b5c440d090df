"""The warehouse connection as a Dagster resource, and the one way assets open it."""
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
from dagster_duckdb import DuckDBResource

from orchestration.settings import DUCKDB_CONFIG, warehouse_path
from orchestration.warehouse import SCHEMA_SQL


def warehouse_resource() -> DuckDBResource:
    path = warehouse_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return DuckDBResource(database=str(path), connection_config=dict(DUCKDB_CONFIG))


@contextmanager
def staging_connection(warehouse: DuckDBResource) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection with the staging tables in place (created on first use)."""
    with warehouse.get_connection() as connection:
        connection.execute(SCHEMA_SQL)
        yield connection
