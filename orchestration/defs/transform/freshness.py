"""Whether the dbt marts are already built from the warehouse's current staging rows and the
current dbt code, so that a run with nothing new does not rebuild them (dbt's start, parse and
build cost ~30 s whatever changed).

The staging models are views: they read staging live. The marts are tables: they are current when
neither their inputs nor their code changed since the last successful build. When only inputs
changed, dbt rebuilds the changed slice (dbt_project/macros/changed_slice.sql); when the code
changed since the last build, the marts are rebuilt from scratch (``needs_full_refresh``).
Inputs are fingerprinted by a row hash over every staging table the marts read (raw bytes, the
ingest log and a file's last-seen time aside: no mart holds them), code by the dbt project's
source files. Plain functions over a DuckDB connection, tested without Dagster.
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

BUILDS_TABLE = "staging.mart_builds"
# (the log and the last-seen time change on every run; views show them live and no mart holds them)
_NOT_READ_BY_MARTS = {"ingest_log", "mart_builds"}
_SKIPPED_COLUMNS = {"last_seen_at"}
_DBT_SOURCES = ("models", "macros", "seeds", "tests", "snapshots", "dbt_project.yml", "packages.yml")


def dbt_source_files(project_dir: Path) -> list[Path]:
    """The files of the dbt project that make its code (models, macros, seeds, tests, config)."""
    files = []
    for name in _DBT_SOURCES:
        root = project_dir / name
        paths = sorted(root.rglob("*")) if root.is_dir() else [root] if root.exists() else []
        files.extend(path for path in paths if path.is_file())
    return files


def dbt_code_digest(project_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in dbt_source_files(project_dir):
        digest.update(str(path.relative_to(project_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def inputs_fingerprint(connection, code_digest: str) -> str:
    # (dim_year runs to the current year: a new year is a change)
    parts = [code_digest, str(date.today().year)]
    tables = [row[0] for row in connection.execute(
        "select table_name from duckdb_tables() where schema_name = 'staging' order by table_name").fetchall()]
    for table in tables:
        if table in _NOT_READ_BY_MARTS:
            continue
        columns = [f'"{name}"' for name, data_type in connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'staging' and table_name = ? order by ordinal_position", [table]).fetchall()
            if data_type != "BLOB" and name not in _SKIPPED_COLUMNS]
        count, rows_hash = connection.execute(
            f'select count(*), coalesce(bit_xor(hash({", ".join(columns)})), 0) from staging."{table}"').fetchone()
        parts.append(f"{table}:{count}:{rows_hash}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _builds_table(connection) -> None:
    connection.execute(f"create table if not exists {BUILDS_TABLE} (fingerprint varchar, built_at timestamp)")
    # (added with the incremental marts: a table made before it gains it, empty)
    connection.execute(f"alter table {BUILDS_TABLE} add column if not exists code_digest varchar")


def last_built(connection, mart: str = "fct_report_metric") -> str | None:
    """The fingerprint of the last successful build of the marts (None when ``mart`` is gone)."""
    _builds_table(connection)
    if not connection.execute("select count(*) from duckdb_tables() where table_name = ? and schema_name <> 'staging'",
                              [mart]).fetchone()[0]:
        return None
    row = connection.execute(f"select fingerprint from {BUILDS_TABLE} order by built_at desc limit 1").fetchone()
    return row[0] if row else None


def needs_full_refresh(connection, code_digest: str) -> bool:
    """Whether the marts must be rebuilt from scratch: the dbt code (models, macros, seeds) is not
    the code of the last successful build, or nothing says which code that was. An incremental run
    only recomputes the changed reports, so rows built by other code would stay as they were."""
    _builds_table(connection)
    row = connection.execute(f"select code_digest from {BUILDS_TABLE} order by built_at desc limit 1").fetchone()
    return row is None or row[0] != code_digest


def record_built(connection, fingerprint: str, code_digest: str | None = None) -> None:
    _builds_table(connection)
    connection.execute(f"delete from {BUILDS_TABLE}")
    connection.execute(f"insert into {BUILDS_TABLE} (fingerprint, built_at, code_digest) values (?, current_timestamp, ?)",
                       [fingerprint, code_digest])
