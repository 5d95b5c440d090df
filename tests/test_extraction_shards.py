"""Extraction by shards: partitions run in separate processes (as on a cluster's pods), with no
warehouse connection, and the merged warehouse equals the one a single process builds. The shards
are partitions only in cluster mode (OGI_SHARDS_PER_RUN); by default nothing is partitioned, so the
UI's "Materialize all" is one run."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

from extractors.pipeline import reader_version
from orchestration.defs.extraction.exchange import SHARD_KEYS, ExtractionExchange, shard_of
from orchestration.defs.extraction.stages import (extract_pending, merge_extracts, plan_extraction, stage_rules_version,
                                                   stored_rows)
from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.raw_store import RawStore
from orchestration.warehouse import connect
from test_table_checks import balanced_report
from test_warehouse import INVENTED_REPORT

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"

# Columns that say when or in which run a row was written: they differ between any two builds.
RUN_COLUMNS = {"processed_at", "logged_at", "run_id", "checked_at", "first_seen_at", "last_seen_at"}
TABLES = ("documents", "facts", "extraction_notes", "extraction_state", "ingest_log", "raw_files", "source_files")

# One partition run, as Dagster launches it in its own process on a cluster (OGI_SHARDS_PER_RUN set
# in its environment): the partitioned asset over a range of shards.
PARTITION_RUN = """
import sys
from dagster import materialize
from orchestration.defs.extraction.assets import report_extracts
from orchestration.defs.extraction.exchange import SHARD_KEYS
first, last = sys.argv[1], sys.argv[2]
result = materialize([report_extracts], tags={"dagster/asset_partition_range_start": first,
                                               "dagster/asset_partition_range_end": last})
assert result.success
done = sorted(event.partition for event in result.asset_materializations_for_node("extraction__report_extracts"))
assert done == list(SHARD_KEYS[SHARD_KEYS.index(first):SHARD_KEYS.index(last) + 1]), done  # its half only
"""
# What the definitions loaded in a fresh process make partitioned, and the job's tags.
DEFINITIONS_SHAPE = """
import json
from orchestration.definitions import defs
graph = defs.get_repository_def().asset_graph
print(json.dumps({
    "partitioned": sorted(key.to_user_string() for key in graph.get_all_asset_keys() if graph.get(key).is_partitioned),
    "job_tags": defs.resolve_job_def("build_warehouse").tags,
}))
"""


def python_environment(**variables: str) -> dict[str, str]:
    """This environment with the project importable, an ephemeral Dagster instance, and `variables`."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")])))
    environment.pop("DAGSTER_HOME", None)  # an ephemeral instance per process
    environment.pop("OGI_SHARDS_PER_RUN", None)
    environment.update(variables)
    return environment


