"""End-to-end check of the dbt project (dbt_project/) on a throwaway DuckDB warehouse.

Builds a warehouse from orchestration/warehouse_schema.sql with a few invented rows, runs
`dbt build` with OGI_WAREHOUSE pointing at it (exactly as Dagster does: absolute path,
--profiles-dir inside the project), then checks the grain of fct_report_metric, the ratios of
mart_jurisdiction_year and that the unbalanced breakdowns made the warn-severity tests warn.

Invented data (not real reports):
  A  常州-like legacy 2018 government report: request channels 247+50+1035+1083 = 2415 against
     a stated 2425 (an unbalanced, complete-looking breakdown); outcomes that balance; a share
     (out_granted_pct); req_received stated twice with the same value; pro_total stated twice
     with different values.
  B  洪泽-like 2021-format county report (2023): table 三 by applicant type, table 四 whose
     复议 parts (10 + 1) exceed the printed 总计 0, and a blank cell.
  C  a department report for the same jurisdiction and year as A (must not feed A's mart row).
  D  a report whose jurisdiction could not be resolved.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb")

REPO = Path(__file__).resolve().parents[1]
PROJECT = REPO / "dbt_project"
SCHEMA_SQL = REPO / "orchestration" / "warehouse_schema.sql"

SHA_A = "a" * 64
SHA_B = "b" * 64
SHA_C = "c" * 64
SHA_D = "d" * 64

# file_sha256, file_name, media_type, title, jurisdiction (name, code, level, parent, province
# code/name, prefecture code/name, lon, lat), report_year, issuing_body, script, era
DOCUMENTS = [
    (SHA_A, "002_changzhou.txt", "text/html", "常州市2018年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2018, "常州市人民政府办公室", "traditional", "legacy"),
    (SHA_B, "hzq2023_working.pdf", "application/pdf", "淮安市洪泽区2023年政府信息公开工作年度报告",
     "洪泽区", "320813", "county", "320800", "320000", "江苏省", "320800", "淮安市",
     118.87, 33.29, 2023, "淮安市洪泽区人民政府", "simplified", "format_2021"),
    (SHA_C, "czfgw2018.html", "text/html", "常州市发展和改革委员会2018年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2018, "常州市发展和改革委员会", "simplified", "legacy"),
    (SHA_D, "unknown.txt", "text/plain", "2016年政府信息公开工作年度报告",
     None, None, None, None, None, None, None, None,
     None, None, 2016, None, "simplified", "legacy"),
]

# file_sha256, metric, applicant, scope, value, unit, qualifier, flags
FACTS = [
    # --- A: legacy, whole-city numbers
    (SHA_A, "pro_total", "", "whole", 134735, "items", "exact", ""),
    (SHA_A, "req_received", "", "whole", 2425, "requests", "exact", ""),
    (SHA_A, "req_in_person", "", "whole", 247, "requests", "exact", ""),
    (SHA_A, "req_fax", "", "whole", 50, "requests", "exact", ""),
    (SHA_A, "req_online", "", "whole", 1035, "requests", "exact", ""),
    (SHA_A, "req_letter", "", "whole", 1083, "requests", "exact", ""),
    (SHA_A, "req_answered", "", "whole", 2425, "requests", "exact", ""),
    (SHA_A, "out_already_public", "", "whole", 259, "requests", "exact", ""),
    (SHA_A, "out_granted", "", "whole", 728, "requests", "exact", ""),
    (SHA_A, "out_granted_pct", "", "whole", 30.02, "percent", "exact", ""),
    (SHA_A, "out_partial", "", "whole", 228, "requests", "exact", ""),
    (SHA_A, "out_denied", "", "whole", 228, "requests", "exact", ""),
    (SHA_A, "out_not_held_by_agency", "", "whole", 372, "requests", "exact", ""),
    (SHA_A, "out_nonexistent", "", "whole", 405, "requests", "exact", ""),
    (SHA_A, "out_unclear", "", "whole", 59, "requests", "exact", ""),
    (SHA_A, "out_other_channel", "", "whole", 146, "requests", "exact", ""),
    (SHA_A, "req_disclosure_rate_pct", "", "whole", 84.2, "percent", "exact", ""),
    (SHA_A, "fee_collected_yuan", "", "whole", 0, "yuan", "exact", ""),
    (SHA_A, "recon_total", "", "whole", 98, "cases", "exact", ""),
    (SHA_A, "recon_upheld", "", "whole", 70, "cases", "exact", ""),
    (SHA_A, "recon_corrected", "", "whole", 4, "cases", "exact", ""),
    (SHA_A, "recon_other", "", "whole", 24, "cases", "exact", ""),
    (SHA_A, "lit_total", "", "whole", 151, "cases", "exact", ""),
    (SHA_A, "req_received", "", "whole", 2425, "requests", "exact", ""),  # repeated, same value
    (SHA_A, "pro_total", "", "whole", 134000, "items", "about", ""),  # repeated, different value
    # --- B: 2021 format, table 三 (total and by applicant), table 四, table 二
    (SHA_B, "t2_admin_fees_wan_yuan", "", "whole", 7730.28, "10k_yuan", "exact", ""),
    (SHA_B, "t3_new_received", "total", "whole", 21, "requests", "exact", ""),
    (SHA_B, "t3_new_received", "natural_person", "whole", 21, "requests", "exact", ""),
    (SHA_B, "t3_new_received", "business", "whole", 0, "requests", "exact", ""),
    (SHA_B, "t3_carried_over_in", "total", "whole", 0, "requests", "exact", ""),
    (SHA_B, "t3_granted", "total", "whole", 0, "requests", "exact", ""),
    (SHA_B, "t3_partial", "total", "whole", 4, "requests", "exact", ""),
    (SHA_B, "t3_denied_state_secret", "total", "whole", 1, "requests", "exact", ""),
    (SHA_B, "t3_denied_process_info", "total", "whole", 1, "requests", "exact", ""),
    (SHA_B, "t3_denied_enforcement_file", "total", "whole", 1, "requests", "exact", ""),
    (SHA_B, "t3_unable_not_held", "total", "whole", 10, "requests", "exact", ""),
    (SHA_B, "t3_unable_needs_creation", "total", "whole", 3, "requests", "exact", ""),
    (SHA_B, "t3_unprocessed_petition", "total", "whole", 1, "requests", "exact", ""),
    (SHA_B, "t3_other", "total", "whole", 0, "requests", "exact", ""),
    (SHA_B, "t3_handled_total", "total", "whole", 21, "requests", "exact", ""),
    (SHA_B, "t3_carried_over_out", "total", "whole", 0, "requests", "exact", ""),
    (SHA_B, "t4_recon_upheld", "", "whole", 10, "cases", "exact", ""),
    (SHA_B, "t4_recon_corrected", "", "whole", 1, "cases", "exact", ""),
    (SHA_B, "t4_recon_other", "", "whole", 0, "cases", "exact", ""),
    (SHA_B, "t4_recon_pending", "", "whole", 0, "cases", "exact", ""),
    (SHA_B, "t4_recon_total", "", "whole", 0, "cases", "exact", ""),
    (SHA_B, "t4_lit_direct_total", "", "whole", 2, "cases", "exact", ""),
    (SHA_B, "t4_lit_after_recon_other", "", "whole", None, "cases", "exact", "blank_cell"),
    (SHA_B, "t4_lit_after_recon_total", "", "whole", 0, "cases", "exact", ""),
    # --- C: a department's report, same jurisdiction and year as A
    (SHA_C, "req_received", "", "whole", 30, "requests", "exact", ""),
    (SHA_C, "req_answered", "", "whole", 30, "requests", "exact", ""),
    (SHA_C, "out_granted", "", "whole", 20, "requests", "exact", ""),
    # --- D: no jurisdiction
    (SHA_D, "req_received", "", "unspecified", 5, "requests", "exact", ""),
]


def _insert(con, table: str, row: dict) -> None:
    """Insert by column name, skipping keys the current schema does not have."""
    columns = {
        name for (name,) in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'staging' and table_name = ?", [table]
        ).fetchall()
    }
    row = {k: v for k, v in row.items() if k in columns}
    con.execute(
        f"insert into staging.{table} ({', '.join(row)}) values ({', '.join('?' * len(row))})",
        list(row.values()),
    )


def build_warehouse(path: Path) -> None:
    """Create a warehouse from the staging schema SQL and fill it with the invented rows."""
    con = duckdb.connect(str(path), config={"storage_compatibility_version": "v1.4.0"})
    try:
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        ts = "2024-01-01 00:00:00"
        doc_columns = (
            "title jurisdiction_name jurisdiction_code jurisdiction_level jurisdiction_parent_code "
            "province_code province_name prefecture_code prefecture_name longitude latitude "
            "report_year issuing_body script era"
        ).split()
        for sha, name, media, *rest in DOCUMENTS:
            _insert(con, "raw_files", dict(
                file_sha256=sha, size_bytes=100, content=b"x", first_seen_at=ts))
            _insert(con, "source_files", dict(
                source_path=f"inbox/{name}", version=1, file_sha256=sha, file_name=name,
                size_bytes=100, modified_at=ts, first_seen_at=ts, last_seen_at=ts,
                is_current=True))
            _insert(con, "ingest_log", dict(
                logged_at=ts, run_id="run-1", stage="ingest", source_path=f"inbox/{name}",
                file_sha256=sha, status="new"))
            _insert(con, "documents", dict(
                file_sha256=sha, file_name=name, media_type=media, encoding="utf-8",
                text="正文", blocks_json="[]", publication_date="2019-03-01",
                jurisdiction_confidence=0.9, jurisdiction_method="unique_name",
                extractor_version="test", processed_at=ts, **dict(zip(doc_columns, rest))))
        for index, (sha, metric, applicant, scope, value, unit, qualifier, flags) in enumerate(FACTS):
            _insert(con, "facts", dict(
                file_sha256=sha, fact_index=index, metric=metric, applicant=applicant,
                scope=scope, value=value, unit=unit, qualifier=qualifier, evidence="证据",
                evidence_start=0, evidence_end=2, rule="test_rule", confidence=0.9,
                flags=flags, extractor_version="test"))
        for sha, group, scope, expected, observed, severity, message in [
            (SHA_A, "req_received", "whole", 2425, 2415, "warning", "channels sum to 2415, total 2425"),
            (None, "t3_carried_over_out", None, 3, 0, "error", "across reports"),
        ]:
            _insert(con, "check_results", dict(
                check_name="breakdown_sum" if sha else "carryover_chain", file_sha256=sha,
                metric_group=group, scope=scope, expected=expected, observed=observed,
                severity=severity, message=message, checked_at=ts))
    finally:
        con.close()


def _dbt_executable() -> str | None:
    candidate = Path(sys.executable).with_name("dbt")
    if candidate.exists():
        return str(candidate)
    return shutil.which("dbt")


def _run_dbt(args: list[str], warehouse: Path, work: Path) -> subprocess.CompletedProcess:
    dbt = _dbt_executable()
    if dbt is None:
        pytest.skip("dbt is not installed")
    env = dict(os.environ, OGI_WAREHOUSE=str(warehouse), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    return subprocess.run(
        [dbt, *args, "--profiles-dir", ".", "--target-path", str(work / "target"),
         "--log-path", str(work / "logs")],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("dbt_check")
    warehouse = work / "warehouse.duckdb"
    build_warehouse(warehouse)
    result = _run_dbt(["build"], warehouse, work)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    run_results = json.loads((work / "target" / "run_results.json").read_text(encoding="utf-8"))
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con, run_results, result.stdout
    con.close()


def test_parse_without_warehouse(tmp_path):
    missing = tmp_path / "nowhere" / "warehouse.duckdb"
    result = _run_dbt(["parse"], missing, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert not missing.exists()


def test_fct_report_metric_grain(built):
    con, _, _ = built
    dupes = con.execute(
        """select count(*) from (
               select file_sha256, metric_code, applicant_code, scope, count(*) n
               from main.fct_report_metric group by all having n > 1)"""
    ).fetchone()[0]
    assert dupes == 0
    # one row per distinct key of the invented facts
    distinct_keys = {(f[0], f[1], f[2] or "not_applicable", f[3]) for f in FACTS}
    assert con.execute("select count(*) from main.fct_report_metric").fetchone()[0] == len(distinct_keys)

    row = con.execute(
        """select value, mention_count, mentions_disagree from main.fct_report_metric
           where file_sha256 = ? and metric_code = 'req_received' and scope = 'whole'""",
        [SHA_A],
    ).fetchone()
    assert row == (2425, 2, False)
    row = con.execute(
        """select value, qualifier, mention_count, mentions_disagree, mentioned_value_min
           from main.fct_report_metric where file_sha256 = ? and metric_code = 'pro_total'""",
        [SHA_A],
    ).fetchone()
    assert row == (134735, "exact", 2, True, 134000)  # first mention kept, conflict exposed
    # legacy '' applicant → not_applicable; the share fact resolves to a dim_metric row
    assert con.execute(
        """select d.unit, d.parent_code, f.applicant_code from main.fct_report_metric f
           join main.dim_metric d using (metric_code) where f.metric_code = 'out_granted_pct'"""
    ).fetchone() == ("percent", "req_answered", "not_applicable")


def test_mart_ratios(built):
    con, _, _ = built
    row = con.execute(
        """select disclosure_rate, disclosure_rate_decided, grant_rate, dispute_rate,
                  report_count, government_report_count, source_file_sha256, req_received
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320400' and report_year = 2018 and scope = 'whole'"""
    ).fetchone()
    assert row[0] == pytest.approx((259 + 728 + 228) / 2425)
    assert row[1] == pytest.approx(0.842, abs=5e-4)  # what the report itself prints (84.20%)
    assert row[2] == pytest.approx(728 / 2425)
    assert row[3] == pytest.approx((98 + 151) / 2425)
    assert row[4:] == (2, 1, SHA_A, 2425)  # the department report C is counted, not used

    row = con.execute(
        """select req_received, req_answered, out_denied, recon_total, lit_total,
                  disclosure_rate, dispute_rate
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320813' and report_year = 2023 and scope = 'whole'"""
    ).fetchone()
    assert row[:5] == (21, 21, 3, 0, 2)
    assert row[5] == pytest.approx(4 / 21)
    assert row[6] == pytest.approx(2 / 21)
    # the report without a jurisdiction is in dim_report but not in the mart
    assert con.execute(
        "select jurisdiction_code from main.dim_report where file_sha256 = ?", [SHA_D]
    ).fetchone() == (None,)
    assert con.execute(
        "select count(*) from main.mart_jurisdiction_year where source_file_sha256 = ?", [SHA_D]
    ).fetchone() == (0,)


