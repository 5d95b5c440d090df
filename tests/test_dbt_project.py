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
  E  常州 2021, 2021 format (table facts, scope unspecified): table 三 with all six applicant
     columns; every column balances (一 + 二 = （七）+ 四) except 科研机构 (1 + 0 ≠ 2 + 0), which
     also makes the （七）总计 row's columns add to 39 against 38; blank cells (社会公益组织 上年结转 and
     结转下年度, one 不予公开 row); a derived t3_other next to its three 2021 rows (must not be
     added twice); table 四 that balances; narrative facts (legacy codes, format_version legacy)
     restating 本年新收 (same scope) and a 全市 number (scope whole).
  F  常州 2020, 2019 trial format: the single row （六）其他处理 (t3_other); 结转下年度 5 = E's 上年结转 5.
  G  常州 2022, 2021 format: 上年结转 6 against E's 结转下年度 7 (the one mismatched pair).
  H  常州市发改委 2022 (department, 2021 format): 上年结转 99 — another report family, never
     compared with the government's 2021 report.
Table facts read from the tables carry the report's era as format_version; legacy codes carry
'legacy'.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.issuer import kind_of_name

duckdb = pytest.importorskip("duckdb")

REPO = Path(__file__).resolve().parents[1]
PROJECT = REPO / "dbt_project"
SCHEMA_SQL = REPO / "orchestration" / "warehouse_schema.sql"

