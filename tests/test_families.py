"""Phrasing families of the legacy free-text rules, row kind by row kind (extractors/rules/families/).

Each family is a table of rows (``Phrase`` and ``Statement``, or a group of rows generated from one
list, e.g. one row per channel). For every row kind this file holds at least three phrasings that
a real report could print, written here for this purpose (none is copied from the corpus, the
fixtures or another test): other verbs and fillers (共/全年/累计/其中), the number before and after
the noun, Chinese numerals (二十三件, 两件), 万 and 余/多/约/近/超过, full-width digits and
traditional script (converted with OpenCC s2t). The traps family has, per trap row, at least three
sentences whose trap number must not be emitted, and where natural a control sentence whose real
figure must still be found.

Each case states the WHOLE set of facts (metric, value, qualifier, scope) expected from a small
report holding its sentence under the heading where it belongs: an extra fact is a failure, a
missing one too. The pytest id is ``<family>.<row kind>-<n>``.

The report is a city government's (某某市, 2016) and names its own year more than twice, as real
reports do, so the rules trust the report year (another year's figure is that year's) as they do
when the pipeline passes it.
"""
from __future__ import annotations

import pytest

from extractors.rules.legacy import extract_legacy_facts
from tests.test_legacy_rules import OUTLINE, TITLE, Case, F, make_document

# The overview's opening: names the report year (a real report does, many times) and no number.
OPENING = "2016年，某某市认真贯彻落实《中华人民共和国政府信息公开条例》，2016年度政府信息公开工作有序推进。"
REPORT_YEAR = 2016


def report(section: str, paragraphs: tuple[str, ...]) -> str:
    lines = [TITLE]
    for key, heading in OUTLINE.items():
        lines.append(heading)
        if key == "overview":
            lines.append(OPENING)
        if key == section:
            lines.extend(paragraphs)
    return "\n".join(lines)


def facts_of(text: str) -> set[F]:
    return {F(fact.metric, fact.value, fact.qualifier, fact.scope)
            for fact in extract_legacy_facts(make_document(text), report_year=REPORT_YEAR)}


CASES: list[Case] = []


def case(family: str, kind: str, section: str, paragraphs: str | tuple[str, ...], *expected: F) -> None:
    """One phrasing of a row kind of a family, with every fact it must give (none: nothing)."""
    if isinstance(paragraphs, str):
        paragraphs = (paragraphs,)
    prefix = f"{family}.{kind}-"
    number = sum(1 for item in CASES if item.id.startswith(prefix)) + 1
    CASES.append(Case(f"{prefix}{number}", section, paragraphs, frozenset(expected)))


O, P, R, FE, V = "overview", "proactive", "requests", "fees", "review"
GOV, OWN = "government", "own_level"

# ================================================================================================
# proactive.py
# ================================================================================================
FAM = "proactive"

# --- EVENTS: 召开新闻发布会12场 (the word before the number) ----------------------------------------
case(FAM, "press_before", P, "围绕重大决策部署，全年组织召开新闻发布会38场。", F("pro_press_conferences", 38))
case(FAM, "press_before", P, "我市举行政府新闻发布会活动二十三次。", F("pro_press_conferences", 23))
case(FAM, "press_before", P, "市政府共舉辦新聞發佈會１２場。", F("pro_press_conferences", 12, "exact", GOV))
case(FAM, "press_before", O, "全市各级政府及部门召开新闻发布会200余场。", F("pro_press_conferences", 200, "over"))
case(FAM, "press_before", P, "新闻发布会全年召开18场。", F("pro_press_conferences", 18))
# --- EVENTS: 举办12场新闻发布会 (the number before the word) ---------------------------------------
case(FAM, "press_after", P, "全年共举办15场新闻发布会。", F("pro_press_conferences", 15))
case(FAM, "press_after", P, "市政府先后召开十二场新闻发布会，及时回应社会关切。",
     F("pro_press_conferences", 12, "exact", GOV))
case(FAM, "press_after", P, "全市舉行了近30場新聞發佈會。", F("pro_press_conferences", 30, "under"))
# (an aside in brackets between the name and its number)
case(FAM, "press_before", P, "全县召开新闻发布会（含政策吹风会）18场。", F("pro_press_conferences", 18))
case(FAM, "press_before", P, "全市舉辦新聞發佈會(含網上發佈會)二十場。", F("pro_press_conferences", 20))
# --- the government's part of the events just counted (其中市政府新闻办组织召开28场) ------------------
case(FAM, "events_government_part", P, "全市共召开新闻发布会63场，其中市政府新闻办组织召开28场。",
     F("pro_press_conferences", 63), F("pro_press_conferences", 28, "exact", GOV))
case(FAM, "events_government_part", P, "全市共举办在线访谈40期，其中市政府组织开展12期。",
     F("pro_online_interviews", 40), F("pro_online_interviews", 12, "exact", GOV))
case(FAM, "events_government_part", P, "全市召開新聞發佈會五十場，其中市政府新聞辦公室舉辦二十場。",
     F("pro_press_conferences", 50), F("pro_press_conferences", 20, "exact", GOV))
# --- EVENTS: 开展在线访谈8期 ----------------------------------------------------------------------
case(FAM, "interviews_before", P, "全年组织网上访谈活动十期。", F("pro_online_interviews", 10))
case(FAM, "interviews_before", P, "全市开展在线访谈21场，邀请部门负责人解答群众关心的问题。",
     F("pro_online_interviews", 21))
case(FAM, "interviews_before", P, "市政府領導做客網絡訪談5次。", F("pro_online_interviews", 5, "exact", GOV))
case(FAM, "interviews_before", P, "在线访谈全年举办7期。", F("pro_online_interviews", 7))
# --- EVENTS: 举办8期在线访谈 ----------------------------------------------------------------------
case(FAM, "interviews_after", P, "全年共举办6期在线访谈。", F("pro_online_interviews", 6))
case(FAM, "interviews_after", P, "市政府组织了三场网上访谈。", F("pro_online_interviews", 3, "exact", GOV))
case(FAM, "interviews_after", P, "推出十五期網絡訪談節目。", F("pro_online_interviews", 15))
# --- EVENTS: 组织“县长在线”访谈6期 (a quoted programme) --------------------------------------------
case(FAM, "interviews_quoted", P, "全年开展“局长在线”访谈9期。", F("pro_online_interviews", 9))
case(FAM, "interviews_quoted", P, "组织“民生在线”直播访谈14场。", F("pro_online_interviews", 14))
case(FAM, "interviews_quoted", P, "舉辦“市長網上見”訪談四期。", F("pro_online_interviews", 4))
# --- EVENTS: “在线访谈”栏目全年开展访谈41期 (the programme named before, the act after) ---------------
case(FAM, "interviews_programme_then_act", P, "依托“网上访谈”栏目，全年举办访谈节目18期。",
     F("pro_online_interviews", 18))
case(FAM, "interviews_programme_then_act", P, "在线访谈栏目全年开展访谈二十期。", F("pro_online_interviews", 20))
case(FAM, "interviews_programme_then_act", P, "“網上訪談”專欄本年度進行訪談11次。",
     F("pro_online_interviews", 11))
# --- EVENTS: 发布政策解读稿件36篇 -----------------------------------------------------------------
case(FAM, "interpretations_before", P, "全年发布政策解读信息218条。", F("pro_policy_interpretations", 218))
case(FAM, "interpretations_before", P, "围绕出台的重要文件，解读重要政策文件47件。", F("pro_policy_interpretations", 47))
case(FAM, "interpretations_before", P, "編發政策解讀材料三十餘篇。", F("pro_policy_interpretations", 30, "over"))
# --- EVENTS: 36篇政策解读 -------------------------------------------------------------------------
case(FAM, "interpretations_after", P, "全年推出36篇政策解读。", F("pro_policy_interpretations", 36))
case(FAM, "interpretations_after", P, "以图文、视频等形式发布86份解读材料。", F("pro_policy_interpretations", 86))
case(FAM, "interpretations_after", P, "刊發２０篇政策解讀文章。", F("pro_policy_interpretations", 20))

# --- the overview's own total, with its subject (2018年，全市主动公开政府信息8.64万余条) -----------------
case(FAM, "total_overview_subject", O, "2016年，全县主动公开政府信息1.2万余条。", F("pro_total", 12000, "over"))
case(FAM, "total_overview_subject", O, "市本级共主动公开政务信息四千三百条。", F("pro_total", 4300, "exact", OWN))
case(FAM, "total_overview_subject", O, "全市主動公開政府信息共計8,520條，較上年增長6%。", F("pro_total", 8520))
# --- the overview's total opening the sentence (全年共主动公开政府信息2743条) ---------------------------
case(FAM, "total_overview_opening", O, "共主动公开政府信息5612条，较上年增长8%。", F("pro_total", 5612))
case(FAM, "total_overview_opening", O, "本年度主动公开各类政府信息3.5万余条。", F("pro_total", 35000, "over"))
case(FAM, "total_overview_opening", O, "全年累計主動公開政務信息九百餘條。", F("pro_total", 900, "over"))

# --- what a gazette printed (《政报》24期，刊登省政府文件316件) --------------------------------------
case(FAM, "gazette_printed", P, "编印《政府公报》12期，收录规范性文件58件。", F("pro_gazette", 58))
case(FAM, "gazette_printed", P, "《某某政报》全年出版二十四期，刊发市政府文件一百零六件。",
     F("pro_gazette", 106, "exact", GOV))
case(FAM, "gazette_printed", P, "市政府公報共刊登政府規章及規範性文件45件。", F("pro_gazette", 45, "exact", GOV))

# --- channels: new media combined (微博、微信等新媒体) ---------------------------------------------
case(FAM, "channel_new_media", P, "利用政务微博、微信公众号推送信息4,300余条。", F("pro_new_media", 4300, "over"))
case(FAM, "channel_new_media", P, "“两微一端”发布政务信息1.6万条。", F("pro_new_media", 16000))
case(FAM, "channel_new_media", P, "全市主动公开政府信息12000条，其中新媒体公开3215条。",
     F("pro_total", 12000), F("pro_new_media", 3215))
case(FAM, "channel_new_media", P, "通過政務新媒體發佈信息二千餘條。", F("pro_new_media", 2000, "over"))
# --- channels: other ways (其他方式) ----------------------------------------------------------------
case(FAM, "channel_other_ways", P, "以其他形式公开信息86条。", F("pro_other", 86))
case(FAM, "channel_other_ways", P, "通过其他渠道发布政务信息1,100余条。", F("pro_other", 1100, "over"))
case(FAM, "channel_other_ways", P, "全市主动公开政府信息6000条，其中门户网站公开5000条，其他方式公开1000条。",
     F("pro_total", 6000), F("pro_website", 5000), F("pro_other", 1000))
case(FAM, "channel_other_ways", P, "通過其他途徑公開政府信息三百二十條。", F("pro_other", 320))
# --- several channels named together: what they disclosed is the total ------------------------------
case(FAM, "total_several_channels", P, "通过政府网站、政务微博和公开栏等渠道主动公开信息5,432条。",
     F("pro_total", 5432))
case(FAM, "total_several_channels", P, "依托门户网站和政务公开栏公开政府信息共计876条。", F("pro_total", 876))
case(FAM, "total_several_channels", P, "利用網站、微信、電子顯示屏等多種方式公開信息2.1萬條。", F("pro_total", 21000))
# --- several channels in an earlier clause, the act after (全年通过政务公开栏和县政府网站，共公开各类信息64条)
case(FAM, "total_several_channels_before", P, "通过政府网站、政务微信和村务公开栏，全年公开信息1,024条。",
     F("pro_total", 1024))
case(FAM, "total_several_channels_before", P, "依托门户网站、政务微博等平台，共计主动公开政府信息6,300余条。",
     F("pro_total", 6300, "over"))
case(FAM, "total_several_channels_before", P, "藉助報刊、電視和政府網站，本年度公開各類政府信息三千餘條。",
     F("pro_total", 3000, "over"))
# --- one channel with the act (one row per channel: website, Weibo, WeChat, gazette, other) ----------
case(FAM, "channel_website", P, "通过市政府门户网站公开政府信息7,865条。", F("pro_website", 7865, "exact", GOV))
case(FAM, "channel_website", P, "政府网站全年更新信息1.3万余条。", F("pro_website", 13000, "over"))
# (a prefecture's 行署 named alone is its government)
case(FAM, "channel_website", P, "行署门户网站全年发布信息5183条，网站访问量达到216万人次。", F("pro_website", 5183, "exact", GOV))
case(FAM, "channel_website", P, "行署辦公室開通的政務微博全年發佈信息2960條。", F("pro_weibo", 2960, "exact", GOV))
case(FAM, "channel_website", P, "全市主动公开政府信息1.1万条，其中门户网站发布9,876条。",
     F("pro_total", 11000), F("pro_website", 9876))
