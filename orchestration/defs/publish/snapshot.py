"""The copy of the warehouse for readers (BI tools, Python, R): the marts and dimensions only, as
a DuckDB file older DuckDB builds open, one Parquet and one CSV file per table, and a manifest.

Every file is written under a temporary name in its own folder, then renamed over the previous
one. A reader holding the old DuckDB file open keeps its inode, so it reads the previous snapshot
until it reconnects, and it never blocks a run: publishing never opens the published files, and
the warehouse is opened read-only, and only while the tables are copied.
"""
from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.settings import DUCKDB_MEMORY, PUBLISHED_DATABASE_FILE, PUBLISHED_STORAGE_VERSION
from orchestration.warehouse import quoted

# dbt's marts and dimensions; staging views and intermediate tables are not for readers.
PUBLISHED_PREFIXES = ("dim_", "fct_", "mart_")
MANIFEST_FILE = "manifest.json"
PARQUET_FOLDER = "parquet"
CSV_FOLDER = "csv"
# A file being written: `.<final name>.publishing-<token>` in the final file's folder.
TEMPORARY_MARK = ".publishing-"


@dataclass(frozen=True)
class Snapshot:
    folder: Path
    run_id: str
    published_at: datetime
    row_counts: dict[str, int]

    @property
    def database(self) -> Path:
        return self.folder / PUBLISHED_DATABASE_FILE


def is_published_table(name: str) -> bool:
    return name.startswith(PUBLISHED_PREFIXES)


def published_tables(connection: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    """The marts and dimensions of one attached database (tables or views of its schema main)."""
    names = connection.execute(
        "select table_name from information_schema.tables where table_catalog = ? and table_schema = 'main' "
        "order by 1", [catalog]).fetchall()
    return [name for (name,) in names if is_published_table(name)]


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def parquet_file(folder: Path, table: str) -> Path:
    return folder / PARQUET_FOLDER / f"{table}.parquet"


def csv_file(folder: Path, table: str) -> Path:
    return folder / CSV_FOLDER / f"{table}.csv"


def _is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and TEMPORARY_MARK in path.name


def remove_leftovers(folder: Path) -> list[Path]:
    """Temporary files of a publication that was killed before it could clean up."""
    removed = []
    for place in (folder, folder / PARQUET_FOLDER, folder / CSV_FOLDER):
        if place.is_dir():
            for path in place.iterdir():
                if path.is_file() and _is_temporary(path):
                    path.unlink()
                    removed.append(path)
    return removed


def _copy_and_export(warehouse: Path, database: Path, exports: Callable[[str], tuple[Path, Path]]) -> dict[str, int]:
    """The marts of ``warehouse`` into the new file ``database``, then each table to its Parquet and
    CSV files (read from the new file: the warehouse is detached by then). Returns row counts."""
    connection = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY})
    try:
        connection.execute(f"attach {_literal(warehouse)} as warehouse (read_only)")
        connection.execute(f"attach {_literal(database)} as published (storage_version '{PUBLISHED_STORAGE_VERSION}')")
        tables = published_tables(connection, "warehouse")
        if not tables:
            raise RuntimeError(f"no mart or dimension in {warehouse} (has dbt built the star schema?): "
                               "the published copy is left as it was")
        connection.execute("begin transaction")  # one consistent read of the warehouse
        for table in tables:
            connection.execute(f"create table published.main.{quoted(table)} as "
                               f"select * from warehouse.main.{quoted(table)}")
        connection.execute("commit")
        connection.execute("detach warehouse")
        counts = {}
        for table in tables:
            source = f"published.main.{quoted(table)}"
            counts[table] = connection.execute(f"select count(*) from {source}").fetchone()[0]
            parquet, csv = exports(table)
            connection.execute(f"copy {source} to {_literal(parquet)} (format parquet)")
            connection.execute(f"copy {source} to {_literal(csv)} (format csv, header)")
        connection.execute("detach published")  # checkpoints: the file is complete, no WAL beside it
    finally:
        connection.close()
    return counts


