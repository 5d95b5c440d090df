"""`ogi extract`: the interface every evaluation uses. Scored with the shared scorer on the
sample corpus (skipped where ../shared is absent) and checked on an invented report."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys



OGI = [sys.executable, "-m", "extractors.cli"]

INVENTED = (
    "样例市2017年政府信息公开工作年度报告\n"
    "一、概述\n2017年，样例市政府信息公开工作按照《条例》要求有序开展，各级行政机关完善制度，"
    "加强主动公开和依申请公开工作，政府信息公开工作水平进一步提高。\n"
    "市政府办公室牵头统筹全市政府信息公开工作，各区县和市直部门明确专人负责，"
    "建立健全主动公开目录动态更新、保密审查、依申请公开登记受理和答复审核等制度，"
    "全年开展专题培训和督促检查，及时通报问题并督促整改，确保各项工作落到实处。\n"
    "市政府门户网站政府信息公开专栏按照目录分类发布信息，对重要政策文件同步发布解读材料，"
    "在政务服务中心、档案馆和图书馆设立政府信息查阅点，方便公众查阅和获取政府信息。\n"
    "二、主动公开政府信息情况\n2017年，全市主动公开政府信息2.3万余条。\n"
    "三、依申请公开政府信息情况\n2017年，全市共受理政府信息公开申请86件，已全部办结。\n"
    "四、收费及减免情况\n全市未收取任何费用。\n"
    "五、行政复议和行政诉讼情况\n全市发生政府信息公开行政复议案件3件，行政诉讼案件1件。\n"
)


def run_ogi(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([*OGI, *arguments], capture_output=True, text=True, check=True)


def test_csv_columns_and_values_on_an_invented_report(tmp_path):
    report = tmp_path / "sample_2017.txt"
    report.write_text(INVENTED, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run_ogi("extract", str(tmp_path), "--format", "csv").stdout)))
    for column in ("file", "metric", "applicant", "value", "unit", "qualifier", "scope", "evidence"):
        assert column in rows[0]
    facts = {(row["metric"], row["value"], row["qualifier"], row["scope"]) for row in rows}
    assert ("pro_total", "23000", "over", "whole") in facts
    assert ("req_received", "86", "exact", "whole") in facts
    assert ("req_answered", "86", "exact", "whole") in facts
    assert ("fee_collected_yuan", "0", "exact", "whole") in facts
    assert ("recon_total", "3", "exact", "whole") in facts and ("lit_total", "1", "exact", "whole") in facts
    text = report.read_text(encoding="utf-8")
    assert all(row["evidence"] in text and row["file"] == "sample_2017.txt" for row in rows)


def test_jsonl_and_skipped_files_named_on_stderr(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    result = run_ogi("extract", str(tmp_path), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(record["file"] == "r.txt" for record in records)
    assert "empty.txt: empty" in result.stderr


def test_every_decision_and_unreadable_row_is_told_on_stderr(tmp_path):
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "news.txt").write_text("市政府召开全市政务公开工作推进会\n会议要求各部门抓好落实。", encoding="utf-8")
    result = run_ogi("extract", str(tmp_path), "--verbose")
    assert f"report {tmp_path / 'r.txt'}: title names the report" in result.stderr
    assert f"skipped {tmp_path / 'news.txt'}: not_a_report: news, by its headline" in result.stderr


def test_jsonl_numbers_are_json_numbers_and_whole_values_integers(tmp_path):
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    records = [json.loads(line) for line in run_ogi("extract", str(tmp_path), "--format", "jsonl").stdout.splitlines()]
    assert records
    for record in records:
        assert type(record["value"]) in (int, float) or record["value"] is None
        assert type(record["evidence_start"]) is int and type(record["evidence_end"]) is int
        assert type(record["confidence"]) in (int, float) and record["report_year"] == 2017
    values = {(record["metric"], record["qualifier"]): record["value"] for record in records}
    assert values[("pro_total", "over")] == 23000 and type(values[("pro_total", "over")]) is int
    assert values[("req_received", "exact")] == 86 and type(values[("req_received", "exact")]) is int


def test_a_missing_year_and_value_are_null_in_jsonl_and_empty_in_csv():
    from types import SimpleNamespace

    from extractors.cli import fact_row
    from extractors.model import Fact

    fact = Fact(metric="req_received", value=None, unit="requests", qualifier="exact", scope="whole", evidence="",
                start=0, end=0, rule="test", confidence=1.0)
    # (a report whose year was not found; fact_row reads only these of a ReadReport)
    report = SimpleNamespace(metadata=SimpleNamespace(report_year=None, era="legacy"), jurisdiction=None, place_name=None)
    row = fact_row("r.txt", report, fact)
    assert json.loads(json.dumps(row))["value"] is None and row["report_year"] is None
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    record = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert record["value"] == "" and record["report_year"] == "" and record["confidence"] == "1.0"


def test_exit_status_2_for_a_missing_path_1_for_no_report(tmp_path):
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    (tmp_path / "news.txt").write_text("市政府召开全市政务公开工作推进会\n会议要求各部门抓好落实。", encoding="utf-8")
    missing = subprocess.run([*OGI, "extract", str(tmp_path / "r.txt"), str(tmp_path / "typo")], capture_output=True, text=True)
    assert missing.returncode == 2 and "req_received" in missing.stdout and "1 path(s) named do not exist" in missing.stderr
    nothing = subprocess.run([*OGI, "extract", str(tmp_path / "news.txt")], capture_output=True, text=True)
    assert nothing.returncode == 1 and "no report read" in nothing.stderr
    assert subprocess.run([*OGI, "extract", str(tmp_path)], capture_output=True, text=True).returncode == 0


def test_progress_on_stderr_when_forced_leaves_the_other_lines_whole(tmp_path):
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    for index in range(129):
        (tmp_path / f"e{index:03d}.txt").write_bytes(b"")
    forced = run_ogi("extract", str(tmp_path), "--progress")
    lines = forced.stderr.splitlines()
    assert [line for line in lines if line.startswith("progress:")] == [
        "progress: 100/130 files, 0 reports", "progress: 130/130 files, 1 reports"]
    assert sum(line.startswith(f"skipped {tmp_path / 'e'}") and ": empty: " in line for line in lines) == 129
    assert "progress:" not in run_ogi("extract", str(tmp_path)).stderr  # not a terminal: nothing by default


def test_the_bar_shows_on_a_terminal_for_many_files_with_the_other_lines_above_it():
    from extractors.progress import BAR_FROM_FILES, FileProgress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    with FileProgress(BAR_FROM_FILES + 1, None, screen) as progress:
        progress.say("skipped /inbox/a.txt: empty: " + "x" * 300)
        for _ in range(BAR_FROM_FILES + 1):
            progress.advance(True)
    assert "skipped /inbox/a.txt: empty: " + "x" * 300 + "\n" in screen.getvalue()  # one line, not cut
    assert f"{BAR_FROM_FILES + 1}/{BAR_FROM_FILES + 1}" in screen.getvalue()
    few = Terminal()
    with FileProgress(BAR_FROM_FILES, None, few) as progress:
        progress.say("note /inbox/b.txt: row_unreadable: x")
        progress.advance(True)
    assert few.getvalue() == "note /inbox/b.txt: row_unreadable: x\n"  # few files: no bar
