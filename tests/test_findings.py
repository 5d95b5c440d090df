"""Readable findings (issue 10, item 5): a finding names the facts behind its expected and
observed values and carries their evidence; in the warehouse it sits beside the report it
concerns, and the Dagster asset check metadata names that report. Invented reports only."""
from __future__ import annotations

import csv
from datetime import datetime

import pandas as pd
import pytest

from orchestration.defs.quality.consistency import CHECK_WORDS_CSV, CHECKS_VERSION, rules, run_consistency_checks
from orchestration.defs.quality.evidence import evidence_text, with_evidence
from orchestration.defs.quality.findings import check_pending_reports, current_findings, findings_markdown
from orchestration.warehouse import connect

SENTENCE = "2015年，全县共受理政府信息公开申请100件，其中当面申请30件，网络申请60件，信函申请5件。"
# fact_index, metric, applicant, scope, value, evidence: channels 30 + 60 + 5 = 95 against 100
LEGACY_FACTS = [
    (0, "pro_total", "", "whole", 4200, "2015年，全县主动公开政府信息4200条。"),
    (1, "req_received", "", "whole", 100, SENTENCE),
    (2, "req_in_person", "", "whole", 30, SENTENCE),
    (3, "req_online", "", "whole", 60, SENTENCE),
    (4, "req_letter", "", "whole", 5, SENTENCE),
]
# a table 四 block: 2 + 1 + 0 + 1 = 4 against a printed 总计 3
TABLE_FACTS = [
    (0, "t4_recon_upheld", "", "unspecified", 2, "行政复议 结果维持 2"),
    (1, "t4_recon_corrected", "", "unspecified", 1, "行政复议 结果纠正 1"),
    (2, "t4_recon_other", "", "unspecified", 0, "行政复议 其他结果 0"),
    (3, "t4_recon_pending", "", "unspecified", 1, "行政复议 尚未审结 1"),
    (4, "t4_recon_total", "", "unspecified", 3, "行政复议 总计 3"),
]