SHA_A = "a" * 64
SHA_B = "b" * 64
SHA_C = "c" * 64
SHA_D = "d" * 64
SHA_E = "e" * 64
SHA_F = "f" * 64
SHA_G = "0" * 64
SHA_H = "1" * 64

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
    (SHA_E, "cz2021.pdf", "application/pdf", "常州市人民政府2021年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2021, "常州市人民政府办公室", "simplified", "format_2021"),
    (SHA_F, "cz2020.html", "text/html", "常州市人民政府2020年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2020, "常州市人民政府", "simplified", "trial_2019"),
    (SHA_G, "cz2022.html", "text/html", "常州市人民政府2022年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2022, "常州市人民政府办公室", "simplified", "format_2021"),
    (SHA_H, "czfgw2022.html", "text/html", "常州市发展和改革委员会2022年政府信息公开工作年度报告",
     "常州市", "320400", "prefecture", "320000", "320000", "江苏省", "320400", "常州市",
     119.97, 31.81, 2022, "常州市发展和改革委员会", "simplified", "format_2021"),
]

APPLICANTS = ["natural_person", "business", "research", "public_interest", "legal_service", "other_org", "total"]


def _table3_row(sha, metric, values):
    """One table 三 row: a fact per applicant column (None = blank cell, flag blank_cell)."""
    return [
        (sha, metric, applicant, "unspecified", value, "requests", "exact",
         "blank_cell" if value is None else "")
        for applicant, value in zip(APPLICANTS, values)
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
    (SHA_B, "t2_admin_fees_wan_yuan", "", "unspecified", 7730.28, "10k_yuan", "exact", ""),
    (SHA_B, "t3_new_received", "total", "unspecified", 21, "requests", "exact", ""),
    (SHA_B, "t3_new_received", "natural_person", "unspecified", 21, "requests", "exact", ""),
    (SHA_B, "t3_new_received", "business", "unspecified", 0, "requests", "exact", ""),
    (SHA_B, "t3_carried_over_in", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_B, "t3_granted", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_B, "t3_partial", "total", "unspecified", 4, "requests", "exact", ""),
    (SHA_B, "t3_denied_state_secret", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_B, "t3_denied_process_info", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_B, "t3_denied_enforcement_file", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_B, "t3_unable_not_held", "total", "unspecified", 10, "requests", "exact", ""),
    (SHA_B, "t3_unable_needs_creation", "total", "unspecified", 3, "requests", "exact", ""),
    (SHA_B, "t3_unprocessed_petition", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_B, "t3_other", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_B, "t3_handled_total", "total", "unspecified", 21, "requests", "exact", ""),
    (SHA_B, "t3_carried_over_out", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_B, "t4_recon_upheld", "", "unspecified", 10, "cases", "exact", ""),
    (SHA_B, "t4_recon_corrected", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_B, "t4_recon_other", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_B, "t4_recon_pending", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_B, "t4_recon_total", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_B, "t4_lit_direct_total", "", "unspecified", 2, "cases", "exact", ""),
    (SHA_B, "t4_lit_after_recon_other", "", "unspecified", None, "cases", "exact", "blank_cell"),
    (SHA_B, "t4_lit_after_recon_total", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_B, "req_received", "", "government", 21, "requests", "exact", ""),  # narrative 区政府
    # --- C: a department's report, same jurisdiction and year as A
    (SHA_C, "req_received", "", "whole", 30, "requests", "exact", ""),
    (SHA_C, "req_answered", "", "whole", 30, "requests", "exact", ""),
    (SHA_C, "out_granted", "", "whole", 20, "requests", "exact", ""),
    # --- D: no jurisdiction
    (SHA_D, "req_received", "", "unspecified", 5, "requests", "exact", ""),
    # --- E: 常州 2021, 2021 format. Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
    *_table3_row(SHA_E, "t3_new_received", [30, 6, 1, 0, 2, 1, 40]),
    *_table3_row(SHA_E, "t3_carried_over_in", [4, 1, 0, None, 0, 0, 5]),
    *_table3_row(SHA_E, "t3_handled_total", [28, 6, 2, 0, 2, 1, 38]),  # 科研机构 2: 1 + 0 ≠ 2 + 0
    *_table3_row(SHA_E, "t3_carried_over_out", [6, 1, 0, None, 0, 0, 7]),
    (SHA_E, "t3_granted", "total", "unspecified", 20, "requests", "exact", ""),
    (SHA_E, "t3_partial", "total", "unspecified", 5, "requests", "exact", ""),
    (SHA_E, "t3_denied_state_secret", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_E, "t3_denied_third_party", "total", "unspecified", 2, "requests", "exact", ""),
    (SHA_E, "t3_denied_process_info", "total", "unspecified", None, "requests", "exact", "blank_cell"),
    (SHA_E, "t3_unable_not_held", "total", "unspecified", 4, "requests", "exact", ""),
    (SHA_E, "t3_unable_needs_creation", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_E, "t3_unprocessed_petition", "total", "unspecified", 2, "requests", "exact", ""),
    (SHA_E, "t3_unprocessed_duplicate", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_E, "t3_other_no_correction", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_E, "t3_other_fee_unpaid", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_E, "t3_other_other", "total", "unspecified", 1, "requests", "exact", ""),
    (SHA_E, "t3_other", "total", "unspecified", 2, "requests", "exact", "derived"),
    (SHA_E, "t4_recon_upheld", "", "unspecified", 3, "cases", "exact", ""),
    (SHA_E, "t4_recon_corrected", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t4_recon_other", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_E, "t4_recon_pending", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t4_recon_total", "", "unspecified", 5, "cases", "exact", ""),
    (SHA_E, "t4_lit_direct_upheld", "", "unspecified", 2, "cases", "exact", ""),
    (SHA_E, "t4_lit_direct_corrected", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t4_lit_direct_other", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_E, "t4_lit_direct_pending", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t4_lit_direct_total", "", "unspecified", 4, "cases", "exact", ""),
    (SHA_E, "t4_lit_after_recon_upheld", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t4_lit_after_recon_corrected", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_E, "t4_lit_after_recon_other", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_E, "t4_lit_after_recon_pending", "", "unspecified", 0, "cases", "exact", ""),
    (SHA_E, "t4_lit_after_recon_total", "", "unspecified", 1, "cases", "exact", ""),
    (SHA_E, "t2_admin_fees_wan_yuan", "", "unspecified", 100.5, "10k_yuan", "exact", ""),
    (SHA_E, "req_received", "", "unspecified", 40, "requests", "exact", ""),  # narrative restates
    (SHA_E, "req_received", "", "whole", 1200, "requests", "over", ""),  # narrative, 全市
    # --- F: 常州 2020, 2019 trial format, 总计 column only
    (SHA_F, "t3_new_received", "total", "unspecified", 10, "requests", "exact", ""),
    (SHA_F, "t3_new_received", "natural_person", "unspecified", 10, "requests", "exact", ""),
    (SHA_F, "t3_carried_over_in", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_F, "t3_granted", "total", "unspecified", 3, "requests", "exact", ""),
    (SHA_F, "t3_partial", "total", "unspecified", 0, "requests", "exact", ""),
    (SHA_F, "t3_other", "total", "unspecified", 2, "requests", "exact", ""),
    (SHA_F, "t3_handled_total", "total", "unspecified", 5, "requests", "exact", ""),
    (SHA_F, "t3_carried_over_out", "total", "unspecified", 5, "requests", "exact", ""),
    (SHA_F, "t4_recon_total", "", "unspecified", 0, "cases", "exact", ""),
    # --- G: 常州 2022, 2021 format; 上年结转 6 against E's 结转下年度 7
    (SHA_G, "t3_new_received", "total", "unspecified", 50, "requests", "exact", ""),
    (SHA_G, "t3_carried_over_in", "total", "unspecified", 6, "requests", "exact", ""),
    (SHA_G, "t3_granted", "total", "unspecified", 50, "requests", "exact", ""),
    (SHA_G, "t3_handled_total", "total", "unspecified", 50, "requests", "exact", ""),
    (SHA_G, "t3_carried_over_out", "total", "unspecified", 6, "requests", "exact", ""),
    # --- H: 常州市发改委 2022 (department): another family
    (SHA_H, "t3_new_received", "total", "unspecified", 3, "requests", "exact", ""),
    (SHA_H, "t3_carried_over_in", "total", "unspecified", 99, "requests", "exact", ""),
    (SHA_H, "t3_handled_total", "total", "unspecified", 3, "requests", "exact", ""),
    (SHA_H, "t3_carried_over_out", "total", "unspecified", 99, "requests", "exact", ""),
]

ERA = {doc[0]: doc[-1] for doc in DOCUMENTS}


def format_version(sha: str, metric: str) -> str:
    """Table codes are read under the report's format; legacy codes (also a modern report's
    narrative) under 'legacy'."""
    return ERA[sha] if metric[:3] in ("t2_", "t3_", "t4_") else "legacy"


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
                file_sha256=sha, size_bytes=100, first_seen_at=ts))
            _insert(con, "source_files", dict(
                source_path=f"inbox/{name}", version=1, file_sha256=sha, file_name=name,
                size_bytes=100, modified_at=ts, first_seen_at=ts, last_seen_at=ts,
                is_current=True))
            _insert(con, "ingest_log", dict(
                logged_at=ts, run_id="run-1", stage="ingest", source_path=f"inbox/{name}",
                file_sha256=sha, status="new"))
            document = dict(zip(doc_columns, rest))
            _insert(con, "documents", dict(
                file_sha256=sha, file_name=name, media_type=media, encoding="utf-8",
                text="正文", blocks_json="[]", publication_date="2019-03-01",
                jurisdiction_confidence=0.9, jurisdiction_method="unique_name",
                issuing_body_kind=kind_of_name(document["issuing_body"]) if document["issuing_body"] else "unknown",
                extractor_version="test", processed_at=ts, **document))
        for index, (sha, metric, applicant, scope, value, unit, qualifier, flags) in enumerate(FACTS):
            _insert(con, "facts", dict(
                file_sha256=sha, fact_index=index, metric=metric, applicant=applicant,
                scope=scope, value=value, unit=unit, qualifier=qualifier, evidence="证据",
                evidence_start=0, evidence_end=2, rule="test_rule", confidence=0.9,
                flags=flags, format_version=format_version(sha, metric), extractor_version="test"))
        # A's channels (facts 2-5) against its stated total (fact 1), as the quality stage writes
        # it; and a finding of no report, which the schema allows (checks across reports)
        for check, sha, group, scope, expected, observed, severity, message, expected_facts, observed_facts in [
            ("complete_breakdown_sums_to_total", SHA_A, "req_received", "whole", 2425, 2415, "warning",
             "req_received: 4 parts sum to 2415, stated total 2425", [1], [2, 3, 4, 5]),
            ("narrative_matches_table", None, "t3_carried_over_out", None, 3, 0, "error", "across reports", None, None),
        ]:
            _insert(con, "check_results", dict(
                check_name=check, file_sha256=sha, metric_group=group, scope=scope, expected=expected,
                observed=observed, severity=severity, message=message, checked_at=ts,
                expected_fact_indexes=expected_facts, observed_fact_indexes=observed_facts,
                expected_evidence="req_received=2425: 证据" if sha else None,
                observed_evidence="req_in_person=247, req_fax=50, req_online=1035, req_letter=1083: 证据" if sha else None))
        _insert(con, "extraction_notes", dict(
            file_sha256=SHA_B, note_index=0, kind="row_unreadable",
            detail="(一)予以公开: digits 113000014 glued; readings that fit: 1|13|0|0|0|0|14 / 11|3|0|0|0|0|14",
            evidence="(一)予以公开 113000014", evidence_start=0, evidence_end=2, extractor_version="test"))
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
        """select disclosure_rate_pct, disclosure_rate_decided_pct, grant_rate_pct, dispute_rate_pct,
                  report_count, government_report_count, source_file_sha256, requests_received
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320400' and report_year = 2018 and scope = 'whole'"""
    ).fetchone()
    assert row[0] == pytest.approx(100 * (259 + 728 + 228) / 2425)
    assert row[1] == pytest.approx(84.2, abs=5e-2)  # what the report itself prints (84.20%)
    assert row[2] == pytest.approx(100 * 728 / 2425)
    assert row[3] == pytest.approx(100 * (98 + 151) / 2425)
    assert row[4:] == (1, 1, SHA_A, 2425)  # the department report C gives its own numbers: not here

    row = con.execute(
        """select requests_received, requests_handled, denied, recon_total, lit_total,
                  disclosure_rate_pct, dispute_rate_pct
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320813' and report_year = 2023 and scope = 'unspecified'"""
    ).fetchone()
    assert row[:5] == (21, 21, 3, 0, 2)
    assert row[5] == pytest.approx(100 * 4 / 21)
    assert row[6] == pytest.approx(100 * 2 / 21)
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


