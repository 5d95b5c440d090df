"""When the marts are current (orchestration/defs/transform/freshness.py), tested on a bare DuckDB."""
from __future__ import annotations

import duckdb
import pytest

from orchestration.defs.transform.freshness import (dbt_code_digest, inputs_fingerprint, last_built, needs_full_refresh,
                                                    record_built)


@pytest.fixture()
def connection():
    connection = duckdb.connect()
    connection.execute("create schema staging")
    connection.execute("create table staging.facts (file_sha256 varchar, fact_index int, value double)")
    connection.execute("create table staging.source_files (file_sha256 varchar, is_current boolean, last_seen_at timestamp)")
    connection.execute("create table staging.raw_files (file_sha256 varchar, content blob)")
    connection.execute("create table staging.ingest_log (logged_at timestamp, detail varchar)")
    connection.execute("insert into staging.facts values ('a', 0, 12), ('a', 1, 3)")
    connection.execute("insert into staging.source_files values ('a', true, '2026-01-01')")
    connection.execute("insert into staging.raw_files values ('a', 'bytes'::blob)")
    yield connection
    connection.close()


def test_a_changed_staging_row_changes_the_fingerprint(connection):
    before = inputs_fingerprint(connection, "code")
    assert inputs_fingerprint(connection, "code") == before
    connection.execute("update staging.facts set value = 13 where fact_index = 0")
    assert inputs_fingerprint(connection, "code") != before


def test_a_new_or_removed_file_changes_the_fingerprint(connection):
    before = inputs_fingerprint(connection, "code")
    connection.execute("update staging.source_files set is_current = false")
    assert inputs_fingerprint(connection, "code") != before


def test_what_no_mart_reads_does_not_change_it(connection):
    before = inputs_fingerprint(connection, "code")
    connection.execute("update staging.source_files set last_seen_at = '2026-02-01'")  # every run sees the file
    connection.execute("insert into staging.ingest_log values (now(), 'a run')")
    assert inputs_fingerprint(connection, "code") == before


def test_changed_dbt_code_changes_it(connection, tmp_path):
    (tmp_path / "models").mkdir()
    model = tmp_path / "models" / "fct.sql"
    model.write_text("select 1")
    first = dbt_code_digest(tmp_path)
    model.write_text("select 2")
    assert dbt_code_digest(tmp_path) != first
    assert inputs_fingerprint(connection, first) != inputs_fingerprint(connection, dbt_code_digest(tmp_path))


def test_the_marts_are_current_only_after_a_build_and_while_they_exist(connection):
    fingerprint = inputs_fingerprint(connection, "code")
    assert last_built(connection) is None  # never built
    record_built(connection, fingerprint)
    assert last_built(connection) is None  # (no mart table yet)
    connection.execute("create table main.fct_report_metric (x int)")
    assert last_built(connection) == fingerprint
    connection.execute("drop table main.fct_report_metric")
    assert last_built(connection) is None


def test_new_dbt_code_or_no_record_of_it_rebuilds_the_marts_from_scratch(connection):
    assert needs_full_refresh(connection, "code-1")  # never built
    record_built(connection, "fingerprint")
    assert needs_full_refresh(connection, "code-1")  # a build made before the code was recorded
    record_built(connection, "fingerprint", "code-1")
    assert not needs_full_refresh(connection, "code-1")  # same code: the changed slice will do
    assert needs_full_refresh(connection, "code-2")
