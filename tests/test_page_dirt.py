"""Dirt that breaks words or lines apart: pinyin glosses of mirror sites, reports whose line breaks
were lost. Both are undone by the readers; evidence stays what the page printed."""
from __future__ import annotations

from extractors.model import Document
from extractors.pipeline import extract_facts, read_report
from extractors.readers import read_document
from extractors.rules import sections

GLOSSED = ("2009年度下管鎮(zhèn)政府信息公開年度報(bào)告\n"
           "全年我鎮(zhèn)在政府門戶網(wǎng)站上主動公開信息數(shù)量為46件。本年度我鎮(zhèn)沒有因政府信息提起行政復(fù)議和行政訴(sù)訟的情況發(fā)生。")


def test_pinyin_glosses_are_taken_out_and_restored_in_evidence():
    document = read_document(GLOSSED.encode("utf-8"), "page.txt")
    assert "(zhèn)" not in document.text and "报告" in document.matching
    start = document.text.index("全年")
    end = document.text.index("46件") + 3
    assert document.verbatim(start, end) == "全年我鎮(zhèn)在政府門戶網(wǎng)站上主動公開信息數(shù)量為46件"


def test_facts_of_a_glossed_page_carry_the_page_s_own_words():
    report = read_report(GLOSSED.encode("utf-8"), "page.txt")
    facts = extract_facts(report.document, report.metadata.era, report.place_name, report.issuer)
    website = next(fact for fact in facts if fact.metric == "pro_website")
    assert website.value == 46 and "網(wǎng)站" in website.evidence
    assert {fact.metric for fact in facts if fact.value == 0} >= {"recon_total", "lit_total"}


def test_bracketed_latin_words_are_no_glosses():
    text = "某县2016年政府信息公开工作年度报告（PDF）\n报告(a)说明(b)见附件(c)。"
    assert read_document(text.encode("utf-8"), "page.txt").removed == ()


def test_a_report_on_one_line_is_cut_at_its_headings():
    text = ("现将2009年我镇政府信息公开年度报告如下: 一、政府信息主动公开情况 2009年我镇主动公开信息46条。 "
            "二、依申请公开情况 本年度我镇未收到申请。 三、收费和减免情况 未收取费用。")
    document = read_document(text.encode("utf-8"), "page.txt")
    heads = [sections.heading_text(document.matching[block.start:block.end]) for block in document.blocks]
    assert [head[1] for head in heads if head] == ["政府信息主动公开情况", "依申请公开情况", "收费和减免情况"]


def test_a_sentence_enumerating_in_prose_is_not_cut():
    text = "我局采取了以下措施：一、加强领导，二、完善制度。"
    document = read_document(text.encode("utf-8"), "page.txt")
    assert len(document.blocks) == 1


def test_verbatim_puts_back_only_what_was_removed_inside_the_span():
    document = Document(text="abcdef", matching="abcdef", blocks=[], media_type="text/plain", encoding="utf-8",
                        removed=((0, "X"), (2, "Y"), (4, "Z"), (6, "W")))
    assert document.verbatim(0, 6) == "abYcdZef"  # (a string removed at a span's edge stays out)
    assert document.verbatim(2, 4) == "cd"
    assert document.verbatim(1, 5) == "bYcdZe"