def _test_statuses(run_results) -> dict:
    return {
        r["unique_id"].split(".")[2]: (r["status"], r.get("failures"))
        for r in run_results["results"]
        if r["unique_id"].startswith("test.")
    }


def test_table_facts_keep_applicant_format_and_blank_cells(built):
    con, _, _ = built
    # table 三 cells are one row per applicant column; a blank cell stays NULL with is_blank
    row = con.execute(
        """select value, is_blank, flags, format_version, metric_family, era
           from main.fct_report_metric
           where file_sha256 = ? and metric_code = 't3_carried_over_in' and applicant_code = 'public_interest'""",
        [SHA_E],
    ).fetchone()
    assert row == (None, True, "blank_cell", "format_2021", "table3", "format_2021")
    assert con.execute(
        """select count(*) from main.fct_report_metric
           where file_sha256 = ? and metric_code = 't3_new_received'""", [SHA_E]
    ).fetchone() == (7,)
    # narrative facts of a modern report are read under the legacy rules
    assert con.execute(
        """select format_version, applicant_code from main.fct_report_metric
           where file_sha256 = ? and metric_code = 'req_received' and scope = 'whole'""", [SHA_E]
    ).fetchone() == ("legacy", "not_applicable")
    assert con.execute(
        "select format_version from main.fct_report_metric where file_sha256 = ? and metric_code = 't3_other'",
        [SHA_F],
    ).fetchone() == ("trial_2019",)
    # the derived t3_other is kept, flagged, and not added next to its three 2021 rows
    assert con.execute(
        "select is_derived, value from main.fct_report_metric where file_sha256 = ? and metric_code = 't3_other'",
        [SHA_E],
    ).fetchone() == (True, 2)
    assert con.execute(
        """select parent_value, children_sum, children_blank, balance_status
           from intermediate.int_breakdown_sums
           where file_sha256 = ? and parent_code = 't3_handled_total' and applicant_code = 'total'""",
        [SHA_E],
    ).fetchone() == (38, 38, 1, "balanced")