case(FAM, "channel_website", P, "在市政府網站發佈政務信息四千五百條。", F("pro_website", 4500, "exact", GOV))
case(FAM, "channel_weibo", P, "政务微博全年发布信息2,650条。", F("pro_weibo", 2650))
case(FAM, "channel_weibo", P, "通过“某某发布”官方微博推送消息1.1万余条。", F("pro_weibo", 11000, "over"))
case(FAM, "channel_weibo", P, "政務微博發佈信息八百餘條。", F("pro_weibo", 800, "over"))
case(FAM, "channel_wechat", P, "政务微信公众号推送信息960条。", F("pro_wechat", 960))
case(FAM, "channel_wechat", P, "通过微信公众号发布政务信息1.5万条。", F("pro_wechat", 15000))
case(FAM, "channel_wechat", P, "利用政務微信公開信息三百六十條。", F("pro_wechat", 360))
case(FAM, "channel_gazette", P, "通过政府公报公开规范性文件32件。", F("pro_gazette", 32))
case(FAM, "channel_gazette", P, "市政府公报刊发政府文件75件。", F("pro_gazette", 75, "exact", GOV))
case(FAM, "channel_gazette", P, "政府公報刊登文件二十件。", F("pro_gazette", 20))
# --- the gazette the clause publishes through (市政府通过《市政府公报》公开规章和规范性文件132件) -------
case(FAM, "gazette_through", P, "市政府通过《某某市人民政府公报》公开市政府规章和规范性文件132件。",
     F("pro_gazette", 132, "exact", GOV))
case(FAM, "gazette_through", P, "通过《政府公报》发布规范性文件46件，全年编印公报12期。", F("pro_gazette", 46))
case(FAM, "gazette_through", P, "縣政府通過《政府公報》刊登規範性文件四十六件。", F("pro_gazette", 46, "exact", GOV))
case(FAM, "gazette_through", P, "省政府通过《某某省人民政府公报》刊登省政府规章、规范性文件等196件。",
     F("pro_gazette", 196, "exact", GOV))
case(FAM, "gazette_through", P, "全年编印公报24期，在政府网站公开规范性文件12件。", F("pro_website", 12))
case(FAM, "channel_other", P, "通过政务公开栏公开信息1,200条。", F("pro_other", 1200))
case(FAM, "channel_other", P, "通过电子显示屏发布信息560余条。", F("pro_other", 560, "over"))
case(FAM, "channel_other", P, "通過報紙公開政府信息45條。", F("pro_other", 45))
# --- the channels of a count just given, without a verb (其中区政府门户网站98条) ----------------------
case(FAM, "channel_breakdown_no_verb", P, "全市主动公开政府信息8,000条，其中政府网站6,500条，政务微博900条，公开栏600条。",
     F("pro_total", 8000), F("pro_website", 6500), F("pro_weibo", 900), F("pro_other", 600))
case(FAM, "channel_breakdown_no_verb", P, "全年共主动公开政府信息3,200条，其中：门户网站2,400条、政务微信800条。",
     F("pro_total", 3200), F("pro_website", 2400), F("pro_wechat", 800))
case(FAM, "channel_breakdown_no_verb", P, "全市主動公開政府信息5,600條，其中政府網站4,100條，政務微博、微信1,500條。",
     F("pro_total", 5600), F("pro_website", 4100), F("pro_new_media", 1500))
case(FAM, "channel_breakdown_no_verb", P, "全市主动公开政府信息2.4万条，其中政府公报120条。",
     F("pro_total", 24000), F("pro_gazette", 120))
# (a gazette named by its title, among the channels of the jurisdiction's total, shares its scope)
case(FAM, "channel_breakdown_no_verb", P, "全县主动公开政府信息2,846条。其中，通过县政府门户网站公开2,310条，"
                                          "通过《某某政报》公开96条，通过政务公开栏等其他方式公开440条。",
     F("pro_total", 2846), F("pro_website", 2310), F("pro_gazette", 96), F("pro_other", 440))
# --- the channels announced by a list opener (主要公开渠道分别为：门户网站8934条、政务微博1602条) ----------
case(FAM, "channel_list", P, ("全县共主动公开政府信息12,460条。",
                              "主要公开渠道分别为：县政府门户网站8,934条、“某某发布”政务微博1,602条、政务微信公众号1,219条、"
                              "政务公开栏等其他方式705条。"),
     F("pro_total", 12460), F("pro_website", 8934), F("pro_weibo", 1602), F("pro_wechat", 1219), F("pro_other", 705))
case(FAM, "channel_list", P, ("全年主动公开政府信息3,000条。", "发布渠道包括：政府网站2,500条，政务微信500条。"),
     F("pro_total", 3000), F("pro_website", 2500), F("pro_wechat", 500))
case(FAM, "channel_list", P, ("全市主動公開政府信息六千條。", "公開渠道主要有：政府網站五千條、公開欄一千條。"),
     F("pro_total", 6000), F("pro_website", 5000), F("pro_other", 1000))
# (boards and screens are one channel however many are named; two websites are two channels)
case(FAM, "channel_other", P, "本年度我乡在乡政府公开栏和各村公开栏公开信息五十二条。", F("pro_other", 52))
case(FAM, "channel_other", P, "通过局办事大厅电子屏和公开栏公开信息37条。", F("pro_other", 37))
case(FAM, "channel_other", P, "全年通过“某某档案信息网”和省政府信息公开网主动公开政府信息1.2万余条。", F("pro_total", 12000, "over"))
# --- the total after its channels (共计主动公开318条, 三项合计141条, 全年主动公开政府信息八十六条) ---------
case(FAM, "total_after_channels", P, "全年通过镇政府网站公开信息176条，通过微信公众号推送信息142条，共计主动公开318条。",
     F("pro_website", 176), F("pro_wechat", 142), F("pro_total", 318))
case(FAM, "total_after_channels", P, "通过网站子站发布信息58条，通过微信公众号推送信息39条，在公开栏公开信息44条，三项合计141条。",
     F("pro_website", 58), F("pro_wechat", 39), F("pro_other", 44), F("pro_total", 141))
case(FAM, "total_after_channels", P, "在政府網站鄉鎮專欄公開信息三十四條，在鄉政府公開欄和各村公開欄公開信息五十二條，全年主動公開政府信息八十六條。",
     F("pro_website", 34), F("pro_other", 52), F("pro_total", 86))
case(FAM, "total_after_channels", P, "在政府网站公开办事指南、审批流程等信息62条，通过公示栏和电子显示屏公开信息30条，合计92条。",
     F("pro_website", 62), F("pro_other", 30), F("pro_total", 92))
# (the boards of the townships and departments are the county's other ways inside its total)
case(FAM, "total_after_channels", P, "全县共主动公开政府信息2146条，其中县政府门户网站发布1573条，各乡镇、部门公开栏发布573条。",
     F("pro_total", 2146), F("pro_website", 1573), F("pro_other", 573))
case(FAM, "total_after_channels", P, "全年主动公开的政府信息共347条，其中291条在政府网站子站发布，56条通过社区信息公开栏等其他方式公开。",
     F("pro_total", 347), F("pro_website", 291), F("pro_other", 56))
# --- the channel the sentence just named (该渠道公开76条) and the channel after the number (其余13条通过公开栏公开)
case(FAM, "channel_named_before", P, "全年主动公开政府信息89条。公开方式以县政府公众信息网部门子站为主，该渠道公开76条，"
                                     "其余13条通过委机关公开栏公开。",
     F("pro_total", 89), F("pro_website", 76), F("pro_other", 13))
case(FAM, "channel_named_before", P, "全年主动公开信息120条，其中政务微信公众号是主要平台，该平台推送信息85条。",
     F("pro_total", 120), F("pro_wechat", 85))
case(FAM, "channel_named_before", P, "全年主動公開信息六十條，其中四十五條通過鎮政府網站發布，其餘十五條在公開欄張貼公示。",
     F("pro_total", 60), F("pro_website", 45), F("pro_other", 15))
case(FAM, "channel_named_before", P, "全年主动公开信息60条，其中45条通过政府网站和公开栏同时发布。", F("pro_total", 60))
# (the next channel of the same breakdown shares the total's scope, the government's own gazette too)
case(FAM, "channel_breakdown_no_verb", P, "全县共主动公开政府信息2,863条，其中通过县政府门户网站公开2,105条，"
                                          "通过县政府公报、宣传栏等其他方式公开758条。",
     F("pro_total", 2863), F("pro_website", 2105), F("pro_other", 758))
# (a part of one channel is the portal's own)
case(FAM, "channel_breakdown_no_verb", P, "全省政府网站共发布政府信息298,430条，其中省政府门户网站发布12,615条。",
     F("pro_website", 298430), F("pro_website", 12615, "exact", GOV))
# --- accounts of a channel opened, then what they published (开通政务微博1126个，发布信息21.3万条) -------
case(FAM, "channel_accounts", P, "全市开通政务微信公众号86个，推送信息4.2万条。", F("pro_wechat", 42000))
case(FAM, "channel_accounts", P, "注册政务微博账号二十个，全年发布信息3,600余条。", F("pro_weibo", 3600, "over"))
case(FAM, "channel_accounts", P, "開設政務微博12個，發佈信息2.8萬條。", F("pro_weibo", 28000))
# --- the portal as the sentence's subject (州人民政府门户网站完成改版，全年发布信息9514条) ------------------
case(FAM, "website_portal_subject", P, "市政府门户网站全面改版升级，全年发布各类信息1.2万余条。",
     F("pro_website", 12000, "over", GOV))
case(FAM, "website_portal_subject", P, "市人民政府门户网站开设专题专栏46个，全年更新政务信息8,760条。",
     F("pro_website", 8760, "exact", GOV))
case(FAM, "website_portal_subject", P, "市政府門戶網站完成集約化改造，本年度發佈信息六千三百條。",
     F("pro_website", 6300, "exact", GOV))
# --- the gazette named earlier in the sentence (《政府公报》刊发4期，公开信息23条) ------------------------
case(FAM, "gazette_named_before", P, "政府公报全年出版12期，发布规范性文件41件。", F("pro_gazette", 41))
case(FAM, "gazette_named_before", P, "编印《某某政报》6期，公开政府文件28件。", F("pro_gazette", 28, "exact", GOV))
case(FAM, "gazette_named_before", P, "《政府公報》全年刊印四期，發佈各類信息一百一十條。", F("pro_gazette", 110))
# --- the total with its subject (全县主动公开政府信息3482条) -----------------------------------------
case(FAM, "total_subject_named", P, "全市各级行政机关主动公开政务信息12.6万条。", F("pro_total", 126000))
case(FAM, "total_subject_named", P, "市本级公开政府信息2,314条。", F("pro_total", 2314, "exact", OWN))
case(FAM, "total_subject_named", P, "我市公开政府信息数量达6,150条。", F("pro_total", 6150))
case(FAM, "total_subject_named", P, "全市主動公開政府信息四萬餘條。", F("pro_total", 40000, "over"))
# --- the total opening the sentence (全年共主动公开政府信息6789条) -----------------------------------
case(FAM, "total_opens_with_act", P, "共主动公开各类政府信息9,102条。", F("pro_total", 9102))
case(FAM, "total_opens_with_act", P, "2016年主动公开信息五千余条。", F("pro_total", 5000, "over"))
case(FAM, "total_opens_with_act", P, "本年度累計主動公開政務信息１.８萬條。", F("pro_total", 18000))
case(FAM, "total_opens_with_act", P, "全年共发布政府信息2万余条。", F("pro_total", 20000, "over"))

# ================================================================================================
# requests.py
# ================================================================================================
FAM = "requests"

# --- channels (one row per channel: 当面, 网络, 信函, 传真, 电子邮件, 其他) ------------------------------
case(FAM, "channel_in_person", R, "全市受理申请60件，其中当面提出申请的有17件。",
     F("req_received", 60), F("req_in_person", 17))