def manifest(run_id: str, published_at: datetime, counts: dict[str, int],
             marts_build: str | None = None) -> dict[str, object]:
    return {
        "run_id": run_id,
        "marts_build": marts_build,
        "published_at": published_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "database": PUBLISHED_DATABASE_FILE,
        "storage_version": PUBLISHED_STORAGE_VERSION,
        "written_by_duckdb": duckdb.__version__,
        "tables": {table: {"rows": rows, "parquet": parquet_file(Path(), table).as_posix(),
                           "csv": csv_file(Path(), table).as_posix()} for table, rows in counts.items()},
    }


def read_manifest(folder: Path) -> dict[str, object] | None:
    path = folder / MANIFEST_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def is_published(folder: Path, marts_build: str | None) -> bool:
    """Whether ``folder`` already holds every file of the build ``marts_build`` of the marts (the
    fingerprint dbt's step records after a successful build): then a run has nothing to publish.
    Publishing costs a minute and gigabytes of writes at 100,000 reports, and a run with nothing
    new must stay cheap."""
    contents = read_manifest(Path(folder))
    if marts_build is None or not contents or contents.get("marts_build") != marts_build:
        return False
    files = [contents["database"]] + [table[kind] for table in contents["tables"].values() for kind in ("parquet", "csv")]
    return all((Path(folder) / name).is_file() for name in files)


def publish_warehouse(warehouse: Path, folder: Path, run_id: str, marts_build: str | None = None) -> Snapshot:
    """Replace the published copy in ``folder`` with the marts and dimensions of ``warehouse``.

    On any failure the previous copy stays as it was and no temporary file is left."""
    folder = Path(folder)
    for place in (folder, folder / PARQUET_FOLDER, folder / CSV_FOLDER):
        place.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    token = secrets.token_hex(6)
    renames: list[tuple[Path, Path]] = []  # (temporary, final), in the order they are renamed

    def temporary(final: Path) -> Path:
        path = final.with_name(f".{final.name}{TEMPORARY_MARK}{token}")
        renames.append((path, final))
        return path

    database = temporary(folder / PUBLISHED_DATABASE_FILE)
    try:
        counts = _copy_and_export(warehouse, database, lambda table: (temporary(parquet_file(folder, table)),
                                                                      temporary(csv_file(folder, table))))
        published_at = datetime.now(timezone.utc)
        temporary(folder / MANIFEST_FILE).write_text(
            json.dumps(manifest(run_id, published_at, counts, marts_build), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        # in the order written: the database, the Parquet and CSV files, the manifest last (it
        # names the snapshot that is in place)
        for path, final in renames:
            os.replace(path, final)
    except BaseException:
        for path, _ in renames:
            path.unlink(missing_ok=True)
        database.with_name(database.name + ".wal").unlink(missing_ok=True)
        raise
    _remove_dropped_tables(folder, set(counts))
    return Snapshot(folder=folder, run_id=run_id, published_at=published_at, row_counts=counts)


def _remove_dropped_tables(folder: Path, tables: set[str]) -> None:
    """Parquet and CSV files of a mart the warehouse no longer has (renamed or removed in dbt)."""
    for place, suffix in ((folder / PARQUET_FOLDER, ".parquet"), (folder / CSV_FOLDER, ".csv")):
        for path in place.glob(f"*{suffix}"):
            if is_published_table(path.stem) and path.stem not in tables:
                path.unlink()


def describe_published(folder: Path) -> str:
    """One line for a person: where the published copy is and which snapshot it holds."""
    contents = read_manifest(folder)
    if contents is None:
        return f"{folder} (nothing published yet)"
    return (f"{folder / contents['database']}, {PARQUET_FOLDER}/ and {CSV_FOLDER}/ beside it "
            f"(run {contents['run_id']}, {contents['published_at']}, {len(contents['tables'])} tables)")
