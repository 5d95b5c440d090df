"""Hard-wrapped plain text (a PDF's lines pasted as text): wraps are taken out, everything else is
left as it was (extractors/readers/wraps.py). The texts are written here for the purpose."""
from __future__ import annotations

from extractors.pipeline import extract_facts, read_report
from extractors.readers.text import read_plain_text
from extractors.readers.wraps import unwrap, wrap_breaks

# A department's report laid out at about 28 characters a line: words, a number and its unit, a
# channel's name all cut at the line's end.
WRAPPED = """某某市交通运输局2016年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》要求，现将我局2016
年度政府信息公开工作情况报告如下。
一、主动公开政府信息情况
2016年，我局共主动公开政府信息412条，其中通过市政府信息公
开平台局子站公开350条，通过“某某交通”政务微信公开62
条。全年局政务服务窗口办理道路运输许可等事项8120件，办结
率百分之百。
二、依申请公开政府信息情况
全年共收到政府信息公开申请9件，其中网上申请6件，信函申请3
件，均已按时答复。
— 1 —
三、收费及减免情况
本年度我局未收取任何费用。
"""

# One paragraph per line, as most web pages are saved: nothing to join.
ONE_LINE_PER_PARAGRAPH = """某某县2015年政府信息公开工作年度报告
一、概述
2015年，县政府办公室加强组织领导，完善制度建设，推动政府信息公开工作深入开展，取得了较好成效。
二、主动公开政府信息情况
全年主动公开政府信息1820条，其中县政府门户网站公开1500条，政务微博公开320条。
行政复议：无
行政诉讼：无
"""

# A statistics table printed one cell per line, and one with tab-separated columns.
CELLS_PER_LINE = """某某县2014年政府信息公开情况统计表
指标名称
单位
本年数
其中：政府网站公开数，按照不同渠道和方式公开相同信息计1条
条
3960
依申请公开，涉及国家秘密、商业秘密、个人隐私的申请答复数
件
3
"""
TAB_COLUMNS = ("统计指标\t单位\t数量\n"
               "主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t条\t86412\n"
               "其中：主动公开规范性文件数，包括市政府及其部门制发的文件\t条\t312\n"
               "危及国家安全、公共安全、经济安全和社会稳定的申请数\t件\t0\n")


def test_a_hard_wrapped_report_reads_as_whole_sentences() -> None:
    unwrapped, removed = unwrap(WRAPPED)
    assert "通过市政府信息公开平台局子站公开350条" in unwrapped
    assert "政务微信公开62条。" in unwrapped
    assert "信函申请3件，均已按时答复。" in unwrapped
    # the title, the headings, the page number and the blank lines keep their breaks
    assert "工作年度报告\n\n根据" in unwrapped
    assert "\n一、主动公开政府信息情况\n" in unwrapped
    assert "\n— 1 —\n三、收费及减免情况\n" in unwrapped
    assert len(removed) == 5


def test_evidence_of_a_wrapped_report_is_the_file_s_own_text() -> None:
    document = read_plain_text(WRAPPED.encode())
    start = document.text.index("2016年，我局共主动公开")
    end = document.text.index("条。", start) + 2
    assert document.verbatim(start, end) == WRAPPED[WRAPPED.index("2016年，我局共主动公开"):WRAPPED.index("62\n条。") + 5]


def test_facts_cut_by_a_wrap_are_read() -> None:
    report = read_report(WRAPPED.encode(), "jiaotong_2016.txt")
    facts = {(fact.metric, fact.value) for fact in extract_facts(report.document, report.metadata.era,
                                                                 report.place_name, report.issuer)}
    assert {("pro_total", 412), ("pro_website", 350), ("pro_wechat", 62), ("req_received", 9),
            ("req_online", 6), ("req_letter", 3), ("req_answered", 9)} <= facts
    assert not any(value == 8120 for _, value in facts)  # the window's licences stay a trap


def test_text_with_one_paragraph_per_line_is_left_alone() -> None:
    assert wrap_breaks(ONE_LINE_PER_PARAGRAPH) == []


def test_tables_printed_as_lines_are_left_alone() -> None:
    assert wrap_breaks(CELLS_PER_LINE) == []
    assert wrap_breaks(TAB_COLUMNS) == []
    assert wrap_breaks(TAB_COLUMNS.replace("\t", "  ")) == []


def test_display_width_counts_wide_characters_twice():
    from extractors.readers.wraps import display_width
    assert display_width("") == 0
    assert display_width("abc 12") == 6
    assert display_width("政府信息") == 8
    assert display_width("政府ＡＢ，ab") == 2 * 5 + 2
    assert display_width("政府ＡＢ，ab") == 12  # the widths cache gives the same
    assert display_width("é·") == 2  # neither wide nor full-width