case(FAM, "channel_in_person", R, "窗口受理申请四十二件。", F("req_in_person", 42))
case(FAM, "channel_in_person", R, "現場遞交申請書9份。", F("req_in_person", 9))
case(FAM, "channel_online", R, "通过网上申请系统提交的申请186件。", F("req_online", 186))
case(FAM, "channel_online", R, "全市受理政府信息公开申请1.5万余件，其中网络申请1.2万余件。",
     F("req_received", 15000, "over"), F("req_online", 12000, "over"))
case(FAM, "channel_online", R, "通過互聯網在線申請三十五件。", F("req_online", 35))
case(FAM, "channel_letter", R, "以信函方式提出的申请23件。", F("req_letter", 23))
case(FAM, "channel_letter", R, "邮寄申请十一件。", F("req_letter", 11))
case(FAM, "channel_letter", R, "書面信函申請７件。", F("req_letter", 7))
case(FAM, "channel_fax", R, "通过传真提交申请的2件。", F("req_fax", 2))
case(FAM, "channel_fax", R, "以传真形式申请一件。", F("req_fax", 1))
case(FAM, "channel_fax", R, "傳真方式申請３件。", F("req_fax", 3))
case(FAM, "channel_email", R, "通过电子邮件提交的申请15件。", F("req_email", 15))
case(FAM, "channel_email", R, "电子邮箱申请八件。", F("req_email", 8))
case(FAM, "channel_email", R, "以電郵方式提出申請4件。", F("req_email", 4))
# --- the number first, its channel after it (其余7件通过电子邮件提出) ---------------------------------
case(FAM, "channel_number_first", R, "当面申请31件，信函申请9件，其余七件通过电子邮件提出。",
     F("req_in_person", 31), F("req_letter", 9), F("req_email", 7))
case(FAM, "channel_number_first", R, "全年受理申请20件，其中12件为网上申请，8件通过信函方式提交。",
     F("req_received", 20), F("req_online", 12), F("req_letter", 8))
case(FAM, "channel_number_first", R, "另有３件經傳真遞交。", F("req_fax", 3))
case(FAM, "channel_number_first", R, "全年受理申请20件，其中12件通过网上答复。", F("req_received", 20))
case(FAM, "channel_other", R, "其他形式申请6件。", F("req_other_channel", 6))
case(FAM, "channel_other", R, "通过其他途径提出申请两件。", F("req_other_channel", 2))
case(FAM, "channel_other", R, "其他方式申請十件。", F("req_other_channel", 10))
# --- received: the verb before the noun (受理政府信息公开申请1234件) ----------------------------------
case(FAM, "received_verb_before", R, "全市各级行政机关共受理政府信息公开申请2,345件。", F("req_received", 2345))
case(FAM, "received_verb_before", R, "2016年，我市共接到公民、法人和其他组织的信息公开申请六十七件。", F("req_received", 67))
case(FAM, "received_verb_before", R, "市本级办理政府信息公开申请312件。", F("req_received", 312, "exact", OWN))
case(FAM, "received_verb_before", R, "全市共收到依申請公開事項1.1萬餘件。", F("req_received", 11000, "over"))
case(FAM, "received_verb_before", R, "全市受理申請１，２３４件。", F("req_received", 1234))
# --- received: the total named as a quantity (政府信息公开申请总量为120件) -----------------------------
case(FAM, "received_total_named", R, "全市依申请公开总数为86件。", F("req_received", 86))
case(FAM, "received_total_named", R, "全年政府信息公开申请数量达到1,024件。", F("req_received", 1024))
case(FAM, "received_total_named", R, "全市信息公開申請總件數為二百一十三件。", F("req_received", 213))
case(FAM, "received_total_named", R, "全市政府信息公开申请共1,203件。", F("req_received", 1203))
# --- received: a named subject with the bare verb (其中市政府办公室受理36件) ---------------------------
case(FAM, "received_subject_verb", R, "全市共受理申请1,452件。其中，市本级受理378件，区县受理1,074件。",
     F("req_received", 1452), F("req_received", 378, "exact", OWN))
case(FAM, "received_subject_verb", R, ("全县共受理政府信息公开申请96件。", "县本级受理61件；县政府受理的23件申请均已按时答复。"),
     F("req_received", 96), F("req_received", 61, "exact", OWN), F("req_received", 23, "exact", GOV),
     F("req_answered", 23, "exact", GOV))
case(FAM, "received_subject_verb", R, "县人民政府（以县政府为答复主体）受理申请19件，19件均已按时答复。",
     F("req_received", 19, "exact", GOV), F("req_answered", 19, "exact", GOV))
case(FAM, "received_subject_verb", R, "全市共受理申请960件，其中市本级受理128件。",
     F("req_received", 960), F("req_received", 128, "exact", OWN))
case(FAM, "received_subject_verb", R, "全市收到政府信息公开申请54件，其中市人民政府收到21件。",
     F("req_received", 54), F("req_received", 21, "exact", GOV))
case(FAM, "received_subject_verb", R, "全市共受理申請三百件，其中市政府辦公室受理四十五件。",
     F("req_received", 300), F("req_received", 45, "exact", GOV))
# --- received: the system named before the verb (政府信息依申请公开系统共收到1宗) ------------------------
case(FAM, "received_system_before_verb", R, "依申请公开系统全年共受理78件。", F("req_received", 78))
case(FAM, "received_system_before_verb", R, "政府信息公开申请今年共收到五十六件。", F("req_received", 56))
case(FAM, "received_system_before_verb", R, "依申請公開件全年共計接到二十九宗。", F("req_received", 29))
# --- received: the number before the noun (受理45件依申请公开事项) -------------------------------------
case(FAM, "received_number_before", R, "全市共受理了1,896件政府信息公开申请。", F("req_received", 1896))
case(FAM, "received_number_before", R, "我市接到二十四件信息公开申请。", F("req_received", 24))
case(FAM, "received_number_before", R, "市政府办公室办理73件申请。", F("req_received", 73, "exact", GOV))
case(FAM, "received_number_before", R, "全年共收到約300件依申請公開請求。", F("req_received", 300, "about"))
# --- answered: the number first (57件申请已全部办结) ---------------------------------------------------
case(FAM, "answered_number_first", R, "全市受理申请88件，88件申请均已按期答复。",
     F("req_received", 88), F("req_answered", 88))
case(FAM, "answered_number_first", R, "共有126件申请已全部办结。", F("req_answered", 126))
case(FAM, "answered_number_first", R, "全市受理申請三十五件，其中三十件申請已辦結，其餘五件正在辦理。",
     F("req_received", 35), F("req_answered", 30))
# --- answered: the verb before (办结政府信息公开申请112件) ---------------------------------------------
case(FAM, "answered_verb_before", R, "全年共答复政府信息公开申请1,340件。", F("req_answered", 1340))
case(FAM, "answered_verb_before", R, "已按时办复申请四十九件。", F("req_answered", 49))
case(FAM, "answered_verb_before", R, "全市已依法答覆申請２１０件。", F("req_answered", 210))
# --- answered: all of a count just given, in a later clause (…，均已依法答复) -------------------------
case(FAM, "answered_all_clause", R, "全市受理政府信息公开申请142件，均已依法答复。",
     F("req_received", 142), F("req_answered", 142))
case(FAM, "answered_all_clause", R, "市政府受理申请19件，其中网上申请12件，当面申请7件，全部按期办结。",
     F("req_received", 19, "exact", GOV), F("req_online", 12, "exact", GOV), F("req_in_person", 7, "exact", GOV),
     F("req_answered", 19, "exact", GOV))
case(FAM, "answered_all_clause", R, "全年收到申請二十六件，並已在法定期限內作出答覆。",
     F("req_received", 26), F("req_answered", 26))
case(FAM, "answered_all_clause", R, "全年共受理政府信息公开申请102件，比上年增长12%，已全部答复。",
     F("req_received", 102), F("req_answered", 102))
# --- rates: granted and partly granted together (同意公开和部分公开的占73.96%) --------------------------
case(FAM, "rate_granted_and_partial", R, "予以公开和部分公开的申请占总数的81.2%。", F("req_disclosure_rate_pct", 81.2))
case(FAM, "rate_granted_and_partial", R, "全部或部分公开的比例为67%。", F("req_disclosure_rate_pct", 67))
case(FAM, "rate_granted_and_partial", R, "同意公開與部分公開的件數合計佔90.5%。", F("req_disclosure_rate_pct", 90.5))
# --- rates: the answer rate (按时答复率100%) ----------------------------------------------------------
case(FAM, "rate_answer", R, "依申请公开按期办结率达到100%。", F("req_answer_rate_pct", 100))
case(FAM, "rate_answer", R, "政府信息公开申请答复率为99.2%。", F("req_answer_rate_pct", 99.2))
case(FAM, "rate_answer", R, "申請按時辦復率達１００％。", F("req_answer_rate_pct", 100))
# --- rates: the disclosure rate (实际公开比例为85%) ----------------------------------------------------
case(FAM, "rate_disclosure", R, "政府信息公开申请的公开率为76.3%。", F("req_disclosure_rate_pct", 76.3))
case(FAM, "rate_disclosure", R, "实际公开比率达到88.46%。", F("req_disclosure_rate_pct", 88.46))
case(FAM, "rate_disclosure", R, "依申請公開實際公開率為92%。", F("req_disclosure_rate_pct", 92))

# ================================================================================================
# outcomes.py
# ================================================================================================
FAM = "outcomes"

# --- merged categories before the number: out_other (申请内容不明确或转其他途径办理的3件) ----------------
case(FAM, "merged_before", R, "信息不存在或非本机关掌握的申请11件。", F("out_other", 11))
case(FAM, "merged_before", R, "重复申请及申请内容不明确的共4件。", F("out_other", 4))
case(FAM, "merged_before", R, "屬於已主動公開範圍或不屬於本機關公開範圍的２件。", F("out_other", 2))
# --- one row per outcome, the words before the number (同意公开230件) ---------------------------------
case(FAM, "before_granted", R, "同意公开的申请712件。", F("out_granted", 712))
case(FAM, "before_granted", R, "予以公开四百三十件。", F("out_granted", 430))
case(FAM, "before_granted", R, "準予全部公開２５件。", F("out_granted", 25))
case(FAM, "before_granted", R, "全部公开的有66件。", F("out_granted", 66))
case(FAM, "before_partial", R, "部分公开的28件。", F("out_partial", 28))
case(FAM, "before_partial", R, "同意部分公开十二件。", F("out_partial", 12))
case(FAM, "before_partial", R, "部分公開答覆３件。", F("out_partial", 3))
case(FAM, "before_denied", R, "不予公开的申请9件。", F("out_denied", 9))
case(FAM, "before_denied", R, "涉及国家秘密依法不予公开两件。", F("out_denied", 2))
case(FAM, "before_denied", R, "不能公開的有６件。", F("out_denied", 6))
case(FAM, "before_not_held_by_agency", R, "不属于本机关公开范围的40件。", F("out_not_held_by_agency", 40))
case(FAM, "before_not_held_by_agency", R, "非本单位掌握的信息15件。", F("out_not_held_by_agency", 15))
case(FAM, "before_not_held_by_agency", R, "不屬於本行政機關職責範圍的二十一件。", F("out_not_held_by_agency", 21))
case(FAM, "before_nonexistent", R, "申请的信息不存在的19件。", F("out_nonexistent", 19))
case(FAM, "before_nonexistent", R, "经检索信息不存在五件。", F("out_nonexistent", 5))
case(FAM, "before_nonexistent", R, "所申請信息不存在的４件。", F("out_nonexistent", 4))
case(FAM, "before_unclear", R, "申请内容不明确的七件。", F("out_unclear", 7))
case(FAM, "before_unclear", R, "告知申请人作出更改补充的3件。", F("out_unclear", 3))
case(FAM, "before_unclear", R, "描述不清的申請２件。", F("out_unclear", 2))
case(FAM, "before_other_channel", R, "告知申请人通过其他途径办理的14件。", F("out_other_channel", 14))
case(FAM, "before_other_channel", R, "引导申请人通过其他渠道解决的6件。", F("out_other_channel", 6))
case(FAM, "before_other_channel", R, "轉其他途徑辦理８件。", F("out_other_channel", 8))
case(FAM, "before_duplicate", R, "重复申请的9件。", F("out_duplicate", 9))
case(FAM, "before_duplicate", R, "属于重复申请的三件。", F("out_duplicate", 3))
case(FAM, "before_duplicate", R, "重複申請２件。", F("out_duplicate", 2))
case(FAM, "before_already_public", R, "属于已主动公开范围的52件。", F("out_already_public", 52))
case(FAM, "before_already_public", R, "已主动公开并告知获取途径的31件。", F("out_already_public", 31))
case(FAM, "before_already_public", R, "屬已主動公開信息的十八件。", F("out_already_public", 18))
case(FAM, "before_other", R, "其他情况的3件。", F("out_other", 3))
case(FAM, "before_other", R, "其它处理结果4件。", F("out_other", 4))
case(FAM, "before_other", R, "其他情形１件。", F("out_other", 1))
# (法人或其他组织 is an applicant type, not the outcome "other")
case(FAM, "before_other", R, "其中，自然人申请180件，法人或其他组织申请20件。")
case(FAM, "before_other", R, "申请人中公民四十三人次、法人或其他组织四件。")
case(FAM, "before_other", R, "申請人中，公民112件，法人或其他組織９件。")
# --- merged categories after the number: out_other (3件申请内容不明确或转其他途径办理) -----------------
case(FAM, "merged_number_first", R, "其中2件信息不存在或不属于本机关公开范围。", F("out_other", 2))
case(FAM, "merged_number_first", R, "另有4件属于重复申请或申请内容不明确。", F("out_other", 4))
case(FAM, "merged_number_first", R, "其中６件為申請內容不明確等其他情形。", F("out_other", 6))
# --- one row per outcome, the number first (其中230件同意公开) ----------------------------------------
case(FAM, "number_first", R, "全市受理申请600件，其中512件予以公开。", F("req_received", 600), F("out_granted", 512))
case(FAM, "number_first", R, "有17件部分公开。", F("out_partial", 17))
case(FAM, "number_first", R, "8件依法不予公开。", F("out_denied", 8))
case(FAM, "number_first", R, "州本级对108件申请予以公开，对11件申请部分公开。",
     F("out_granted", 108, "exact", OWN), F("out_partial", 11, "exact", OWN))
