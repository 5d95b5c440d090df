"""Facts of the legacy (free-text) reports: every number that a metric of the legacy family
names, with its scope, qualifier and the sentence it came from.

How a paragraph is read, left to right:
  sentence (。；) → clause (，：) → number mention (digits or Chinese numerals + a unit).
A mention becomes a fact when the words just before it (or, for 召开8场新闻发布会, just after
it) name a metric, in a part of the report where that metric is reported. The topic of the
surrounding text (requests, reconsideration, lawsuits) carries from clause to clause, so
"其中维持70件，纠错4件" knows what was upheld. The subject opening a clause (全市 / 市本级 /
市政府 / a department) sets the scope; a department's or a lower level's numbers are dropped.

The patterns name phrasing families (verbs, objects and their common variants), not the
sentences of any one report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.issuer import Issuer, issuer_of, speaks_for_itself
from extractors.metadata import extract_metadata
from extractors.metrics import unit_of
from extractors.model import Document, Fact
from extractors.numbers import NUMBER_PATTERN, OVER_SUFFIX, ABOUT_SUFFIX, qualifier_from_context, read_number
from extractors.rules import appendix
from extractors.rules import scope as scopes
from extractors.rules import sections

RULESET = "legacy"

_UNITS = r"%|万元|元|人次|件|条|起|项|个|场|次|期|篇|宗|例|份"
_MENTION = re.compile(
    r"(?<![\d.])" + NUMBER_PATTERN
    + r"\s*(?P<suffix>" + OVER_SUFFIX + r"|" + ABOUT_SUFFIX + r")?\s*(?P<unit>" + _UNITS + r")"
    + r"(?P<suffix_after>以上|左右|多)?"
)

# 网上申请约占两成: a share in tenths (成), read as a percentage; only after 占, where 成 is no
# other word (建成, 完成).
_TENTHS = re.compile(
    r"(?<=占)(?P<pre>约|近|超过|逾|不足|不到)?(?<![\d.])" + NUMBER_PATTERN + r"\s*成(?P<suffix_after>以上|左右|多)?"
)
# 约占35% / 约占两成: the qualifier may stand before 占 (or after it: 占近两成).
_SHARE_VERB_END = re.compile(r"占(?:比|了)?\s*(?P<pre>约|近|超过|逾|不足|不到)?\s*$")

# A clause opening a breakdown of the total before it (其中…): the rest of the sentence.
_BREAKDOWN = re.compile(r"^\s*(?:其中|内含|包括)[,，:：]?")
_BREAKDOWN_OPENED = re.compile(r"(?:其中|内含|包括)[,，:：]\s*$")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# The matching text folds the Chinese comma to ",", so a comma between a digit and three more
# digits (8,765条) is a thousands separator, not the end of a clause.
_COMMA = r"(?:，|,(?<!\d,)|,(?!\d{3}(?!\d)))"
# A colon before a number labels it (行政复议：4件（维持3件，纠正1件）, 收取费用：0元): the label
# and its number are one clause, and the label is the words before the number.
_LABEL_COLON = r"[：:](?=\s*(?:\d|[零〇一二两三四五六七八九十百千]+\s*[万亿]?\s*(?:" + _UNITS + r")))"
_CLAUSE_END = re.compile(_COMMA + r"|(?!" + _LABEL_COLON + r")[：:]")
_SEGMENT_END = re.compile(_COMMA + r"|[：:、]")
_TRAILING_COLON = re.compile(r"\s*[：:]\s*$")

# Words that may stand between a metric's name and its number: 共/达/为/超过……
_TAIL = r"(?:共计?|合计|总计|累计|达到?|为|计|约|大约|近|超过|超|逾|不足|不到|了|的|有|是|\s|“|”)*$"

ITEMS = {"条", "件", "篇", "个", "份"}
EVENTS = {"场", "次", "期", "个"}
REQUESTS = {"件", "起", "项", "个", "宗", "条", "例", "份"}  # 份: 申请书42份
CASES = {"件", "起", "宗", "个", "例", "项"}
PERCENT = {"%"}
MONEY = {"元", "万元"}

UNIT_OF_METRIC_FAMILY = {
    "items": ITEMS, "events": EVENTS, "requests": REQUESTS, "cases": CASES,
    "percent": PERCENT, "yuan": MONEY,
}

# --- topics -------------------------------------------------------------------------------
REQUEST, RECON, LIT, FEE = "request", "recon", "lit", "fee"
_TOPIC_WORDS = (
    (RECON, re.compile(r"行政复议|复议")),
    (LIT, re.compile(r"行政诉讼|诉讼|起诉")),
    (REQUEST, re.compile(r"依申请|信息公开申请|公开申请|申请公开|申请(?:形式|方式|渠道|内容)")),
)
# Outside the part on requests a bare 申请 is any application (网上申请端, 项目申请).
_REQUEST_IN_REQUEST_PART = re.compile(r"申请")

# --- proactive disclosure -----------------------------------------------------------------
_PUBLISH_VERB = r"(?:主动)?(?:公开|发布|发送|推送|刊发|刊登|刊载|编发|更新)(?:了)?"
_PUBLISH_OBJECT = (
    r"(?:各类|各种|相关)?(?:动态|政府|政务|规范性|政策性)?(?:信息|文件|消息)(?:数量|总数)?"
)
_PUBLISH_TAIL = re.compile(_PUBLISH_VERB + _PUBLISH_OBJECT + _TAIL)
# After a channel's name the verb alone carries the count: 其中政府网站公开7000条.
_PUBLISH_VERB_TAIL = re.compile(_PUBLISH_VERB + r"(?:" + _PUBLISH_OBJECT + r")?" + _TAIL)
# A sentence opening with the act itself states the report's own total even without a subject
# (全年共主动公开政府信息6789条); 主动 is required so a topic's count (公开教育信息) never is.
# A verb with no object only counts a thing when nothing follows the number: in
# 在政府网站公开12个部门的预算 the 12 counts departments, not items.
_NOTHING_AFTER = re.compile(r"^\s*(?:$|[,，;；。、:：()（）]|(?:政府|政务)?信息)")
_PRO_TOTAL_OPENING = re.compile(r"^(?:共|共计|累计|总计)?主动公开(?:了)?(?:各类|各种)?(?:政府|政务)信息")
_PRO_TOTAL_EXPLICIT = re.compile(r"(?:共|共计|累计)?主动公开(?:了)?(?:各类|各种)?(?:政府|政务)信息(?:数量|总数)?" + _TAIL)
_INFO_ONLY_TAIL = re.compile(
    r"(?:主动)?(?:公开|发布)(?:了)?(?:各类|各种)?(?:政府|政务)?信息(?:数量|总数)?" + _TAIL
)
_CHANNELS = (
    ("pro_new_media", re.compile(r"微博[^,，;；。]{0,12}微信|微信[^,，;；。]{0,12}微博|新媒体|两微")),
    ("pro_weibo", re.compile(r"微博")),
    ("pro_wechat", re.compile(r"微信")),
    ("pro_website", re.compile(r"(?:政府|人民政府)(?:门户)?网站?|门户网站|政府网")),
    ("pro_gazette", re.compile(r"公报|政报")),
    # Channels with no code of their own are "other": notice boards, press, radio and TV,
    # screens, bulletins (公开栏公开信息2150条, 通过报刊、广播电视等其他方式公开184条).
    ("pro_other", re.compile(r"其他(?:方式|渠道|途径|形式|载体)|公开栏|公示栏|宣传栏|显示屏|报刊|报纸|广播|电视台|简报")),
)
_CHANNELS_BY_METRIC = dict(_CHANNELS)
_GOVERNMENT_FACET = re.compile(r"(?<![全各我本])(?:自治区|省|市|州|盟|县|区|旗)(?:人民)?(?:政府)?层面")
# A sentence whose subject is the government's portal: 州人民政府门户网站完成第三次改版，…
# (在市政府网站上增加……专栏，共更新信息86条 names a place on the portal, not its subject.)
_PORTAL_OPENING = re.compile(r"^(?!通过|利用|在|经|依托|借助)[\u4e00-\u9fff]{0,12}?(?:政府|行政公署|行署)(?:门户)?网站?(?:[“\"][^”\"]{1,12}[”\"])?")
# 在线访谈 / 线上访谈 / 网上访谈 / 网络访谈: the same programme under several names.
_INTERVIEW = r"(?:在线|线上|网上|网络)访谈"
# The programme may be quoted and called a column: 做客“在线访谈”栏目3期.
_QUOTE = r"[“”《》「」\"]?"
# “在线访谈”栏目全年开展访谈41期: the programme named earlier in the sentence, the act after.
_INTERVIEW_ACT = re.compile(r"(?:开展|举办|组织|进行|推出)(?:了)?访谈(?:节目|活动)?" + _TAIL)
# 《政报》24期，刊登省政府及省政府办公厅文件316件: what a gazette printed.
_GAZETTE_CONTENTS = re.compile(r"(?:刊登|刊发|刊载|登载|收录)(?:了)?[^;；。]{0,30}?(?:文件|规章|信息)" + _TAIL)
# 开通政务微博1126个，发布信息21.3万条: accounts opened, then what they published.
_ACCOUNTS_OPENED = re.compile(r"(?:开通|开设|注册|建成|建立)(?:了)?[^,，;；。]{0,10}?[\d,]+\s*个[^,，;；。]{0,4}[,，]")
_EVENT_METRICS = (
    ("pro_press_conferences", re.compile(r"(?:新闻)?发布会(?:活动)?" + _TAIL), re.compile(r"^(?:新闻)?发布会")),
    ("pro_online_interviews", re.compile(_INTERVIEW + _QUOTE + r"(?:节目|活动|栏目)?" + _TAIL),
     re.compile(r"^" + _QUOTE + _INTERVIEW)),
    ("pro_policy_interpretations",
     # 政策解读稿件36篇 / 解读政策文件30件 / 36篇政策解读
     # 发布解读材料186篇: without 政策, the act of publishing makes it the report's count (a
     # bare 其中图解解读材料N篇 is a subset by form and stays out).
     re.compile(r"(?:政策解读(?:信息|稿件|文章|材料|产品)?|解读(?:了)?(?:各类|重要|重大)?政策(?:性)?(?:文件)?|"
                r"(?:发布|刊发|推出|编发|撰写)(?:了)?(?:各类)?解读(?:信息|稿件|文章|材料))" + _TAIL),
     re.compile(r"^(?:政策)?解读(?:信息|稿件|文章|材料)?")),
)

# --- requests ------------------------------------------------------------------------------
_RECEIVE_VERB = r"(?:受理|收到|接收|接到|办理)"
_REQUEST_NOUN = r"(?:政府信息公开|信息公开|依申请公开|公开)(?:信息)?(?:的)?(?:申请|事项|请求)?"
# 受理政府信息公开申请1234件 / 接收申请书42份 / 收到依申请公开件9件
_RECEIVED_BEFORE = re.compile(
    _RECEIVE_VERB + r"(?:了)?[^,，;；:：]{0,16}?(?:" + _REQUEST_NOUN + r"|申请)(?:书|表|件)?" + _TAIL
)
# 受理45件依申请公开事项 / 受理的24件申请 (a bare 申请, but not 申请人 or 申请表)
_RECEIVED_AFTER = re.compile(
    r"^(?:(?:政府)?(?:信息公开|依申请公开|公开)(?:信息)?(?:的)?(?:申请|事项|请求)|申请(?!人|表|书))"
)
# 政府信息公开申请总量为120件: the total named as a quantity rather than through a verb.
_RECEIVED_TOTAL = re.compile(r"(?:" + _REQUEST_NOUN + r"|申请)(?:总量|总数|总件数|数量)" + _TAIL)
_RECEIVE_IN_CLAUSE = re.compile(_RECEIVE_VERB)
# 其中市政府办公室受理36件: a named subject and the verb alone, inside a sentence on requests.
_RECEIVED_VERB_ONLY = re.compile(r"(?:共|共计|累计)?" + _RECEIVE_VERB + r"(?:了)?" + _TAIL)
# 受理涉及征地拆迁的申请120件: a topic's share of the requests, not the number received.
_REQUEST_SUBSET = re.compile(r"(?:涉及|关于|有关|针对)(?!(?:政府)?信息公开|依申请)[^,，;；:：]{1,12}?的")
_REQUEST_NOUN_BEFORE = re.compile(r"(?:" + _REQUEST_NOUN + r"|申请)" + _TAIL)

_REQUEST_CHANNELS = (
    # 传真及电子邮件等其他方式申请145件: a category that says 其他 is the other channels, even
    # when it names some of them, so it is tried first.
    ("req_other_channel", re.compile(r"其他(?:形式|方式|途径|渠道)")),
    ("req_email", re.compile(r"电子邮件|电子邮箱|电邮|邮件")),
    ("req_fax", re.compile(r"传真")),
    ("req_in_person", re.compile(r"当面|现场|窗口|面对面|来访")),
    ("req_online", re.compile(r"网络|网上|网站|在线|互联网|信息公开平台|政务网|客户端|平台")),
    ("req_letter", re.compile(r"信函|邮寄|信件|来信|书面|邮政")),
)
_CHANNEL_REQUEST_WORD = re.compile(r"申请|受理|提交|提出|方式|形式|渠道|通道")
# How a request was answered or settled is an outcome, not the channel it came by.
_NOT_A_CHANNEL = re.compile(r"答复|回复|告知|不明确|不存在|办理的|转")
_ALL_BY_CHANNEL = re.compile(r"^(?:且|并且?|其中)?(?:全部|均|都)(?:为|是|通过|采用|以|由|系)?")

_ANSWERED_BEFORE = re.compile(
    r"(?<!公开)(?<!同意)(?:已|已经)?(?:全部|均)?(?:依法)?(?:答复|办结|办复|回复|处理完毕|办理完毕|予以答复)(?:了)?"
    # 按时答复申请98件 / 办结政府信息公开申请112件
    r"(?:" + _REQUEST_NOUN + r"|申请)?" + _TAIL
)
_ANSWERED_NEXT = re.compile(
    r"^(?:已|均|都|全部|并|且)[^,，;；。\d]{0,18}?(?:答复|办结|办复|处理完毕|办理完毕|作出答复|完成答复)"
)
_ALL_ANSWERED_STATEMENT = re.compile(
    r"^(?:所有|全部|上述|以上|所受理的?|受理的|收到的|这些)(?:的)?(?:政府信息公开|依申请公开)?申请(?:事项)?"
    r"(?:均|都|已|全部|均已|都已|已全部|已经)[^,，;；\d]{0,14}?(?:答复|办结|办复|处理完毕|办理完毕)"
)
# 57件申请已全部办结: the number first, the answer after it.
_ANSWERED_AFTER = re.compile(
    r"^(?:政府信息公开|依申请公开)?申请(?:事项)?(?:均|都|已|全部|均已|都已|已全部|已经)[^,，;；\d]{0,14}?(?:答复|办结|办复)"
)
_ANSWER_RATE = re.compile(r"(?:答复|办结|办复)率" + _TAIL)
# Letters, visits, hotlines and mailboxes (市长信箱来信560件，办结率100%) are another system than
# disclosure requests, even inside the part on requests.
# (A lone 来访/来信 can name a request channel, 来访申请; 群众来信 and 来信来访 are petitions.)
_OTHER_SYSTEM = re.compile(r"信箱|来信来访|来访来信|群众来信|群众来访|信访|热线|12345|留言|咨询")
_REQUEST_SYSTEM = re.compile(r"申请")
_DISCLOSURE_RATE = re.compile(r"(?<!部分)(?:实际)?公开(?:的)?(?:比例|比率|率)" + _TAIL)
# 同意公开和部分公开的占73.96% / 全部或部分公开的比例为75%: the disclosed share of the answers
# (granted and partly granted together) is the disclosure rate, not a merged "other" outcome.
_DISCLOSED_SHARE = re.compile(
    r"(?:(?:同意|予以|准予|全部)?公开(?:的)?|全部)(?:和|及|与|或|、|以及)(?:同意|予以|准予)?部分公开(?:的)?(?:申请|件数)?"
    r"(?:约|近|大约)?(?:占|所占)?(?:比|[^,，;；\d%]{0,8}?(?:总数|总量|比例|比重|比率))?(?:的)?(?:比例|比重)?" + _TAIL
)
# 占总数的 / 占总量 / 占申请总数的 / 占受理总数的 / 占全部申请的 / 占比
_SHARE_OF_TOTAL = re.compile(
    r"占(?:比|[^,，;；\d%]{0,8}?(?:总数|总量|总件数|总额|总和|总体|全部|总|申请|比例|比重))?"
    r"(?:的)?(?:比例|比重)?" + _TAIL
)
# Parts that have a share of a parent (metrics.csv: a parent is named).
_SHARE_PARENTS = {
    "req_in_person", "req_fax", "req_online", "req_letter", "req_email", "req_other_channel",
    "out_already_public", "out_granted", "out_partial", "out_denied", "out_not_held_by_agency",
    "out_nonexistent", "out_unclear", "out_other_channel", "out_duplicate", "out_other",
}
_GROWTH = re.compile(r"增长|下降|增加|减少|提高|降低|同比|较上年|比上年")

_OUTCOME_KEYWORDS = (
    ("out_not_held_by_agency", r"(?:不属于|非|不属)本(?:行政)?(?:机关|单位|部门)(?:公开|掌握|职责|负责)?(?:范围)?|不属于本机关"),
    ("out_nonexistent", r"(?:信息)?不存在"),
    ("out_unclear", r"(?:内容)?不明确|描述不清"),
    ("out_other_channel", r"(?:其他|其它)(?:途径|渠道)"),
    ("out_duplicate", r"重复申请"),
    ("out_already_public", r"(?:已|已经)?(?:属于|属)?(?:已)?主动公开(?:的)?(?:范围|内容|信息)?"),
    ("out_partial", r"部分公开"),
    ("out_denied", r"不予公开|不能公开|不公开"),
    ("out_granted", r"(?:同意|予以|准予)公开(?:答复)?|公开信息"),
    ("out_other", r"(?:其他|其它)(?:情况|情形|原因|方式)?"),
)
_OUTCOME_PATTERNS = tuple(
    (metric, re.compile(r"(?:" + words + r")[^,，;；、]{0,6}?" + _TAIL)) for metric, words in _OUTCOME_KEYWORDS
)
# A category that merges two (申请内容不明确或转其他途径办理) is out_other, not either one.
_MERGED_OUTCOME = re.compile(
    r"(?:" + "|".join(w for m, w in _OUTCOME_KEYWORDS if m != "out_other") + r")"
    r"[^,，;；]{0,4}?(?:或|或者|及|和|、)[^,，;；]{0,8}?"
    r"(?:" + "|".join(w for m, w in _OUTCOME_KEYWORDS if m != "out_other") + r")"
)

# Number first: 其中230件同意公开，15件部分公开. Only when nothing but a filler precedes the
# number in its segment, so the words after it are its own label.
_NUMBER_FIRST_LEFT = re.compile(r"^\s*(?:其中|另有|还有|共有|有|共|计)?\s*$")
_OUTCOME_AFTER_PREFIX = r"^(?:的)?(?:申请)?(?:为|属于|属|系|是|被|已|予以)?"
_MERGED_OUTCOME_AFTER = re.compile(_OUTCOME_AFTER_PREFIX + _MERGED_OUTCOME.pattern)
_OUTCOMES_AFTER = tuple(
    (metric, re.compile(_OUTCOME_AFTER_PREFIX + r"(?:" + words + r")"))
    for metric, words in _OUTCOME_KEYWORDS if metric != "out_other"
)

# A part of a total (see _Reader._part_of_total): the subject, then at most a verb of the
# total's own kind.
_PART_VERBS = {
    "req_received": r"(?:受理|收到|接收|接到|办理)",
    "pro_total": r"(?:主动)?(?:公开|发布)",
    "pro_press_conferences": r"(?:举办|召开|举行|组织)",
    "pro_online_interviews": r"(?:举办|开展|组织|参加)",
}
_SUBJECT_AND_VERB = re.compile(
    r"^\s*(?:其中)?[,，:：]?\s*(?:[\u4e00-\u9fff]{0,7}?(?:省|市|区|县|州|盟|旗))?(?:本级|人民政府|政府|行政公署|行署)"
    r"(?:共|共计|累计|全年)?(?P<verb>[\u4e00-\u9fff]{0,4}?)(?:了)?\s*$"
)

# --- fees ------------------------------------------------------------------------------------
# 收取费用120元 / 收取检索复制费1.2万元 / 收费总额为45元; not a tariff (收费标准为每页0.5元).
# The charged items may be listed (检索、复制、邮寄等费用), so up to ~24 characters sit between.
_FEE_AMOUNT = re.compile(r"(?:收取|收费)[^,，;；标每]{0,24}?(?:费用|费)?" + _TAIL)
_FEE_ABSENT = re.compile(
    r"(?:未|没有|均未|不曾|未曾|没|无)[^。；;]{0,30}?收取?[^。；;]{0,12}?(?:费用|费)|未收费|不收费|零收费|免收(?:任何)?费用|未产生(?:任何)?费用"
    # 分文未收 / 分文不取 / 未收取分文
    r"|分文(?:未收|不收|未取|不取)|(?:未|没有)收(?:取)?分文"
)
_FEE_CONTEXT = re.compile(r"申请|依申请|政府信息|信息公开")
_REQUEST_FEE_NAME = re.compile(r"信息处理费|(?:政府)?信息公开[^。；;]{0,8}?(?:费用|收费)|依申请[^。；;]{0,24}?(?:费用|收费)")

# --- reconsideration and lawsuits -------------------------------------------------------------
_RECON_TOTAL = re.compile(r"行政复议(?:申请|案件|案)?(?:[^,，;；]{0,4}?)" + _TAIL)
_RECON_AFTER = re.compile(r"^(?:的)?行政复议")
_LIT_TOTAL = re.compile(r"(?:行政诉讼|提起诉讼|起诉)(?:案件|案)?" + _TAIL)
# 行政复议、行政诉讼均为0件: one number for both.
_BOTH_REVIEWS = re.compile(
    r"(?:行政)?复议[^,，;；\d]{0,8}?(?:和|及|与|、|或)[^,，;；\d]{0,4}?(?:行政)?诉讼(?:案件|案)?(?:均|都|各)(?:为|是|有)?\s*$"
)
# A reconsideration organ's whole caseload (办理各类行政复议案件320件) is every case it handled,
# not the ones about information disclosure (办理有关政府信息公开的行政复议475件 is).
_ALL_REVIEWS = re.compile(r"^(?!.*信息公开).*(?:(?:各类|各种|所有|全部)(?:行政)?(?:复议|诉讼|应诉)|行政应诉)")
_LIT_AFTER = re.compile(r"^(?:的)?行政诉讼")
_REVIEW_CHILDREN = (
    ("pending", re.compile(r"(?:尚未审结|未审结|未结案|审理中|正在审理|尚在审理|正在办理)[^,，;；]{0,6}?" + _TAIL)),
    ("corrected", re.compile(r"(?:纠错|纠正|撤销|确认违法|责令|败诉)[^,，;；]{0,6}?" + _TAIL)),
    ("upheld", re.compile(r"(?:维持|驳回|胜诉)[^,，;；]{0,24}?" + _TAIL)),
    # 原告撤诉 / 申请人撤回申请 / 终止: the case ended without a ruling on the merits.
    ("other", re.compile(r"(?:其他|其它|撤诉|撤回|终止)(?:情况|情形|结果|方式)?[^,，;；]{0,6}?" + _TAIL)),
)
# 复议2件，均维持原答复 / 复议1件，目前正在审理: a numberless result right after the total is
# the result of all its cases (of the one case when there is one).
# The deciding body may be named first (一审法院均判决驳回, 复议机关均予以维持, 两案均被驳回).
_ALL_CASES = re.compile(r"^(?:(?:经复议|经审理|法院)?已|[^,，;；\d]{0,8}?(?:均|全部|都|皆))")
_REVIEW_RESULT_STATEMENT = tuple(
    (child, re.compile(r"^[^,，;；\d]{0,12}?(?:" + words + r")"))
    for child, words in (
        ("pending", r"尚未审结|未审结|审理中|正在审理|尚在审理"),
        ("corrected", r"纠错|纠正|撤销|确认违法|责令"),
        ("upheld", r"维持|驳回"),
        ("other", r"撤诉|撤回|终止"),
    )
)
# 行政复议：2件（均维持原答复）: the result of all the cases in brackets right after the total.
_BRACKETED_RESULT = re.compile(r"^\s*[（(](?P<words>[^（()）\d]{1,20})[)）]")
_NEGATION = r"(?:没有|未|无|均未|未曾|从未|不曾|零)"
_RECON_ABSENT = re.compile(_NEGATION + r"[^。；;，,]{0,30}?(?:行政复议|复议)")
_LIT_ABSENT = re.compile(_NEGATION + r"[^。；;，,]{0,40}?(?:行政诉讼|诉讼|起诉)")
_COMPLAINT_TOTAL = re.compile(r"(?:申诉|举报|投诉)(?:案件)?" + _TAIL)
_COMPLAINT_ABSENT = re.compile(_NEGATION + r"[^。；;，,]{0,40}?(?:申诉|举报|投诉)")
# 行政复议和行政诉讼案件均为零: absence stated after the noun.
_STATED_ZERO = re.compile(r"(?:均|都|皆)?(?:为|是)零")
_RECON_ZERO = re.compile(r"复议[^。；;，,]{0,20}?" + _STATED_ZERO.pattern)
_LIT_ZERO = re.compile(r"诉讼[^。；;，,]{0,20}?" + _STATED_ZERO.pattern)
_COMPLAINT_ZERO = re.compile(r"(?:申诉|举报|投诉)[^。；;，,]{0,20}?" + _STATED_ZERO.pattern)
# 行政复议、行政诉讼及申诉数均为0件: one number for every kind the list names.
_REVIEW_KIND = r"(?:行政)?复议|(?:行政)?诉讼|申诉|举报|投诉"
_REVIEW_LIST = re.compile(
    r"(?:" + _REVIEW_KIND + r")(?:[^,，;；\d]{0,3}?(?:和|及|与|、|或|以及)[^,，;；\d]{0,3}?(?:" + _REVIEW_KIND + r"))+"
    r"(?:案件|案|数量|数|件数)?(?:均|都|各)(?:为|是|有)?\s*$"
)
_REVIEW_KINDS_NAMED = (
    ("recon_total", re.compile(r"复议")), ("lit_total", re.compile(r"诉讼")),
    ("complaint_total", re.compile(r"申诉|举报|投诉")),
)
# 申诉：无。 / 行政诉讼：暂无 / 网上申请：无: a label and a word of absence, nothing else.
_LABELLED_NONE = re.compile(r"^\s*(?P<label>[^,，;；:：。]{1,16}?)\s*[：:]\s*(?:无|暂无|没有|零|为零)\s*[。；;]?\s*$")
# 无网上申请 / 没有通过网络提出的申请 / 未收到传真申请: a channel that brought no request.
_NO_CHANNEL = re.compile(
    r"^(?:并|且|另)?(?:无|没有|未收到|未有|未接到)(?:通过|以)?(?P<channel>[^,，;；。\d]{1,10}?)"
    r"(?:方式|形式|途径|渠道)?(?:提出|提交|递交)?(?:的)?申请[。；;]?\s*$"
)


@dataclass
class _Mention:
    value: float
    qualifier: str
    unit: str
    start: int  # paragraph-local offsets of the number with its unit
    end: int
    metric: str | None = None


# How sure the scope of a mention is: named by its clause's subject, by its sentence's, only
# implied by the owner of the channel (市政府网站), or carried from earlier text / the default.
CLAUSE_SUBJECT_STRENGTH = 2.0
SENTENCE_SUBJECT_STRENGTH = 1.0
CHANNEL_OWNER_STRENGTH = 0.5
CARRIED_STRENGTH = 0.0


@dataclass
class _Candidate:
    fact: Fact
    scope_strength: float


@dataclass
class _Paragraph:
    """One paragraph under reading: its matching text and where it sits in the document."""

    matching: str
    offset: int
    section: str
    has_proactive_section: bool


class _Reader:
    """Reads one document; keeps the state that carries from paragraph to paragraph."""

    def __init__(self, document: Document, own_place: str | None, issuer: Issuer | None) -> None:
        self.document = document
        self.candidates: list[_Candidate] = []
        self.has_proactive_section = bool(re.search(r"[一二三四五六七八九十][、.．]\s*[^\n]{0,12}主动公开", document.matching))
        # The report's own jurisdiction, so a subject naming another place is another body, and
        # its issuer. The pipeline passes what it already found; a caller without them has them
        # read here.
        if own_place is None or issuer is None:
            metadata = extract_metadata(document)
            own_place = metadata.jurisdiction_name if own_place is None else own_place
            issuer = issuer_of(document, metadata) if issuer is None else issuer
        self.own_place = own_place
        # A department's or a township's own report (市教育局2012年……报告, 我镇): its numbers are
        # the body's own, so an unnamed subject defaults to the body itself, not the jurisdiction.
        self.issuer = issuer
        self.default_scope = scopes.GOVERNMENT if speaks_for_itself(issuer) else scopes.WHOLE
        # The request total last read, for statements that refer back to it (上述申请已全部答复).
        self.received_total: float | None = None
        # The metric of the last total this paragraph gave, for the parts that follow it with a
        # subject and at most a bare verb (其中县本级公开5318条, 其中市政府举办46场).
        self.last_total_metric: str | None = None
        self.last_total_sentence: int | None = None  # document offset of the sentence that gave it

    # -- driving -------------------------------------------------------------------------
    def run(self) -> list[Fact]:
        tracker = sections.SectionTracker()
        for block in self.document.blocks:
            if block.kind != "paragraph":
                continue
            matching = self.document.matching[block.start:block.end]
            section = tracker.feed(matching.strip())
            if section == sections.PROBLEMS:
                continue
            self._read_paragraph(_Paragraph(matching, block.start, section, self.has_proactive_section))
        # The attached statistics table (附表), if any: the report's own numbers again, so a
        # count the text already gave merges with it (the text's mention is kept: its sentence
        # names the scope; a table row carries only the report's default scope).
        for fact in appendix.extract_appendix_facts(self.document, self.default_scope):
            self.candidates.append(_Candidate(fact, CARRIED_STRENGTH))
        return _merge(self.candidates, self.document)

    def _read_paragraph(self, paragraph: _Paragraph) -> None:
        text = paragraph.matching
        topic = {sections.REQUESTS: REQUEST, sections.FEES: FEE}.get(paragraph.section)
        paragraph_scope: str | None = None
        self.last_total_metric = None
        last_fact_end = 0
        for sentence_start, sentence_end in _sentence_spans(text):
            sentence = text[sentence_start:sentence_end]
            sentence_scope = None
            previous: _Mention | None = None
            last_received: float | None = None
            clauses = list(_spans(sentence, _CLAUSE_END))
            breakdown = False
            for clause_index, (clause_start, clause_end) in enumerate(clauses):
                clause = sentence[clause_start:clause_end]
                subject = scopes.clause_subject(clause, self.issuer, self.own_place)
                # 其中县本级8件: a part of the total just given; its subject names that part
                # only, it does not become the subject of what follows.
                breakdown = breakdown or bool(_BREAKDOWN.match(clause))
                clause_topic = _topic_of(clause, paragraph.section)
                if clause_topic:
                    topic = clause_topic
                if _ALL_REVIEWS.search(clause):
                    topic = None
                if subject and subject != scopes.OTHER_BODY and not breakdown:
                    sentence_scope = subject
                    paragraph_scope = subject
                if subject:
                    scope, strength = subject, CLAUSE_SUBJECT_STRENGTH
                elif sentence_scope:
                    scope, strength = sentence_scope, SENTENCE_SUBJECT_STRENGTH
                else:
                    scope, strength = paragraph_scope or self.default_scope, CARRIED_STRENGTH
                context = _ClauseContext(
                    paragraph=paragraph, sentence=sentence, sentence_start=sentence_start,
                    sentence_end=sentence_end, clause=clause, clause_start=sentence_start + clause_start,
                    scope=scope, strength=strength, topic=topic, breakdown=breakdown,
                    next_clause=sentence[clauses[clause_index + 1][0]:clauses[clause_index + 1][1]]
                    if clause_index + 1 < len(clauses) else "",
                )
                mentions = list(_mentions(clause, sentence_start + clause_start))
                if not mentions:
                    self._read_statement(context, last_received, previous)
                segment_floor = context.clause_start
                for mention in mentions:
                    left = _left_context(text, segment_floor, mention.start)
                    context.since_last_fact = text[max(sentence_start, last_fact_end):mention.start]
                    context.fact_before_in_sentence = last_fact_end > sentence_start
                    right = text[mention.end:sentence_start + clause_end]
                    mention.metric = self._classify(context, mention, left, right, previous)
                    if mention.metric is None:
                        mention.metric = self._part_of_total(context, mention, left, right)
                    if mention.metric is None and mention.unit in CASES and (
                            _BOTH_REVIEWS.search(left) or _REVIEW_LIST.search(left)):
                        listed = _REVIEW_LIST.search(left) or _BOTH_REVIEWS.search(left)
                        for metric, named in _REVIEW_KINDS_NAMED:
                            if named.search(listed.group()):
                                self._add(context, metric, mention.value, mention.qualifier, mention)
                    if mention.metric:
                        self._add(context, mention.metric, mention.value, mention.qualifier, mention)
                    bracketed = _BRACKETED_RESULT.match(right)
                    if bracketed and mention.metric in ("recon_total", "lit_total"):
                        self._review_result(context, bracketed["words"], mention)
                    if mention.metric == "req_received":
                        if last_received is None and not breakdown:
                            self.received_total = mention.value
                        last_received = mention.value
                    if mention.metric:
                        last_fact_end = mention.end
                    if mention.metric and not breakdown and mention.metric in _PART_VERBS:
                        self.last_total_metric = mention.metric
                        self.last_total_sentence = paragraph.offset + sentence_start
                    if (self._is_request_count(context, mention, left, right)
                            and _ANSWERED_NEXT.search(context.next_clause)
                            # 受理申请130件，已答复120件: the next clause has a count of its own
                            and not _MENTION.search(context.next_clause)):
                        # 受理的632件申请，全部予以答复 / 申请19起，都已依法办复: all answered
                        self._add(context, "req_answered", mention.value, mention.qualifier, mention,
                                  confidence=0.8, rule=f"{RULESET}.answered_all_next_clause")
                    previous = mention
                    segment_floor = mention.end

    # -- classification ------------------------------------------------------------------
    def _classify(self, context: "_ClauseContext", mention: _Mention, left: str, right: str,
                  previous: _Mention | None) -> str | None:
        unit = mention.unit
        if unit in PERCENT:
            return self._classify_percent(context, left, previous)
        if unit in MONEY:
            # Outside the fee part a sum is a request fee only when the sentence says so:
            # 收取政府信息公开信息处理费0元 (the 2021 fee regime's wording).
            in_fee_context = (context.topic == FEE or context.paragraph.section == sections.FEES
                              or _REQUEST_FEE_NAME.search(context.sentence))
            if in_fee_context and _FEE_AMOUNT.search(left):
                return "fee_collected_yuan"
            return None
        return (
            self._classify_review(context, unit, left, right)
            or self._classify_request(context, unit, left, right)
            or self._classify_proactive(context, unit, left, right)
        )

    def _classify_percent(self, context: "_ClauseContext", left: str, previous: _Mention | None) -> str | None:
        if _GROWTH.search(left):
            return None
        if _is_request_topic(context) and _DISCLOSED_SHARE.search(_last_segment(left)):
            return "req_disclosure_rate_pct"
        share = _SHARE_OF_TOTAL.search(left)
        if share:
            # 当面申请占41.2%: the share names its own part (no count printed); 占总量0.60%
            # after a count is that count's share.
            label = _last_segment(left[:share.start()])
            if label.strip() and _is_request_topic(context):
                metric = self._classify_request(context, "件", label, "")
                if metric and metric in _SHARE_PARENTS:
                    return metric + "_pct"
            if previous and previous.metric and not previous.metric.endswith("_pct"):
                return previous.metric + "_pct"
            return None
        if _is_request_topic(context):
            if _ANSWER_RATE.search(left):
                return "req_answer_rate_pct"
            if _DISCLOSURE_RATE.search(left):
                return "req_disclosure_rate_pct"
        return None

    def _classify_review(self, context: "_ClauseContext", unit: str, left: str, right: str) -> str | None:
        if unit not in CASES or _ALL_REVIEWS.search(left):
            return None
        segment = _last_segment(left)
        if _RECON_TOTAL.search(segment) or (_RECON_AFTER.search(right) and not _LIT_TOTAL.search(segment)):
            return "recon_total"
        if _LIT_TOTAL.search(segment) or _LIT_AFTER.search(right):
            return "lit_total"
        if context.topic in (RECON, LIT):
            prefix = "recon" if context.topic == RECON else "lit"
            for child, pattern in _REVIEW_CHILDREN:
                if pattern.search(segment):
                    return f"{prefix}_{child}"
        if context.paragraph.section == sections.REVIEW and _COMPLAINT_TOTAL.search(segment):
            return "complaint_total"
        return None

    def _classify_request(self, context: "_ClauseContext", unit: str, left: str, right: str) -> str | None:
        if not _is_request_topic(context) or unit not in REQUESTS:
            return None
        segment = _last_segment(left)
        if _CHANNEL_REQUEST_WORD.search(segment) and not _NOT_A_CHANNEL.search(segment):
            for metric, pattern in _REQUEST_CHANNELS:
                if pattern.search(segment):
                    return metric
        # 收到公民、法人和其他组织提出的政府信息公开申请312件: the verb may sit before an
        # enumeration, so the whole clause up to the number is read, not only its last segment.
        if not _REQUEST_SUBSET.search(left):
            if _RECEIVED_BEFORE.search(segment) or _RECEIVED_BEFORE.search(left) or _RECEIVED_TOTAL.search(segment):
                return "req_received"
            if (context.strength == CLAUSE_SUBJECT_STRENGTH and _RECEIVED_VERB_ONLY.search(segment)
                    and _NOTHING_AFTER.match(right) and _REQUEST_IN_REQUEST_PART.search(context.sentence)):
                return "req_received"
        if _RECEIVED_AFTER.search(right) and _RECEIVE_IN_CLAUSE.search(left):
            return "req_received"
        if _NUMBER_FIRST_LEFT.match(segment) and _ANSWERED_AFTER.search(right):
            return "req_answered"
        if _ANSWERED_BEFORE.search(segment):
            return "req_answered"
        if _MERGED_OUTCOME.search(segment):
            return "out_other"
        for metric, pattern in _OUTCOME_PATTERNS:
            if pattern.search(segment):
                return metric
        if _NUMBER_FIRST_LEFT.match(segment):
            if _MERGED_OUTCOME_AFTER.search(right):
                return "out_other"
            for metric, pattern in _OUTCOMES_AFTER:
                if pattern.search(right):
                    return metric
        return None

    def _classify_proactive(self, context: "_ClauseContext", unit: str, left: str, right: str) -> str | None:
        segment = _last_segment(left)
        if unit in EVENTS:
            for metric, before, after in _EVENT_METRICS:
                if before.search(segment) or after.search(right):
                    return metric
            if _INTERVIEW_ACT.search(segment) and re.search(_INTERVIEW, context.sentence):
                return "pro_online_interviews"
        if metric := self._policy_interpretations(segment, right, unit):
            return metric
        if unit not in ITEMS:
            return None
        # Channel counts and the total are only read where the report gives them: its part on
        # proactive disclosure (elsewhere they are one topic's or one department's counts).
        if context.paragraph.has_proactive_section and context.paragraph.section != sections.PROACTIVE:
            # The overview may state the jurisdiction's total with its subject and the full act
            # (2018年，全市主动公开政府信息8.64万余条): that is the total, wherever it is printed.
            if (context.paragraph.section == sections.OVERVIEW and context.strength == CLAUSE_SUBJECT_STRENGTH
                    and _PRO_TOTAL_EXPLICIT.search(segment)
                    and not any(channel.search(left) for _, channel in _CHANNELS)):
                return "pro_total"
            return None
        sentence_before = context.sentence[: context.clause_start - context.sentence_start]
        if _GAZETTE_CONTENTS.search(left) and _CHANNELS_BY_METRIC["pro_gazette"].search(sentence_before + left):
            return "pro_gazette"
        has_object = bool(_PUBLISH_TAIL.search(segment))
        if not has_object and not (_PUBLISH_VERB_TAIL.search(segment) and _NOTHING_AFTER.match(right)):
            return None
        # 政务微博、微信等: the channel list may span enumeration commas, so read the clause up to
        # the number (from the previous number on: 政府网站公开7000条，政府公报公开30条).
        for metric, channel in _CHANNELS:
            if channel.search(left):
                return metric
        # 开通政务微博1126个，发布信息21.3万条: the channel named in an earlier clause of the
        # sentence, with no fact read since (a count of accounts is no fact).
        accounts = _ACCOUNTS_OPENED.search(context.since_last_fact)
        if accounts and context.strength < CLAUSE_SUBJECT_STRENGTH and has_object:
            for metric, channel in _CHANNELS:
                if channel.search(accounts.group()):
                    return metric
        if not has_object:
            return None
        # 市政府门户网站完成改版，开设……栏目，全年发布信息9,514条: the portal is the subject of
        # the sentence, named in an earlier clause; what it published is its count, so long as no
        # clause names another subject and nothing was read as a fact before in the sentence.
        opening = scopes.strip_filler(context.sentence)
        if (context.strength < CLAUSE_SUBJECT_STRENGTH and not context.fact_before_in_sentence
                and scopes.channel_owner_scope(opening) and _PORTAL_OPENING.match(opening)):
            return "pro_website"
        # 《政府公报》刊发4期，公开信息23条: the gazette named earlier in the sentence.
        if _CHANNELS_BY_METRIC["pro_gazette"].search(sentence_before + context.clause):
            return "pro_gazette"
        if _INFO_ONLY_TAIL.search(segment):
            if context.strength == CLAUSE_SUBJECT_STRENGTH:
                return "pro_total"
            opening = scopes.strip_filler(context.clause)
            if (_PRO_TOTAL_OPENING.match(opening) and not re.search(r"\d", sentence_before)
                    and not any(channel.search(sentence_before) for _, channel in _CHANNELS)):
                return "pro_total"
        return None

    def _part_of_total(self, context: "_ClauseContext", mention: _Mention, left: str, right: str) -> str | None:
        """其中县本级8件 / 其中，市本级公开42115条 / 其中市政府举办46场: inside a breakdown, the
        report's own level or government named with at most a bare verb gives its part of the
        total just stated, in that total's metric."""
        metric = self.last_total_metric
        if (metric is None or not context.breakdown or context.strength != CLAUSE_SUBJECT_STRENGTH
                or context.scope not in (scopes.OWN_LEVEL, scopes.GOVERNMENT)):
            return None
        if mention.unit not in UNIT_OF_METRIC_FAMILY[unit_of(metric)] or not _NOTHING_AFTER.match(right):
            return None
        opening = _SUBJECT_AND_VERB.match(_last_segment(left))
        if not opening:
            return None
        verb = opening["verb"]
        if verb and not re.fullmatch(_PART_VERBS[metric], verb):
            return None  # 其中市政府转办30件: another act than the total's
        return metric

    @staticmethod
    def _policy_interpretations(segment: str, right: str, unit: str) -> str | None:
        if unit in (ITEMS | EVENTS):
            _, before, after = _EVENT_METRICS[2]
            if before.search(segment) or after.search(right):
                return "pro_policy_interpretations"
        return None

    @staticmethod
    def _is_request_count(context: "_ClauseContext", mention: _Mention, left: str, right: str) -> bool:
        if not _is_request_topic(context) or mention.unit not in REQUESTS:
            return False
        if mention.metric not in (None, "req_received"):
            return False
        return bool(_REQUEST_NOUN_BEFORE.search(_last_segment(left)) or _RECEIVED_AFTER.search(right))

    # -- statements without a number -----------------------------------------------------------
    def _review_result(self, context: "_ClauseContext", opening: str, previous: _Mention | None) -> None:
        """复议2件，均维持原答复 / 复议1件，目前正在审理: a numberless result right after the
        total is the result of all its cases (of the one case when there is one)."""
        if previous is None or previous.metric not in ("recon_total", "lit_total") or not previous.value:
            return
        prefix = previous.metric.split("_")[0]
        if _ALL_CASES.match(opening) or previous.value == 1:
            for child, pattern in _REVIEW_RESULT_STATEMENT:
                if pattern.search(opening):
                    self._add_statement(context, f"{prefix}_{child}", previous.value, "review_result_all",
                                        confidence=0.75)
                    break

    def _read_statement(self, context: "_ClauseContext", last_received: float | None,
                        previous: _Mention | None = None) -> None:
        clause = context.clause
        opening = scopes.strip_filler(clause)
        self._review_result(context, opening, previous)
        # 所有申请均已在规定时限内答复 / 上述申请已全部按期答复: all the requests just counted.
        if (self.received_total is not None and _ALL_ANSWERED_STATEMENT.search(opening)
                and (context.topic == REQUEST or context.paragraph.section == sections.REQUESTS)):
            self._add_statement(context, "req_answered", self.received_total, "answered_all_statement",
                                confidence=0.75)
        if _FEE_ABSENT.search(clause) and (
            context.paragraph.section == sections.FEES or context.topic == FEE or _FEE_CONTEXT.search(context.sentence)
        ):
            self._add_statement(context, "fee_collected_yuan", 0.0, "fee_absent")
        if context.paragraph.section != sections.PROBLEMS:
            if _RECON_ABSENT.search(clause) or _RECON_ZERO.search(clause):
                self._add_statement(context, "recon_total", 0.0, "review_absent")
            if _LIT_ABSENT.search(clause) or _LIT_ZERO.search(clause):
                self._add_statement(context, "lit_total", 0.0, "review_absent")
            if (_COMPLAINT_ABSENT.search(clause) or _COMPLAINT_ZERO.search(clause)) and (
                context.paragraph.section == sections.REVIEW or "信息公开" in context.sentence
            ):
                self._add_statement(context, "complaint_total", 0.0, "complaint_absent")
        self._labelled_none(context)
        if context.topic == REQUEST and (no_channel := _NO_CHANNEL.match(opening)):
            for metric, pattern in _REQUEST_CHANNELS:
                if pattern.search(no_channel["channel"]):
                    self._add_statement(context, metric, 0.0, "channel_absent")
                    break
        if last_received is not None and context.topic == REQUEST:
            opening = _ALL_BY_CHANNEL.match(clause)
            if opening:
                rest = clause[opening.end():]
                for metric, pattern in _REQUEST_CHANNELS:
                    if pattern.match(rest) or pattern.match(rest.lstrip("以通过用")):
                        self._add_statement(context, metric, last_received, "all_by_one_channel", confidence=0.75)
                        break

    def _labelled_none(self, context: "_ClauseContext") -> None:
        """申诉：无 / 行政复议：暂无 / 收取费用：无: the label names what there was none of."""
        found = _LABELLED_NONE.match(context.sentence)
        if not found or context.clause_start == context.sentence_start:
            return  # read once, at the clause after the label
        label = found["label"]
        section = context.paragraph.section
        if section == sections.PROBLEMS:
            return
        if (section == sections.REVIEW or _TOPIC_WORDS[0][1].search(label) or _TOPIC_WORDS[1][1].search(label)) \
                and re.fullmatch(r"(?:政府信息公开)?(?:" + _REVIEW_KIND + r")(?:[、和及与]|" + _REVIEW_KIND
                                 + r"|案件|情况|数量|数)*", label):
            for metric, named in _REVIEW_KINDS_NAMED:
                if named.search(label):
                    self._add_statement(context, metric, 0.0, "labelled_none")
            return
        if (section == sections.FEES or context.topic == FEE) and re.search(r"收费|费用|收取", label):
            self._add_statement(context, "fee_collected_yuan", 0.0, "labelled_none")
            return
        if context.topic == REQUEST and re.search(r"申请$", label):
            for metric, pattern in _REQUEST_CHANNELS:
                if pattern.search(label):
                    self._add_statement(context, metric, 0.0, "labelled_none")
                    break

    # -- recording -----------------------------------------------------------------------------
    def _add(self, context: "_ClauseContext", metric: str, value: float, qualifier: str, mention: _Mention,
             confidence: float = 0.9, rule: str | None = None) -> None:
        scope, strength = context.scope, context.strength
        if metric.startswith("pro_") and not metric.endswith("_pct"):
            # What the government's own site publishes is the government's, unless the clause
            # names another subject; it ranks as a sentence-level hint, not a named subject.
            # (市政府公报全年编印12期，刊发文件156件: the owner may open the sentence.)
            owner = scopes.channel_owner_scope(context.clause) or scopes.channel_owner_scope(context.sentence)
            # 我区公开2318条。其中，区政府门户网站公开1920条: a sentence that lists the channels of
            # the jurisdiction's total shares its scope; the owner counts only outside such a list
            # (全市发布35万条，其中……，市政府门户网站发布37824条 stays the government's).
            # 全县主动公开3,482条，其中县政府门户网站公开2,146条: a clause opening the breakdown
            # of the total its own sentence just gave is such a list too.
            inside_total = self.last_total_metric == "pro_total" and (
                _BREAKDOWN.match(context.sentence) is not None
                or ((_BREAKDOWN.match(context.clause) is not None
                     or _BREAKDOWN_OPENED.search(context.sentence[:context.clause_start - context.sentence_start]))
                    and self.last_total_sentence == context.paragraph.offset + context.sentence_start))
            if owner and strength < 2 and not inside_total:
                scope, strength = owner, CHANNEL_OWNER_STRENGTH
        # 发布自治区层面政策解读材料64篇 / 市政府层面: the government's own level, named in the
        # object (全市层面 is the whole, 省级层面 is left as it is).
        if scope == scopes.WHOLE and _GOVERNMENT_FACET.search(
                context.paragraph.matching[context.clause_start:mention.start]):
            scope, strength = scopes.GOVERNMENT, SENTENCE_SUBJECT_STRENGTH
        if scope == scopes.OTHER_BODY:
            return
        self._record(context, metric, value, qualifier, scope, strength,
                     rule or f"{RULESET}.{metric}", confidence if strength else confidence - 0.1)

    def _add_statement(self, context: "_ClauseContext", metric: str, value: float, rule: str,
                       confidence: float = 0.85) -> None:
        if context.scope == scopes.OTHER_BODY:
            return
        self._record(context, metric, value, "exact", context.scope, context.strength,
                     f"{RULESET}.{rule}", confidence)

    def _record(self, context: "_ClauseContext", metric: str, value: float, qualifier: str, scope: str,
                strength: float, rule: str, confidence: float) -> None:
        start, end = _trimmed(self.document.text, context.paragraph.offset + context.sentence_start,
                              context.paragraph.offset + context.sentence_end)
        unit = unit_of(metric)
        # The evidence is cut from the text once a candidate is kept (see _merge): a sentence
        # holding many numbers would otherwise be copied once per number.
        fact = Fact(
            metric=metric, value=value, unit=unit, qualifier=qualifier, scope=scope,
            evidence="", start=start, end=end, rule=rule, confidence=round(confidence, 2),
        )
        self.candidates.append(_Candidate(fact, strength))


