"""Report recognition: every real report accepted at any length, every page that is not a report
rejected, each decision with its reasons.

Positives: every report of ../shared/corpus (skipped where absent) and every invented report of
the fixtures. Negatives: tests/fixtures/not_reports (54 pages written for this project: news about
disclosure work, guides, catalogues, regulations, notices about a report, index pages, other
annual reports, near misses; its README lists them). The first run of this recogniser on the
negatives rejected 44 of 54; the rules were then tightened on the families behind the 10.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.normalize import to_matching
from extractors.readers import read_document
from extractors.recognition import NO_REPORT_TEXT, NOT_A_REPORT, recognize, report_title
from shared_paths import CORPUS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT_SUFFIXES = (".txt", ".html", ".md", ".pdf", ".docx")


def _reports(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir()
                  if path.suffix in REPORT_SUFFIXES and path.name != "README.md")


def _decision(path: Path):
    return recognize(read_document(path.read_bytes(), path.name))


def _text(text: str):
    return recognize(read_document(text.encode("utf-8"), "page.txt"))


CORPUS_FOLDERS = ("seeds", "legacy", "modern", "tables")
FIXTURE_REPORT_FOLDERS = ("short_reports", "legacy_heldout3", "legacy_reports", "legacy_heldout2", "county_series",
                          "text_tables", "tables_heldout", "tables", "appendix", "short_reports2", "county_series2",
                          "legacy_heldout4", "short_reports3", "legacy_heldout5", "county_series3", "short_reports4",
                          "legacy_heldout6", "short_reports5", "county_series4", "legacy_heldout7",
                          "small_bodies_tables6", "web_short6", "legacy_tables6")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_every_report_of_the_shared_corpus_is_accepted(folder):
    refused = {path.name: _decision(path).detail for path in _reports(CORPUS / folder) if not _decision(path).is_report}
    assert refused == {}


@pytest.mark.parametrize("folder", FIXTURE_REPORT_FOLDERS)
def test_every_invented_report_is_accepted(folder):
    refused = {path.name: _decision(path).detail for path in _reports(FIXTURES / folder) if not _decision(path).is_report}
    assert refused == {}


def test_every_page_that_is_not_a_report_is_rejected_with_a_reason():
    pages = _reports(FIXTURES / "not_reports")
    assert len(pages) >= 30
    accepted = {path.name: _decision(path).detail for path in pages if _decision(path).is_report}
    assert accepted == {}
    for path in pages:
        decision = _decision(path)
        assert decision.reason in (NOT_A_REPORT, NO_REPORT_TEXT) and decision.detail


# --- short reports of every shape ----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # a whole township report in three sentences, no title
    "2015年我乡主动公开政府信息312条，全年未收到公开申请，未发生行政复议和诉讼。",
    # traditional script, title only and one line of content
    "石門鎮2016年政府信息公開工作年度報告\n本年度我鎮主動公開政府信息八十六條，未收到政府信息公開申請。",
    # a department's report with the legacy outline and absence statements only
    "一、概述\n我局认真贯彻条例。\n二、主动公开政府信息情况\n通过网站公开信息。\n三、依申请公开情况\n"
    "2012年我局未收到政府信息公开申请。\n四、收费及减免情况\n未收取任何费用。\n五、行政复议和行政诉讼情况\n未发生行政复议和行政诉讼。",
    # a title naming the report with the year in brackets, the body before it
    "凤城镇政府信息公开工作年度报告（2013年）\n2013年，我镇通过镇政府网站发布信息45条。",
    # 关于…的报告
    "某县人民政府关于2014年度政府信息公开工作情况的报告\n2014年，我县主动公开政府信息1200余条。",
    # a table-era page: table 四 only, as one PDF page of a flipbook
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况",
    # headlined as a work summary, but the text says it is the year's disclosure report
    "某镇2014年政务公开工作总结\n现将我镇2014年政府信息公开工作年度情况报告如下。\n一、主动公开情况\n"
    "全年主动公开政府信息318条。\n二、依申请公开情况\n全年受理申请1件，已按期答复。\n三、复议诉讼情况\n未发生行政复议和行政诉讼。",
])
def test_short_reports_are_accepted(text):
    decision = _text(text)
    assert decision.is_report, decision.detail


@pytest.mark.parametrize("text, why", [
    ("关于发布2016年政府信息公开工作年度报告的公告\n《某县2016年政府信息公开工作年度报告》已在县政府网站发布，欢迎查阅。",
     "a notice"),
    ("某县人民政府信息公开指南\n一、主动公开\n二、依申请公开\n申请人可以当面提交申请。\n三、收费\n不收取费用。", "guide"),
    ("一季度我县主动公开政府信息1286条\n今年以来，全县主动公开政府信息1286条，共收到政府信息公开申请9件。", "news"),
    ("某县2019年政府信息公开工作年度报告 2020-01-15\n某县2018年政府信息公开工作年度报告 2019-01-20\n"
     "某县2017年政府信息公开工作年度报告 2018-01-18\n某县2016年政府信息公开工作年度报告 2017-02-10", "index page"),
    ("某市2018年法治政府建设年度报告\n2018年，全市主动公开政府信息3.2万条，办理依申请公开1200件。", "another annual report"),
])
def test_pages_that_are_not_reports_are_rejected(text, why):
    decision = _text(text)
    assert not decision.is_report, why
    assert decision.detail


def test_a_report_title_without_text_is_recorded_as_such():
    decision = _text("某县2018年政府信息公开工作年度报告\n详见附件。")
    assert not decision.is_report and decision.reason == NO_REPORT_TEXT


@pytest.mark.parametrize("line, expected", [
    ("2018年建新镇政府信息公开工作年度报告", True),
    ("金乡县水务局2009年政府信息公开工作年度报告", True),
    ("北京市文化局政府信息公开年度报告", True),
    ("2009年度下管镇政府信息公开年度报告 | ||", True),
    ("名称：重慶市2016年政府信息公開工作年度報告", True),
    ("政府信息公开年报", False),  # a site's column
    ("相关链接：北山区2018年政府信息公开工作年度报告", False),
    ("市政务公开办组织开展政府信息公开工作年度报告编写培训", False),
    ("关于做好2019年政府信息公开工作年度报告编制工作的通知", False),
    ("附件：中华人民共和国政府信息公开工作年度报告格式", False),
])
def test_report_title(line, expected):
    assert report_title(to_matching(line)) is expected


def test_the_decision_names_what_it_found():
    decision = _text("2018年建新镇政府信息公开工作年度报告\n2018年度我镇主动公开政府信息数22条。")
    assert "title names the report" in decision.detail and "proactive" in decision.detail