def test_core_measures_series_across_legacy_and_table_years(built):
    con, _, _ = built
    # "requests received per year for 常州 (320400), 2014–2024": one query
    series = con.execute(
        """select c.report_year, c.value, c.value_source, c.scope, c.format_version, j.name, r.file_sha256
           from main.fct_core_measures c
           join main.dim_jurisdiction j using (jurisdiction_code)
           join main.dim_report r using (file_sha256)
           where c.jurisdiction_code = '320400' and c.measure = 'requests_received'
             and c.is_default_series and c.report_year between 2014 and 2024
           order by c.report_year"""
    ).fetchall()
    assert series == [
        (2018, 2425, "text", "whole", "legacy", "常州市", SHA_A),  # legacy 全市, not the department C
        (2020, 10, "table", "unspecified", "trial_2019", "常州市", SHA_F),
        (2021, 40, "table", "unspecified", "format_2021", "常州市", SHA_E),
        (2022, 50, "table", "unspecified", "format_2021", "常州市", SHA_G),  # not the department H
    ]
    # the narrative value is kept beside the table value; the 全市 narrative stays its own row
    assert con.execute(
        """select table_value, text_value, text_scope, text_matches_table
           from main.fct_core_measures
           where file_sha256 = ? and measure = 'requests_received' and scope = 'unspecified'""",
        [SHA_E],
    ).fetchone() == (40, 40, "unspecified", True)
    assert con.execute(
        """select value, value_source, qualifier, is_default_series from main.fct_core_measures
           where file_sha256 = ? and measure = 'requests_received' and scope = 'whole'""",
        [SHA_E],
    ).fetchone() == (1200, "text", "over", False)
    # 洪泽 2023: the narrative states it only for 区政府 (government): shown beside, scope named
    assert con.execute(
        """select value, text_value, text_scope from main.fct_core_measures
           where file_sha256 = ? and measure = 'requests_received' and scope = 'unspecified'""",
        [SHA_B],
    ).fetchone() == (21, 21, "government")
    # mapping: Σ 不予公开 (a blank row not added), lit = direct + after reconsideration,
    # granted incl. already public = 同意公开 + 已主动公开 (legacy) ↔ 予以公开 (table)
    rows = {
        (sha, m): rest
        for sha, m, *rest in con.execute(
            """select file_sha256, measure, value, components_expected, components_given, source_metric_codes
               from main.fct_core_measures where scope in ('whole', 'unspecified') and file_sha256 in (?, ?)""",
            [SHA_A, SHA_E],
        ).fetchall()
    }
    assert rows[(SHA_E, "denied")][:3] == [3, 8, 2]
    assert rows[(SHA_E, "lit_total")] == [5, 2, 2, "t4_lit_after_recon_total+t4_lit_direct_total"]
    assert rows[(SHA_E, "granted_incl_already_public")][0] == 20
    assert rows[(SHA_A, "granted_incl_already_public")] == [728 + 259, 2, 2, "out_already_public+out_granted"]
    assert rows[(SHA_A, "fees_collected_yuan")][0] == 0
    # the table 二 fee is administrative fees, never a request fee; already_public is legacy-only
    assert (SHA_E, "fees_collected_yuan") not in rows
    assert (SHA_E, "already_public") not in rows