@dataclass
class _ClauseContext:
    paragraph: _Paragraph
    sentence: str
    sentence_start: int  # paragraph-local
    sentence_end: int
    clause: str
    clause_start: int  # paragraph-local
    scope: str
    strength: float
    topic: str | None
    next_clause: str
    breakdown: bool = False
    since_last_fact: str = ""  # the sentence's text since the last number read as a fact
    fact_before_in_sentence: bool = False  # a number of this sentence was read as a fact already


def _spans(text: str, boundary: re.Pattern[str]):
    """(start, end) of the pieces of ``text`` between boundaries, delimiter included."""
    start = 0
    for match in boundary.finditer(text):
        if match.end() > start:
            yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


# A sentence is read clause by clause with the sentence as context, so its cost grows with the
# square of its length; real sentences are a few hundred characters, and a run-on "sentence" of
# a scraped page (no 。 for pages on end) is read in pieces cut at clause boundaries.
MAX_SENTENCE_CHARS = 1500
_CUT_POINT = re.compile(r"[，,、]")


def _sentence_spans(text: str):
    for start, end in _spans(text, _SENTENCE_END):
        while end - start > MAX_SENTENCE_CHARS:
            cuts = [match.end() for match in _CUT_POINT.finditer(text, start, start + MAX_SENTENCE_CHARS)]
            cut = cuts[-1] if cuts else start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut
        yield start, end


