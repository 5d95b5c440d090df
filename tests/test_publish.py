"""The published copy for readers (orchestration/defs/publish): marts and dimensions only, in a
DuckDB file older DuckDB builds open, Parquet and CSV files equal to the tables, replaced by
renames so a reader keeps its snapshot until it reconnects; and, through Dagster, a reader
holding the published file across a whole run neither stops nor fails it."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.defs.publish import snapshot
from orchestration.defs.publish.snapshot import (MANIFEST_FILE, TEMPORARY_MARK, csv_file, describe_published,
                                                 is_published, parquet_file, publish_warehouse, read_manifest)
from orchestration.settings import PUBLISHED_DATABASE_FILE, PROJECT_ROOT, published_database_path, published_path
from orchestration.warehouse import connect
from test_warehouse import INVENTED_REPORT, dbt_manifest  # noqa: F401 (a fixture)

MARTS = ["dim_place", "fct_count", "mart_summary"]
# DuckDB's storage version numbers, in the file header after the magic bytes "DUCK":
# 64 is what DuckDB 1.0-1.1 write and read; v1.4.0 files carry 67.
HEADER_VERSION_V1_0_0 = 64


def make_warehouse(path: Path, people: int = 3) -> Path:
    """A warehouse shaped like the real one: staging tables (warehouse.connect creates them), dbt's
    intermediate schema and views, a seed in main, and marts whose values test the copies."""
    with connect(path) as connection:
        connection.execute("create schema if not exists intermediate")
        connection.execute("create schema if not exists main_stg")
        connection.execute("create or replace table intermediate.int_work as select 1 as n")
        connection.execute("create or replace view main_stg.stg_facts as select 1 as n")
        connection.execute("create or replace table main.metrics as select 'req_received' as metric_code")
        connection.execute("""create or replace table main.dim_place as select * from (values
            ('330122', '桐庐县', 'county', true, date '2015-12-31', 1.5::decimal(9, 2)),
            ('500000', '重庆市, "直辖市"', 'province', false, null, null),
            ('431100', E'永州市\\n第二行', 'prefecture', null, date '2021-01-01', 12.25::decimal(9, 2))
            ) as t(jurisdiction_code, name_zh, level, is_current, valid_to, share_pct)""")
        connection.execute(f"""create or replace table main.fct_count as
            select i::bigint as report_id, (i * 7)::bigint as requests_received, i / 3 as ratio,
                   timestamp '2024-01-01 08:00:00' + to_minutes(i) as loaded_at
            from range({people}) r(i)""")
        connection.execute("create or replace table main.mart_summary as "
                           "select count(*)::bigint as reports, sum(requests_received)::bigint as requests "
                           "from main.fct_count")
    return path


def tables_of(path: Path) -> dict[str, list[str]]:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = connection.execute("select schema_name, table_name from duckdb_tables() order by 1, 2").fetchall()
    finally:
        connection.close()
    schemas: dict[str, list[str]] = {}
    for schema, table in rows:
        schemas.setdefault(schema, []).append(table)
    return schemas


def folder_state(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under the folder with its inode and content digest: what a reader would see."""
    return {str(path.relative_to(folder)): (path.stat().st_ino, hashlib.sha256(path.read_bytes()).hexdigest())
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_only_the_marts_and_dimensions_are_published_with_a_manifest(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb", people=5)
    folder = tmp_path / "published"
    published = publish_warehouse(warehouse, folder, "run-1")

    assert published.database == folder / PUBLISHED_DATABASE_FILE
    assert tables_of(published.database) == {"main": MARTS}  # no staging, intermediate, seed or view
    assert sorted(path.name for path in (folder / "parquet").iterdir()) == [f"{name}.parquet" for name in MARTS]
    assert sorted(path.name for path in (folder / "csv").iterdir()) == [f"{name}.csv" for name in MARTS]
    manifest = read_manifest(folder)
    assert manifest["run_id"] == "run-1" and manifest["storage_version"] == "v1.0.0"
    assert {table: entry["rows"] for table, entry in manifest["tables"].items()} == {
        "dim_place": 3, "fct_count": 5, "mart_summary": 1}
    assert published.row_counts == {"dim_place": 3, "fct_count": 5, "mart_summary": 1}
    assert manifest["tables"]["fct_count"]["parquet"] == "parquet/fct_count.parquet"
    assert manifest["published_at"].endswith("Z")
    assert describe_published(folder).startswith(f"{published.database}, parquet/ and csv/ beside it (run run-1, ")
    assert describe_published(tmp_path / "elsewhere") == f"{tmp_path / 'elsewhere'} (nothing published yet)"


def test_the_published_file_has_the_storage_version_old_duckdb_reads(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb")
    database = publish_warehouse(warehouse, tmp_path / "published", "run-1").database

    def storage(path: Path) -> tuple[str, int]:
        connection = duckdb.connect(str(path), read_only=True)
        try:
            tag = connection.execute("select tags['storage_version'] from duckdb_databases() "
                                     "where database_name = current_database()").fetchone()[0]
        finally:
            connection.close()
        header = path.read_bytes()[:20]
        assert header[8:12] == b"DUCK"
        return tag, int.from_bytes(header[12:20], "little")

    # the warehouse itself is written as v1.4.0 (DuckDB 1.1.3 and 1.3.2 refuse it): the copy is not
    assert storage(warehouse) == ("v1.4.0+", 67)
    assert storage(database) == ("v1.0.0+", HEADER_VERSION_V1_0_0)


def test_parquet_and_csv_files_hold_exactly_the_tables(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb", people=50)
    folder = tmp_path / "published"
    publish_warehouse(warehouse, folder, "run-1")
    connection = duckdb.connect(str(folder / PUBLISHED_DATABASE_FILE), read_only=True)
    try:
        for table in MARTS:
            columns = connection.execute(f"describe {table}").fetchall()
            types = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind, *_ in columns) + "}"
            parquet = f"read_parquet('{parquet_file(folder, table)}')"
            csv = f"read_csv('{csv_file(folder, table)}', header = true, columns = {types})"
            assert connection.execute(f"describe select * from {parquet}").fetchall() == columns
            for copy in (parquet, csv):
                for difference in (f"select * from {table} except all select * from {copy}",
                                   f"select * from {copy} except all select * from {table}"):
                    assert connection.execute(f"select count(*) from ({difference})").fetchone()[0] == 0, (table, copy)
        assert connection.execute("select count(*) from dim_place where name_zh like '%\n%'").fetchone()[0] == 1
    finally:
        connection.close()


def test_a_failed_publication_leaves_the_previous_snapshot_and_no_temporary_file(tmp_path, monkeypatch):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb")
    folder = tmp_path / "published"
    publish_warehouse(warehouse, folder, "run-1")
    before = folder_state(folder)
    make_warehouse(warehouse, people=9)

    def fails(*args, **kwargs):  # every table is copied and exported by now: only the renames remain
        assert any(TEMPORARY_MARK in path.name for path in folder.rglob("*"))
        raise OSError("disk full")

    monkeypatch.setattr(snapshot, "manifest", fails)
    with pytest.raises(OSError, match="disk full"):
        publish_warehouse(warehouse, folder, "run-2")
    assert folder_state(folder) == before
    monkeypatch.undo()

    # a warehouse where dbt never built the marts does not empty the published copy
    empty = tmp_path / "empty.duckdb"
    with connect(empty):
        pass
    with pytest.raises(RuntimeError, match="no mart or dimension"):
        publish_warehouse(empty, folder, "run-3")
    assert folder_state(folder) == before
    assert read_manifest(folder)["run_id"] == "run-1"


def test_files_a_killed_publication_left_are_removed_and_dropped_marts_lose_their_files(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb")
    folder = tmp_path / "published"
    publish_warehouse(warehouse, folder, "run-1")
    leftovers = [folder / f".{PUBLISHED_DATABASE_FILE}{TEMPORARY_MARK}dead", folder / "parquet" / f".x.parquet{TEMPORARY_MARK}dead"]
    for path in leftovers:
        path.write_bytes(b"half written")
    (folder / "notes.txt").write_text("the user's own file")
    with connect(warehouse) as connection:
        connection.execute("drop table main.mart_summary")
    publish_warehouse(warehouse, folder, "run-2")
    assert not any(path.exists() for path in leftovers)
    assert sorted(path.name for path in (folder / "csv").iterdir()) == ["dim_place.csv", "fct_count.csv"]
    assert sorted(read_manifest(folder)["tables"]) == ["dim_place", "fct_count"]
    assert (folder / "notes.txt").exists()


def test_a_reader_keeps_its_snapshot_until_it_reconnects(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb", people=3)
    database = publish_warehouse(warehouse, tmp_path / "published", "run-1").database
    reader = duckdb.connect(str(database), read_only=True)
    try:
        assert reader.execute("select count(*) from fct_count").fetchone()[0] == 3
        make_warehouse(warehouse, people=8)
        publish_warehouse(warehouse, tmp_path / "published", "run-2")  # the reader holds the old file
        assert reader.execute("select count(*) from fct_count").fetchone()[0] == 3
    finally:
        reader.close()
    reader = duckdb.connect(str(database), read_only=True)
    try:
        assert reader.execute("select count(*) from fct_count").fetchone()[0] == 8
    finally:
        reader.close()


def test_the_published_folder_comes_from_OGI_PUBLISHED(tmp_path, monkeypatch):
    monkeypatch.delenv("OGI_PUBLISHED", raising=False)
    monkeypatch.delenv("OGI_WAREHOUSE", raising=False)
    assert published_path() == PROJECT_ROOT / "data" / "published"
    monkeypatch.setenv("OGI_WAREHOUSE", str(tmp_path / "elsewhere" / "w.duckdb"))
    assert published_path() == tmp_path / "elsewhere" / "published"  # a test or benchmark warehouse keeps its own
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OGI_PUBLISHED", "out/pub")
    assert published_database_path() == tmp_path / "out" / "pub" / PUBLISHED_DATABASE_FILE


# A BI tool in another process: opens the published file read-only and answers one line per
# command on stdin ("query", or "reconnect" then query).
READER = """
import sys, duckdb
path = sys.argv[1]
query = "select sum(value) from fct_report_metric where metric_code = 'pro_total'"
connection = duckdb.connect(path, read_only=True)
for command in sys.stdin:
    if command.strip() == "reconnect":
        connection.close()
        connection = duckdb.connect(path, read_only=True)
    print(connection.execute(query).fetchone()[0], flush=True)
"""


def test_a_reader_holding_the_published_file_across_a_run_neither_stops_nor_fails_it(tmp_path, monkeypatch,
                                                                                        dbt_manifest):  # noqa: F811
    from dagster import materialize
    from dagster_duckdb import DuckDBResource

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = inbox / "report_2015.html"
    report.write_bytes(INVENTED_REPORT.encode("gbk"))
    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("OGI_INBOX", str(inbox))
    monkeypatch.setenv("OGI_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("OGI_PUBLISHED", str(tmp_path / "published"))
    from orchestration.defs.extraction.assets import EVERY_SHARD_TAGS
    from orchestration.defs.publish.assets import PUBLISHED_WAREHOUSE
    from orchestration.definitions import defs
    from orchestration.settings import DUCKDB_CONFIG

    def run() -> dict:
        result = materialize(list(defs.assets), resources={
            "warehouse": DuckDBResource(database=str(warehouse), connection_config=dict(DUCKDB_CONFIG)),
            "dbt": defs.resources["dbt"],
        }, tags=EVERY_SHARD_TAGS)
        assert result.success
        [published] = [event.materialization for event in result.get_asset_materialization_events()
                       if event.materialization.asset_key == PUBLISHED_WAREHOUSE]
        return published.metadata

    assert run()["path"].value == str(published_database_path())
    first_manifest = json.loads((published_path() / MANIFEST_FILE).read_text(encoding="utf-8"))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(published_database_path())],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(command: str) -> float:
        reader.stdin.write(command + "\n")
        reader.stdin.flush()
        return float(reader.stdout.readline())

    try:
        assert ask("query") == 4200
        report.write_bytes(INVENTED_REPORT.replace("4200", "4300").encode("gbk"))
        assert run()["path"].value == str(published_database_path())  # the reader's connection stays open throughout
        assert ask("query") == 4200  # its snapshot
        assert ask("reconnect") == 4300
    finally:
        reader.stdin.close()
        reader.wait()
    assert reader.returncode == 0
    manifest = json.loads((published_path() / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["run_id"] != first_manifest["run_id"]
    assert not [path for path in published_path().rglob("*") if TEMPORARY_MARK in path.name]
    # nothing new: the marts are those published, so the copy is left as it is (no rewrite of
    # gigabytes at 100,000 reports) and its manifest still names the run that made it
    before = folder_state(published_path())
    assert run()["published"].value.startswith("unchanged")
    assert folder_state(published_path()) == before
    assert json.loads((published_path() / MANIFEST_FILE).read_text(encoding="utf-8"))["run_id"] == manifest["run_id"]


def test_a_copy_is_current_only_for_the_build_it_was_made_from_and_with_all_its_files(tmp_path):
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb")
    folder = tmp_path / "published"
    assert not is_published(folder, "build-1")  # nothing published yet
    publish_warehouse(warehouse, folder, "run-1", "build-1")
    assert read_manifest(folder)["marts_build"] == "build-1"
    assert is_published(folder, "build-1")
    assert not is_published(folder, "build-2")  # the marts were rebuilt since
    assert not is_published(folder, None)  # a warehouse that records no build: always publish
    csv_file(folder, "fct_count").unlink()  # a file lost: publish again
    assert not is_published(folder, "build-1")
