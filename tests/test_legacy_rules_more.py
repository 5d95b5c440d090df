"""More phrasing families of the legacy fact rules (extractors/rules/legacy.py), written after a
second independent held-out set showed them missing: absence stated as "label：value" / 无 /
分文未收 / a list ending 均为零; colon-labelled totals followed by their breakdown in brackets;
a numberless result after a total (一审法院均判决驳回); Chinese numerals with 万 inside; a portal
named in an earlier clause; abbreviated government bodies (行署 / 行政公署); 在线访谈栏目; shares
(同意公开和部分公开的占N% is the disclosure rate; N成 = N tenths); a named lower body; X层面.

Every sentence is invented here (none is copied from a fixture), several wordings per family,
each with negatives that must stay silent. The helpers and the outline come from
tests/test_legacy_rules.py.
"""
from __future__ import annotations

import pytest

from tests.test_legacy_rules import F, Case, facts_of, report

CASES: list[Case] = []


def case(family: str, section: str, paragraphs: str | tuple[str, ...], *expected: F) -> None:
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    number = len([c for c in CASES if c.id.startswith(family + "-")]) + 1
    CASES.append(Case(f"{family}-{number}", section, paragraphs, frozenset(expected)))


P, R, FE, V, O = "proactive", "requests", "fees", "review", "overview"

# --- 1. absence: label：0 / label：无 / 分文未收 / lists ending 均为零 / 无X申请 -----------------------
case("absence", FE, "收取费用：0元。", F("fee_collected_yuan", 0))
case("absence", FE, "依申请公开收费：0元。", F("fee_collected_yuan", 0))
case("absence", FE, "收费金额： 0 元", F("fee_collected_yuan", 0))
case("absence", FE, "全市各级行政机关办理依申请公开事项分文未收。", F("fee_collected_yuan", 0))
case("absence", O, "全县在答复政府信息公开申请时未收取分文费用。", F("fee_collected_yuan", 0))
case("absence", FE, "本年度依申请公开工作做到了分文不取。", F("fee_collected_yuan", 0))
case("absence", V, "申诉：无。", F("complaint_total", 0))
case("absence", V, "举报投诉：无", F("complaint_total", 0))
case("absence", V, "行政复议：无。行政诉讼：暂无。",
     F("recon_total", 0), F("lit_total", 0))