def _mentions(clause: str, clause_offset: int):
    found = [(match, match["unit"]) for match in _MENTION.finditer(clause)]
    found += [(match, "成") for match in _TENTHS.finditer(clause)]
    for match, unit in sorted(found, key=lambda item: item[0].start()):
        value = read_number(match["digits"], match["multiplier"])
        if value is None:
            continue
        if unit == "成":
            value, unit = round(value * 10, 6), "%"
        before = clause[max(0, match.start("digits") - 8):match.start("digits")]
        share_verb = _SHARE_VERB_END.search(before)
        if share_verb:
            before = before[:share_verb.start()] + (share_verb["pre"] or "")
        before = before[-4:]
        suffix = match.groupdict().get("suffix") or match["suffix_after"]
        if unit == "万元":
            value = round(value * 10_000, 6)
        yield _Mention(
            value=value, qualifier=qualifier_from_context(before, suffix), unit=unit,
            start=clause_offset + match.start("digits"), end=clause_offset + match.end(),
        )


def _left_context(text: str, floor: int, mention_start: int) -> str:
    # 行政复议：4件: the label before a colon is read as if the colon were not printed.
    return _TRAILING_COLON.sub("", text[floor:mention_start])


def _last_segment(left: str) -> str:
    pieces = _SEGMENT_END.split(left)
    return pieces[-1] if pieces else left