def test_mart_table_ratios(built):
    con, _, _ = built
    row = con.execute(
        """select requests_received, requests_handled, disclosure_rate_pct, not_held_share_pct,
                  not_processed_share_pct, recon_correction_rate_pct, recon_correction_rate_decided_pct,
                  lit_total, lit_correction_rate_pct, lit_correction_rate_decided_pct, dispute_rate_pct,
                  carry_over_rate_pct, org_request_share_pct, source_file_sha256
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320400' and report_year = 2021 and scope = 'unspecified'"""
    ).fetchone()
    assert row[:2] == (40, 38)
    assert row[2] == pytest.approx(100 * (20 + 5) / 38)
    assert row[3] == pytest.approx(100 * 4 / 38)
    assert row[4] == pytest.approx(100 * (2 + 1) / 38)
    assert row[5] == pytest.approx(100 * 1 / 5)
    assert row[6] == pytest.approx(100 * 1 / (5 - 1))
    assert row[7] == 5
    assert row[8] == pytest.approx(100 * (1 + 0) / (4 + 1))
    assert row[9] == pytest.approx(100 * 1 / (5 - 1))
    assert row[10] == pytest.approx(100 * (5 + 5) / 40)
    assert row[11] == pytest.approx(100 * 7 / (40 + 5))
    assert row[12] == pytest.approx(100 * (40 - 30) / 40)
    assert row[13] == SHA_E
    # 2019 trial format: carry-over 5 / (10 + 0); legacy rows: table-only ratios are NULL
    assert con.execute(
        """select carry_over_rate_pct, org_request_share_pct, disclosure_rate_pct from main.mart_jurisdiction_year
           where jurisdiction_code = '320400' and report_year = 2020 and scope = 'unspecified'"""
    ).fetchone() == (pytest.approx(50.0), pytest.approx(0.0), pytest.approx(100 * 3 / 5))
    assert con.execute(
        """select carry_over_rate_pct, org_request_share_pct, not_processed_share_pct, recon_correction_rate_pct,
                  recon_correction_rate_decided_pct
           from main.mart_jurisdiction_year
           where jurisdiction_code = '320400' and report_year = 2018 and scope = 'whole'"""
    ).fetchone() == (None, None, None, pytest.approx(100 * 4 / 98), None)  # 尚未审结 not stated