case("absence", V, "本年度涉及政府信息公开的行政复议、行政诉讼和申诉案件均为零。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))
case("absence", V, "因政府信息公开引发的申诉、举报数量均为零。", F("complaint_total", 0))
case("absence", V, "全年政府信息公开行政复议、行政诉讼及申诉数均为0件。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))
case("absence", R, "全县受理申请20件，其中网上申请15件，当面申请5件，无信函申请。",
     F("req_received", 20), F("req_online", 15), F("req_in_person", 5), F("req_letter", 0))
case("absence", R, "全年受理申请8件，均为当面申请，没有通过网络提出的申请。",
     F("req_received", 8), F("req_in_person", 8), F("req_online", 0))
case("absence", R, "全区受理申请30件，其中信函申请6件，网上申请24件，未收到传真申请。",
     F("req_received", 30), F("req_letter", 6), F("req_online", 24), F("req_fax", 0))
# negatives: a remark, a tariff, a missing channel that is no count, the problems part
case("absence", V, "备注：无。")
case("absence", FE, "收费标准：每页0.5元。")
case("absence", R, "全县受理申请12件，目前无网上申请渠道。", F("req_received", 12))
case("absence", "problems", "申诉：无。")

# --- 2. colon-labelled totals with a breakdown in brackets ----------------------------------------
case("colon_total", V, "行政复议：5件（维持4件，撤销1件）。",
     F("recon_total", 5), F("recon_upheld", 4), F("recon_corrected", 1))
case("colon_total", V, "行政诉讼：3件（驳回2件，尚在审理1件）。",
     F("lit_total", 3), F("lit_upheld", 2), F("lit_pending", 1))
case("colon_total", V, "行政复议案件： 2起（均维持原答复）；行政诉讼案件：1起（原告撤诉）。",
     F("recon_total", 2), F("recon_upheld", 2), F("lit_total", 1), F("lit_other", 1))
case("colon_total", V, "行政复议：六件（维持五件，纠正一件）。",
     F("recon_total", 6), F("recon_upheld", 5), F("recon_corrected", 1))
case("colon_total", R, "受理申请：64件（当面申请20件，网上申请44件）。",
     F("req_received", 64), F("req_in_person", 20), F("req_online", 44))
case("colon_total", V, "申诉：2件。", F("complaint_total", 2))
# negatives: a colon before a date, a heading with a colon, counts of another kind
case("colon_total", V, "统计时限：2015年1月1日至12月31日。")
case("colon_total", V, "行政复议：全市行政复议机关办理各类复议案件120件。")

# --- 3. a numberless result after a total ---------------------------------------------------------
case("result_after_total", V, "行政诉讼案件2件，一审法院均判决驳回原告诉讼请求。",
     F("lit_total", 2), F("lit_upheld", 2))
case("result_after_total", V, "发生行政诉讼3起，法院审理后均判决维持原答复。",
     F("lit_total", 3), F("lit_upheld", 3))
case("result_after_total", V, "行政复议2件，复议机关均予以维持。",
     F("recon_total", 2), F("recon_upheld", 2))
case("result_after_total", V, "引发行政诉讼4件，两审法院均驳回起诉。",
     F("lit_total", 4), F("lit_upheld", 4))
case("result_after_total", V, "行政复议3件，经复议均撤销原答复。",
     F("recon_total", 3), F("recon_corrected", 3))
# negatives: a result for some of the cases only, a statement with its own number
# One of the two (其中一件) was dismissed: that one is upheld, the numberless "all" reading is not.
case("result_after_total", V, "行政诉讼案件2件，其中一件法院判决驳回原告诉讼请求。", F("lit_total", 2), F("lit_upheld", 1))
case("result_after_total", V, "行政诉讼3件，法院判决驳回1件。", F("lit_total", 3), F("lit_upheld", 1))

# --- 4. the proactive total: Chinese numerals with 万, prefixes, the overview ------------------------
case("pro_total_more", P, "全市各级行政机关共主动公开政府信息一万二千余条，其中市本级公开4,870条。",
     F("pro_total", 12000, "over"), F("pro_total", 4870, "exact", "own_level"))
case("pro_total_more", P, "自2009年1月至12月，全县共主动公开政府信息三千五百余条。",
     F("pro_total", 3500, "over"))
case("pro_total_more", P, "全区主动公开政府信息两万三千条。", F("pro_total", 23000))
case("pro_total_more", P, "全年全区主动公开政府信息6.2万余条。", F("pro_total", 62000, "over"))
case("pro_total_more", O, "全年全縣主動公開政府信息1.5萬餘條。", F("pro_total", 15000, "over"))
case("pro_total_more", O, "2017年，全市主动公开政府信息3.1万条。", F("pro_total", 31000))
# negatives in the overview: a topic's count, a department, a target, no 主动公开
case("pro_total_more", O, "全市公开财政预决算信息2,300条。")
case("pro_total_more", O, "市教育局主动公开政府信息800条。")
case("pro_total_more", O, "全市网站发布信息3万条。")

# --- 5. the portal named in an earlier clause ------------------------------------------------------
case("portal_earlier", P, "市政府门户网站“幸福某某”完成改版，开设“政务公开”专栏，全年发布政府信息3,215条。",
     F("pro_website", 3215, "exact", "government"))
case("portal_earlier", P, "县政府门户网站新增“政策解读”“重点领域”等栏目，4月以来发布信息1,102条。",
     F("pro_website", 1102, "exact", "government"))
case("portal_earlier", P, "區政府門戶網站完成集約化改造，全年發佈信息2,764條。",
     F("pro_website", 2764, "exact", "government"))
# negatives: another subject publishes, a fact read in between, visits
case("portal_earlier", P, "市政府门户网站完成改版，市直各部门全年发布信息5,600条。")
case("portal_earlier", P, "市政府门户网站完成改版，日均访问量1.2万人次。")
case("portal_earlier", P, "市政府门户网站开设专栏12个，各县区政府网站发布信息8,000条。")
case("portal_earlier", P, "在县政府门户网站上开设“安全生产”等2个专栏，全年更新信息64条。")

# --- 6. abbreviated government bodies: 行署 / 行政公署 ------------------------------------------------
case("gov_abbrev", P, "全盟共召开新闻发布会40场，其中盟行署召开9场。",
     F("pro_press_conferences", 40), F("pro_press_conferences", 9, "exact", "government"))
case("gov_abbrev", P, "全区各地各部门召开新闻发布会52场，其中地区行政公署召开11场。",
     F("pro_press_conferences", 52), F("pro_press_conferences", 11, "exact", "government"))
case("gov_abbrev", P, "盟行政公署门户网站全年发布信息6,120条。",
     F("pro_website", 6120, "exact", "government"))
case("gov_abbrev", R, "盟行署受理政府信息公开申请17件。", F("req_received", 17, "exact", "government"))
case("gov_abbrev", P, "州政府召开新闻发布会12场。", F("pro_press_conferences", 12, "exact", "government"))
# negatives: an office of the 行署 that is a department
case("gov_abbrev", P, "盟行署教育局召开新闻发布会3场。")

# --- 7. 在线访谈栏目 ----------------------------------------------------------------------------------
case("interviews_more", P, "县政府领导做客在线访谈栏目5期。",
     F("pro_online_interviews", 5, "exact", "government"))
case("interviews_more", P, "市政府领导参加“网上访谈”栏目8次。",
     F("pro_online_interviews", 8, "exact", "government"))
case("interviews_more", P, "全区开办《在线访谈》栏目12期。", F("pro_online_interviews", 12))
# negative: the programme's page views
case("interviews_more", P, "在线访谈栏目访问量12万人次。")

# --- 8. shares: the disclosure rate and 成 ---------------------------------------------------------
case("shares_more", R, "同意公开和部分公开的占68.5%。", F("req_disclosure_rate_pct", 68.5))
case("shares_more", R, "全部或部分公开的约占80.2%。", F("req_disclosure_rate_pct", 80.2, "about"))
case("shares_more", R, "予以公开及部分公开的比例为75%。", F("req_disclosure_rate_pct", 75))
case("shares_more", R, "全县受理申请50件，网上申请约占三成。",
     F("req_received", 50), F("req_online_pct", 30, "about")),
case("shares_more", R, "从申请方式看，当面申请占六成以上。", F("req_in_person_pct", 60, "over"))
case("shares_more", R, "信函申请约占1成。", F("req_letter_pct", 10, "about"))
# negatives: 成 as a word, a merged outcome stays out_other
case("shares_more", R, "全县建成政府信息公开申请受理点三成以上。")
case("shares_more", R, "申请内容不明确或转其他途径办理的占5%。", F("out_other_pct", 5))

# --- 9. a named lower body is another body ---------------------------------------------------------
LOWER = ("黔东南苗族侗族自治州2014年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n三、依申请公开情况\n"
         "全州受理政府信息公开申请300件。{}\n四、收费及减免情况\n五、行政复议和行政诉讼情况\n六、存在的问题及改进措施")


@pytest.mark.parametrize("sentence", [
    "凯里市、镇远县政务公开工作受到省政府通报表扬，其中凯里市全年受理依申请公开61件。",
    "镇远县受理政府信息公开申请42件。",
    "凯里市政府受理申请18件。",
])
def test_a_named_lower_body_is_another_body(sentence: str) -> None:
    from tests.test_legacy_rules import extract_legacy_facts, make_document
    facts = {F(f.metric, f.value, f.qualifier, f.scope)
             for f in extract_legacy_facts(make_document(LOWER.format(sentence)))}
    assert facts == {F("req_received", 300)}


def test_the_report_named_by_its_own_name_is_its_own() -> None:
    from tests.test_legacy_rules import extract_legacy_facts, make_document
    text = LOWER.replace("全州受理政府信息公开申请300件。", "黔东南州受理政府信息公开申请300件。").format(
        "州人民政府受理申请25件。")
    facts = {F(f.metric, f.value, f.qualifier, f.scope) for f in extract_legacy_facts(make_document(text))}
    assert facts == {F("req_received", 300), F("req_received", 25, "exact", "government")}


# --- 10. X层面: the government's level -------------------------------------------------------------
case("level_scope", P, "网站开设“解读”栏目，全年发布市政府层面政策解读材料25篇。",
     F("pro_policy_interpretations", 25, "exact", "government"))
case("level_scope", P, "全年发布自治区层面政策解读稿件41篇。",
     F("pro_policy_interpretations", 41, "exact", "government"))


case("level_scope", P, "全年发布全市层面政策解读材料20篇。", F("pro_policy_interpretations", 20))

# --- a channel in the breakdown of the total its sentence gives takes the total's scope ------------
case("breakdown_channel", P, "全区全年主动公开政府信息4,120条，其中区政府门户网站公开2,980条。",
     F("pro_total", 4120), F("pro_website", 2980))
case("breakdown_channel", P, "全县主动公开政府信息1.1万条，其中，县政府网站发布6,300条，其他方式公开4,700条。",
     F("pro_total", 11000), F("pro_website", 6300), F("pro_other", 4700))
# not a breakdown of the total: the portal's count after other items stays the government's
case("breakdown_channel", P, "全市发布政府信息3万余条，其中公布规范性文件120件，利用市政府网站发布动态信息8,800条。",
     F("pro_total", 30000, "over"), F("pro_website", 8800, "exact", "government"))


@pytest.mark.parametrize("item", CASES, ids=[c.id for c in CASES])
def test_family(item: Case) -> None:
    got = facts_of(report(item.section, *item.paragraphs))
    assert got == set(item.expected)


# --- numbers: a Chinese numeral with 万 inside ------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("一万二千余条", 12000), ("两万三千条", 23000), ("十二万条", 120000), ("一万余条", 10000),
    ("三千五百件", 3500), ("一亿二千万元", 120_000_000),
])
def test_chinese_numeral_with_wan_inside(text: str, value: float) -> None:
    import re

    from extractors.numbers import NUMBER_PATTERN, read_number
    match = re.search(NUMBER_PATTERN, text)
    assert match and read_number(match["digits"], match["multiplier"]) == value


