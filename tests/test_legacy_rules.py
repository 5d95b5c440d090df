"""Phrasing families of the legacy (free-text) fact rules: extractors/rules/legacy.py.

Every sentence here is invented. Each case states the whole set of facts the rules must produce
for a small report (metric, value, qualifier, scope), so a case fails both when a variant that a
real report could print is missed and when an extra number is read as a metric: an extra fact
is a false fact in the warehouse.

Cases are grouped by family (the pytest id starts with the family) and written in the wordings
real reports use: verbs (受理/收到/接到/办理), word order (N件依申请公开事项), 万/余/多/超过/近/
约 numbers, Chinese numerals, full-width digits, a space before the number, traditional script,
and the subjects that set scope (全市/全县/我区/市本级/县政府/区人民政府; 各乡镇 and 市教育局
are not the report's own numbers and are dropped).
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from extractors.model import Block, Document
from extractors.rules.legacy import extract_legacy_facts

try:
    from extractors.normalize import to_matching
except ImportError:  # pragma: no cover - fallback while normalize.py is being written
    from opencc import OpenCC

    _T2S = OpenCC("t2s")

    def to_matching(text: str) -> str:
        out = []
        for char in text:
            simplified = _T2S.convert(char)
            char = simplified if len(simplified) == 1 else char
            code = ord(char)
            if 0xFF01 <= code <= 0xFF5E:
                char = chr(code - 0xFEE0)
            elif code == 0x3000:
                char = " "
            out.append(char)
        return "".join(out)


# --- building documents ------------------------------------------------------------------------

OUTLINE = {
    "overview": "一、概述",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、依申请公开情况",
    "fees": "四、收费及减免情况",
    "review": "五、行政复议和行政诉讼情况",
    "problems": "六、存在的问题及改进措施",
}
TITLE = "某某市2016年政府信息公开工作年度报告"


def make_document(text: str) -> Document:
    blocks = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block("paragraph", position, position + len(line)))
        position += len(line) + 1
    return Document(text=text, matching=to_matching(text), blocks=blocks)


def report(section: str, *paragraphs: str) -> str:
    """A minimal legacy report with ``paragraphs`` under the heading of ``section``."""
    lines = [TITLE]
    for key, heading in OUTLINE.items():
        lines.append(heading)
        if key == section:
            lines.extend(paragraphs)
    return "\n".join(lines)


class F(NamedTuple):
    metric: str
    value: float
    qualifier: str = "exact"
    scope: str = "whole"


def facts_of(text: str) -> set[F]:
    return {F(f.metric, f.value, f.qualifier, f.scope) for f in extract_legacy_facts(make_document(text))}


class Case(NamedTuple):
    id: str
    section: str
    paragraphs: tuple[str, ...]
    expected: frozenset[F]


CASES: list[Case] = []


def case(family: str, section: str, paragraphs: str | tuple[str, ...], *expected: F) -> None:
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    CASES.append(Case(f"{family}-{len([c for c in CASES if c.id.startswith(family + '-')]) + 1}",
                      section, paragraphs, frozenset(expected)))


# --- proactive disclosure: the total --------------------------------------------------------------
P = "proactive"
case("pro_total", P, "2016年，全市共主动公开政府信息45678条。", F("pro_total", 45678))
case("pro_total", P, "一年来，我县主动公开各类政府信息1.2万余条。", F("pro_total", 12000, "over"))
case("pro_total", P, "全区累计公开政务信息超过3万条。", F("pro_total", 30000, "over"))
case("pro_total", P, "市本级主动公开政府信息 8,765 条。", F("pro_total", 8765, "exact", "own_level"))
case("pro_total", P, "县政府主动公开政府信息约2000条。", F("pro_total", 2000, "about", "government"))
case("pro_total", P, "区人民政府全年主动公开政府信息3456条。", F("pro_total", 3456, "exact", "government"))
case("pro_total", P, "全縣主動公開政府信息１２３４條。", F("pro_total", 1234))
case("pro_total", P, "全市发布政府信息近五千条。", F("pro_total", 5000, "under"))
case("pro_total", P, "本年度全市各级行政机关共主动公开政府信息23456条。", F("pro_total", 23456))
case("pro_total", P, "全年共主动公开政府信息6789条。", F("pro_total", 6789))
case("pro_total", P, "我市2016年主动公开政府信息总数为10.5万条。", F("pro_total", 105000))
# dropped subjects: one department, the townships
case("pro_total", P, "市教育局主动公开政府信息512条。")
case("pro_total", P, "各乡镇共公开政府信息1200条。")
# topic counts are not the total
case("pro_total", P, "全市公开教育领域信息300条，发布财政预决算信息45条。")

# --- proactive disclosure: channels ---------------------------------------------------------------
case("pro_channels", P, "全市主动公开政府信息5000条，其中通过政府门户网站公开政府信息3200条。",
     F("pro_total", 5000), F("pro_website", 3200))
case("pro_channels", P, "在市政府门户网站发布信息2345条。", F("pro_website", 2345, "exact", "government"))
case("pro_channels", P, "通过政府網站公開政府信息５６７８條。", F("pro_website", 5678))
case("pro_channels", P, "通过政府公报公开政府文件56件。", F("pro_gazette", 56))
case("pro_channels", P, "《政府公报》刊发12期，刊登规范性文件24件。", F("pro_gazette", 24))
case("pro_channels", P, "通过政务微博发布信息1,580条。", F("pro_weibo", 1580))
case("pro_channels", P, "政务微信推送信息860条。", F("pro_wechat", 860))
case("pro_channels", P, "通过微博、微信等新媒体发布信息2.3万条。", F("pro_new_media", 23000))
case("pro_channels", P, "通过其他方式公开政府信息412条。", F("pro_other", 412))
case("pro_channels", P,
     "全县主动公开政府信息9000条，其中政府网站公开7000条，政府公报公开30条，政务微博公开1200条，政务微信公开600条，其他方式公开170条。",
     F("pro_total", 9000), F("pro_website", 7000), F("pro_gazette", 30), F("pro_weibo", 1200),
     F("pro_wechat", 600), F("pro_other", 170))
# a department's website, and channel counts outside the proactive part
case("pro_channels", P, "市交通运输局网站发布信息300条。")
case("pro_channels", "overview", "市发展改革委门户网站全年更新信息860条。")

# --- events and interpretations ---------------------------------------------------------------------
case("pro_press_conferences", P, "全市共召开新闻发布会45场。", F("pro_press_conferences", 45))
case("pro_press_conferences", P, "全年举办新闻发布会十二场。", F("pro_press_conferences", 12))
case("pro_press_conferences", P, "我区召开了12场新闻发布会。", F("pro_press_conferences", 12))
case("pro_press_conferences", P, "市政府召开新闻发布会二十余场。",
     F("pro_press_conferences", 20, "over", "government"))
case("pro_press_conferences", P, "全縣組織召開新聞發佈會３０場。", F("pro_press_conferences", 30))
case("pro_press_conferences", "overview", "全市各级各部门举行新闻发布会 150 余次。",
     F("pro_press_conferences", 150, "over"))
case("pro_online_interviews", P, "全市开展在线访谈15期。", F("pro_online_interviews", 15))
case("pro_online_interviews", P, "举办在线访谈节目8次。", F("pro_online_interviews", 8))
case("pro_online_interviews", P, "组织在线访谈活动两次。", F("pro_online_interviews", 2))
case("pro_online_interviews", P, "全县开展6期在线访谈。", F("pro_online_interviews", 6))
case("pro_online_interviews", P, "市政府領導參加線上訪談４次。",
     F("pro_online_interviews", 4, "exact", "government"))
case("pro_policy_interpretations", P, "发布政策解读稿件36篇。", F("pro_policy_interpretations", 36))
case("pro_policy_interpretations", P, "全市开展政策解读120条。", F("pro_policy_interpretations", 120))
case("pro_policy_interpretations", P, "发布政策解读材料45份。", F("pro_policy_interpretations", 45))
case("pro_policy_interpretations", P, "全年共解读政策文件三十余件。",
     F("pro_policy_interpretations", 30, "over"))
case("pro_policy_interpretations", P, "發佈政策解讀文章２８篇。", F("pro_policy_interpretations", 28))

# --- requests received ----------------------------------------------------------------------------
R = "requests"
case("req_received", R, "全市共受理政府信息公开申请1234件。", F("req_received", 1234))
case("req_received", R, "2016年，我区收到政府信息公开申请56件。", F("req_received", 56))
case("req_received", R, "县政府接到依申请公开申请23件。", F("req_received", 23, "exact", "government"))
case("req_received", R, "市本级共受理依申请公开87件。", F("req_received", 87, "exact", "own_level"))
case("req_received", R, "全年共受理45件依申请公开事项。", F("req_received", 45))
case("req_received", R, "全县受理信息公开申请三十二件。", F("req_received", 32))
case("req_received", R, "全市各级行政机关共受理政府信息公开申请1.5万余件。", F("req_received", 15000, "over"))
case("req_received", R, "全縣共受理政府信息公開申請２１件。", F("req_received", 21))
case("req_received", R, "我市共受理申请 345 件。", F("req_received", 345))
case("req_received", R, "全区受理政府信息公开申请近百件。", F("req_received", 100, "under"))
case("req_received", R, "全年收到申请约50件。", F("req_received", 50, "about"))
case("req_received", R, "全市共收到公民、法人和其他组织提出的政府信息公开申请312件。", F("req_received", 312))
case("req_received", R, "全市政府信息公开申请总量为120件。", F("req_received", 120))
case("req_received", R, "区人民政府本级办理政府信息公开申请18件。", F("req_received", 18, "exact", "government"))
case("req_received", "overview", "全市共受理依申请公开1200件，较上年增长40%。", F("req_received", 1200))
# dropped subjects and things that are not requests
case("req_received", R, "市教育局受理政府信息公开申请40件。")
case("req_received", R, "各乡镇共受理政府信息公开申请15件。")
case("req_received", R, "全市设立政府信息公开申请受理点150个。")
case("req_received", R, "市长信箱全年收到群众来信200件。")

# --- request channels ------------------------------------------------------------------------------
case("req_channels", R,
     "全市共受理申请215件，其中当面申请30件，网上申请120件，信函申请50件，传真申请3件，电子邮件申请8件，其他形式申请4件。",
     F("req_received", 215), F("req_in_person", 30), F("req_online", 120), F("req_letter", 50),
     F("req_fax", 3), F("req_email", 8), F("req_other_channel", 4))
case("req_channels", R, "全区受理申请80件，通过网络提交申请的56件，以信函方式提出申请12件，现场申请12件。",
     F("req_received", 80), F("req_online", 56), F("req_letter", 12), F("req_in_person", 12))
case("req_channels", R, "全县受理政府信息公开申请9件，全部为网上申请。",
     F("req_received", 9), F("req_online", 9))
case("req_channels", R, "全市受理申請４０件，其中通過傳真申請２件，通過電子郵箱申請５件。",
     F("req_received", 40), F("req_fax", 2), F("req_email", 5))
case("req_channels", R, "从申请方式看，当面提交的有20件，网上提交的有35件。",
     F("req_in_person", 20), F("req_online", 35))
case("req_channels", R, "全市受理申请60件，通过信函申请二十件，其他方式申请五件。",
     F("req_received", 60), F("req_letter", 20), F("req_other_channel", 5))

# --- requests answered and the answer rate -----------------------------------------------------------
case("req_answered", R, "全市共受理政府信息公开申请56件，已全部办结。",
     F("req_received", 56), F("req_answered", 56))
case("req_answered", R, "全年受理申请130件，已答复120件，其余10件正在办理中。",
     F("req_received", 130), F("req_answered", 120))
case("req_answered", R, "我区按时答复申请98件。", F("req_answered", 98))
case("req_answered", R, "全市共办结政府信息公开申请112件。", F("req_answered", 112))
case("req_answered", R, "县政府受理的24件申请，均已按期答复。",
     F("req_received", 24, "exact", "government"), F("req_answered", 24, "exact", "government"))
case("req_answered", R, "全縣已辦結申請３３件。", F("req_answered", 33))
case("req_answer_rate", R, "全市受理申请300件，答复率为100%。",
     F("req_received", 300), F("req_answer_rate_pct", 100))
case("req_answer_rate", R, "按时答复率达到98.5%。", F("req_answer_rate_pct", 98.5))
case("req_answer_rate", R, "依申请公开按期答复率 100%。", F("req_answer_rate_pct", 100))
case("req_answer_rate", R, "申請答覆率為１００％。", F("req_answer_rate_pct", 100))
case("req_answer_rate", R, "政府信息公开申请办结率100%。", F("req_answer_rate_pct", 100))
# a mayor's mailbox is not the request system
case("req_answer_rate", R, "市长信箱全年收到来信560件，办结率100%。")
case("req_answer_rate", "overview", "市长信箱共收到群众来信300件，办结290件，办结率96.7%。")

# --- outcomes -----------------------------------------------------------------------------------------
case("out", R, "其中，属于已主动公开范围的45件，同意公开的230件，同意部分公开15件，不予公开12件。",
     F("out_already_public", 45), F("out_granted", 230), F("out_partial", 15), F("out_denied", 12))
case("out", R, "不属于本机关公开范围的30件，信息不存在的22件，申请内容不明确的6件，告知通过其他途径办理的9件。",
     F("out_not_held_by_agency", 30), F("out_nonexistent", 22), F("out_unclear", 6), F("out_other_channel", 9))
case("out", R, "重复申请3件，其他情况4件。", F("out_duplicate", 3), F("out_other", 4))
case("out", R, "予以公开120件，部分公开8件，非本机关掌握信息17件。",
     F("out_granted", 120), F("out_partial", 8), F("out_not_held_by_agency", 17))
case("out", R, "准予公开的有88件，不予公开的有七件。", F("out_granted", 88), F("out_denied", 7))
case("out", R, "同意公開２３０件，信息不存在１２件。", F("out_granted", 230), F("out_nonexistent", 12))
case("out", R, "其中230件同意公开，15件部分公开，12件不予公开。",
     F("out_granted", 230), F("out_partial", 15), F("out_denied", 12))
case("out", R, "已主动公开的信息25件。", F("out_already_public", 25))
# merged categories are out_other, never either one
case("out_other_merged", R, "申请内容不明确或转其他途径办理的有10件。", F("out_other", 10))
case("out_other_merged", R, "信息不存在或不属于本机关公开范围的12件。", F("out_other", 12))
case("out_other_merged", R, "申请內容不明確及告知通過其他途徑辦理的５件。", F("out_other", 5))

# --- shares and the disclosure rate --------------------------------------------------------------
case("share_pct", R, "同意公开的230件，占总数的76.7%。", F("out_granted", 230), F("out_granted_pct", 76.7))
case("share_pct", R, "不予公开12件，占申请总数的4%。", F("out_denied", 12), F("out_denied_pct", 4))
case("share_pct", R, "信息不存在的有34件，占總數的5.38％。", F("out_nonexistent", 34), F("out_nonexistent_pct", 5.38))
case("share_pct", P, "全市主动公开政府信息10000条，其中政府网站公开6000条，占总量的60%。",
     F("pro_total", 10000), F("pro_website", 6000), F("pro_website_pct", 60))
case("share_pct", R, "网上申请120件，占受理总数的60%。", F("req_online", 120), F("req_online_pct", 60))
case("req_disclosure_rate", R, "实际公开比例为76.5%。", F("req_disclosure_rate_pct", 76.5))
case("req_disclosure_rate", R, "全市政府信息公开申请公开率达85%。", F("req_disclosure_rate_pct", 85))
case("req_disclosure_rate", R, "實際公開比例為８４．２０％。", F("req_disclosure_rate_pct", 84.2))
# growth rates are not shares
case("share_pct", R, "全市受理申请1200件，较上年增长40.25%。", F("req_received", 1200))
case("share_pct", R, "同意公开的300件，同比下降12.5%。", F("out_granted", 300))
case("share_pct", P, "全市主动公开政府信息8000条，比上年增加15%。", F("pro_total", 8000))

# --- fees ---------------------------------------------------------------------------------------------
FEES = "fees"
case("fee", FEES, "全市各级行政机关在办理依申请公开时，未收取任何费用。", F("fee_collected_yuan", 0))
case("fee", FEES, "我区没有收取依申请公开相关费用。", F("fee_collected_yuan", 0))
case("fee", FEES, "全年没有向申请人收取检索、复制、邮寄等费用。", F("fee_collected_yuan", 0))
case("fee", FEES, "市本级未向申请人收取任何费用。", F("fee_collected_yuan", 0, "exact", "own_level"))
case("fee", FEES, "全縣均未收取任何費用。", F("fee_collected_yuan", 0))
case("fee", FEES, "依申请公开工作中未收费，也未减免费用。", F("fee_collected_yuan", 0))
case("fee", FEES, "全市共收取费用120元。", F("fee_collected_yuan", 120))
case("fee", FEES, "全年收取检索复制费1.2万元。", F("fee_collected_yuan", 12000))
case("fee", FEES, "全市收取信息公开费用 350 元。", F("fee_collected_yuan", 350))
case("fee", FEES, "全年收取费用约300元。", F("fee_collected_yuan", 300, "about"))
case("fee", FEES, "依申请公开收费总额为45元。", F("fee_collected_yuan", 45))
case("fee", FEES, "全市收取費用８０元。", F("fee_collected_yuan", 80))
case("fee", R, "全县受理申请12件，未收取任何费用。", F("req_received", 12), F("fee_collected_yuan", 0))
# waived fees are not collected fees
case("fee", FEES, "全年减免费用200元。")

# --- reconsideration, lawsuits, complaints ------------------------------------------------------
V = "review"
case("recon", V,
     "全市共发生政府信息公开行政复议案件12件，其中维持原具体行政行为8件，纠正2件，其他情形1件，尚未审结1件。",
     F("recon_total", 12), F("recon_upheld", 8), F("recon_corrected", 2), F("recon_other", 1), F("recon_pending", 1))
case("recon", V, "我区收到涉及政府信息公开的行政复议申请3件。", F("recon_total", 3))
# 均维持原答复 states the result of all the cases: upheld = the total (a fact without a digit).
case("recon", V, "申请人提起行政复议的有2件，均维持原答复。", F("recon_total", 2), F("recon_upheld", 2))
case("recon", V, "县政府被申请行政复议四起，其中驳回复议申请三起，撤销一起。",
     F("recon_total", 4, "exact", "government"), F("recon_upheld", 3, "exact", "government"),
     F("recon_corrected", 1, "exact", "government"))
case("recon", V, "全市發生政府信息公開行政複議案件５件，維持３件，糾錯２件。",
     F("recon_total", 5), F("recon_upheld", 3), F("recon_corrected", 2))
case("recon", V, "市本级因政府信息公开引起的行政复议案件共6件，其中结果维持4件，尚在审理中2件。",
     F("recon_total", 6, "exact", "own_level"), F("recon_upheld", 4, "exact", "own_level"),
     F("recon_pending", 2, "exact", "own_level"))
case("lit", V, "涉及政府信息公开的行政诉讼5起，其中维持3起，撤销1起，尚在审理中1起。",
     F("lit_total", 5), F("lit_upheld", 3), F("lit_corrected", 1), F("lit_pending", 1))
case("lit", V, "全县因政府信息公开引发行政诉讼两件。", F("lit_total", 2))
case("lit", V, "全市政府信息公开行政诉讼案件7件，法院判决驳回原告诉讼请求5件，被依法纠错1件，其他结果1件。",
     F("lit_total", 7), F("lit_upheld", 5), F("lit_corrected", 1), F("lit_other", 1))
case("lit", V, "全市發生政府信息公開行政訴訟案件１０件。", F("lit_total", 10))
case("lit", V, "公民提起行政诉讼的有3件，目前均未审结。", F("lit_total", 3), F("lit_pending", 3))
case("review_absent", V, "全市未发生政府信息公开行政复议案件。", F("recon_total", 0))
case("review_absent", V, "我县没有产生因政府信息公开引起的行政诉讼。", F("lit_total", 0))
case("review_absent", V, "全年未发生因政府信息公开引起的行政复议和行政诉讼案件。",
     F("recon_total", 0), F("lit_total", 0))
case("review_absent", V, "本年度无政府信息公开行政复议、行政诉讼案件。", F("recon_total", 0), F("lit_total", 0))
case("review_absent", V, "全市没有發生政府信息公開行政複議和行政訴訟。", F("recon_total", 0), F("lit_total", 0))
case("review_absent", V, "区人民政府未收到有关政府信息公开的行政复议申请。",
     F("recon_total", 0, "exact", "government"))
case("review_absent", V, "全市政府信息公开行政复议、行政诉讼均为0件。", F("recon_total", 0), F("lit_total", 0))
case("complaint", V, "全年共收到有关政府信息公开的申诉3件。", F("complaint_total", 3))
case("complaint", V, "全市受理政府信息公开举报投诉2起。", F("complaint_total", 2))
case("complaint", V, "全縣收到政府信息公開申訴５件。", F("complaint_total", 5))
case("complaint", "overview", "全市共收到举报投诉1200件。")
# growth of review counts and review words in the plans part
case("recon", V, "全市政府信息公开行政复议案件9件，较上年增长50%。", F("recon_total", 9))

# --- second round: more wordings of the same families -------------------------------------------
case("pro_total", P, "全年主动公开各类政府信息共计2.5万条。", F("pro_total", 25000))
case("pro_total", P, "全县主动公开政府信息数量达8900条，较上年增长12%。", F("pro_total", 8900))
# 累计 up to a cut-off date is a running total since the Regulations, not the year's figure.
case("pro_total", P, "截至2016年底，全区累计主动公开政府信息逾十万条。")
case("pro_channels", P, "全年主动公开政府信息12345条，其中，通过政府门户网站公开9876条。",
     F("pro_total", 12345), F("pro_website", 9876))
case("pro_channels", P, "依托政务微博“某某发布”发布信息3000余条。", F("pro_weibo", 3000, "over"))
case("pro_channels", P, "通过县人民政府门户网站发布政务信息 2460 条。", F("pro_website", 2460, "exact", "government"))
# Posts across a website and new media (发布, reposts counted on every platform) are neither the
# total nor one channel's count.
case("pro_channels", P, "利用政府网站、政务微博微信等新媒体平台发布信息8000多条。")
case("pro_channels", P, "市政府公报全年编印12期，刊发文件156件。", F("pro_gazette", 156, "exact", "government"))
# The government's press office holds the government's press conferences.
case("pro_press_conferences", P, "市政府新闻办举办新闻发布会36场。", F("pro_press_conferences", 36, "exact", "government"))
case("pro_press_conferences", P, "区政府共召开各类新闻发布会8场。", F("pro_press_conferences", 8, "exact", "government"))
case("pro_online_interviews", P, "全年共开展网上访谈10余期。", F("pro_online_interviews", 10, "over"))
case("req_received", R, "全县共受理政府信息公开申请152件次。", F("req_received", 152))
case("req_received", R, "全年受理政府信息公开申请较上年增加了20件。")
case("req_received", R, "我县全年共接收政府信息公开申请书42份。", F("req_received", 42))
case("req_received", R, "市本级共受理各类政府信息公开申请1,026件。", F("req_received", 1026, "exact", "own_level"))
case("req_received", R, "2016年度，县人民政府共收到依申请公开件9件。", F("req_received", 9, "exact", "government"))
case("req_channels", R, "全县受理申请30件，其中：网上申请18件、当面申请9件、信函申请3件。",
     F("req_received", 30), F("req_online", 18), F("req_in_person", 9), F("req_letter", 3))
case("req_channels", R, "从申请渠道看，通过互联网提出申请的有40件，通过现场提交的有10件。",
     F("req_online", 40), F("req_in_person", 10))
case("req_answered", R, "全市共受理申请88件，均已在规定时限内答复。", F("req_received", 88), F("req_answered", 88))
case("req_answered", R, "截至年底，已办结申请75件，尚在办理中3件。", F("req_answered", 75))
case("out", R, "不属于本单位公开范围的5件。", F("out_not_held_by_agency", 5))
case("out", R, "其中，答复同意公开的89件。", F("out_granted", 89))
case("out", R, "申请信息不存在的三件，重复申请的两件。", F("out_nonexistent", 3), F("out_duplicate", 2))
case("out", R, "对属于已主动公开范围的16件，告知了获取途径。", F("out_already_public", 16))
case("fee", FEES, "依申请提供政府信息未产生收费。", F("fee_collected_yuan", 0))
case("fee", FEES, "全年收取费用共计0元。", F("fee_collected_yuan", 0))
case("fee", FEES, "检索、复制费用按收费标准每页0.5元收取。")
case("recon", V, "全年因政府信息公开申请行政复议1件，提起行政诉讼1件。", F("recon_total", 1), F("lit_total", 1))
case("recon", V, "被申请行政复议3件，被提起行政诉讼2件。", F("recon_total", 3), F("lit_total", 2))
case("review_absent", V, "2016年未出现因政府信息公开工作引起的行政复议、行政诉讼。",
     F("recon_total", 0), F("lit_total", 0))
case("review_absent", V, "涉及政府信息公开的行政复议和行政诉讼案件均为零。", F("recon_total", 0), F("lit_total", 0))
case("review_absent", V, "全县没有因政府信息公开工作而被申请行政复议或提起行政诉讼的情况。",
     F("recon_total", 0), F("lit_total", 0))
case("complaint", V, "全年未收到有关政府信息公开的申诉。", F("complaint_total", 0))
case("complaint", V, "全年没有发生政府信息公开行政复议、行政诉讼和申诉案件。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))

# --- scope: whose numbers -------------------------------------------------------------------------
case("scope", R, "本县共受理政府信息公开申请27件。", F("req_received", 27))
case("scope", R, "县本级受理政府信息公开申请11件。", F("req_received", 11, "exact", "own_level"))
case("scope", R, "市直各部门共受理政府信息公开申请12件。")
case("scope", R, "县直单位受理政府信息公开申请6件。")
case("scope", R, "各县（市、区）共受理政府信息公开申请300件。")
case("scope", R, "各镇（街道）受理申请14件。")
case("scope", R, "區人民政府受理政府信息公開申請１５件。", F("req_received", 15, "exact", "government"))
case("scope", R, "全市共受理申请500件，其中市政府办公室受理36件。",
     F("req_received", 500), F("req_received", 36, "exact", "government"))
case("scope", R, "全市共受理申请500件，其中市公安局受理120件。", F("req_received", 500))

# --- more negatives inside the parts where the families live -------------------------------------
case("negative", R, "全市受理涉及征地拆迁的申请120件。")
case("negative", R, "从申请内容看，主要集中在征地拆迁（120件）、社会保障（45件）等方面。")
case("negative", R, "全县受理的申请中，自然人申请50件，法人申请10件。")
case("negative", R, "涉及城建、国土等领域的申请占45%。")
case("negative", P, "市政府门户网站开设政务公开专栏12个，举办业务培训班6期。")
case("negative", FEES, "全市行政事业性收费项目32项。")
case("lit", V, "市政府作为被告的政府信息公开行政诉讼案件5件，其中胜诉4件，败诉1件。",
     F("lit_total", 5, "exact", "government"), F("lit_upheld", 4, "exact", "government"),
     F("lit_corrected", 1, "exact", "government"))
case("recon", V, "全市政府信息公开行政复议案件3件，复议维持2件，复议撤销1件。",
     F("recon_total", 3), F("recon_upheld", 2), F("recon_corrected", 1))
case("recon", V, "行政复议纠错率为10%。")

case("negative", R, "全年受理群众来信来访120件。")
case("req_channels", R, "全县受理申请25件，其中来访申请15件，来信申请10件。",
     F("req_received", 25), F("req_in_person", 15), F("req_letter", 10))

case("negative", P, "在政府网站公开12个部门的部门预算。")
case("negative", R, "全市共受理申请500件，其中县政府受理12个部门转来的申请。", F("req_received", 500))

# --- negatives: numbers that are not legacy facts -----------------------------------------------
case("negative", "overview",
     ("全市总面积1200平方公里，辖12个乡镇、320个行政村，常住人口85万人。",
      "市政府全年召开常务会议30次，举办政务公开培训班12期，培训人员800人次。"))
case("negative", "overview", "市长信箱全年收到来信1500件，办结率100%，群众满意率98%。")
case("negative", P, "全市设立政府信息公开查阅点150个，提供查阅服务2000人次。")
case("negative", P, "市政府门户网站全年访问量达3850万余人次。")
case("negative", "problems",
     ("下一步，我市计划召开新闻发布会20场，主动公开政府信息不少于5万条。",
      "力争依申请公开答复率达到100%，受理政府信息公开申请的办理时限缩短至10个工作日。"))
case("negative", "problems", "2017年全市将举办在线访谈30期，发布政策解读100篇。")
case("negative", "overview", "全市共办理人大代表建议120件、政协提案180件。")
case("negative", R, "市长信箱受理群众来信来访120件。")
case("negative", V, "全市行政复议机关共办理各类行政复议案件320件，行政应诉案件150件。")
case("negative", "overview", "全市受理行政审批事项12万件，办结率99.8%。")


@pytest.mark.parametrize("item", CASES, ids=[c.id for c in CASES])
def test_family(item: Case) -> None:
    got = facts_of(report(item.section, *item.paragraphs))
    assert got == set(item.expected)


def test_scope_separates_whole_and_government() -> None:
    text = report("requests", "全市共受理政府信息公开申请1.39万余件，其中市政府受理政府信息公开申请632件。")
    assert facts_of(text) == {F("req_received", 13900, "over", "whole"), F("req_received", 632, "exact", "government")}


def test_evidence_is_verbatim_traditional_text() -> None:
    text = report("requests", "全縣共受理政府信息公開申請２１件。")
    document = make_document(text)
    (fact,) = extract_legacy_facts(document)
    assert fact.evidence in text and "申請２１件" in fact.evidence
    assert document.text[fact.start:fact.end] == fact.evidence


def test_problems_part_is_silent_even_with_full_sentences() -> None:
    text = report("problems", "全市共受理政府信息公开申请1234件，答复率100%。")
    assert facts_of(text) == set()


def test_information_processing_fee_outside_the_fee_part():
    # the 2021 fee regime (信息处理费) is often reported under 其他需要报告的事项
    text = "六、其他需要报告的事项\n2022年，本机关依法收取政府信息公开信息处理费0元。\n"
    assert facts_of(text) == {F("fee_collected_yuan", 0.0)}


def test_a_sum_in_another_part_is_not_a_request_fee():
    text = "六、其他需要报告的事项\n2022年，本机关收取行政事业性收费120元。\n"
    assert facts_of(text) == set()


def test_a_run_on_sentence_is_read_in_pieces_with_bounded_evidence():
    # scraped pages sometimes lose every 。: thousands of clauses in one "sentence"
    from extractors.rules.mentions import MAX_SENTENCE_CHARS

    run_on = "，".join(["全年共受理政府信息公开申请12件，其中网上申请3件"] * 3000)
    facts = extract_legacy_facts(make_document(report("requests", run_on)))
    assert {(fact.metric, fact.value) for fact in facts} >= {("req_received", 12.0), ("req_online", 3.0)}
    assert all(len(fact.evidence) <= MAX_SENTENCE_CHARS for fact in facts)