def test_cross_report_and_table_checks_warn_never_fix(built):
    con, run_results, _ = built
    statuses = _test_statuses(run_results)
    # 结转下年度(t) = 上年结转(t+1): only 常州 government 2021 → 2022 (7 vs 6) is flagged
    assert statuses["carry_over_out_equals_next_year_carried_in"] == ("warn", 1)
    chain = {
        (r[0], r[1]): r[2:]
        for r in con.execute(
            """select file_sha256, next_file_sha256, carried_over_out, next_carried_over_in, chain_status
               from main.fct_carry_over_chain"""
        ).fetchall()
    }
    assert chain == {
        (SHA_F, SHA_E): (5, 5, "match"),
        (SHA_E, SHA_G): (7, 6, "mismatch"),
    }  # the department H (上年结转 99) is another family: never compared
    # table 三: one applicant column (科研机构) does not balance; its 总计 row then does not add up
    assert statuses["table3_column_received_plus_carried_in_equals_handled_plus_carried_out"] == ("warn", 1)
    assert con.execute(
        """select file_sha256, applicant_code from intermediate.int_table3_columns
           where balance_status = 'unbalanced'"""
    ).fetchall() == [(SHA_E, "research")]
    assert con.execute(
        """select balance_status from intermediate.int_table3_columns
           where file_sha256 = ? and applicant_code = 'public_interest'""", [SHA_E]
    ).fetchone() == ("incomplete",)  # blank cells: not compared, not zero
    assert statuses["table3_row_total_equals_applicant_columns"] == ("warn", 1)
    assert statuses["table3_row_applicant_columns_not_more_than_total"] == ("warn", 1)
    assert con.execute(
        """select file_sha256, metric_code, total_value, applicant_columns_sum
           from intermediate.int_table3_rows where balance_status = 'columns_exceed_total'"""
    ).fetchall() == [(SHA_E, "t3_handled_total", 38, 39)]
    # （七）总计 = outcome rows (derived t3_other not double counted); table 四 blocks (洪泽 复议)
    assert statuses["table3_handled_total_equals_outcome_rows"] == ("pass", 0)
    assert statuses["table4_block_parts_equal_block_total"] == ("warn", 1)
    # nothing was altered: the unbalanced values are in the fact table as printed
    assert con.execute(
        """select value from main.fct_report_metric where file_sha256 = ?
           and metric_code = 't3_handled_total' and applicant_code = 'research'""", [SHA_E]
    ).fetchone() == (2,)