def definitions_shape(environment: dict[str, str]) -> dict:
    completed = subprocess.run([sys.executable, "-c", DEFINITIONS_SHAPE], env=environment, cwd=PROJECT,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def test_shards_are_partitions_in_cluster_mode_only():
    # By default no asset is partitioned: "Materialize all" is one ordinary run, not a backfill,
    # and the job names no partition range.
    assert definitions_shape(python_environment()) == {"partitioned": [], "job_tags": {}}
    # On a cluster the shards are partitions and the job's one run covers all of them.
    assert definitions_shape(python_environment(OGI_SHARDS_PER_RUN="1")) == {
        "partitioned": ["extraction/report_extracts"],
        "job_tags": {"dagster/asset_partition_range_start": SHARD_KEYS[0],
                     "dagster/asset_partition_range_end": SHARD_KEYS[-1]},
    }


def make_inbox(folder: Path) -> Path:
    """Invented reports of every kind we have (legacy text and HTML, table era, PDF, DOCX, not a
    report, broken), enough to fill most shards."""
    folder.mkdir()
    (folder / "county_2015.html").write_bytes(INVENTED_REPORT.encode("gbk"))
    (folder / "county_2022.md").write_text(balanced_report(), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n")
    (folder / "news.html").write_text("<html><body><h1>春季招聘会</h1><p>共有120家企业参加。</p></body></html>",
                                      encoding="utf-8")
    for name in ("short_reports", "short_reports2", "legacy_reports"):
        shutil.copytree(FIXTURES / name, folder / name, ignore=shutil.ignore_patterns("*.csv", "*.md", "*.py"))
    for name in ("report_2021.pdf", "report_2019_trial.docx", "scanned_report.pdf"):
        shutil.copy(FIXTURES / "documents" / name, folder / name)
    return folder


def table_rows(warehouse: Path, table: str) -> pd.DataFrame:
    with connect(warehouse, read_only=True) as connection:
        columns = [row[0] for row in connection.execute(f"describe staging.{table}").fetchall()
                   if row[0] not in RUN_COLUMNS]
        return connection.execute(f"select {', '.join(columns)} from staging.{table} order by all").df()


def test_two_partition_processes_build_the_warehouse_one_process_builds(tmp_path):
    inbox = make_inbox(tmp_path / "inbox")
    reader, rules = reader_version(), stage_rules_version()

    single = tmp_path / "single" / "warehouse.duckdb"
    store = RawStore(single.parent / "raw")
    with connect(single) as connection:
        ingest_inbox(connection, inbox, store)
        extract_pending(connection, store, ExtractionExchange(single.parent / "work"), reader, rules, workers=1)

    sharded = tmp_path / "sharded" / "warehouse.duckdb"
    exchange = ExtractionExchange(sharded.parent / "work")
    with connect(sharded) as connection:
        ingest_inbox(connection, inbox, RawStore(sharded.parent / "raw"))
        pending = plan_extraction(connection, exchange, reader, rules)
        hashes = [row[0] for row in connection.execute("select file_sha256 from staging.raw_files").fetchall()]
    # The warehouse is closed while the partitions run: they never open it.
    environment = python_environment(OGI_WAREHOUSE=str(sharded), OGI_WORKERS="1", OGI_SHARDS_PER_RUN="1")
    halves = [(SHARD_KEYS[0], SHARD_KEYS[7]), (SHARD_KEYS[8], SHARD_KEYS[-1])]
    processes = [subprocess.Popen([sys.executable, "-c", PARTITION_RUN, first, last], env=environment, cwd=tmp_path,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for first, last in halves]
    outputs = [process.communicate(timeout=300)[0].decode(errors="replace") for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs[0][-3000:] + outputs[1][-3000:]
    assert set(exchange.finished_shards()) == {shard_of(sha) for sha in hashes}
    with connect(sharded) as connection:
        merged = merge_extracts(connection, exchange)
    assert merged.merged == pending == len(hashes) and len({shard_of(sha) for sha in hashes}) >= 10
    assert exchange.finished_shards() == []  # merged results are removed

    for table in TABLES:
        pd.testing.assert_frame_equal(table_rows(single, table), table_rows(sharded, table), obj=table)


def test_a_shard_whose_partition_failed_is_done_by_the_next_run_and_nothing_is_lost(tmp_path):
    inbox = make_inbox(tmp_path / "inbox")
    warehouse = tmp_path / "warehouse.duckdb"
    store, exchange = RawStore(tmp_path / "raw"), ExtractionExchange(tmp_path / "work")
    reader, rules = reader_version(), stage_rules_version()
    with connect(warehouse) as connection:
        ingest_inbox(connection, inbox, store)
        plan_extraction(connection, exchange, reader, rules)
        # a partition killed half-way: parts written, never finished
        writer = exchange.shard_writer("0")
        writer.write({"documents": pd.DataFrame({"file_sha256": ["0" * 64], "file_name": ["half.txt"]})})
        merge_extracts(connection, exchange)  # nothing finished: nothing merged
        assert connection.execute("select count(*) from staging.documents").fetchone()[0] == 0
        extract_pending(connection, store, exchange, reader, rules, workers=1)
        decided = connection.execute("select count(*) from staging.extraction_state").fetchone()[0]
        contents = connection.execute("select count(*) from staging.raw_files").fetchone()[0]
        assert plan_extraction(connection, exchange, reader, rules) == 0  # all done
    assert decided == contents
    assert not list((tmp_path / "work" / "results").glob(".*"))  # the killed partition's parts are gone


def test_a_work_list_row_gives_the_rules_none_for_a_null_whatever_pandas_made_of_it(tmp_path):
    """pandas 3 reads a text column with some NULLs as strings with NaN, an integer one with
    pd.NA: the rules failed on every stored report without a jurisdiction (rules_error, facts
    gone) when a rules change re-extracted a shard that also held reports with one."""
    frame = duckdb.connect().execute(
        "select * from (values ('aa', '常州市', 2017, 'report text'), ('ab', null, null, 'report text'))"
        " as t(file_sha256, jurisdiction_name, report_year, text)").df()
    expected = [("aa", "常州市", 2017, "report text"), ("ab", None, None, "report text")]
    assert stored_rows(frame) == expected
    exchange = ExtractionExchange(tmp_path / "work")  # as a partition reads it: through Parquet
    exchange.write_worklist("a", "to_extract", frame)
    assert stored_rows(exchange.read_worklist("a", "to_extract")) == expected
    assert stored_rows(frame.iloc[0:0]) == []