def test_breakdowns_flagged_not_fixed(built):
    con, run_results, _ = built
    rows = dict(
        (r[0], r[1:])
        for r in con.execute(
            """select parent_code, children_sum, children_given, parent_value, balance_status,
                      breakdown_complete
               from intermediate.int_breakdown_sums where file_sha256 in (?, ?)""",
            [SHA_A, SHA_B],
        ).fetchall()
    )
    assert rows["req_received"] == (2415, 4, 2425, "children_below_parent", True)
    assert rows["req_answered"][3] == "balanced"
    assert rows["t3_handled_total"][3] == "balanced"
    assert rows["t4_recon_total"] == (11, 4, 0, "children_exceed_parent", True)

    statuses = {
        r["unique_id"].split(".")[2]: (r["status"], r.get("failures"))
        for r in run_results["results"]
        if r["unique_id"].startswith("test.")
    }
    assert statuses["breakdown_complete_children_equal_parent"][0] == "warn"
    assert statuses["breakdown_complete_children_equal_parent"][1] == 2
    assert statuses["breakdown_children_not_more_than_parent"][0] == "warn"
    assert all(s in ("pass", "warn") for s, _ in statuses.values()), statuses
    # unit tests (dbt unit_tests:) ran and passed
    unit = [r for r in run_results["results"] if r["unique_id"].startswith("unit_test.")]
    assert unit and all(r["status"] == "pass" for r in unit)
    # the data is kept: dim_report counts the unbalanced breakdowns of each report
    assert con.execute(
        "select unbalanced_breakdown_count from main.dim_report where file_sha256 = ?", [SHA_A]
    ).fetchone() == (1,)
