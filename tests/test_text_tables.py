"""Tables that arrive as text: cells one per line (crawled pages), rows glued into one digit run,
rows that lost their labels, and legacy statistics tables flattened the same ways.

tests/fixtures/text_tables: ten reports generated from invented, balanced numbers in the layouts
crawled pages and PDF→text renderings produce (its README and build_text_tables.py say how),
with a gold of every printed cell and the rows that cannot be read (unreadable.csv). First score,
before the stream and glued-run readers were written: precision 0.974, recall 0.767 (a
hanyang-style stream 25/200, glued table 三 10/169 with 16 wrong cells, flattened legacy tables
1/33 with 16 wrong numbers).
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.model import Note
from extractors.pipeline import extract_facts, read_report
from extractors.readers import read_document
from extractors.tables import digit_runs
from extractors.tables.stream import stream_rows
from scoring import needs_scorer, score_folder

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXT_TABLES = FIXTURES / "text_tables"


def _extract(path: Path) -> tuple[list, list[Note]]:
    report = read_report(path.read_bytes(), path.name)
    notes: list[Note] = []
    facts = extract_facts(report.document, report.metadata.era, report.place_name, report.issuer,
                          report.metadata.report_year, notes)
    return facts, notes


@needs_scorer
def test_text_table_layouts_score_above_the_floor(tmp_path):
    score = score_folder(TEXT_TABLES, TEXT_TABLES / "gold.csv", tmp_path, check_evidence=False)
    assert score.precision >= 0.99, score.line
    assert score.recall >= 0.98, score.line


@pytest.mark.parametrize("row", list(csv.DictReader((TEXT_TABLES / "unreadable.csv").open(encoding="utf-8"))),
                         ids=lambda row: f"{row['file']}:{row['metric']}")
def test_an_unreadable_row_gives_no_fact_and_a_note(row):
    facts, notes = _extract(TEXT_TABLES / row["file"])
    assert not [fact for fact in facts if fact.metric == row["metric"] and fact.value is not None]
    assert any(note.kind == "row_unreadable" and row["digits"] in note.detail for note in notes)


# --- glued digit runs ----------------------------------------------------------------------------
def test_readings_print_numbers_as_tables_do():
    assert digit_runs.readings("000", 3) == (("0", "0", "0"),)
    assert set(digit_runs.readings("1020", 2)) == {("10", "20"), ("102", "0")}  # 1|020 has a leading zero
    assert digit_runs.readings("00.02", 2) == (("0", "0.02"),)  # 0.0|2 would print a trailing zero


def test_a_run_is_read_only_when_the_identities_leave_one_reading():
    def row_total(reading):  # 总计 = the applicant cells
        numbers = digit_runs.numbers(reading)
        return sum(numbers[:-1]) == numbers[-1]

    unique = [reading for reading in digit_runs.readings("63001010", 7) if row_total(reading)]
    assert unique == [("6", "3", "0", "0", "1", "0", "10")]
    two = [reading for reading in digit_runs.readings("113000014", 7) if row_total(reading)]
    assert len(two) == 2  # 1|13|… and 11|3|…
    # a column identity decides between them when another row pins the column
    resolution = digit_runs.resolve(
        {"part": tuple(two), "other": (("0", "1", "0", "0", "0", "0", "1"),), "total": (("11", "4", "0", "0", "0", "0", "15"),)},
        [digit_runs.balances(("part", "other"), ("total",), column) for column in range(7)])
    assert resolution.values["part"] == ("11", "3", "0", "0", "0", "0", "14")
    # without one, the row stays unreadable
    resolution = digit_runs.resolve({"part": tuple(two)}, [])
    assert "part" in resolution.unreadable and "part" not in resolution.values


def test_a_table_that_does_not_balance_is_never_forced_to():
    # the only readings of the glued row make the total disagree with its parts: nothing is
    # picked for it by the identity, the rows with one reading stay as printed
    resolution = digit_runs.resolve({"total": (("9",),), "a": (("1",), ("12",)), "b": (("5",),)},
                                    [digit_runs.balances(("a", "b"), ("total",), 0)])
    assert resolution.values == {"total": ("9",), "b": ("5",)} and "a" in resolution.unreadable


GLUED_REPORT = """某县民政局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况
自然人法人或其他组织总计
一、本年新收政府信息公开申请数量 510002356
二、上年结转政府信息公开申请数量 0000000
四、政府信息公开行政复议、行政诉讼情况
300030000000000
"""


def test_a_glued_row_is_cut_by_its_row_total():
    facts, notes = _extract_text(GLUED_REPORT)
    received = {fact.applicant: fact.value for fact in facts if fact.metric == "t3_new_received"}
    # 51|0|0|0|2|3|56 is the only cut whose last cell is the sum of the six before it
    assert received == {"natural_person": 51, "business": 0, "research": 0, "public_interest": 0,
                        "legal_service": 2, "other_org": 3, "total": 56}
    assert not notes or all("本年新收" not in note.detail for note in notes)
    recon = {fact.metric: fact.value for fact in facts if fact.metric.startswith("t4_recon")}
    assert recon["t4_recon_upheld"] == 3 and recon["t4_recon_total"] == 3


# Table 三 (2019 layout) as text lines "label n n n n n n n"; the 部分公开 row lost its four blank
# cells ("3 1 4"). Columns: natural person, business, research, public interest, legal service, other, total.
_T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", (10, 2, 0, 0, 1, 0)), ("二、上年结转政府信息公开申请数量", (1, 0, 0, 0, 0, 0)),
    ("（一）予以公开", (5, 0, 0, 0, 1, 0)), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (3, 1, 0, 0, 0, 0)),
    ("1.属于国家秘密", ()), ("2.其他法律行政法规禁止公开", ()), ("3.危及“三安全一稳定”", ()),
    ("4.保护第三方合法权益", (1, 0, 0, 0, 0, 0)), ("5.属于三类内部事务信息", ()), ("6.属于四类过程性信息", ()),
    ("7.属于行政执法案卷", ()), ("8.属于行政查询事项", ()), ("1.本机关不掌握相关政府信息", (1, 0, 0, 0, 0, 0)),
    ("2.没有现成信息需要另行制作", ()), ("3.补正后申请内容仍不明确", ()), ("1.信访举报投诉类申请", ()), ("2.重复申请", ()),
    ("3.要求提供公开出版物", ()), ("4.无正当理由大量反复申请", ()), ("5.要求行政机关确认或重新出具已获取信息", ()),
    ("（六）其他处理", ()), ("（七）总计", (10, 1, 0, 0, 1, 0)), ("四、结转下年度继续办理", (1, 1, 0, 0, 0, 0)),
]


def _t3_text(leave_out: str = "") -> str:
    lines = ["某县2019年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况 自然人 法人或其他组织 总计"]
    for label, cells in _T3_ROWS:
        if label == leave_out:
            continue
        cells = cells or (0,) * 6
        numbers = (3, 1, 4) if label.startswith("（二）") else (*cells, sum(cells))
        lines.append(label + " " + " ".join(map(str, numbers)))
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return "\n".join(lines) + "\n"


def test_a_row_that_lost_its_blank_cells_is_placed_by_the_table_s_identities():
    facts, notes = _extract_text(_t3_text())
    partial = {fact.applicant: fact.value for fact in facts if fact.metric == "t3_partial"}
    # 3 and 1 could stand in any two of the six applicant columns; only 自然人 and 商业企业 make
    # （七）总计 the sum of the outcome rows in every column
    assert partial == {"natural_person": 3, "business": 1, "research": None, "public_interest": None,
                       "legal_service": None, "other_org": None, "total": 4}
    assert not [note for note in notes if "部分公开" in note.detail]


def test_a_row_that_lost_its_blank_cells_and_cannot_be_placed_gives_a_note_not_a_guess():
    facts, notes = _extract_text(_t3_text(leave_out="（七）总计"))
    assert not [fact for fact in facts if fact.metric == "t3_partial"]
    (note,) = [note for note in notes if "部分公开" in note.detail]
    assert note.kind == "row_unreadable" and "3 of 7 cells printed" in note.detail


def _extract_text(text: str) -> tuple[list, list[Note]]:
    path = Path("report.txt")
    report = read_report(text.encode("utf-8"), path.name)
    notes: list[Note] = []
    facts = extract_facts(report.document, report.metadata.era, report.place_name, report.issuer,
                          report.metadata.report_year, notes)
    return facts, notes


# --- cells one per line ----------------------------------------------------------------------------
TERMINATED = "第二十条第(一)项 | |||\n|\n信息内容 |\n本年制发件数 |\n|\n规章 |\n0 |\n1 |\n|\n|\n行政规范性文件 |\n5 |\n12 |\n8 |\n"
SEPARATED = "信息内容\n|\n本年新\n制作数量\n|\n规章\n|\n0\n|\n|\n3\n|\n规范性文件\n|\n2\n|\n2\n|\n2\n|\n"


def _rows(text: str):
    document = read_document(text.encode("utf-8"), "table.txt")
    return [(row.label, [cell.value for cell in row.values]) for row in stream_rows(document, 0, len(document.text))]


def test_cells_ending_with_a_bar_and_a_bare_bar_for_a_blank():
    rows = dict(_rows(TERMINATED))
    assert rows["规章"] == [0, 1, None]  # the bare "|" after 1 is a blank cell, the next opens a row
    assert rows["行政规范性文件"] == [5, 12, 8]


def test_cells_between_bars_and_two_bars_for_a_blank():
    rows = dict(_rows(SEPARATED))
    assert rows["规章"] == [0, None, 3]
    assert rows["规范性文件"] == [2, 2, 2]
    # header cells (本年新 / 制作数量: one cell split over two lines) are a row of their own
    assert rows["信息内容本年新制作数量"] == []


# cells one per line, one after the other; an empty line (or a lone bar) in a row is a blank cell
LINES = ("申请人情况\n自然人\n法人或其他组织\n总计\n"
         "一、本年新收政府信息公开申请数量\n68\n9\n0\n1\n3\n2\n83\n"
         "二、上年结转政府信息公开申请数量\n2\n0\n\n\n0\n0\n2\n"
         "（一）予以公开\n30\n|\n0\n1\n1\n1\n33\n")


def test_cells_one_per_line_with_empty_lines_for_blanks():
    rows = dict(_rows(LINES))
    assert rows["一、本年新收政府信息公开申请数量"] == [68, 9, 0, 1, 3, 2, 83]
    assert rows["二、上年结转政府信息公开申请数量"] == [2, 0, None, None, 0, 0, 2]
    assert rows["(一)予以公开"] == [30, None, 0, 1, 1, 1, 33]


def test_a_double_spaced_page_is_no_stream_of_lines():
    """An empty line after every cell separates cells; it marks no blank."""
    double_spaced = "\n\n".join(line for line in LINES.split("\n") if line)
    document = read_document(double_spaced.encode("utf-8"), "table.txt")
    assert stream_rows(document, 0, len(document.text)) is None


def test_a_stream_needs_enough_cells():
    assert stream_rows(read_document("规章 |\n0 |\n".encode("utf-8"), "t.txt"), 0, 8) is None


# --- legacy statistics tables as text ------------------------------------------------------------------
LEGACY_GLUED = """某县审计局2015年政府信息公开工作年度报告
一、概述
本局认真贯彻《条例》。
附表
某县审计局2015年政府信息公开情况统计表
统计指标单位本年累计
主动公开政府信息数条120980
其中：政府网站公开数条100900
政府公报公开数条2080
收到申请数件312
行政复议数件1114
"""


def test_a_glued_statistics_row_is_cut_by_this_year_and_the_table_s_sums():
    facts, notes = _extract_text(LEGACY_GLUED)
    values = {fact.metric: fact.value for fact in facts if fact.rule == "legacy.appendix"}
    # 120|980 and 100|900 and 20|80 are the only cuts where the channels add up in both columns
    assert values["pro_total"] == 120 and values["pro_website"] == 100 and values["pro_gazette"] == 20
    assert values["req_received"] == 3  # 3|12 (31|2 would exceed the cumulative figure)
    assert "recon_total" not in values  # 1|114 or 11|14: nothing ties it
    assert any("1114" in note.detail for note in notes)


LEGACY_CELLS = """某镇2014年政府信息公开工作年度报告
统计指标
单位
本年
累计
主动公开政府信息数
条
86
412
收到申请数
件
2
9
行政复议数
件
0
1
"""


def test_statistics_cells_one_per_line_take_this_year_s_column():
    facts, _ = _extract_text(LEGACY_CELLS)
    values = {fact.metric: fact.value for fact in facts if fact.rule == "legacy.appendix"}
    assert values == {"pro_total": 86, "req_received": 2, "recon_total": 0}


TABLE_ERA_PROSE = """某县2021年政府信息公开工作年度报告
一、总体情况
2021年，全县未发生因政府信息公开引起的行政复议和行政诉讼，未收到信访举报。
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计
2 1 0 0 3 8 2 0 0 10 1 0 1 0 2
"""


def test_a_standardized_report_s_prose_gives_no_zero_beside_its_tables():
    facts, _ = _extract_text(TABLE_ERA_PROSE)
    assert not [fact for fact in facts if fact.metric in ("recon_total", "lit_total")]
    values = {fact.metric: fact.value for fact in facts}
    assert values["t4_recon_total"] == 3 and values["t4_lit_direct_total"] == 10