def test_issuing_bodies_and_their_series(built):
    con, _, _ = built
    bodies = con.execute(
        """select issuing_body_key, issuing_body_names, issuing_body_kind from main.dim_issuing_body
           where jurisdiction_code = '320400' order by 1"""
    ).fetchall()
    # one government, whichever of its offices signed a report; the department on its own
    assert bodies == [("320400|department|常州市发展和改革委员会", "常州市发展和改革委员会", "department"),
                      ("320400|government", "常州市人民政府；常州市人民政府办公室", "government")]
    # the department's reports are in the star schema under their own body, never in the
    # jurisdiction's default series
    assert con.execute(
        """select count(*) from main.fct_core_measures
           where file_sha256 in (?, ?) and is_default_series""", [SHA_C, SHA_H]
    ).fetchone() == (0,)
    assert con.execute(
        "select count(*) from main.fct_core_measures where file_sha256 in (?, ?)", [SHA_C, SHA_H]
    ).fetchone()[0] > 0
    assert con.execute(
        "select count(*) from main.dim_report r left join main.dim_issuing_body b using (issuing_body_key) "
        "where b.issuing_body_key is null"
    ).fetchone() == (0,)


def test_unreadable_rows_are_findings(built):
    con, _, _ = built
    row = con.execute(
        "select check_name, severity, report_year, message from main.fct_check_result where check_name = 'row_unreadable'"
    ).fetchone()
    assert row[:3] == ("row_unreadable", "warning", 2023)
    assert "113000014" in row[3] and "1|13|0|0|0|0|14" in row[3]
    # and the report counts it among its findings
    (sha,) = con.execute("select file_sha256 from main.fct_check_result where check_name = 'row_unreadable'").fetchone()
    failed, findings = con.execute(
        """select failed_check_count, (select count(*) from main.fct_check_result where file_sha256 = ?)
           from main.dim_report where file_sha256 = ?""", [sha, sha]).fetchone()
    assert failed == findings >= 1


def test_a_finding_names_its_report_its_check_and_its_evidence(built):
    con, _, _ = built
    row = con.execute(
        """select file_name, report_title, report_year, jurisdiction_code, jurisdiction_name, issuing_body,
                  check_description, check_description_zh, expected_means, observed_means, what_to_do,
                  expected, observed, difference, expected_fact_indexes, observed_fact_indexes,
                  expected_evidence, observed_evidence
           from main.fct_check_result where file_sha256 = ? and check_name = 'complete_breakdown_sums_to_total'""",
        [SHA_A]).fetchone()
    assert row[:6] == ("002_changzhou.txt", "常州市2018年政府信息公开工作年度报告", 2018, "320400", "常州市", "常州市人民政府办公室")
    assert row[6].startswith("The parts of a breakdown") and row[7] and row[8] == "the stated total" and row[9] and row[10]
    assert row[11:16] == (2425.0, 2415.0, -10.0, [1], [2, 3, 4, 5])
    assert row[16] == "req_received=2425: 证据" and row[17].startswith("req_in_person=247, ")
    # an extraction note: the same columns, its row as printed for evidence
    note = con.execute(
        """select file_name, jurisdiction_name, check_description, observed_evidence, expected
           from main.fct_check_result where check_name = 'row_unreadable'""").fetchone()
    assert note[:2] == ("hzq2023_working.pdf", "洪泽区") and note[2].startswith("A table row could not be read")
    assert note[3] == "(一)予以公开 113000014" and note[4] is None


