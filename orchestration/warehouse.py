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


def quoted(identifier: str) -> str:
    """A table or column name for SQL, whatever it holds."""
    return '"' + identifier.replace('"', '""') + '"'


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@contextmanager
def register(connection: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """A pandas frame visible to SQL as ``name`` for the duration of the block."""
    connection.register(name, frame)
    try:
        yield
    finally:
        connection.unregister(name)


def append_rows(connection: duckdb.DuckDBPyConnection, table: str, rows: pd.DataFrame) -> None:
    """Insert a frame whose columns are a subset of the table's, by name."""
    if rows.empty:
        return
    columns = ", ".join(rows.columns)
    with register(connection, "incoming_rows", rows):
        connection.execute(f"insert into {table} ({columns}) select {columns} from incoming_rows")


def delete_reports(connection: duckdb.DuckDBPyConnection, table: str, file_hashes: list[str]) -> None:
    if file_hashes:
        with register(connection, "replaced_hashes", pd.DataFrame({"file_sha256": file_hashes})):
            connection.execute(f"delete from {table} where file_sha256 in (select file_sha256 from replaced_hashes)")


def replace_reports(connection: duckdb.DuckDBPyConnection, table: str, file_hashes: list[str],
                    rows: pd.DataFrame) -> None:
    """Replace every row of the given reports; the caller's transaction makes a report's rows
    appear or disappear as a unit."""
    delete_reports(connection, table, file_hashes)
    append_rows(connection, table, rows)


def log_line(logged_at: datetime, run_id: str | None, stage: str, status: str, file_sha256: str | None,
             source_path: str | None = None, reason: str | None = None, detail: str | None = None,
             version: str | None = None) -> dict[str, object]:
    """One row of staging.ingest_log."""
    return {
        "logged_at": logged_at, "run_id": run_id, "stage": stage, "source_path": source_path,
        "file_sha256": file_sha256, "status": status, "reason": reason, "detail": detail,
        "extractor_version": version,
    }


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