def _is_request_topic(context: "_ClauseContext") -> bool:
    """The clause is about disclosure requests (and its sentence not about letters or a mailbox)."""
    if context.topic != REQUEST:
        return False
    return not (_OTHER_SYSTEM.search(context.sentence) and not _REQUEST_SYSTEM.search(context.sentence))


def _topic_of(clause: str, section: str) -> str | None:
    for topic, pattern in _TOPIC_WORDS:
        if pattern.search(clause):
            return topic
    if section == sections.REQUESTS and _REQUEST_IN_REQUEST_PART.search(clause):
        return REQUEST
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace()):
        end -= 1
    return start, end


def _merge(candidates: list[_Candidate], document: Document) -> list[Fact]:
    """One fact per metric, applicant and value: a number restated later in the report is the
    same fact. Of its mentions, the one whose clause names the subject gives the scope."""
    best: dict[tuple[str, str, float | None], _Candidate] = {}
    order: list[tuple[str, str, float | None]] = []
    for candidate in candidates:
        key = (candidate.fact.metric, candidate.fact.applicant, candidate.fact.value)
        kept = best.get(key)
        if kept is None:
            best[key] = candidate
            order.append(key)
        elif candidate.scope_strength >= SENTENCE_SUBJECT_STRENGTH and candidate.scope_strength > kept.scope_strength:
            best[key] = candidate
    kept_facts = [best[key].fact for key in order]
    return [fact if fact.evidence else replace(fact, evidence=document.verbatim(fact.start, fact.end)) for fact in kept_facts]


def extract_legacy_facts(document: Document, own_place: str | None = None, issuer: Issuer | None = None) -> list[Fact]:
    """``own_place`` and ``issuer``: the report's jurisdiction name and issuer, when the caller
    already knows them."""
    return _Reader(document, own_place, issuer).run()
