"""The legacy statistics table (附表 政府信息公开情况统计表): extractors/rules/appendix.py, read
through ``extract_legacy_facts`` so that its facts merge with the free-text facts.

Every fixture in tests/fixtures/appendix/ is invented (no text of the shared corpus):
  01 a province's HTML report, <table> with a 单位 column, 不同意公开 sub-rows, a 万元 fee,
     机构/培训 rows (no code);
  02 a county's .txt report, the table as text lines (tab- and space-separated), a dash, a
     blank and a "0";
  03 a department's Markdown report (scope government), 指标 | 数量 with （件） in the label,
     申请办结数 standing for the answered count (the table prints no 申请答复数);
  04 a prefecture's report in traditional script, "label（unit） number" lines;
  05 other wording: 申请总数/受理数, 不予公开数, 非本机关掌握数, 重复申请数, 其他, bare 维持/纠正/
     驳回/尚未审结 under 行政复议案件数 and 行政诉讼案件数, two tables split by prose;
  06 a table repeating the narrative's numbers (one fact each, the sentence kept as evidence).
Each case states the report's whole fact set.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import pipeline
from extractors.metrics import unit_of
from extractors.model import Note
from extractors.pipeline import extract_facts, read_report
from extractors.readers import read_document
from extractors.rules import appendix
from extractors.rules.legacy import extract_legacy_facts
from extractors.tables import extract_table_facts

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures" / "appendix"

EXPECTED = {
    "01_province_2016.html": [
        ("pro_total", 152340, "whole", "（一）主动公开政府信息数\t条\t152340"),
        ("pro_gazette", 1408, "whole", "1.政府公报公开政府信息数\t条\t1408"),
        ("pro_website", 98765, "whole", "2.政府网站公开政府信息数\t条\t98765"),
        ("pro_weibo", 23110, "whole", "3.政务微博公开政府信息数\t条\t23110"),
        ("pro_wechat", 17802, "whole", "4.政务微信公开政府信息数\t条\t17802"),
        ("pro_other", 11255, "whole", "5.其他方式公开政府信息数\t条\t11255"),
        ("pro_press_conferences", 219, "whole", "1.参加或举办新闻发布会总次数\t次\t219"),
        ("pro_online_interviews", 158, "whole", "2.政府网站在线访谈次数\t次\t158"),
        ("pro_policy_interpretations", 1322, "whole", "3.政策解读稿件发布数\t篇\t1322"),
        ("req_received", 3871, "whole", "（一）收到申请数\t件\t3871"),
        ("req_in_person", 1204, "whole", "1.当面申请数\t件\t1204"),
        ("req_fax", 36, "whole", "2.传真申请数\t件\t36"),
        ("req_online", 1789, "whole", "3.网络申请数\t件\t1789"),
        ("req_letter", 842, "whole", "4.信函申请数\t件\t842"),
        ("req_answered", 3790, "whole", "（三）申请答复数\t件\t3790"),
        ("out_already_public", 1033, "whole", "1.属于已主动公开范围数\t件\t1033"),
        ("out_granted", 1521, "whole", "2.同意公开答复数\t件\t1521"),
        ("out_partial", 287, "whole", "3.同意部分公开答复数\t件\t287"),
        ("out_denied", 144, "whole", "4.不同意公开答复数\t件\t144"),
        ("out_not_held_by_agency", 402, "whole", "5.不属于本行政机关公开数\t件\t402"),
        ("out_nonexistent", 219, "whole", "6.申请信息不存在数\t件\t219"),
        ("out_unclear", 96, "whole", "7.告知作出更改补充数\t件\t96"),
        ("out_other_channel", 88, "whole", "8.告知通过其他途径办理数\t件\t88"),
        ("recon_total", 61, "whole", "四、行政复议数量\t件\t61"),
        ("recon_upheld", 42, "whole", "（一）维持具体行政行为数\t件\t42"),
        ("recon_corrected", 7, "whole", "（二）被依法纠错数\t件\t7"),
        ("recon_other", 12, "whole", "（三）其他情形数\t件\t12"),
        ("lit_total", 29, "whole", "五、行政诉讼数量\t件\t29"),
        ("lit_upheld", 20, "whole", "（一）维持具体行政行为或者驳回原告诉讼请求数\t件\t20"),
        ("lit_corrected", 3, "whole", "（二）被依法纠错数\t件\t3"),
        ("lit_other", 6, "whole", "（三）其他情形数\t件\t6"),
        ("complaint_total", 15, "whole", "六、举报投诉数量\t件\t15"),
        ("fee_collected_yuan", 356, "whole", "七、依申请公开信息收取的费用\t万元\t0.0356"),
    ],
    "02_county_2013.txt": [
        ("pro_total", 4521, "whole", "（一）主动公开政府信息数\t条\t4521"),
        ("pro_website", 3980, "whole", "2.政府网站公开政府信息数\t条\t3980"),
        ("pro_weibo", 266, "whole", "3.政务微博公开政府信息数\t条\t266"),
        ("pro_other", 275, "whole", "4.其他方式公开政府信息数\t条\t275"),
        ("req_received", 58, "whole", "（一）收到申请数   件   58"),
        ("req_in_person", 21, "whole", "1.当面申请数   件   21"),
        ("req_fax", 0, "whole", "2.传真申请数   件   0"),
        ("req_online", 30, "whole", "3.网络申请数   件   30"),
        ("req_letter", 7, "whole", "4.信函申请数   件   7"),
        ("req_answered", 56, "whole", "（二）申请答复数   件   56"),
        ("out_already_public", 14, "whole", "1.属于已主动公开范围数   件   14"),
        ("out_granted", 29, "whole", "2.同意公开答复数   件   29"),
        ("out_denied", 5, "whole", "4.不同意公开答复数   件   5"),
        ("out_not_held_by_agency", 6, "whole", "5.不属于本行政机关公开数   件   6"),
        ("out_nonexistent", 2, "whole", "6.申请信息不存在数   件   2"),
        ("recon_total", 1, "whole", "三、行政复议数量   件   1"),
        ("recon_upheld", 1, "whole", "（一）维持具体行政行为数   件   1"),
        ("recon_corrected", 0, "whole", "（二）被依法纠错数   件   0"),
        ("lit_total", 0, "whole", "四、行政诉讼数量   件   0"),
        ("fee_collected_yuan", 120, "whole", "六、依申请公开信息收取的费用   元   120"),
    ],
    "03_city_housing_2015.md": [
        ("pro_total", 862, "government", "主动公开政府信息数（条） | 862"),
        ("pro_website", 790, "government", "其中：政府网站公开政府信息数（条） | 790"),
        ("pro_weibo", 54, "government", "政务微博公开政府信息数（条） | 54"),
        ("pro_policy_interpretations", 12, "government", "政策解读稿件发布数（篇） | 12"),
        ("pro_online_interviews", 2, "government", "在线访谈次数（次） | 2"),
        ("req_received", 19, "government", "收到申请数（件） | 19"),
        ("req_in_person", 11, "government", "当面申请数（件） | 11"),
        ("req_email", 3, "government", "电子邮件申请数（件） | 3"),
        ("req_other_channel", 5, "government", "其他形式申请数（件） | 5"),
        ("req_answered", 19, "government", "申请办结数（件） | 19"),
        ("out_granted", 12, "government", "同意公开答复数（件） | 12"),
        ("out_denied", 0, "government", "不同意公开答复数（件） | 0"),
        ("out_other_channel", 7, "government", "告知通过其他途径办理数（件） | 7"),
        ("recon_total", 0, "government", "三、行政复议数量（件） | 0"),
        ("lit_total", 0, "government", "四、行政诉讼数量（件） | 0"),
        ("fee_collected_yuan", 0, "government", "五、依申请公开信息收取的费用（万元） | 0"),
    ],
    "04_prefecture_2017_traditional.txt": [
        ("pro_total", 73208, "whole", "一、主動公開政府信息數（條） 73,208"),
        ("pro_gazette", 356, "whole", "（一）政府公報公開政府信息數（條） 356"),
        ("pro_website", 51774, "whole", "（二）政府網站公開政府信息數（條） 51,774"),
        ("pro_weibo", 9630, "whole", "（三）政務微博公開政府信息數（條） 9,630"),
        ("pro_wechat", 8412, "whole", "（四）政務微信公開政府信息數（條） 8,412"),
        ("pro_other", 3036, "whole", "（五）其他方式公開政府信息數（條） 3,036"),
        ("pro_press_conferences", 48, "whole", "二、參加或舉辦新聞發佈會總次數（次） 48"),
        ("pro_online_interviews", 31, "whole", "三、政府網站在線訪談次數（次） 31"),
        ("req_received", 640, "whole", "四、收到申請數（件） 640"),
        ("req_in_person", 233, "whole", "（一）當面申請數（件） 233"),
        ("req_online", 301, "whole", "（二）網絡申請數（件） 301"),
        ("req_letter", 106, "whole", "（三）信函申請數（件） 106"),
        ("req_answered", 628, "whole", "五、申請答覆數（件） 628"),
        ("out_already_public", 175, "whole", "（一）屬於已主動公開範圍數（件） 175"),
        ("out_granted", 302, "whole", "（二）同意公開答覆數（件） 302"),
        ("out_partial", 41, "whole", "（三）同意部分公開答覆數（件） 41"),
        ("out_denied", 33, "whole", "（四）不同意公開答覆數（件） 33"),
        ("out_not_held_by_agency", 52, "whole", "（五）不屬於本行政機關公開數（件） 52"),
        ("out_nonexistent", 19, "whole", "（六）申請信息不存在數（件） 19"),
        ("out_unclear", 6, "whole", "（七）告知作出更改補充數（件） 6"),
        ("recon_total", 14, "whole", "六、行政複議數量（件） 14"),
        ("recon_upheld", 9, "whole", "（一）維持具體行政行爲數（件） 9"),
        ("recon_corrected", 2, "whole", "（二）被依法糾錯數（件） 2"),
        ("recon_other", 3, "whole", "（三）其他情形數（件） 3"),
        ("lit_total", 5, "whole", "七、行政訴訟數量（件） 5"),
        ("lit_upheld", 4, "whole", "（一）維持具體行政行爲或者駁回原告訴訟請求數（件） 4"),
        ("lit_corrected", 0, "whole", "（二）被依法糾錯數（件） 0"),
        ("lit_other", 1, "whole", "（三）其他情形數（件） 1"),
        ("complaint_total", 2, "whole", "八、舉報投訴數量（件） 2"),
        ("fee_collected_yuan", 250, "whole", "九、依申請公開信息收取的費用（萬元） 0.025"),
    ],
    # 受理数 43 after 申请总数 45: the first row naming the received count is that count.
    "05_district_2011_wording.html": [
        ("req_received", 45, "whole", "申请总数\t45"),
        ("req_online", 20, "whole", "其中：网上申请\t20"),
        ("req_letter", 8, "whole", "来信申请\t8"),
        ("req_in_person", 15, "whole", "来访申请\t15"),
        ("req_answered", 43, "whole", "已答复数\t43"),
        ("out_granted", 25, "whole", "同意公开\t25"),
        ("out_partial", 4, "whole", "部分公开\t4"),
        ("out_denied", 3, "whole", "不予公开数\t3"),
        ("out_not_held_by_agency", 6, "whole", "非本机关掌握数\t6"),
        ("out_nonexistent", 2, "whole", "信息不存在数\t2"),
        ("out_duplicate", 1, "whole", "重复申请数\t1"),
        ("out_other", 2, "whole", "其他\t2"),
        ("recon_total", 2, "whole", "行政复议案件数\t2"),
        ("recon_upheld", 1, "whole", "维持\t1"),
        ("recon_corrected", 1, "whole", "纠正\t1"),
        ("lit_total", 1, "whole", "行政诉讼案件数\t1"),
        ("lit_upheld", 0, "whole", "驳回\t0"),
        ("lit_pending", 1, "whole", "尚未审结\t1"),
    ],
    # The table repeats 12345, 10020, 26, 310, 310, 4 and 1: one fact each, from the text.
    "06_city_2014_repeats.txt": [
        ("pro_total", 12345, "whole", "2014年，全市共主动公开政府信息12,345条，其中通过政府网站公开10,020条。"),
        ("pro_website", 10020, "whole", "2014年，全市共主动公开政府信息12,345条，其中通过政府网站公开10,020条。"),
        ("pro_press_conferences", 26, "whole", "全年举办新闻发布会26场。"),
        ("req_received", 310, "whole", "全年全市共受理政府信息公开申请310件，已全部办结。"),
        ("req_answered", 310, "whole", "全年全市共受理政府信息公开申请310件，已全部办结。"),
        ("req_received", 120, "own_level", "其中市本级受理申请120件。"),
        ("recon_total", 4, "whole", "全市因政府信息公开引发行政复议4件，行政诉讼1件。"),
        ("lit_total", 1, "whole", "全市因政府信息公开引发行政复议4件，行政诉讼1件。"),
        ("pro_other", 2325, "whole", "其他方式公开政府信息数\t条\t2325"),
        ("out_granted", 221, "whole", "同意公开答复数\t件\t221"),
        ("out_denied", 17, "whole", "不同意公开答复数\t件\t17"),
        ("out_nonexistent", 72, "whole", "申请信息不存在数\t件\t72"),
        ("fee_collected_yuan", 0, "whole", "依申请公开信息收取的费用\t元\t0"),
    ],
}


def _read(path: Path):
    report = read_report(path.read_bytes(), path.name)
    return report, extract_facts(report.document, report.metadata.era)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_yields_exactly_the_expected_facts(name):
    report, facts = _read(FIXTURES / name)
    assert report.metadata.era == "legacy"
    got = sorted((f.metric, f.value, f.scope, f.evidence) for f in facts)
    assert got == sorted(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_appendix_facts_are_exact_verbatim_rows(name):
    report, facts = _read(FIXTURES / name)
    text = report.document.text
    appendix_facts = [f for f in facts if f.rule == "legacy.appendix"]
    assert appendix_facts
    for fact in appendix_facts:
        assert fact.qualifier == "exact"
        assert fact.unit == unit_of(fact.metric)
        assert text[fact.start:fact.end] == fact.evidence
        assert fact.format_version == "legacy"
        assert fact.value is not None


def test_blank_and_dash_cells_are_no_statement_and_zero_is_zero():
    _, facts = _read(FIXTURES / "02_county_2013.txt")
    metrics = {f.metric: f.value for f in facts}
    assert "pro_gazette" not in metrics  # 政府公报公开政府信息数 条 —
    assert "out_partial" not in metrics  # 同意部分公开答复数 件 (blank)
    assert "complaint_total" not in metrics  # 举报投诉数量 件 -
    assert metrics["req_fax"] == 0 and metrics["lit_total"] == 0


def test_fee_in_wan_yuan_is_read_in_yuan():
    _, facts = _read(FIXTURES / "01_province_2016.html")
    fee = [f for f in facts if f.metric == "fee_collected_yuan"]
    assert [(f.value, f.unit) for f in fee] == [(356, "yuan")]


def test_the_same_wording_maps_by_the_part_it_sits_in():
    _, facts = _read(FIXTURES / "01_province_2016.html")
    by_metric = {f.metric: f.value for f in facts}
    assert (by_metric["recon_corrected"], by_metric["lit_corrected"]) == (7, 3)  # 被依法纠错数 twice
    assert (by_metric["recon_other"], by_metric["lit_other"]) == (12, 6)  # 其他情形数 twice
    # rows without a code: 规范性文件数, 主要负责同志…, 回应…, 涉及国家秘密…, 机构/人员/经费/培训
    values = set(by_metric.values())
    assert not values & {612, 64, 41, 436, 905, 77, 31, 58, 118, 1460, 3388, 902, 2486, 233, 407, 21560}


def test_a_standardized_table_is_not_read_from_the_appendix_rows():
    """The fixed-table parsers run on every report; the 附表 is not their table 四."""
    path = FIXTURES / "01_province_2016.html"
    report, facts = _read(path)
    assert not [f for f in facts if f.metric.startswith(("t2_", "t3_", "t4_"))]
    # (left alone, the table 四 parser would read the 复议/诉讼 rows by position)
    raw = extract_table_facts(report.document, "trial_2019")
    assert any(f.metric.startswith("t4_") for f in raw)


STANDARDIZED = [
    TESTS / "fixtures" / "tables" / name
    for name in ("report_2021.html", "report_2021.md", "report_2021.txt", "flattened_2021.txt",
                 "report_2019.html", "report_2019.md", "flattened_2019.txt", "report_2019_traditional.txt")
] + [TESTS / "fixtures" / "documents" / name for name in ("report_2021.pdf", "report_2021.docx",
                                                         "report_2019_trial.pdf")]


@pytest.mark.parametrize("path", STANDARDIZED, ids=lambda p: p.name)
def test_standardized_tables_yield_no_appendix_facts(path):
    document = read_document(path.read_bytes(), path.name)
    assert appendix.extract_appendix_facts(document) == []
    assert appendix.appendix_row_spans(document) == []
    assert not [f for f in extract_legacy_facts(document) if f.rule == "legacy.appendix"]


LEGACY_WITHOUT_APPENDIX = sorted((TESTS / "fixtures" / "legacy_reports").glob("*.txt"))


@pytest.mark.parametrize("path", LEGACY_WITHOUT_APPENDIX, ids=lambda p: p.name)
def test_a_legacy_report_without_appendix_keeps_its_facts(path, monkeypatch):
    document = read_document(path.read_bytes(), path.name)
    with_appendix = extract_legacy_facts(document)
    monkeypatch.setattr(appendix, "extract_appendix_facts", lambda *args, **kwargs: [])
    assert extract_legacy_facts(document) == with_appendix


def _text_document(text: str):
    return read_document(text.encode("utf-8"), "report.txt")


def test_a_few_label_number_lines_in_prose_are_no_table():
    document = _text_document(
        "某县2012年政府信息公开工作年度报告\n"
        "全县依法受理政府信息公开申请，详见下列数字。\n"
        "收到申请数 12\n"
        "全年开展培训，提升了工作人员的业务水平。\n"
        "行政复议数量 1\n"
    )
    assert appendix.extract_appendix_facts(document) == []


def test_a_department_report_table_is_the_department_s_own():
    document = _text_document(
        "临河市水利局2013年政府信息公开工作年度报告\n"
        "统计指标\t单位\t统计数\n"
        "主动公开政府信息数\t条\t310\n"
        "收到申请数\t件\t4\n"
        "同意公开答复数\t件\t4\n"
    )
    facts = appendix.extract_appendix_facts(document, scope="government")
    assert {(f.metric, f.value, f.scope) for f in facts} == {
        ("pro_total", 310, "government"), ("req_received", 4, "government"), ("out_granted", 4, "government")}
    assert {f.scope for f in extract_legacy_facts(document)} == {"government"}


def test_a_remark_in_brackets_is_not_part_of_the_row_name():
    document = _text_document(
        "某市2018年政府信息公开工作年度报告\n"
        "统计指标\t单位\t统计数\n"
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t条\t5120\n"
        "1.政府网站公开政府信息数\t条\t4300\n"
        "（三）从事政府信息公开工作人员数\t人\t12\n"
        "1.专职人员数（不包括政府公报及政府网站工作人员数）\t人\t3\n"
        "（一）收到申请数\t件\t40\n"
    )
    facts = appendix.extract_appendix_facts(document)
    assert {(f.metric, f.value) for f in facts} == {("pro_total", 5120), ("pro_website", 4300), ("req_received", 40)}


def test_table_lines_joined_into_one_paragraph_are_read_line_by_line():
    """A PDF reader may join a table's lines into one paragraph block."""
    from extractors.model import Block, Document
    from extractors.normalize import to_matching

    text = ("二、依申请公开情况\n收到申请数 件 25\n当面申请数 件 10\n网络申请数 件 15\n"
            "申请答复数 件 25\n同意公开答复数 件 20\n申请信息不存在数 件 5")
    document = Document(text=text, matching=to_matching(text), blocks=[Block("paragraph", 0, len(text))])
    facts = appendix.extract_appendix_facts(document)
    assert {(f.metric, f.value, f.evidence) for f in facts} == {
        ("req_received", 25, "收到申请数 件 25"), ("req_in_person", 10, "当面申请数 件 10"),
        ("req_online", 15, "网络申请数 件 15"), ("req_answered", 25, "申请答复数 件 25"),
        ("out_granted", 20, "同意公开答复数 件 20"), ("out_nonexistent", 5, "申请信息不存在数 件 5")}


def test_the_rows_a_dropped_table_could_not_read_are_dropped_with_it():
    """A table read from the 附表 rows is no table, so neither are its unreadable rows."""
    path = FIXTURES / "01_province_2016.html"
    report, _ = _read(path)
    raw = extract_table_facts(report.document, "trial_2019")
    table4 = [f for f in raw if f.metric.startswith("t4_")]
    inside = Note("row_unreadable", "glued", "", table4[0].start, table4[0].end)
    outside = Note("row_unreadable", "glued", "", len(report.document.text) + 1, len(report.document.text) + 2)
    notes = [inside, outside]
    kept = pipeline._outside_appendix(report.document, raw, notes)
    assert not [f for f in kept if f.metric.startswith("t4_")]
    assert notes == [outside]