def test_a_check_without_words_fails_the_build(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    build_warehouse(warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute("""insert into staging.check_results (check_name, file_sha256, severity, message, checked_at)
                   values ('a_new_check', ?, 'warning', 'no words yet', timestamp '2024-01-01')""", [SHA_A])
    con.close()
    result = _run_dbt(["build", "--select", "+fct_check_result", "--exclude-resource-type", "unit_test"], warehouse, tmp_path)
    assert result.returncode != 0
    assert re.search(r"FAIL \d+ relationships_fct_check_result_check_name__check_name__ref_check_descriptions_",
                     result.stdout), result.stdout[-3000:]


# the count columns of the marts: BIGINT (sums are exact integers; never DOUBLE or HUGEINT)
MART_COUNT_COLUMNS = {
    "mart_jurisdiction_year": [
        "report_count", "government_report_count", "pro_total", "requests_received", "requests_carried_over_in",
        "requests_handled", "requests_carried_over_out", "granted", "already_public", "granted_incl_already_public",
        "partly_granted", "denied", "not_held", "not_processed", "recon_total", "recon_corrected", "recon_pending",
        "lit_total", "lit_corrected", "lit_pending", "complaint_total", "requests_received_natural_person",
        "disclosed_count", "decided_count", "dispute_count", "recon_decided", "lit_decided"],
    "fct_core_measures": ["count_value"],
    "fct_report_metric": ["count_value", "mention_count"],
    "fct_carry_over_chain": ["carried_over_out", "next_carried_over_in", "carry_over_difference"],
    "dim_jurisdiction": ["report_count"],
    "dim_year": ["report_count"],
    "dim_issuing_body": ["report_count", "current_report_count"],
}


def test_mart_types_counts_bigint_money_decimal_rates_percent(built):
    con, _, _ = built
    types = {}
    for table in MART_COUNT_COLUMNS:
        types[table] = {name: kind for name, kind, *_ in con.execute(f"describe main.{table}").fetchall()}
    for table, columns in MART_COUNT_COLUMNS.items():
        assert {column: types[table][column] for column in columns} == {column: "BIGINT" for column in columns}
    mart = types["mart_jurisdiction_year"]
    assert mart["fees_collected_yuan"] == mart["admin_fees_yuan"] == "DECIMAL(18,2)"
    rates = [name for name in mart if name.endswith("_pct")]
    assert len(rates) == 15 and {mart[name] for name in rates} == {"DOUBLE"}
    # no column is left without a type of its own: every count column of the wide mart is listed
    assert not [name for name, kind in mart.items() if kind in ("DOUBLE", "HUGEINT") and not name.endswith("_pct")]
    # the old names are gone: one name per measure (the fct_core_measures code)
    measures = {row[0] for row in con.execute("select distinct measure from main.fct_core_measures").fetchall()}
    assert measures - {"fees_collected_yuan"} <= set(mart)
    assert not {"req_received", "req_answered", "out_granted", "out_denied", "disclosure_rate"} & set(mart)
    # a count sums to an integer; a value as printed stays beside it
    assert con.execute(
        "select sum(count_value), sum(value) from main.fct_core_measures where measure = 'requests_received'"
    ).fetchone() == (sum(v for (v,) in con.execute(
        "select value from main.fct_core_measures where measure = 'requests_received' and value is not null"
    ).fetchall()),) * 2


def test_default_series_is_one_report_and_scope_per_jurisdiction_year_in_every_mart(built):
    con, _, _ = built
    chosen = con.execute(
        "select jurisdiction_code, report_year, file_sha256, scope from intermediate.int_default_series "
        "where is_default_series order by all").fetchall()
    assert ("320400", 2018, SHA_A, "whole") in chosen  # the government's report, not the department C
    assert ("320400", 2021, SHA_E, "unspecified") in chosen  # the table's scope, not the 全市 narrative
    assert con.execute(
        "select jurisdiction_code, report_year, source_file_sha256, scope from main.mart_jurisdiction_year "
        "where is_default_series order by all").fetchall() == chosen
    for table in ("fct_core_measures", "fct_report_metric"):
        assert con.execute(
            f"select distinct jurisdiction_code, report_year, file_sha256, scope from main.{table} "
            "where is_default_series order by all").fetchall() == chosen, table
    # a department's report is never in a default series; its chain neither
    assert con.execute(
        "select count(*) from main.fct_report_metric where is_default_series and file_sha256 in (?, ?)",
        [SHA_C, SHA_H]).fetchone() == (0,)
    assert dict(con.execute(
        "select file_sha256 || '>' || next_file_sha256, is_default_series from main.fct_carry_over_chain").fetchall()
    ) == {f"{SHA_F}>{SHA_E}": True, f"{SHA_E}>{SHA_G}": True}


def test_jurisdictions_have_pinyin_and_english_names(built):
    con, _, _ = built
    assert con.execute(
        """select name_pinyin, name_en, province_name_pinyin, province_name_en, prefecture_name_pinyin, prefecture_name_en
           from main.dim_jurisdiction where jurisdiction_code = '320813'"""
    ).fetchone() == ("Hongze Qu", "Hongze District", "Jiangsu Sheng", "Jiangsu Province", "Huai'an Shi", "Huai'an City")
    assert con.execute(
        "select count(*) from main.dim_jurisdiction where name_pinyin is null or name_en is null").fetchone() == (0,)
