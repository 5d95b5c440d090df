"""The incremental marts against a full rebuild: the contract of the changed slice.

A warehouse of the invented reports of test_dbt_project is built by `dbt build` run after run
while its staging rows change the way the Python side changes them (a new report, one more, a
new version of a file, a file removed, facts re-extracted under new rules, findings recomputed,
reports moved to another year and another jurisdiction, a report a new reader no longer takes,
a second path to the same content, the same report in a second file that becomes and then
ceases to be a duplicate, and a run with nothing new). After every run each table
dbt built is compared with `dbt run --full-refresh` on a copy of the same staging rows: same
rows, order aside. The runs also have to be incremental: the slice lists the changed reports
only.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_dbt_project import SHA_A, SHA_B, SHA_C, SHA_D, SHA_E, SHA_F, SHA_G, SHA_H, _run_dbt, build_warehouse

duckdb = pytest.importorskip("duckdb")

SHA_A2 = "2" * 64  # a new version of A's file
SHA_G2 = "3" * 64  # G's report saved in another encoding
PER_REPORT_TABLES = ("documents", "facts", "extraction_notes", "check_results", "raw_files", "source_files")
# the build's own state: the slice differs between an incremental run and a full one by design
NOT_COMPARED = {"intermediate.int_changed_reports"}


def _built_tables(connection, catalog: str) -> list[str]:
    return [f"{schema}.{name}" for schema, name in connection.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = ? "
        "and schema_name in ('main', 'intermediate') order by all", [catalog]).fetchall()]


def assert_same_as_full_refresh(warehouse: Path, work: Path) -> None:
    reference = work / "reference.duckdb"
    shutil.copy(warehouse, reference)
    result = _run_dbt(["run", "--full-refresh"], reference, work / "reference_run")
    assert result.returncode == 0, result.stdout[-6000:]
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        connection.execute(f"attach '{reference}' as reference (read_only)")
        catalog = connection.execute("select current_database()").fetchone()[0]
        tables = _built_tables(connection, catalog)
        assert tables == _built_tables(connection, "reference")
        assert "main.mart_jurisdiction_year" in tables and "intermediate.int_facts_enriched" in tables
        for table in tables:
            if table in NOT_COMPARED:
                continue
            only_incremental = connection.execute(
                f"select count(*) from (select * from {table} except all select * from reference.{table})").fetchone()[0]
            only_full = connection.execute(
                f"select count(*) from (select * from reference.{table} except all select * from {table})").fetchone()[0]
            assert (only_incremental, only_full) == (0, 0), (
                f"{table}: {only_incremental} rows only in the incremental build, {only_full} only in the full one")
    finally:
        connection.close()
    reference.unlink()


def incremental_build(warehouse: Path, work: Path) -> list[str]:
    """One `dbt build` as Dagster runs it when no dbt code changed; returns the changed slice."""
    result = _run_dbt(["build", "--exclude-resource-type", "unit_test"], warehouse, work)
    assert result.returncode == 0, result.stdout[-6000:]
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return sorted(row[0] for row in connection.execute(
            "select file_sha256 from intermediate.int_changed_reports").fetchall())
    finally:
        connection.close()


def change(warehouse: Path, *statements: str) -> None:
    """Staging rows changed as the Python assets change them (one transaction)."""
    connection = duckdb.connect(str(warehouse))
    try:
        connection.execute("begin")
        for statement in statements:
            connection.execute(statement)
        connection.execute("commit")
    finally:
        connection.close()


def _put_back(sha: str) -> list[str]:
    return [f"insert into staging.{table} select * from aside.{table} where file_sha256 = '{sha}'"
            for table in PER_REPORT_TABLES]


def _copied(sha: str, copy: str, name: str) -> list[str]:
    """A second file holding the same report as ``sha`` (another encoding): its own bytes, path
    and document, the same content key and facts."""
    return [
        f"""insert into staging.source_files select 'inbox/' || '{name}', 1, '{copy}', '{name}', size_bytes + 7,
            modified_at, first_seen_at, last_seen_at, true from staging.source_files where file_sha256 = '{sha}'""",
        f"insert into staging.raw_files select '{copy}', size_bytes + 7, first_seen_at "
        f"from staging.raw_files where file_sha256 = '{sha}'",
        f"insert into staging.documents select * replace ('{copy}' as file_sha256, '{name}' as file_name, "
        f"'gb18030' as encoding) from staging.documents where file_sha256 = '{sha}'",
        f"insert into staging.facts select * replace ('{copy}' as file_sha256) from staging.facts where file_sha256 = '{sha}'",
    ]


def _counted_rows(warehouse: Path) -> tuple:
    """What the marts count: rows of the fact tables and the jurisdiction-year mart's counts."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return connection.execute(
            """select (select count(*) from main.fct_report_metric), (select count(*) from main.fct_core_measures),
                      (select count(*) from main.fct_check_result),
                      (select list(report_count order by jurisdiction_code, report_year, scope)
                       from main.mart_jurisdiction_year),
                      (select sum(current_report_count) from main.dim_issuing_body)""").fetchone()
    finally:
        connection.close()