case(FAM, "number_first", R, "9件因申请的信息不存在作出了说明；7件因涉及商业秘密或个人隐私不予公开。",
     F("out_nonexistent", 9), F("out_denied", 7))
case(FAM, "number_first", R, "對３件重複提出的申請，已告知申請人原答覆意見。", F("out_duplicate", 3))
# (an outcome named by what the applicant was told: 告知获取途径, 告知向有关机关申请)
case(FAM, "before_told", R, "屬於已主動公開範圍、告知獲取途徑的14件，非本機關政府信息、告知相應機關的11件。",
     F("out_already_public", 14), F("out_not_held_by_agency", 11))
case(FAM, "before_told", R, "因不属于本机关职责范围告知申请人向有关机关申请的三件。", F("out_not_held_by_agency", 3))
case(FAM, "before_told", R, "不属于本局职责范围、告知向有关部门申请的3件，告知申请人获取途径的5件。",
     F("out_not_held_by_agency", 3), F("out_already_public", 5))
# (a frame names whose requests follow: 在市本级已答复的417件申请中)
case(FAM, "number_first", R, "全市受理申请500件。在市本级已答复的417件申请中，同意公开286件，占68.6%；其他7件。",
     F("req_received", 500), F("req_answered", 417, "exact", OWN), F("out_granted", 286, "exact", OWN),
     F("out_granted_pct", 68.6, "exact", OWN), F("out_other", 7, "exact", OWN))
# (more requests than the government received are the whole's)
case(FAM, "number_first", R, "全市共收到申请436件。市政府办公室代市政府受理申请58件。在已办结的429件中，同意公开268件，不予公开17件。",
     F("req_received", 436), F("req_received", 58, "exact", GOV), F("req_answered", 429), F("out_granted", 268),
     F("out_denied", 17))
# (the same number for two bodies, each named by its paragraph, is two facts)
case(FAM, "number_first", R, ("市本级受理申请20件。对3件重复提出的申请，已告知申请人原答复意见。",
                              "以市人民政府名义受理的申请10件。在已答复的申请中，另有3件属于重复申请。"),
     F("req_received", 20, "exact", OWN), F("out_duplicate", 3, "exact", OWN),
     F("req_received", 10, "exact", GOV), F("out_duplicate", 3, "exact", GOV))
case(FAM, "number_first", R, "另有3件不屬於本機關公開範圍。", F("out_not_held_by_agency", 3))
case(FAM, "number_first", R, "其中4件经检索信息不存在。", F("out_nonexistent", 4))
case(FAM, "number_first", R, "2件因申请内容不明确已告知补正。", F("out_unclear", 2))
case(FAM, "number_first", R, "其中5件告知申请人通过其他途径获取。", F("out_other_channel", 5))
case(FAM, "number_first", R, "１件係重複申請。", F("out_duplicate", 1))
case(FAM, "number_first", R, "其中二十六件属于已主动公开的信息。", F("out_already_public", 26))
# --- a share whose label names the outcome (因不属于本机关职责范围而告知申请人…的占9.3%) ---------------------
case(FAM, "share_label", R, "对申请信息不存在的情况予以说明的占6.5%。", F("out_nonexistent_pct", 6.5))
case(FAM, "share_label", R, "告知申请人向其他途径咨询办理的约占一成。", F("out_other_channel_pct", 10, "about"))
case(FAM, "share_label", R, "因屬於重複申請而不予處理的佔3.2%。", F("out_duplicate_pct", 3.2))
# --- the share first, its outcome after (另有2.3%因申请内容不明确要求申请人补正) --------------------------
case(FAM, "share_first", R, "其中62.4%予以公开。", F("out_granted_pct", 62.4))
case(FAM, "share_first", R, "另有5.1%属于重复申请。", F("out_duplicate_pct", 5.1))
case(FAM, "share_first", R, "有１２％為不予公開。", F("out_denied_pct", 12))
# --- the share of the count just read (同意公开230件，占76.7%) ----------------------------------------
case(FAM, "share_after_count", R, "同意公开的有164件，占78.1%。", F("out_granted", 164), F("out_granted_pct", 78.1))
case(FAM, "share_after_count", R, "不属于本机关公开范围的22件，约占申请总量的一成。",
     F("out_not_held_by_agency", 22), F("out_not_held_by_agency_pct", 10, "about"))
case(FAM, "share_after_count", R, "部分公開二十件，佔全部申請的8.4%。", F("out_partial", 20), F("out_partial_pct", 8.4))

# ================================================================================================
# fees.py
# ================================================================================================
FAM = "fees"

# --- an amount collected (收取检索、复制、邮寄等费用120元) ---------------------------------------------
case(FAM, "amount", FE, "全市共收取检索、复制、邮寄等成本费用1,860元。", F("fee_collected_yuan", 1860))
case(FAM, "amount", FE, "全年依申请公开收费合计0.35万元。", F("fee_collected_yuan", 3500))
case(FAM, "amount", FE, "市政府收取信息公开工本费三百二十元。", F("fee_collected_yuan", 320, "exact", GOV))
case(FAM, "amount", FE, "本年度共收取複製費、郵寄費約1.2萬元。", F("fee_collected_yuan", 12000, "about"))
case(FAM, "amount", O, "全年依法收取政府信息公开信息处理费0元。", F("fee_collected_yuan", 0))
case(FAM, "amount", FE, "收取检索复制费用合计人民币150元。", F("fee_collected_yuan", 150))
# --- the sum after the charged items (收取检索费180元、复制费356元，合计536元) -------------------------
case(FAM, "sum_after_items", FE, "共收取检索费180元、复制费356.5元、邮寄费92元，合计628.5元。",
     F("fee_collected_yuan", 628.5))
case(FAM, "sum_after_items", FE, "全年收取复印费40元、邮寄费12元，共计52元。", F("fee_collected_yuan", 52))
case(FAM, "sum_after_items", FE, "收取檢索費一百元、複製費二百元，總計三百元。", F("fee_collected_yuan", 300))
case(FAM, "sum_after_items", FE, "全年仅收取复制费30元。", F("fee_collected_yuan", 30))
# --- absence (未收取任何费用) -----------------------------------------------------------------------
case(FAM, "absent", FE, "全市办理政府信息公开申请均未收取费用。", F("fee_collected_yuan", 0))
case(FAM, "absent", FE, "依申请提供政府信息时，一律免收费用。", F("fee_collected_yuan", 0))
case(FAM, "absent", FE, "全市依申请公开收费金额为零。", F("fee_collected_yuan", 0))
case(FAM, "absent", O, "全县各级行政机关均未收取信息处理费。", F("fee_collected_yuan", 0))
case(FAM, "absent", R, ("依申请公开：无", "收费情况：不涉及"), F("req_received", 0), F("fee_collected_yuan", 0))
case(FAM, "absent", FE, "各行政机关在提供依申请公开信息时，检索、复制、邮寄等费用一律免收。", F("fee_collected_yuan", 0))
case(FAM, "absent", FE, "没有向申请人收取任何检索、复制费用。", F("fee_collected_yuan", 0))
case(FAM, "absent", FE, "全市在答覆政府信息公開申請過程中分文未收。", F("fee_collected_yuan", 0))

# ================================================================================================
# reviews.py
# ================================================================================================
FAM = "reviews"

# --- reconsideration total, the words before (行政复议案件3件) ------------------------------------------
case(FAM, "recon_total_before", V, "全市政府信息公开行政复议案件共计14件。", F("recon_total", 14))
case(FAM, "recon_total_before", V, "市政府因信息公开被申请行政复议案共3起。", F("recon_total", 3, "exact", GOV))
case(FAM, "recon_total_before", V, "涉及政府信息公開的行政複議申請二十一件。", F("recon_total", 21))
# --- reconsideration total, the number before (3件行政复议) -------------------------------------------
case(FAM, "recon_total_after", V, "全年发生9件行政复议。", F("recon_total", 9))
case(FAM, "recon_total_after", V, "共收到5起行政复议申请。", F("recon_total", 5))
case(FAM, "recon_total_after", V, "全市共有３起行政複議。", F("recon_total", 3))
case(FAM, "recon_total_after", V, "全年共有2起涉及政府信息公开的行政复议。", F("recon_total", 2))
# --- lawsuits total, the words before (行政诉讼2件) ----------------------------------------------------
case(FAM, "lit_total_before", V, "政府信息公开行政诉讼案件共6件。", F("lit_total", 6))
case(FAM, "lit_total_before", V, "申请人因不服答复提起诉讼的有二件。", F("lit_total", 2))
case(FAM, "lit_total_before", V, "全市發生政府信息公開行政訴訟案共計十二起。", F("lit_total", 12))
# --- lawsuits total, the number before (2件行政诉讼) ---------------------------------------------------
case(FAM, "lit_total_after", V, "全年共发生4起行政诉讼。", F("lit_total", 4))
case(FAM, "lit_total_after", V, "申请人提起了两件行政诉讼。", F("lit_total", 2))
case(FAM, "lit_total_after", V, "全年共應訴６件行政訴訟。", F("lit_total", 6))
# --- results, the words before (one row per result: 维持, 纠正, 其他, 尚未审结) ---------------------------
case(FAM, "result_before_upheld", V, "全市政府信息公开行政复议案件6件，其中维持原答复的4件，责令重新答复2件。",
     F("recon_total", 6), F("recon_upheld", 4), F("recon_corrected", 2))
case(FAM, "result_before_upheld", V, "政府信息公开行政诉讼8件，法院判决驳回原告诉讼请求五件，其余三件尚未审结。",
     F("lit_total", 8), F("lit_upheld", 5), F("lit_pending", 3))
case(FAM, "result_before_upheld", V, "政府信息公開行政訴訟案件３件，一審勝訴３件。",
     F("lit_total", 3), F("lit_upheld", 3))
case(FAM, "result_before_corrected", V, "政府信息公开行政复议5件，复议机关确认违法1件，维持4件。",
     F("recon_total", 5), F("recon_corrected", 1), F("recon_upheld", 4))
case(FAM, "result_before_corrected", V, "行政诉讼案件3起，被法院撤销答复的1起，驳回起诉2起。",
     F("lit_total", 3), F("lit_corrected", 1), F("lit_upheld", 2))
case(FAM, "result_before_corrected", V, "政府信息公開行政複議案件七件，糾正３件，維持４件。",
     F("recon_total", 7), F("recon_corrected", 3), F("recon_upheld", 4))
case(FAM, "result_before_corrected", V, "行政诉讼案件2件，判决确认被诉答复行为违法的1件，驳回诉讼请求1件。",
     F("lit_total", 2), F("lit_corrected", 1), F("lit_upheld", 1))