# --- the statistics table as text lines "label number+unit" (extractors/rules/appendix.py) ------------
def _text_document(text: str):
    from extractors.readers import read_document
    return read_document(text.encode("utf-8"), "report.txt")


def test_table_lines_with_the_unit_after_the_number_are_read():
    from extractors.rules import appendix
    document = _text_document(
        "某县2013年政府信息公开工作年度报告\n附件：政府信息公开情况统计表\n一、主动公开情况\n"
        "主动公开政府信息数 2,345条\n其中：政府网站公开政府信息数 1,800条\n二、依申请公开情况\n"
        "收到申请数 56件\n1.当面申请数 16件\n2.网络申请数：40件\n申请答复数 56件\n"
        "三、收取的费用 0万元\n行政复议数量 1件\n")
    facts = {(f.metric, f.value, f.evidence) for f in appendix.extract_appendix_facts(document)}
    assert facts == {
        ("pro_total", 2345, "主动公开政府信息数 2,345条"), ("pro_website", 1800, "其中：政府网站公开政府信息数 1,800条"),
        ("req_received", 56, "收到申请数 56件"), ("req_in_person", 16, "1.当面申请数 16件"),
        ("req_online", 40, "2.网络申请数：40件"), ("req_answered", 56, "申请答复数 56件"),
        ("fee_collected_yuan", 0, "三、收取的费用 0万元"), ("recon_total", 1, "行政复议数量 1件")}


def test_a_few_number_unit_lines_in_prose_are_no_table():
    from extractors.rules import appendix
    document = _text_document(
        "某县2013年政府信息公开工作年度报告\n全县依法受理政府信息公开申请，详见下列数字。\n"
        "收到申请数 12件\n全年开展培训，提升了工作人员的业务水平。\n行政复议数量 1件\n")
    assert appendix.extract_appendix_facts(document) == []