def facts_frame(report: str, rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame([{"file_sha256": report, "fact_index": index, "metric": metric, "applicant": applicant,
                          "scope": scope, "value": value, "flags": "", "evidence": evidence}
                         for index, metric, applicant, scope, value, evidence in rows])


def findings_of(report: str, rows: list[tuple], check: str) -> pd.DataFrame:
    facts = facts_frame(report, rows)
    documents = pd.DataFrame({"file_sha256": [report], "report_year": [2015], "jurisdiction_code": ["330122"]})
    outcomes = {outcome.check_name: outcome.findings for outcome in run_consistency_checks(facts, documents, this_year=2026)}
    return with_evidence(outcomes[check], facts)


def test_a_breakdown_that_falls_short_names_its_total_and_its_parts():
    [finding] = findings_of("legacy", LEGACY_FACTS, "complete_breakdown_sums_to_total").to_dict("records")
    assert (finding["metric_group"], finding["expected"], finding["observed"]) == ("req_received", 100.0, 95.0)
    assert finding["expected_fact_indexes"] == [1] and finding["observed_fact_indexes"] == [2, 3, 4]
    assert finding["expected_evidence"] == f"req_received=100: {SENTENCE}"
    # the parts share one sentence: written once, after their codes and values
    assert finding["observed_evidence"] == f"req_in_person=30, req_online=60, req_letter=5: {SENTENCE}"
    assert "4200" not in finding["observed_evidence"]  # a fact outside the breakdown is not evidence


def test_a_table_identity_names_each_row_it_adds():
    [finding] = findings_of("table", TABLE_FACTS, "table_identities_hold").to_dict("records")
    assert (finding["metric_group"], finding["expected"], finding["observed"]) == ("t4_recon_block_sum", 3.0, 4.0)
    assert finding["expected_evidence"] == "t4_recon_total=3: 行政复议 总计 3"
    assert finding["observed_evidence"].splitlines() == [
        "t4_recon_upheld=2: 行政复议 结果维持 2", "t4_recon_corrected=1: 行政复议 结果纠正 1",
        "t4_recon_other=0: 行政复议 其他结果 0", "t4_recon_pending=1: 行政复议 尚未审结 1"]


def test_a_single_value_check_names_the_value_and_a_share_its_part_and_total():
    rows = [*LEGACY_FACTS, (5, "lit_total", "", "whole", -2, "行政诉讼-2件。"),
            (6, "req_online_pct", "", "whole", 70.0, "网络申请占70%。")]  # 60 / 100 = 60%
    [negative] = findings_of("odd", rows, "values_not_negative").to_dict("records")
    assert negative["expected_fact_indexes"] is None and negative["expected_evidence"] is None and negative["observed_evidence"] == "lit_total=-2: 行政诉讼-2件。"
    [share] = findings_of("odd", rows, "share_matches_part_over_total").to_dict("records")
    assert share["observed_evidence"] == "req_online_pct=70: 网络申请占70%。"
    assert share["expected_evidence"] == f"req_received=100, req_online=60: {SENTENCE}"


def test_evidence_of_table_cells_names_the_applicant_and_a_blank():
    text = evidence_text([
        {"fact_index": 8, "metric": "t3_granted", "applicant": "business", "value": None, "evidence": "（一）予以公开"},
        {"fact_index": 7, "metric": "t3_granted", "applicant": "natural_person", "value": 4.0, "evidence": "（一）予以公开"},
    ])
    assert text == "t3_granted[natural_person]=4, t3_granted[business]=blank: （一）予以公开"
    assert evidence_text([]) is None


def test_every_check_and_every_extraction_note_has_words():
    with CHECK_WORDS_CSV.open(encoding="utf-8", newline="") as handle:
        words = {row["check_name"]: row for row in csv.DictReader(handle)}
    assert set(words) == {rule.name for rule in rules(2026)} | {"row_unreadable", "table_cut"}
    for name, row in words.items():
        assert row["description_en"] and row["description_zh"] and row["what_to_do"], name


# --- in the warehouse and in Dagster's metadata ----------------------------------------------

SHA = "9" * 64


def small_warehouse(connection, checks_current: bool = False, checks_version: str | None = None) -> None:
    """One invented current report, read and extracted, whose request channels fall short."""
    now = datetime(2024, 1, 1)
    connection.execute(
        "insert into staging.source_files values ('county/tonglu_2015.html', 1, ?, 'tonglu_2015.html', 10, ?, ?, ?, true)",
        [SHA, now, now, now])
    connection.execute(
        """insert into staging.documents (file_sha256, file_name, media_type, text, blocks_json, title,
               jurisdiction_name, jurisdiction_code, report_year, issuing_body, extractor_version, processed_at)
           values (?, 'tonglu_2015.html', 'text/html', '正文', '[]', '桐庐县2015年政府信息公开工作年度报告',
                   '桐庐县', '330122', 2015, '桐庐县人民政府办公室', 'r1', ?)""", [SHA, now])
    for index, metric, applicant, scope, value, evidence in LEGACY_FACTS:
        connection.execute(
            """insert into staging.facts values (?, ?, ?, ?, ?, ?, 'requests', 'exact', ?, 0, 1, 'rule', 0.9, '',
                                                 'legacy', 'v1')""",
            [SHA, index, metric, applicant, scope, value, evidence])
    connection.execute("insert into staging.extraction_state values (?, 'r1', 'report', null, 'v1', ?, ?)",
                       [SHA, checks_current, checks_version])


def test_the_warehouse_keeps_each_findings_evidence_and_dagster_names_the_report(tmp_path):
    with connect(tmp_path / "w.duckdb") as connection:
        small_warehouse(connection)
        assert check_pending_reports(connection) == 1
        row = connection.execute(
            """select expected, observed, expected_fact_indexes, observed_fact_indexes, expected_evidence, observed_evidence
               from staging.check_results where check_name = 'complete_breakdown_sums_to_total'""").fetchone()
        assert row == (100.0, 95.0, [1], [2, 3, 4], f"req_received=100: {SENTENCE}",
                       f"req_in_person=30, req_online=60, req_letter=5: {SENTENCE}")
        findings = current_findings(connection)
    count, reports, sample = findings["complete_breakdown_sums_to_total"]
    assert (count, reports) == (1, 1)
    table = findings_markdown(count, reports, sample)
    for name in ("tonglu_2015.html", "桐庐县2015年政府信息公开工作年度报告", "330122 桐庐县", "2015", "桐庐县人民政府办公室",
                 "req_received (whole)", "| 100 | 95 | -5 |", SENTENCE):
        assert name in table, name
    assert findings_markdown(*findings["values_not_negative"]) == "No finding."


def test_findings_past_the_limit_are_counted_not_listed():
    sample = [{"file_name": f"r{i}.html", "title": None, "jurisdiction_code": None, "jurisdiction_name": None,
               "report_year": 2015, "issuing_body": None, "metric_group": None, "scope": None, "expected": None,
               "observed": None, "message": "no jurisdiction code found", "expected_evidence": None,
               "observed_evidence": None} for i in range(3)]
    table = findings_markdown(45, 40, sample)
    assert table.count(".html |") == 3 and "… and 42 more" in table and "45 finding(s) in 40 report(s)" in table


@pytest.mark.parametrize("version", [None, "an older version"])
def test_findings_of_an_older_version_of_the_checks_are_computed_again(tmp_path, version):
    with connect(tmp_path / "w.duckdb") as connection:
        small_warehouse(connection, checks_current=True, checks_version=version)
        assert check_pending_reports(connection) == 1
        assert check_pending_reports(connection) == 0  # then current
        assert connection.execute("select checks_version from staging.extraction_state").fetchone() == (CHECKS_VERSION,)
        assert connection.execute("select count(*) from staging.check_results").fetchone()[0] >= 1


def test_a_warehouse_made_before_the_evidence_columns_gains_them(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("create schema staging")
    old.execute("""create table staging.check_results (check_name varchar not null, file_sha256 varchar,
                   metric_group varchar, scope varchar, expected double, observed double, severity varchar not null,
                   message varchar not null, checked_at timestamp not null)""")
    old.execute("""create table staging.extraction_state (file_sha256 varchar primary key, reader_version varchar not null,
                   read_status varchar not null, skip_reason varchar, rules_version varchar, checks_current boolean not null)""")
    old.execute("insert into staging.extraction_state values ('x', 'r1', 'report', null, 'v1', true)")
    old.close()
    with connect(path) as connection:
        columns = [row[0] for row in connection.execute(
            "select column_name from information_schema.columns where table_name = 'check_results' order by ordinal_position")
            .fetchall()]
        assert columns[-4:] == ["expected_fact_indexes", "observed_fact_indexes", "expected_evidence", "observed_evidence"]
        assert connection.execute("select checks_version from staging.extraction_state").fetchone() == (None,)


def test_the_run_summary_names_the_first_failing_reports(tmp_path, monkeypatch, capsys):
    from orchestration import summary

    path = tmp_path / "w.duckdb"
    with connect(path) as connection:
        small_warehouse(connection)
        check_pending_reports(connection)
    monkeypatch.setenv("OGI_WAREHOUSE", str(path))
    assert summary.main() == 0
    printed = capsys.readouterr().out
    assert ("    tonglu_2015.html, 330122 桐庐县, 2015: req_received: 3 parts sum to 95, stated total 100"
            in printed.splitlines()), printed