case(FAM, "result_before_other", V, "政府信息公开行政复议4件，申请人撤回复议申请1件，维持3件。",
     F("recon_total", 4), F("recon_other", 1), F("recon_upheld", 3))
case(FAM, "result_before_other", V, "政府信息公开行政复议案件6件，其中终止审理2件，维持原答复4件。",
     F("recon_total", 6), F("recon_other", 2), F("recon_upheld", 4))
case(FAM, "result_before_other", V, "政府信息公開行政訴訟２件，原告撤訴１件，維持１件。",
     F("lit_total", 2), F("lit_other", 1), F("lit_upheld", 1))
case(FAM, "result_before_pending", V, "被提起行政訴訟四件，原告撤訴一件，尚未審結一件。",
     F("lit_total", 4), F("lit_other", 1), F("lit_pending", 1))
case(FAM, "result_before_pending", V, "政府信息公开行政复议案件3件，已审结2件，尚未审结的1件。",
     F("recon_total", 3), F("recon_pending", 1))
case(FAM, "result_before_pending", V, "涉及政府信息公开的行政诉讼5件，目前正在审理3件，驳回2件。",
     F("lit_total", 5), F("lit_pending", 3), F("lit_upheld", 2))
case(FAM, "result_before_pending", V, "政府信息公開行政訴訟四件，尚在審理中二件，勝訴二件。",
     F("lit_total", 4), F("lit_pending", 2), F("lit_upheld", 2))
# --- results, the number first (另有1件尚在审理中; one row per result) ---------------------------------
case(FAM, "result_number_first", V, "政府信息公开行政复议案件5件，其中3件维持原答复，2件被撤销。",
     F("recon_total", 5), F("recon_upheld", 3), F("recon_corrected", 2))
case(FAM, "result_number_first", V, "政府信息公开行政诉讼4件，3件驳回原告诉讼请求，另有1件仍在审理中。",
     F("lit_total", 4), F("lit_upheld", 3), F("lit_pending", 1))
case(FAM, "result_number_first", V, "政府信息公开行政诉讼7件，驳回5件，截至年底尚有2件未审结。",
     F("lit_total", 7), F("lit_upheld", 5), F("lit_pending", 2))
case(FAM, "result_number_first", V, "行政复议2件，其中维持原具体行政行为1件，另1件截至年底尚未审结。",
     F("recon_total", 2), F("recon_upheld", 1), F("recon_pending", 1))
case(FAM, "result_number_first", V, "提起行政复议４件，其中维持３件，１件因申请人撤回申请而终止。",
     F("recon_total", 4), F("recon_upheld", 3), F("recon_other", 1))
case(FAM, "result_number_first", V, "提起行政诉讼2件，其中1件经法院判决驳回原告诉讼请求，1件尚在审理中。",
     F("lit_total", 2), F("lit_upheld", 1), F("lit_pending", 1))
case(FAM, "result_number_first", V, "政府信息公開行政複議３件，維持２件，年末仍有１件正在審理。",
     F("recon_total", 3), F("recon_upheld", 2), F("recon_pending", 1))
case(FAM, "result_number_first", V, "政府信息公開行政複議３件，２件維持，１件申請人撤回。",
     F("recon_total", 3), F("recon_upheld", 2), F("recon_other", 1))
case(FAM, "result_number_first", V, "政府信息公开行政诉讼2件，1件原告撤诉，1件已被法院驳回。",
     F("lit_total", 2), F("lit_other", 1), F("lit_upheld", 1))
# --- a numberless result of all the cases (复议2件，均维持原答复) ---------------------------------------
case(FAM, "result_of_all", V, "涉及政府信息公开的行政复议3件，复议机关均维持原答复。",
     F("recon_total", 3), F("recon_upheld", 3))
case(FAM, "result_of_all", V, "政府信息公开行政诉讼1件，目前尚在审理中。", F("lit_total", 1), F("lit_pending", 1))
# (the kind named again a sentence later: 行政诉讼案件均在审理中)
case(FAM, "result_of_all", V, "全市发生行政复议8件，行政诉讼3件。行政复议案件中，维持原答复5件，撤销原答复3件；行政诉讼案件均在审理中。",
     F("recon_total", 8), F("lit_total", 3), F("recon_upheld", 5), F("recon_corrected", 3), F("lit_pending", 3))
case(FAM, "result_of_all", V, "全縣行政訴訟二件。行政訴訟案件均維持原答覆。", F("lit_total", 2), F("lit_upheld", 2))
case(FAM, "result_of_all", V, "政府信息公開行政訴訟兩起，經審理已全部駁回原告訴訟請求。",
     F("lit_total", 2), F("lit_upheld", 2))
case(FAM, "result_of_all", V, "政府信息公开行政复议案件2件，均已结案，维持原答复。",
     F("recon_total", 2), F("recon_upheld", 2))
# --- the year's total with a bare verb in a clause on reviews (本年度发生1件) --------------------------
case(FAM, "total_bare_verb", V, "因政府信息公开申请引发的行政复议，全年共收到3件。", F("recon_total", 3))
case(FAM, "total_bare_verb", V, "政府信息公开行政诉讼方面，本年度新收2件。", F("lit_total", 2))
case(FAM, "total_bare_verb", V, "涉及政府信息公開的行政複議案件，今年發生１件。", F("recon_total", 1))
# --- the disclosure cases of a caseload (全年共办理各类行政复议案件45件，其中涉及政府信息公开的2件) -------
case(FAM, "disclosure_cases_of_caseload", V, "市政府全年办理各类行政复议案件180件，其中涉及政府信息公开的6件。",
     F("recon_total", 6, "exact", GOV))
case(FAM, "disclosure_cases_of_caseload", V, "全市法院审结各类行政诉讼案件320件，其中有关政府信息公开类案件11件。",
     F("lit_total", 11))
case(FAM, "disclosure_cases_of_caseload", V, "全年共辦理各類行政複議案件九十件，其中屬於政府信息公開的四件。",
     F("recon_total", 4))
# --- complaints (申诉1件) ---------------------------------------------------------------------------
case(FAM, "complaint_total", V, "收到针对政府信息公开工作的举报投诉4件。", F("complaint_total", 4))
case(FAM, "complaint_total", V, "全年受理涉及信息公开的申诉案件2起。", F("complaint_total", 2))
case(FAM, "complaint_total", V, "羣眾對政府信息公開工作的投訴共計３件。", F("complaint_total", 3))

# ================================================================================================
# absence.py
# ================================================================================================
FAM = "absence"

# --- no request (全年未收到政府信息公开申请) -------------------------------------------------------------
case(FAM, "request_absent", R, "本年度市政府未收到政府信息公开申请。", F("req_received", 0, "exact", GOV))
case(FAM, "request_absent", R, "全年没有接到公民、法人或其他组织提出的信息公开申请。", F("req_received", 0))
case(FAM, "request_absent", R, "全市依申请公开事项为零。", F("req_received", 0))
case(FAM, "request_absent", R, "全市本年度未受理過政府信息公開申請。", F("req_received", 0))
case(FAM, "request_absent", R, "全年无政府信息公开申请。", F("req_received", 0))
case(FAM, "request_absent", R, "县人民政府未直接收到政府信息公开申请。", F("req_received", 0, "exact", GOV))
case(FAM, "request_absent", FE, "本年度无依申请公开收费。", F("fee_collected_yuan", 0))  # (a fee's absence, not a request's)
# --- no reconsideration (未发生行政复议案件) --------------------------------------------------------------
case(FAM, "recon_absent", V, "全市没有发生涉及政府信息公开的行政复议案件。", F("recon_total", 0))
case(FAM, "recon_absent", V, "未收到针对政府信息公开工作的复议申请。", F("recon_total", 0))
case(FAM, "recon_absent", V, "因政府信息公开提起的行政复议数为零。", F("recon_total", 0))
case(FAM, "recon_absent", V, "全年未發生政府信息公開行政複議。", F("recon_total", 0))
# --- no lawsuit (没有提起行政诉讼) -----------------------------------------------------------------------
case(FAM, "lit_absent", V, "没有因政府信息公开被提起行政诉讼。", F("lit_total", 0))
case(FAM, "lit_absent", V, "全年未发生政府信息公开行政诉讼案件。", F("lit_total", 0))
case(FAM, "lit_absent", V, "本年度無人就政府信息公開事項提起訴訟。", F("lit_total", 0))
# --- no complaint (也没有收到相关申诉) ---------------------------------------------------------------
case(FAM, "complaint_absent", V, "本年度未收到有关政府信息公开工作的举报。", F("complaint_total", 0))
case(FAM, "complaint_absent", V, "全年无涉及信息公开的投诉。", F("complaint_total", 0))
case(FAM, "complaint_absent", V, "全年也沒有發生針對政府信息公開的申訴。", F("complaint_total", 0))
# --- absence said after the noun (因政府信息公开被申请行政复议的，本年度均未发生; one row per kind) -------
case(FAM, "review_absent_after_noun", V, "因政府信息公开申请行政复议的，全年未发生。", F("recon_total", 0))
case(FAM, "review_absent_after_noun", V, "针对政府信息公开提起行政诉讼的，本年度没有出现。", F("lit_total", 0))
case(FAM, "review_absent_after_noun", V, "因政府信息公開被申請行政複議、提起行政訴訟的情況，今年均未產生。",
     F("recon_total", 0), F("lit_total", 0))
