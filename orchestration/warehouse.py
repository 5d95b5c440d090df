"""Short-lived connections to the warehouse file and the writes every staging asset shares.

DuckDB lets one process write a file at a time, so every writer opens, writes in a
transaction and closes; the Dagster pool "warehouse" keeps two writers from overlapping.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from orchestration.settings import DUCKDB_CONFIG

SCHEMA_SQL = (Path(__file__).resolve().parent / "warehouse_schema.sql").read_text(encoding="utf-8")


@contextmanager
def connect(path: Path | str, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path), read_only=read_only, config={} if read_only else dict(DUCKDB_CONFIG))
    try:
        if not read_only:
            connection.execute(SCHEMA_SQL)
        yield connection
    finally:
        connection.close()


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def append_rows(connection: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame) -> None:
    """Insert a frame whose columns are a subset of the table's, by name."""
    if rows.empty:
        return
    connection.register("incoming_rows", rows)
    try:
        columns = ", ".join(rows.columns)
        connection.execute(f"insert into {table} ({columns}) select {columns} from incoming_rows")
    finally:
        connection.unregister("incoming_rows")


def replace_reports(connection: duckdb.DuckDBPyConnection, table: str, file_hashes: list[str],
                    rows: pd.DataFrame) -> None:
    """Replace every row of the given reports in one statement pair; the caller's transaction
    makes a report's rows appear or disappear as a unit."""
    if not file_hashes:
        return
    connection.register("replaced_hashes", pd.DataFrame({"file_sha256": file_hashes}))
    try:
        connection.execute(f"delete from {table} where file_sha256 in (select file_sha256 from replaced_hashes)")
    finally:
        connection.unregister("replaced_hashes")
    append_rows(connection, table, rows)


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    connection.execute("begin transaction")
    try:
        yield
    except BaseException:
        connection.execute("rollback")
        raise
    connection.execute("commit")


def table_counts(connection: duckdb.DuckDBPyConnection, schema: str = "staging") -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]).fetchall()]
    return {name: connection.execute(f"select count(*) from {schema}.{name}").fetchone()[0] for name in names}
