"""Words the phrasing families share: regex fragments, nothing else.

Patterns are written on the matching text (simplified script, half-width ASCII: the Chinese
comma is "," there), so one fragment serves traditional and simplified reports alike.
"""
from __future__ import annotations

from extractors.numbers import ABOUT_SUFFIX, NUMBER_PATTERN, OVER_SUFFIX

# --- numbers and their units ---------------------------------------------------------------------
UNITS = r"%|万元|元|人次|件次|件|条|起|项|个|场|次|期|篇|宗|例|份"
# A number with its unit: 1,234件 / 1.39万余件 / 十二场 / 900余场 / 35%. (15个工作日, 3个月 are
# durations, 2个百分点 a change, 三项合计 names a sum: no count.)
MENTION = (r"(?<![\d.])" + NUMBER_PATTERN
           + r"\s*(?P<suffix>" + OVER_SUFFIX + r"|" + ABOUT_SUFFIX + r")?\s*(?P<unit>" + UNITS + r")"
           + r"(?<!个(?=工作日|月|小时|季度|百分点|自然日))(?<!项(?=合计|共计|总计|之和|相加))(?P<suffix_after>以上|左右|多)?")
# 网上申请约占两成: a share in tenths (成), only after 占, where 成 is no other word (建成, 完成).
TENTHS = (r"(?<=占)(?:[^,，;；\d%成]{0,8}?的)?(?P<pre>约|近|超过|逾|不足|不到)?(?<![\d.])" + NUMBER_PATTERN
          + r"\s*成(?P<suffix_after>以上|左右|多)?")
# 约占35% / 占近两成: a qualifier may stand before 占 or after it.
SHARE_VERB_END = r"占(?:比|了)?\s*(?P<pre>约|近|超过|逾|不足|不到)?\s*$"

# Unit families: which printed units count which kind of thing.
ITEMS = frozenset({"条", "件", "篇", "个", "份"})
EVENTS = frozenset({"场", "次", "期", "个"})
REQUESTS = frozenset({"件", "起", "项", "个", "宗", "条", "例", "份", "人次", "件次"})  # 份: 申请书42份; 人次: 申请137人次
CASES = frozenset({"件", "起", "宗", "个", "例", "项", "件次"})
PERCENT = frozenset({"%"})
MONEY = frozenset({"元", "万元"})
AMOUNT_OF_MONEY = NUMBER_PATTERN + r"\s*元"  # 180元, 1.2万元, 三百元
UNITS_OF = {"items": ITEMS, "events": EVENTS, "requests": REQUESTS, "cases": CASES, "percent": PERCENT,
            "yuan": MONEY, "items_or_events": ITEMS | EVENTS}

# --- sentence structure --------------------------------------------------------------------------
SENTENCE_END = r"[。！？!?；;\n]"
# A comma between a digit and three more digits (8,765条) is a thousands separator.
COMMA = r"(?:，|,(?<!\d,)|,(?!\d{3}(?!\d)))"
# A colon before a number labels it (行政复议：4件, 收取费用：0元): label and number are one clause.
LABEL_COLON = r"[：:](?=\s*(?:\d|[零〇一二两三四五六七八九十百千]+\s*[万亿]?\s*(?:" + UNITS + r")))"
CLAUSE_END = COMMA + r"|(?!" + LABEL_COLON + r")[：:]"
SEGMENT_END = COMMA + r"|[：:、]"
# A clause opening the breakdown of the total before it (其中…).
BREAKDOWN = r"^\s*(?:其中|内含|包括)[,，:：]?"
BREAKDOWN_OPENED = r"(?:其中|内含|包括)[,，:：]\s*$"

# Words that may stand between a metric's name and its number: 共/达/为/超过……
# (新闻发布会（含政策吹风会）18场: an aside in brackets may stand between them too)
TAIL = r"(?:共计?|合计|总计|累计|达到?|为|计|约|大约|近|超过|超|逾|不足|不到|了|的|有|是|\s|“|”|[（(][^（）()\d]{1,12}[)）])*$"
# Nothing but a filler (and the clause's subject) before the number in its segment: the words
# after it are its label (其中230件同意公开, 州本级对108件申请予以公开).
NUMBER_FIRST = (r"^\s*(?:(?:截至|截止|至)?(?:年底|年末|报告期末))?"
                r"(?:(?:[\u4e00-\u9fff]{0,6}?(?:省|市|区|县|州|盟|旗))?(?:本级|人民政府|政府)|全(?:省|市|区|县|州|盟|旗))?"
                r"(?:其中|另有|还有|尚有|仍有|共有|有|共|计|对|将|其余|余下|另|上述|以上|前述|该|这|此|全部|所有)?\s*$")
# Nothing after the number but the clause's end or the word 信息.
NOTHING_AFTER = r"^\s*(?:$|[,，;；。、:：()（）]|(?:政府|政务)?信息)"

# --- change -----------------------------------------------------------------------------------------
GROWTH = r"增长|下降|增加|减少|提高|降低|同比|较上年|比上年|上升|持平"

# --- requests --------------------------------------------------------------------------------------
RECEIVE_VERB = r"(?:受理|收到|接收|接到|新收|(?:办理|处理)(?!完毕|结果|情况))"
REQUEST_NOUN = r"(?:政府信息公开|信息公开|依申请公开|公开)(?:信息)?(?:的)?(?:申请|事项|请求)?"

# --- reviews -----------------------------------------------------------------------------------------
REVIEW_KIND = r"(?:行政)?复议|(?:行政)?诉讼|申诉|举报|投诉"