case(FAM, "review_absent_after_noun", V, "因政府信息公开申请行政复议、提起行政诉讼以及向上级机关申诉的，本年度均未发生。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))
case(FAM, "review_absent_after_noun", V, "群众举报投诉的，本年度均未发生。")  # (complaints about anything)
case(FAM, "review_absent_after_noun", V, "涉及全市政府信息公开工作的投诉举报，全年未收到。", F("complaint_total", 0))
case(FAM, "review_absent_after_noun", V, "市政府作为被申请人、被告的行政复议和行政诉讼均未发生。",
     F("recon_total", 0, "exact", GOV), F("lit_total", 0, "exact", GOV))
case(FAM, "review_absent_after_noun", V, "全縣發生政府信息公開行政複議案件3件，複議機關均維持原答覆；行政訴訟、申訴案件均未發生。",
     F("recon_total", 3), F("recon_upheld", 3), F("lit_total", 0), F("complaint_total", 0))
case(FAM, "review_absent_after_noun", V, "因政府信息公开引起的行政复议、行政诉讼，全区本年度均未发生。",
     F("recon_total", 0), F("lit_total", 0))
# --- all the requests counted before answered (上述申请已全部按期答复) ----------------------------------
case(FAM, "answered_all_statement", R, ("全市共受理政府信息公开申请240件。", "所有申请均已在法定期限内予以答复。"),
     F("req_received", 240), F("req_answered", 240))
case(FAM, "answered_all_statement", R, "市本级受理申请35件。市本级受理的申请已全部办结。",
     F("req_received", 35, "exact", OWN), F("req_answered", 35, "exact", OWN))
case(FAM, "answered_all_statement", R, "全市收到依申請公開申請五十八件。上述申請均已按時答覆。",
     F("req_received", 58), F("req_answered", 58))
case(FAM, "answered_all_statement", R, ("全区共受理申请160件。", "全区收到的申请已全部办结。"),
     F("req_received", 160), F("req_answered", 160))
# --- an outcome said of all the requests, or of the one there was (均予以公开, 该信息属于已主动公开范围) ----
case(FAM, "outcome_of_all", R, "全年受理申请5件，均予以公开。", F("req_received", 5), F("out_granted", 5))
case(FAM, "outcome_of_all", R, ("全年受理政府信息公开申请1件，系申请人要求获取相关规定。", "该信息属于已主动公开范围，我局已按期答复。"),
     F("req_received", 1), F("out_already_public", 1), F("req_answered", 1))
case(FAM, "outcome_of_all", R, "全年共收到信息公开申请1件，我局已在法定期限内予以答复，告知其所申请信息不属于本机关公开范围。",
     F("req_received", 1), F("req_answered", 1), F("out_not_held_by_agency", 1))
case(FAM, "outcome_of_all", R, "全年受理申請兩件，均屬於已主動公開範圍。", F("req_received", 2), F("out_already_public", 2))
case(FAM, "outcome_of_all", R, "全年受理申请1件，该申请人系外地居民。", F("req_received", 1))
case(FAM, "outcome_of_all", R, ("我镇收到政府信息公开申请1件。", "申请人通过信函要求公开本村土地征收补偿标准，我镇依法向其提供了相关文件。"),
     F("req_received", 1), F("req_letter", 1), F("out_granted", 1))
case(FAM, "outcome_of_all", R, "全年收到申请1件。申請人要求提供企業名錄，因涉及商業祕密，我局決定不予公開。",
     F("req_received", 1), F("out_denied", 1))
case(FAM, "outcome_of_all", R, "全年收到申请2件，我苏木均在规定期限内予以答复。", F("req_received", 2), F("req_answered", 2))
case(FAM, "outcome_of_all", R, ("全年受理政府信息公开申请4件，均为信函申请。", "已全部按期答复。"),
     F("req_received", 4), F("req_letter", 4), F("req_answered", 4))
case(FAM, "outcome_of_all", R, "全年受理申请46件。已答复的申请中，同意公开31件。", F("req_received", 46), F("out_granted", 31))
case(FAM, "outcome_of_all", R, "全年受理申请4件，均未予以公开。", F("req_received", 4))
case(FAM, "outcome_of_all", R, "全年受理申请3件，均属于已主动公开或不属于本机关公开范围的信息。", F("req_received", 3))
case(FAM, "outcome_of_all", R, "全年受理政府信息公开申请1件，为网上申请。经查，我委不掌握该信息，已告知申请人向市发展改革委申请，"
                               "并于10个工作日内作出书面答复。",
     F("req_received", 1), F("req_online", 1), F("out_not_held_by_agency", 1), F("req_answered", 1))
# --- the channel of every request, in brackets (申请1件（当面申请）) ----------------------------------
case(FAM, "channel_bracketed", R, "全年受理申请1件（当面申请），已按期答复。",
     F("req_received", 1), F("req_in_person", 1), F("req_answered", 1))
case(FAM, "channel_bracketed", R, "全年受理政府信息公开申请3件（均为网上申请）。", F("req_received", 3), F("req_online", 3))
case(FAM, "channel_bracketed", R, "全年受理申請2件（均通過信函提交）。", F("req_received", 2), F("req_letter", 2))
case(FAM, "channel_bracketed", R, "全年受理申请2件（涉及网络安全）。", F("req_received", 2))
case(FAM, "channel_bracketed", R, "本年度，全市共收到政府信息公开申请26件，均为申请人当面提交。",
     F("req_received", 26), F("req_in_person", 26))
# --- one number for each channel named (当面申请和信函申请各1件) -------------------------------------
case(FAM, "channel_each", R, "本年度共收到申请２件，当面申请和信函申请各１件。",
     F("req_received", 2), F("req_in_person", 1), F("req_letter", 1))
case(FAM, "channel_each", R, "全年受理申请6件，网上申请、信函申请各3件。", F("req_received", 6), F("req_online", 3), F("req_letter", 3))
case(FAM, "channel_each", R, "全年受理申請四件，當面和網絡申請各兩件。", F("req_received", 4), F("req_in_person", 2), F("req_online", 2))
# --- one number for every kind a list names (行政复议、行政诉讼及申诉数均为0件) ---------------------------
case(FAM, "review_list", V, "政府信息公开行政复议和行政诉讼案件均为0件。", F("recon_total", 0), F("lit_total", 0))
case(FAM, "review_list", V, "涉及信息公开的复议、诉讼及投诉数量都是0起。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))
case(FAM, "review_list", V, "政府信息公開行政複議與行政訴訟各為0件。", F("recon_total", 0), F("lit_total", 0))
# --- a label and a word of absence (申诉：无) -------------------------------------------------------
case(FAM, "labelled_none", V, "政府信息公开行政复议：无。", F("recon_total", 0))
case(FAM, "labelled_none", V, "政府信息公开举报：暂无", F("complaint_total", 0))
case(FAM, "labelled_none", FE, "依申请公开收费：无。", F("fee_collected_yuan", 0))
case(FAM, "labelled_none", R, "传真申请：无。", F("req_fax", 0))
case(FAM, "labelled_none", V, "行政訴訟案件：無。", F("lit_total", 0))
# --- a channel that brought no request (无网上申请) --------------------------------------------------
case(FAM, "no_channel", R, "全市受理申请45件，其中网上申请40件，当面申请5件，未收到信函申请。",
     F("req_received", 45), F("req_online", 40), F("req_in_person", 5), F("req_letter", 0))
case(FAM, "no_channel", R, "全市受理申请12件，均为当面申请，没有以电子邮件方式提交的申请。",
     F("req_received", 12), F("req_in_person", 12), F("req_email", 0))
case(FAM, "no_channel", R, "全市受理申請二十件，其中網上申請十八件、信函申請兩件，另無傳真申請。",
     F("req_received", 20), F("req_online", 18), F("req_letter", 2), F("req_fax", 0))
# --- every request by one channel (均为网上申请) ------------------------------------------------------
case(FAM, "all_by_one_channel", R, "全年受理申请6件，均通过网络提交。", F("req_received", 6), F("req_online", 6))
case(FAM, "all_by_one_channel", R, "全市收到政府信息公开申请23件，全部是当面申请。",
     F("req_received", 23), F("req_in_person", 23))
case(FAM, "all_by_one_channel", R, "全市受理申請十件，都以信函方式提出。", F("req_received", 10), F("req_letter", 10))

# ================================================================================================
# traps.py: the trap number is never emitted; a real figure in the same sentence still is
# ================================================================================================
FAM = "traps"

# --- a cumulative total (《条例》实施以来累计受理申请612件) ---------------------------------------------
case(FAM, "cumulative", R, "自2008年《条例》施行以来，全市累计受理政府信息公开申请3,215件，其中本年度受理412件。",
     F("req_received", 412))
case(FAM, "cumulative", P, "截至2016年底，市政府门户网站累计发布信息12.3万条。")
case(FAM, "cumulative", P, "2012年至2016年，全市历年共召开新闻发布会210场。")
case(FAM, "cumulative", R, "條例實施以來，累計辦結依申請公開事項九百餘件。")
# (a bracketed aside speaks of several years alone)
case(FAM, "cumulative", P, "全区主动公开政府信息5,812条（历年累计公开2.3万条），其中区政府网站公开4,375条。",
     F("pro_total", 5812), F("pro_website", 4375))
case(FAM, "cumulative", R, "全年受理申請八十件（條例實施以來累計受理六百件），均已按時答覆。", F("req_received", 80),
     F("req_answered", 80))
# --- a rate, not a count (对每一件申请) ------------------------------------------------------------
case(FAM, "per_each", R, "对受理的每一件申请，都安排专人跟踪办理。")
# --- a duration is no count (15个工作日, 3个月) ---------------------------------------------------------
case(FAM, "duration", R, "全年受理申请12件，均在15个工作日内答复。", F("req_received", 12), F("req_answered", 12))
case(FAM, "duration", R, "申請辦理時限由15個工作日壓縮至10個工作日。")
case(FAM, "duration", P, "网站信息更新周期缩短至3个月，主动公开信息较上年增加2个百分点。")
case(FAM, "per_each", R, "市政府办公室对收到的每一件政府信息公开申请均建立台账。")
case(FAM, "per_each", R, "對接收的每一件依申請公開事項都認真審核。")
case(FAM, "per_each", R, "全年共受理申请86件，对受理的每一件申请都严格按照程序办理。", F("req_received", 86))
# --- departments' and lower bodies' websites and boards (区政府各部门网站全年发布信息1.7万条) ------------
case(FAM, "department_websites", P, "通过各部门网站公开信息5,400条。")
case(FAM, "department_websites", P, "部门网站发布动态信息3,100条。")
case(FAM, "department_websites", P, "在各鄉鎮政務公開欄公開信息1,200條。")
case(FAM, "department_websites", P, "市政府门户网站发布信息8,900条，各部门网站发布信息2.1万条。",
     F("pro_website", 8900, "exact", GOV))
# --- leaders attending press conferences (省政府领导出席新闻发布会12场次) ---------------------------------
case(FAM, "leaders_attend", P, "市政府领导出席新闻发布会16场次。")
case(FAM, "leaders_attend", P, "部门负责人参与发布会二十余场。")
case(FAM, "leaders_attend", P, "市領導參加新聞發佈會９場。")
case(FAM, "leaders_attend", P, "全年召开新闻发布会24场，市政府领导出席新闻发布会10场。", F("pro_press_conferences", 24))
# --- another year's figure (2009年全市受理申请978件) ----------------------------------------------
case(FAM, "other_year", R, "2015年全市受理政府信息公开申请1,120件，今年受理1,350件。", F("req_received", 1350))
case(FAM, "other_year", R, "2014年全市收到政府信息公开申请56件，此后逐年上升。")
case(FAM, "other_year", P, "2013年度全市共召開新聞發佈會18場。")
case(FAM, "other_year", P, "2015年市政府门户网站发布信息9,200条。")
# --- last year's figure in a comparison (由上年的29件增加到43件) --------------------------------------
case(FAM, "last_year_figure", R, "全市受理申请数量由去年的156件上升到203件。", F("req_received", 203))
case(FAM, "last_year_figure", P, "主动公开政府信息从上年的8,200条增加至9,650条。", F("pro_total", 9650))
case(FAM, "last_year_figure", V, "政府信息公开行政复议案件比上年度的5件有所减少。")
case(FAM, "last_year_figure", R, "依申請公開答覆數量較去年同期的98件略有增加。")
# --- the change since last year (较上年减少320元) ------------------------------------------------------
case(FAM, "change_since_last_year", R, "全市受理政府信息公开申请同比增加了85件。")
case(FAM, "change_since_last_year", P, "主动公开政府信息比上年多1,300余条。")
case(FAM, "change_since_last_year", FE, "收取費用較上年減少２４０元。")
case(FAM, "change_since_last_year", FE, "全年收取复制费用560元，较上年减少120元。", F("fee_collected_yuan", 560))
case(FAM, "change_since_last_year", FE, "全市依申请公开信息共收取复制费、邮寄费３８０元，为困难群众减免费用１２０元。",
     F("fee_collected_yuan", 380))
case(FAM, "change_since_last_year", R, "全市办结政府信息公开申请412件，比上年增加36件。", F("req_answered", 412))
# --- window and online services, licensing, other fees (政务服务中心全年受理公众办事申请3.6万件) -----------
case(FAM, "window_services", R, "市民服务中心受理群众办事申请12.5万件。")
case(FAM, "window_services", R, "网上审批平台全年受理行政审批申请3,400件，办结3,380件。")
case(FAM, "window_services", FE, "代收行政事业性收费1,200万元。")
case(FAM, "window_services", R, "全市行政許可事項申請８６００件。")
case(FAM, "window_services", R, "全市受理政府信息公开申请320件，政务服务中心受理办件4.5万件。", F("req_received", 320))
# --- a rate following another system's numbers (市政务服务中心全年办件量36.8万件，办结率99.8%) -------------
case(FAM, "other_system_rate", R, "全市行政审批事项网上申请2.3万件，按时办结率99.6%。")
case(FAM, "other_system_rate", R, "市长信箱收到来信及申请事项640件，办结率100%。")
case(FAM, "other_system_rate", R, "12345熱線受理申請類訴求3,200件，辦結率97%。")
case(FAM, "other_system_rate", R, "全市受理政府信息公开申请150件，按时答复率100%；便民服务热线受理来电1.2万件，办结率99%。",
     F("req_received", 150), F("req_answer_rate_pct", 100))
# --- reviews caused by something else (因行政许可事项引发的行政复议案件7件) ------------------------------
case(FAM, "reviews_other_cause", V, "因征地补偿问题引起的行政复议案件13件。")
case(FAM, "reviews_other_cause", V, "全市因行政处罚提起行政诉讼21起。")
case(FAM, "reviews_other_cause", V, "因土地確權產生的行政訴訟案件７件。")
case(FAM, "reviews_other_cause", V, "因政府信息公开申请引发的行政复议2件，因城市拆迁引发的行政复议15件。",
     F("recon_total", 2))
# --- shares by applicant type (公民申请占90%) --------------------------------------------------------
case(FAM, "share_by_applicant", R, "其中公民申请占87.5%。")
case(FAM, "share_by_applicant", R, "法人或其他组织提出的申请约占一成。")
case(FAM, "share_by_applicant", R, "自然人申請佔申請總數的92%。")
case(FAM, "share_by_applicant", R, "网上申请152件，占总数的76%，其中律师申请占12%。",
     F("req_online", 152), F("req_online_pct", 76))
# --- shares by topic (从申请内容看，…其他占36%) --------------------------------------------------------
case(FAM, "share_by_topic", R, "从申请内容来看，涉及城乡规划的占35%，社会保障类占20%。")
case(FAM, "share_by_topic", R, "按申请事项类别分，土地征收类申请45件，占30%。")
case(FAM, "share_by_topic", R, "從申請領域看，國土資源類佔28.6%。")
case(FAM, "share_by_topic", R, "从申请渠道看，当面申请18件，网上申请62件。", F("req_in_person", 18), F("req_online", 62))
# --- items sorted by their disclosure attribute (新产生的政府信息中，确定为依申请公开的12条) -----------------
case(FAM, "information_attribute", P, "全年新产生的政府信息中，确定为依申请公开的38条，不予公开的11条。")
case(FAM, "information_attribute", R, "经对制发文件进行公开属性认定，部分公开的14件，不予公开的5件。")
case(FAM, "information_attribute", P, "登記政府信息4,620條，其中屬於依申請公開的35條，不予公開的12條。")
case(FAM, "information_attribute", R, "全年受理申请64件，同意公开51件；新产生的政府信息中确定为不予公开的9条。",
     F("req_received", 64), F("out_granted", 51))
# --- items named by their attribute (依申请公开信息12条，不予公开信息27条) -------------------------------
case(FAM, "attribute_items", R, "依申请公开信息25条，不予公开信息4条。")
case(FAM, "attribute_items", R, "部分公开的政府信息7条。")
case(FAM, "attribute_items", R, "不予公開政府信息３條。")
case(FAM, "attribute_items", P, "全年主动公开政府信息6,420条，依申请公开信息31条，不予公开信息8条。", F("pro_total", 6420))

# ================================================================================================
# round 4: listings of channels without 其中, consultations, denial reasons, deciding bodies
# ================================================================================================
FAM = "proactive"
# --- a listing of channels after the total: each item is its channel, whatever it names -----------
case(FAM, "listing_items", P, ("全市主动公开政府信息5200条。",
                               "从发布渠道看，通过门户网站及部门网站发布4100条，通过电视、报纸等方式公开800条，通过政务微信公开300条。"),
     F("pro_total", 5200), F("pro_website", 4100), F("pro_other", 800), F("pro_wechat", 300))
case(FAM, "listing_items", P, "全县主动公开信息3.4万条，其中通过县政府网站和乡镇子网站公开2.9万条，通过电子触摸屏公开四千余条。",
     F("pro_total", 34000), F("pro_website", 29000), F("pro_other", 4000, "over"))
case(FAM, "listing_items", P, "全區共主動公開政府信息8,800條。其中，通過區政府門戶網站“魅力某區”及部門子網站公開7,000條，"
                              "通過廣播電視及村務公開欄等方式公開1,800條。",
     F("pro_total", 8800), F("pro_website", 7000), F("pro_other", 1800))
# (outside a listing, channels of different kinds named together are still the total)
case(FAM, "listing_items", P, "通过门户网站和公开栏等方式公开信息1200条。", F("pro_total", 1200))
# --- the next channel of a listing without 其中 keeps the listing's scope (a gazette by its title) ---
case(FAM, "listing_gazette", P, "全市通过政府网站公开9000条，通过《某某市人民政府公报》公开120条。",
     F("pro_website", 9000), F("pro_gazette", 120))
case(FAM, "listing_gazette", P, "从公开方式看，全市通过网站公开三千条，通过《某某市政府公报》刊登文件六十件。",
     F("pro_website", 3000), F("pro_gazette", 60))
case(FAM, "listing_gazette", P, "全市主動公開信息一萬條，通過網站公開八千條，通過《某某市人民政府公報》公開二百條。",
     F("pro_total", 10000), F("pro_website", 8000), F("pro_gazette", 200))

FAM = "outcomes"
# --- 不同意公开 is a denial, never a grant ---------------------------------------------------------
case(FAM, "not_agreed", R, "全年受理申请40件，同意公开30件，不同意公开6件，信息不存在4件。",
     F("req_received", 40), F("out_granted", 30), F("out_denied", 6), F("out_nonexistent", 4))
case(FAM, "not_agreed", R, ("全年受理申请二十件。", "不同意公开答复数：三件"), F("req_received", 20), F("out_denied", 3))
case(FAM, "not_agreed", R, "全年受理申請15件，其中不同意公開的佔20%，同意公開的佔80%。",
     F("req_received", 15), F("out_denied_pct", 20), F("out_granted_pct", 80))
# --- a reason for denial (法律法规规定的其他情形) is no outcome "other" -----------------------------------
case(FAM, "denial_reason_other", R, ("全年受理申请50件。", "不予公开4件，其中：涉及商业秘密3件，法律法规规定的其他情形1件。"),
     F("req_received", 50), F("out_denied", 4))
case(FAM, "denial_reason_other", R, ("全年受理申请12件。", "法律、法规规定的其他情形：0件"), F("req_received", 12))
case(FAM, "denial_reason_other", R, ("全年受理申請9件。", "法律法規禁止的其他情形二件"), F("req_received", 9))
# --- requests counted in 人次 -----------------------------------------------------------------------
case(FAM, "person_times", R, "全县共受理政府信息公开申请137人次，其中网上申请86人次，当面申请51人次。",
     F("req_received", 137), F("req_online", 86), F("req_in_person", 51))
case(FAM, "person_times", R, "全年受理申请40人次，属于已主动公开范围的10人次，同意公开的30人次。",
     F("req_received", 40), F("out_already_public", 10), F("out_granted", 30))
case(FAM, "person_times", R, "本年度受理信息公開申請二十三人次。", F("req_received", 23))
# --- the disclosure rate as a share of what was answered -------------------------------------------
case(FAM, "disclosure_rate_of_answered", R, "全年受理申请100件。同意公开和同意部分公开的申请占已办结申请的74.6%。",
     F("req_received", 100), F("req_disclosure_rate_pct", 74.6))
case(FAM, "disclosure_rate_of_answered", R, "全年受理申请100件，全部公开和部分公开的申请占申请总数的80%。",
     F("req_received", 100), F("req_disclosure_rate_pct", 80))
case(FAM, "disclosure_rate_of_answered", R, "全年受理申請100件。同意公開與部分公開的件數佔已辦結件數的六成。",
     F("req_received", 100), F("req_disclosure_rate_pct", 60))

FAM = "traps"
# --- consultations (咨询) are not requests ---------------------------------------------------------
case(FAM, "consultations", R, "受理点全年接待群众现场咨询62人次，均当场解答。")
case(FAM, "consultations", R, "全年受理咨询和申请共120件。")
case(FAM, "consultations", R, "全年受理申请15件；另接受電話諮詢三百余次。", F("req_received", 15))

FAM = "reviews"
# --- the deciding body named before the result (复议机关某某市人民政府决定维持) ------------------------
case(FAM, "deciding_body", V, "以市政府为被申请人的行政复议1件，复议机关省人民政府决定维持。",
     F("recon_total", 1, "exact", GOV), F("recon_upheld", 1, "exact", GOV))
case(FAM, "deciding_body", V, ("全市因政府信息公开引起的行政复议1件，复议机关市政府经审查，确认被申请人原答复程序违法。",
                               "全年未发生政府信息公开行政诉讼。"),
     F("recon_total", 1), F("recon_corrected", 1), F("lit_total", 0))
case(FAM, "deciding_body", V, "全市發生行政訴訟一件，某某區人民法院一審判決駁回原告訴訟請求。",
     F("lit_total", 1), F("lit_upheld", 1))

FAM = "fees"
# --- 免收 with the items named (一律免收检索、复制、邮寄等费用) ------------------------------------------
case(FAM, "waived_items", FE, "全市各级行政机关对依申请公开一律免收检索、复制、邮寄等费用。", F("fee_collected_yuan", 0))
case(FAM, "waived_items", FE, "对政府信息公开申请人免收复印费和邮寄费。", F("fee_collected_yuan", 0))
case(FAM, "waived_items", FE, "依申請提供政府信息，全年免收各項費用。", F("fee_collected_yuan", 0))
case(FAM, "waived_items", FE, "依申请提供信息收取复制费20元，免收检索费。", F("fee_collected_yuan", 20))

FAM = "requests"
# --- what a body received, all answered (区政府受理的19件均已按期答复) --------------------------------
case(FAM, "received_then_all_answered", R, "全区共受理申请63件，其中区政府受理19件。区政府受理的19件均已按期答复。",
     F("req_received", 63), F("req_received", 19, "exact", GOV), F("req_answered", 19, "exact", GOV))
case(FAM, "received_then_all_answered", R, "全县共收到申请40件。县本级收到的十二件申请均已按时办结。",
     F("req_received", 40), F("req_received", 12, "exact", OWN), F("req_answered", 12, "exact", OWN))
case(FAM, "received_then_all_answered", R, "市政府辦公室受理的8件全部依法答覆。", F("req_answered", 8, "exact", GOV))
# --- 上述N件申请均已办结 --------------------------------------------------------------------------
case(FAM, "these_answered", R, ("全年收到申请7条。", "上述7条申请均已办结。"), F("req_received", 7), F("req_answered", 7))
case(FAM, "these_answered", R, "全年受理申请十五件，以上十五件申请已全部按期答复。", F("req_received", 15), F("req_answered", 15))
case(FAM, "these_answered", R, "全年受理申請9件，前述9件均已辦結。", F("req_received", 9), F("req_answered", 9))
# --- the channel named by how the request was handed in (当面递交九件, 邮寄信函八件) --------------------
case(FAM, "channel_handed_in", R, "全年受理申请二十三件，其中当面递交九件，邮寄信函八件，网上提交六件。",
     F("req_received", 23), F("req_in_person", 9), F("req_letter", 8), F("req_online", 6))
case(FAM, "channel_handed_in", R, "全年受理申请12件，其中窗口递交5件，通过邮寄7件。",
     F("req_received", 12), F("req_in_person", 5), F("req_letter", 7))
case(FAM, "channel_handed_in", R, "全年受理申請10件，當面遞交4件，傳真送達6件。",
     F("req_received", 10), F("req_in_person", 4), F("req_fax", 6))

FAM = "outcomes"
# --- sorted by the answer's type: the outcomes themselves (按答复类型分：…) ------------------------------
case(FAM, "by_answer_type", R, ("全年收到申请7条。", "按答复类型分：属于已主动公开范围的2条，同意公开的3条，不属于本机关公开范围的2条。"),
     F("req_received", 7), F("out_already_public", 2), F("out_granted", 3), F("out_not_held_by_agency", 2))
case(FAM, "by_answer_type", R, "全年受理申请20件。从办理结果看，同意公开12件，不予公开3件，信息不存在5件。",
     F("req_received", 20), F("out_granted", 12), F("out_denied", 3), F("out_nonexistent", 5))
case(FAM, "by_answer_type", R, "全年受理申請30件。按處理情況分，同意公開二十件，部分公開十件。",
     F("req_received", 30), F("out_granted", 20), F("out_partial", 10))

FAM = "absence"
# --- the applicants named, then no request (无公民、法人或其他组织向我镇提出…申请) -------------------------
case(FAM, "no_applicant_asked", R, "本年度无公民、法人或其他组织向市政府提出政府信息公开申请。", F("req_received", 0))
case(FAM, "no_applicant_asked", R, "全年没有群众向我们提交信息公开申请。", F("req_received", 0))
case(FAM, "no_applicant_asked", R, "全年無任何單位和個人向本局遞交政府信息公開申請。", F("req_received", 0))
# --- label lines in a report without headings (■ 收费：未收取费用, 行政复议及行政诉讼：均为零, 申诉：无) ---
case(FAM, "labels_without_headings", O, ("收费：未收取费用。", "行政复议及行政诉讼：均为零。"),
     F("fee_collected_yuan", 0), F("recon_total", 0), F("lit_total", 0))
case(FAM, "labels_without_headings", O, ("申诉：无。", "收费情况：全年未收取任何费用。"),
     F("complaint_total", 0), F("fee_collected_yuan", 0))
case(FAM, "labels_without_headings", O, ("費用：分文未收。", "行政訴訟：皆無"), F("fee_collected_yuan", 0), F("lit_total", 0))

FAM = "proactive"
# --- 公布, and the body's own information (公开我镇信息35条) ------------------------------------------
case(FAM, "publish_variants", P, "全年在鄉政務公開欄公佈信息二十九條。", F("pro_other", 29))
case(FAM, "publish_variants", P, "全年通过市政府网站公开我镇信息35条。", F("pro_website", 35, "exact", GOV))
case(FAM, "publish_variants", P, "通过门户网站公布本局政务信息1,200余条。", F("pro_website", 1200, "over"))

# --- label lines: the total as a label, the channel and the outcome of the requests counted ---------
case(FAM, "total_label", P, ("网站发布信息：61条", "微信公众号发布信息：214条", "主动公开合计：275条"),
     F("pro_website", 61), F("pro_wechat", 214), F("pro_total", 275))
case(FAM, "total_label", P, "主动公开信息总数：一千二百条", F("pro_total", 1200))
case(FAM, "total_label", P, "主動公開政府信息合計：3,200餘條", F("pro_total", 3200, "over"))
case(FAM, "column_of_a_channel", P, "全年发布政府信息173条，其中市政府门户网站局信息公开专栏129条，政务微博44条。",
     F("pro_total", 173), F("pro_website", 129), F("pro_weibo", 44))
case(FAM, "column_of_a_channel", P, "全年主动公开信息90条，其中市政府网站“区县动态”栏目60条，公开栏30条。",
     F("pro_total", 90), F("pro_website", 60), F("pro_other", 30))
case(FAM, "column_of_a_channel", P, "全年主動公開信息八十條，其中政府網站信息公開專欄五十條，微信三十條。",
     F("pro_total", 80), F("pro_website", 50), F("pro_wechat", 30))
FAM = "requests"
case(FAM, "labelled_channel_outcome", R, ("收到申请：1件", "申请方式：信函", "办理结果：属于已主动公开范围，已告知获取方式"),
     F("req_received", 1), F("req_letter", 1), F("out_already_public", 1))
case(FAM, "labelled_channel_outcome", R, ("受理申请：3件", "申请方式：均为网上申请"), F("req_received", 3), F("req_online", 3))
case(FAM, "labelled_channel_outcome", R, ("收到申請：1件", "申請渠道：當面", "辦理結果：同意公開"),
     F("req_received", 1), F("req_in_person", 1), F("out_granted", 1))
# (two channels named: no channel; two requests: the outcome label says nothing of each)
case(FAM, "labelled_channel_outcome", R, ("收到申请：2件", "申请方式：当面、信函", "办理结果：同意公开"), F("req_received", 2))
FAM = "reviews"
case(FAM, "complaint_after_reviews", O, "行政复议：0件；行政诉讼：0件；申诉：0件。",
     F("recon_total", 0), F("lit_total", 0), F("complaint_total", 0))
case(FAM, "complaint_after_reviews", O, "全年发生行政复议1件；申诉2件。", F("recon_total", 1), F("complaint_total", 2))
case(FAM, "complaint_after_reviews", O, "行政訴訟：零件；申訴：一件。", F("lit_total", 0), F("complaint_total", 1))

FAM = "fees"
case(FAM, "fee_part_none", FE, "无。", F("fee_collected_yuan", 0))
case(FAM, "fee_part_none", FE, "没有", F("fee_collected_yuan", 0))
case(FAM, "fee_part_none", FE, "不涉及。", F("fee_collected_yuan", 0))
case(FAM, "fee_part_none", P, "无。")  # (elsewhere a bare 无 says nothing of fees)
case(FAM, "fee_items_not_charged", FE, "本年度未收取政府信息公开检索、复制、邮寄等费用。", F("fee_collected_yuan", 0))
case(FAM, "fee_items_not_charged", FE, "全年均未向申请人收取检索费、复制费和邮寄费等各项费用。", F("fee_collected_yuan", 0))
case(FAM, "fee_items_not_charged", FE, "本機關沒有收取依申請公開檢索、複製、郵寄等相關費用。", F("fee_collected_yuan", 0))

FAM = "outcomes"
# --- the one request's outcome named alone after it (申请1件，为当面申请，已按时答复，同意公开) --------------
case(FAM, "outcome_of_the_one", R, "本年度受理政府信息公开申请1件，为当面申请，已按时答复，同意公开。",
     F("req_received", 1), F("req_in_person", 1), F("req_answered", 1), F("out_granted", 1))
case(FAM, "outcome_of_the_one", R, "全年收到申请一件，经审查，不予公开。", F("req_received", 1), F("out_denied", 1))
case(FAM, "outcome_of_the_one", R, "全年受理申請1件，屬於已主動公開範圍。", F("req_received", 1), F("out_already_public", 1))
# (two requests: a bare outcome says nothing of each)
case(FAM, "outcome_of_the_one", R, "全年受理申请2件，同意公开。", F("req_received", 2))

# ================================================================================================
# round 5 (legacy_heldout7)
# ================================================================================================
FAM = "outcomes"
case(FAM, "answered_for_another_reason", R, "全年受理申请100件，同意公开的60件，因其他情形作出答复的40件。",
     F("req_received", 100), F("out_granted", 60), F("out_other", 40))
case(FAM, "answered_for_another_reason", R, "全年受理申请10件，因申请内容不明确予以答复的3件。",
     F("req_received", 10), F("out_unclear", 3))
case(FAM, "answered_for_another_reason", R, "全年受理申請二十件，已答覆二十件，其中因其他原因作出答覆的五件。",
     F("req_received", 20), F("req_answered", 20), F("out_other", 5))
FAM = "requests"
case(FAM, "counted_in_jianci", R, "全市共收到政府信息公开申请387件次，其中市本级收到214件次。",
     F("req_received", 387), F("req_received", 214, "exact", OWN))
case(FAM, "counted_in_jianci", R, "全年受理申请56件次，56件次申请均已按期答复。", F("req_received", 56), F("req_answered", 56))
case(FAM, "counted_in_jianci", R, "全年受理申請二十件次，其中網上申請十二件次，當面申請八件次。",
     F("req_received", 20), F("req_online", 12), F("req_in_person", 8))
case(FAM, "all_n_answered", R, ("全年受理申请21件。", "全部21件申请均在法定期限内作出答复。"), F("req_received", 21), F("req_answered", 21))
case(FAM, "all_n_answered", R, ("全年受理申请9件。", "所有9件申请均已办结。"), F("req_received", 9), F("req_answered", 9))
case(FAM, "all_n_answered", R, ("全年受理申請十二件。", "全部十二件申請均已按時答覆。"), F("req_received", 12), F("req_answered", 12))
case(FAM, "next_channel_alone", R, "全年受理申请31件，来自网络18件、信函9件、当面4件。",
     F("req_received", 31), F("req_online", 18), F("req_letter", 9), F("req_in_person", 4))
case(FAM, "next_channel_alone", R, "全年受理申请20件，其中网上申请12件，信函5件，传真3件。",
     F("req_received", 20), F("req_online", 12), F("req_letter", 5), F("req_fax", 3))
case(FAM, "next_channel_alone", R, "全年受理申請十件，當面提出六件、網上四件。",
     F("req_received", 10), F("req_in_person", 6), F("req_online", 4))
FAM = "proactive"
case(FAM, "events_in_the_government_s_name", P, "全省召开新闻发布会418场，其中以省政府名义举办的67场。",
     F("pro_press_conferences", 418), F("pro_press_conferences", 67, "exact", GOV))
case(FAM, "events_in_the_government_s_name", P, "全市召开新闻发布会40场，其中以市政府名义召开12场。",
     F("pro_press_conferences", 40), F("pro_press_conferences", 12, "exact", GOV))
case(FAM, "events_in_the_government_s_name", P, "全市舉辦在線訪談三十期，其中以市人民政府的名義舉辦十期。",
     F("pro_online_interviews", 30), F("pro_online_interviews", 10, "exact", GOV))
case(FAM, "whole_by_all_its_bodies", P, "全区各部门、各街道共主动公开政府信息12835条。", F("pro_total", 12835))
case(FAM, "whole_by_all_its_bodies", P, "全市各乡镇和各部门共主动公开政府信息5,000余条。", F("pro_total", 5000, "over"))
case(FAM, "whole_by_all_its_bodies", P, "全县各部门共主动公开政府信息900条。")  # (the departments alone: a part)
FAM = "absence"
case(FAM, "no_event", P, "本年度未召开新闻发布会，也未开展在线访谈活动。",
     F("pro_press_conferences", 0), F("pro_online_interviews", 0))
case(FAM, "no_event", P, "全年没有举办新闻发布会。", F("pro_press_conferences", 0))
case(FAM, "no_event", P, "本年度未舉行網上訪談。", F("pro_online_interviews", 0))
FAM = "reviews"
case(FAM, "this_case_pending", V, "发生政府信息公开行政复议案件1件，该1件尚在审理中。", F("recon_total", 1), F("recon_pending", 1))
case(FAM, "this_case_pending", V, "发生行政复议2件，上述2件均在审理中。", F("recon_total", 2), F("recon_pending", 2))
case(FAM, "this_case_pending", V, "行政訴訟3件，其中2件維持，此1件仍在審理。",
     F("lit_total", 3), F("lit_upheld", 2), F("lit_pending", 1))

FAM = "traps"
case(FAM, "letters_and_visits", R, "全县另受理群众来信来访1200余件次，不计入依申请公开数量。")
case(FAM, "letters_and_visits", R, "全年受理申请12件；另接待群众来访300人次。", F("req_received", 12))
case(FAM, "letters_and_visits", R, "全年處理信訪件四十件，均已辦結。")
case(FAM, "letters_and_visits", R, "全年受理申请6件，告知通过信访等其他途径办理的1件。",
     F("req_received", 6), F("out_other_channel", 1))
case(FAM, "said_not_a_request", R, "协助查找海外亲人信息9件（不属于依申请公开）。")
case(FAM, "said_not_a_request", R, "全年当面受理群众求助56件，不计入政府信息公开申请。")
case(FAM, "said_not_a_request", R, "全年受理申请8件；窗口受理查询23件，不列入依申请公开统计。", F("req_received", 8))

# round 6
FAM = "reviews"
case(FAM, "total_with_de", V, "发生因政府信息公开提起行政诉讼的案件1件，经人民法院审理，判决驳回原告诉讼请求。",
     F("lit_total", 1), F("lit_upheld", 1))
case(FAM, "total_with_de", V, "全市发生政府信息公开行政复议的案件3件，均维持原答复。", F("recon_total", 3), F("recon_upheld", 3))
case(FAM, "total_with_de", V, "提起行政訴訟的案件兩件，均尚在審理中。", F("lit_total", 2), F("lit_pending", 2))
FAM = "requests"
case(FAM, "channels_all_one_number", R, "全年受理申请2件，其中当面申请2件，网上申请和信函申请均为0件。",
     F("req_received", 2), F("req_in_person", 2), F("req_online", 0), F("req_letter", 0))
case(FAM, "channels_all_one_number", R, "全年受理申请5件，当面申请和网上申请都是2件，信函申请1件。",
     F("req_received", 5), F("req_in_person", 2), F("req_online", 2), F("req_letter", 1))
case(FAM, "channels_all_one_number", R, "全年受理申請4件，其中傳真申請、電子郵件申請均為零件，網上申請4件。",
     F("req_received", 4), F("req_fax", 0), F("req_email", 0), F("req_online", 4))
FAM = "proactive"
case(FAM, "quoted_column_of_departments", P, "全年共主动公开政府信息165条。其中，在县政府网站“部门信息公开”栏目公开121条，通过微信公众号发布44条。",
     F("pro_total", 165), F("pro_website", 121), F("pro_wechat", 44))
case(FAM, "quoted_column_of_departments", P, "全年主动公开信息80条，其中市政府网站“部门动态”专栏60条，公开栏20条。",
     F("pro_total", 80), F("pro_website", 60), F("pro_other", 20))
case(FAM, "quoted_column_of_departments", P, "全市各部门网站全年发布信息1.7万条。")  # (the departments' own sites: a part)


@pytest.mark.parametrize("item", CASES, ids=[item.id for item in CASES])
def test_phrasing(item: Case) -> None:
    got = facts_of(report(item.section, item.paragraphs))
    assert got == set(item.expected), f"missing {set(item.expected) - got}, extra {got - set(item.expected)}"


def test_every_row_kind_has_three_phrasings() -> None:
    kinds: dict[str, int] = {}
    for item in CASES:
        kind = item.id.rsplit("-", 1)[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    assert {kind: count for kind, count in kinds.items() if count < 3} == {}