def _finding_jurisdictions(warehouse: Path, sha: str) -> list[tuple]:
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return connection.execute("select distinct jurisdiction_code, jurisdiction_name from main.fct_check_result "
                                  "where file_sha256 = ?", [sha]).fetchall()
    finally:
        connection.close()


def _identity(warehouse: Path, sha: str) -> tuple:
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        return connection.execute("select duplicate_of, is_counted from main.dim_report where file_sha256 = ?",
                                  [sha]).fetchone()
    finally:
        connection.close()


def test_incremental_builds_equal_a_full_refresh_through_every_kind_of_change(tmp_path):
    work = tmp_path
    warehouse = work / "warehouse.duckdb"
    build_warehouse(warehouse)
    # G and H wait aside, to arrive later as new reports
    change(warehouse, "create schema aside", *[
        statement for table in PER_REPORT_TABLES for statement in (
            f"create table aside.{table} as select * from staging.{table} where file_sha256 in ('{SHA_G}', '{SHA_H}')",
            f"delete from staging.{table} where file_sha256 in ('{SHA_G}', '{SHA_H}')")])

    # the first build: every report
    assert incremental_build(warehouse, work) == sorted([SHA_A, SHA_B, SHA_C, SHA_D, SHA_E, SHA_F])
    assert_same_as_full_refresh(warehouse, work)

    # a new report: 常州 2022, which continues E's carry-over chain and opens a jurisdiction-year
    change(warehouse, *_put_back(SHA_G))
    assert incremental_build(warehouse, work) == [SHA_G]
    assert_same_as_full_refresh(warehouse, work)

    # one more: a department's report of the same jurisdiction-year
    change(warehouse, *_put_back(SHA_H))
    assert incremental_build(warehouse, work) == [SHA_H]
    assert_same_as_full_refresh(warehouse, work)

    # a changed file: A's path holds new bytes; the old version stays but is no longer current
    change(
        warehouse,
        f"update staging.source_files set is_current = false where file_sha256 = '{SHA_A}'",
        f"""insert into staging.source_files select source_path, 2, '{SHA_A2}', file_name, size_bytes + 1,
            modified_at, first_seen_at, last_seen_at, true from staging.source_files where file_sha256 = '{SHA_A}'""",
        f"insert into staging.raw_files select '{SHA_A2}', size_bytes + 1, first_seen_at "
        f"from staging.raw_files where file_sha256 = '{SHA_A}'",
        f"insert into staging.documents select * replace ('{SHA_A2}' as file_sha256, date '2019-04-01' as publication_date) "
        f"from staging.documents where file_sha256 = '{SHA_A}'",
        f"""insert into staging.facts select * replace ('{SHA_A2}' as file_sha256,
            case when metric = 'req_received' then 2500 else value end as value)
            from staging.facts where file_sha256 = '{SHA_A}'""",
    )
    assert incremental_build(warehouse, work) == sorted([SHA_A, SHA_A2])
    assert_same_as_full_refresh(warehouse, work)

    # a removed file: the department's 2018 report is gone from the inbox
    change(warehouse, f"update staging.source_files set is_current = false where file_sha256 = '{SHA_C}'")
    assert incremental_build(warehouse, work) == [SHA_C]
    assert_same_as_full_refresh(warehouse, work)

    # new rules: E's facts re-extracted (结转下年度 7 → 6, which now meets G's 上年结转; a fact
    # gone; a new note)
    change(
        warehouse,
        f"create temp table new_facts as select * replace ('v2' as extractor_version, "
        f"case when metric = 't3_carried_over_out' and applicant = 'total' then 6 else value end as value) "
        f"from staging.facts where file_sha256 = '{SHA_E}' and metric <> 't2_admin_fees_wan_yuan'",
        f"delete from staging.facts where file_sha256 = '{SHA_E}'",
        "insert into staging.facts select * from new_facts",
        f"""insert into staging.extraction_notes values ('{SHA_E}', 0, 'table_cut', 'table 四 cut by the page end',
            '四、行政复议', 0, 2, 'v2')""",
    )
    assert incremental_build(warehouse, work) == [SHA_E]
    assert_same_as_full_refresh(warehouse, work)

    # findings recomputed: A's move to the new version, and one across reports
    change(
        warehouse,
        f"delete from staging.check_results where file_sha256 = '{SHA_A}' or file_sha256 is null",
        f"""insert into staging.check_results
            (check_name, file_sha256, metric_group, scope, expected, observed, severity, message, checked_at) values
            ('complete_breakdown_sums_to_total', '{SHA_A2}', 'req_received', 'whole', 2500, 2415, 'warning', 'channels sum to 2415, total 2500',
             timestamp '2024-02-01 00:00:00'),
            ('narrative_matches_table', null, 't3_carried_over_out', null, 7, 6, 'error', 'across reports',
             timestamp '2024-02-01 00:00:00')""",
    )
    assert incremental_build(warehouse, work) == sorted([SHA_A, SHA_A2])
    assert_same_as_full_refresh(warehouse, work)

    # read again into another year (F: 2020 → 2019, out of E's chain) and another jurisdiction
    # (B: 洪泽区 → 常州市, into the 2023 row of 常州; B, read last, names it 常州 and so renames
    # the jurisdiction in the findings of the other reports there)
    change(
        warehouse,
        f"update staging.documents set report_year = 2019 where file_sha256 = '{SHA_F}'",
        f"""update staging.documents set jurisdiction_code = '320400', jurisdiction_name = '常州',
            jurisdiction_level = 'prefecture', jurisdiction_parent_code = '320000', prefecture_code = '320400',
            prefecture_name = '常州市', issuing_body = '常州市人民政府', processed_at = timestamp '2024-03-01 00:00:00'
            where file_sha256 = '{SHA_B}'""",
    )
    assert incremental_build(warehouse, work) == sorted([SHA_B, SHA_F])
    assert_same_as_full_refresh(warehouse, work)
    assert _finding_jurisdictions(warehouse, SHA_A2) == [("320400", "常州")]

    # a new reader no longer takes D for a report: its document and facts are gone; B's content
    # also turns up under a second path
    change(
        warehouse,
        f"delete from staging.facts where file_sha256 = '{SHA_D}'",
        f"delete from staging.documents where file_sha256 = '{SHA_D}'",
        f"""insert into staging.source_files select 'inbox/copy/' || file_name, 1, file_sha256, file_name, size_bytes,
            modified_at, first_seen_at, last_seen_at, true from staging.source_files where file_sha256 = '{SHA_B}'""",
    )
    assert incremental_build(warehouse, work) == sorted([SHA_B, SHA_D])
    assert_same_as_full_refresh(warehouse, work)

    # the same report in another encoding (or format, or script): one content key, a second
    # file. G is read again with its content key first; its copy G2 then arrives and counts
    # nowhere; G's file goes, and G2 becomes the copy counted (both change)
    change(warehouse, f"update staging.documents set content_key = 'key-g' where file_sha256 = '{SHA_G}'")
    assert incremental_build(warehouse, work) == [SHA_G]
    counted_before = _counted_rows(warehouse)
    change(warehouse, *_copied(SHA_G, SHA_G2, "cz2022_gb18030.txt"))
    assert incremental_build(warehouse, work) == [SHA_G2]
    assert_same_as_full_refresh(warehouse, work)
    assert _counted_rows(warehouse) == counted_before  # the copy counts once
    assert _identity(warehouse, SHA_G2) == (SHA_G, False)
    change(warehouse, f"update staging.source_files set is_current = false where file_sha256 = '{SHA_G}'")
    assert incremental_build(warehouse, work) == sorted([SHA_G, SHA_G2])
    assert_same_as_full_refresh(warehouse, work)
    assert _identity(warehouse, SHA_G2) == (None, True) and _identity(warehouse, SHA_G) == (None, False)

    # nothing new (only the time a path was last seen moves): nothing to rebuild
    change(warehouse, "update staging.source_files set last_seen_at = last_seen_at + interval 1 day")
    assert incremental_build(warehouse, work) == []
    assert_same_as_full_refresh(warehouse, work)
