"""The issuing body of a report and its kind, and whose numbers its facts are (scope)."""
from __future__ import annotations

import pytest

from extractors.issuer import DEPARTMENT, GOVERNMENT, OTHER, TOWNSHIP, UNKNOWN, Issuer, identify_issuer, kind_of_name
from extractors.normalize import to_matching
from extractors.pipeline import extract_facts, read_report
from extractors.rules.scope import clause_subject


@pytest.mark.parametrize("name, kind", [
    ("遂溪县建新镇人民政府", TOWNSHIP), ("张义镇", TOWNSHIP), ("解放街道办事处", TOWNSHIP), ("宋家沟乡人民政府", TOWNSHIP),
    ("东湖生态旅游风景区城乡工作办事处", TOWNSHIP),
    ("金乡县水务局", DEPARTMENT), ("柳州市人民政府法制办公室", DEPARTMENT), ("福建省海洋与渔业厅", DEPARTMENT),
    ("南通市发展和改革委员会", DEPARTMENT),
    ("常州市", GOVERNMENT), ("永州市人民政府", GOVERNMENT), ("重庆市人民政府办公厅", GOVERNMENT),
    ("宽甸满族自治县", GOVERNMENT),
    ("葫芦岛高新技术产业开发区", OTHER), ("某区委（区政府）办公室", OTHER),
    ("某某", UNKNOWN),
])
def test_kind_of_a_name(name, kind):
    assert kind_of_name(name) == kind


@pytest.mark.parametrize("title, labelled, kind, name", [
    ("2018年建新镇政府信息公开工作年度报告", None, TOWNSHIP, "建新镇"),
    ("金乡县水务局2009年政府信息公开工作年度报告", None, DEPARTMENT, "金乡县水务局"),
    ("重庆市2016年政府信息公开工作年度报告", "重庆市人民政府办公厅", GOVERNMENT, "重庆市人民政府办公厅"),
    # the general office titling the report with its own name reports on itself
    ("武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告", None, DEPARTMENT, "武汉市汉阳区人民政府办公室"),
    ("2014年度政府信息公开年报", "苏州市姑苏区双塔街道办事处", TOWNSHIP, "苏州市姑苏区双塔街道办事处"),
    # a reduced title: the body before the report's name alone
    ("某某经济开发区管委会年度报告", None, OTHER, "某某经济开发区管委会"),
    ("某某县农业农村局工作年度报告", None, DEPARTMENT, "某某县农业农村局"),
])
def test_issuer_from_title_and_label(title, labelled, kind, name):
    issuer = identify_issuer("", title, labelled)
    assert (issuer.kind, issuer.name) == (kind, name)


@pytest.mark.parametrize("text, kind, name", [
    ("现将某某经济开发区管理委员会2014年度政府信息公开工作年度报告公布如下。", OTHER, "某某经济开发区管理委员会"),
    ("现将某某县交通运输局2016年政府信息公开工作报告如下：", DEPARTMENT, "某某县交通运输局"),
    ("現將某某鎮2012年度政府信息公開工作年度報告發佈如下。", TOWNSHIP, "某某镇"),
])
def test_issuer_from_the_report_s_declaration(text, kind, name):
    """No title names the body (某某年度报告 / a missing title): the sentence declaring the report does."""
    issuer = identify_issuer(to_matching(text), "年度报告", None)
    assert (issuer.kind, issuer.name, issuer.source) == (kind, name, "declaration")


def test_a_declaration_in_the_body_s_own_voice_names_no_body():
    issuer = identify_issuer("现将我办2022年度政府信息公开情况报告如下。我办全年主动公开信息40条。", "年度报告", None)
    assert (issuer.kind, issuer.name, issuer.source) == (DEPARTMENT, None, "voice")


@pytest.mark.parametrize("text, kind", [
    ("2016年我局主动公开信息40条。我局未收到申请。", DEPARTMENT),
    ("2016年我镇主动公开信息40条，本镇未收到申请。", TOWNSHIP),
    ("2016年我县主动公开信息4000条。", GOVERNMENT),
    ("2016年全市共主动公开信息4000条。", UNKNOWN),  # 全市 is the jurisdiction, not a voice
])
def test_issuer_kind_from_the_report_s_own_voice(text, kind):
    assert identify_issuer(text, None, None).kind == kind


def _facts(text: str) -> set[tuple[str, float, str]]:
    report = read_report(text.encode("utf-8"), "report.txt")
    return {(fact.metric, fact.value, fact.scope)
            for fact in extract_facts(report.document, report.metadata.era, report.place_name, report.issuer)}


def test_a_township_s_figures_are_its_own():
    facts = _facts("2015年石门镇政府信息公开工作年度报告\n2015年我镇主动公开政府信息312条，全年未收到政府信息公开申请。")
    assert ("pro_total", 312, "government") in facts


@pytest.mark.parametrize("sentence, fact", [
    ("本年度苏木共主动公开政府信息一百二十七条。", ("pro_total", 127, "government")),
    ("本年度苏木受理政府信息公开申请零件。", ("req_received", 0, "government")),
    ("全年苏木主动公开信息58条。", ("pro_total", 58, "government")),
])
def test_a_sumu_names_itself_by_its_kind(sentence, fact):
    """A 苏木 (a township of Inner Mongolia) speaks of itself as 苏木, as a 街道 does."""
    facts = _facts(f"某某旗某某苏木2014年政府信息公开工作年度报告\n一、主动公开情况\n{sentence}")
    assert fact in facts


def test_a_department_s_figures_are_its_own_but_the_county_s_are_whole():
    facts = _facts("某县统计局2015年政府信息公开工作年度报告\n一、主动公开情况\n2015年我局主动公开信息42条。\n"
                   "二、依申请公开情况\n全县共收到政府信息公开申请120件，我局收到3件。")
    assert ("pro_total", 42, "government") in facts
    assert ("req_received", 120, "whole") in facts
    assert ("req_received", 3, "government") in facts


@pytest.mark.parametrize("opening, kind, scope", [
    ("我局受理申请3件", DEPARTMENT, "government"),
    ("本单位受理申请3件", DEPARTMENT, "government"),
    ("我镇受理申请3件", TOWNSHIP, "government"),
    ("镇政府受理申请3件", TOWNSHIP, "government"),
    ("本单位受理申请3件", TOWNSHIP, "government"),
    # a township's report naming 本局 or a department's naming 我镇 speaks of no body of its own
    ("本局受理申请3件", TOWNSHIP, None),
    ("我镇受理申请3件", DEPARTMENT, None),
])
def test_the_body_speaks_of_itself_in_its_own_kind_of_words(opening, kind, scope):
    assert clause_subject(opening, Issuer(None, kind, "voice")) == scope
