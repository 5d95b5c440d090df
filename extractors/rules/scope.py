"""Whose numbers a clause gives: the whole jurisdiction, its own-level organs, the government
body itself, or some other body (one department, the lower-level governments) whose numbers are
not the report's.

Only the opening of a clause is read as its subject (after fillers such as 2016年, 其中, 全年),
because body names later in a clause are objects (涉及市政府部门的申请) or channels
(通过市政府网站受理).
"""
from __future__ import annotations

import re

from extractors.issuer import DEPARTMENT, OTHER, TOWNSHIP, Issuer, speaks_for_itself

WHOLE = "whole"
OWN_LEVEL = "own_level"
GOVERNMENT = "government"
OTHER_BODY = "other_body"  # a department or the lower levels: not a fact of this report

_LEVEL = r"(?:省|市|区|县|州|盟|旗)"
_PLACE = r"(?:[\u4e00-\u9fff]{0,7}?" + _LEVEL + r")?"
# A body of a named level: 市政府, 永州市人民政府 (a bare 政府 is no subject: 政府公报, 政府网站)
_LEVELLED = r"[\u4e00-\u9fff]{0,7}?" + _LEVEL
# The government body itself: 政府 / 人民政府, and a league's or a prefecture's 行政公署 (行署).
_GOVERNMENT_BODY = r"(?:(?:人民)?政府|行政公署|行署)"
# A body of a named level, or a prefecture's 行署 named alone (行署门户网站, 行署新闻办: there is
# one 行署 to a report that says so).
_THE_GOVERNMENT = r"(?:" + _LEVELLED + _GOVERNMENT_BODY + r"|(?:地区)?(?:行政公署|行署))"

# Stripped from the clause start before the subject is read.
_FILLER = re.compile(
    r"^(?:\s|其中|另外|此外|同时|全年|今年|当年|本年度?|年内|"
    r"\d{4}\s*年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:以来|全年)?|截至\S{0,8}?底|[,，:：、])+"
)

# (全区各部门、各街道: the departments with the townships are every body of the jurisdiction)
_WITH_THE_OTHERS = r"[、和及与]各?"
# 全市 narrowed to a part of itself is that part, not the whole: 全市各县（市、区）和市级部门,
# 全市68个市直部门网站, 全市发改系统 (but 全市政府系统 and 全市各级 are the whole).
_WHOLE_NARROWED = re.compile(
    r"^(?:全|我|本)" + _LEVEL + r"(?:"
    r"各(?:县|区|市|乡|镇|街道)(?!级)(?![^,，;；]{0,3}?" + _WITH_THE_OTHERS + r"部门)|县市区|(?:各)?县[（(]市|"
    r"[\d,]*个?(?:市直|省直|县直|区直|市级|省级|县级)?(?:各)?部门(?!及)(?!" + _WITH_THE_OTHERS + r"(?:街道|乡镇|镇|乡|区县|县区))|"
    r"(?!政府|行政)[\u4e00-\u9fff]{1,4}系统)"
)
# The levels below the report's own, named together: 市县两级, 县市区, 县（市、区）, 区县, 乡镇.
_LOWER_LEVELS = re.compile(r"^(?:[省市]?[市县区]{1,2}两级|县市区|县[（(]市、?区[)）]|各?(?:区县|县区|县市|区市)|各?乡镇"
                           r"|各?乡(?:镇)?[（(]街道[)）])")

_SUBJECTS = (
    (OTHER_BODY, _WHOLE_NARROWED),
    (OTHER_BODY, _LOWER_LEVELS),
    # whole jurisdiction: every organ at every level
    (WHOLE, re.compile(
        r"^(?:全" + _LEVEL + r"|我" + _LEVEL + r"|本" + _LEVEL + r"(?!本级|政府)|"
        + _PLACE + r"各级|" + _PLACE + r"政府信息公开(?:工作)?主体|" + _PLACE + r"政府系统)"
    )),
    # X本级; X政府及其组成部门 (the government with its departments: the own level's organs)
    (OWN_LEVEL, re.compile(r"^(?!各)" + _PLACE + r"(?:本级|(?:人民)?政府(?:及|和)其?(?:组成|工作|所属)?部门)")),
    # a department, an office of the government other than its general office, the
    # lower-level governments: their numbers are parts, not the report's totals
    (OTHER_BODY, re.compile(
        r"^(?:各(?:区|县|市|乡|镇|街道|部门|单位|地|级部门)|(?:所|下)?辖|" + _LEVEL + r"(?:级|直)(?:各|属)?(?:部门|单位|机关)|"
        + _LEVELLED + _GOVERNMENT_BODY + r"(?!办公厅|办公室|门户|网站|网|新闻办)(?:[\u4e00-\u9fff]{1,8}?(?:办公室|局|委员会|委|中心|处))|"
        + r"(?!" + _PLACE + _GOVERNMENT_BODY + r")" + _LEVELLED
        + r"[\u4e00-\u9fff]{1,8}?(?:局|委员会|委|厅|中心|馆|办公室|办)(?![\u4e00-\u9fff]{0,2}公开))"
    )),
    # 市政府 itself, not 市政府部门 (its departments), 市政府信息公开平台 (a platform) nor
    # 市政府门户网站 or 市政府公报 (channels: see channel_owner_scope)
    # (its press office, 市政府新闻办(公室), speaks for it: the government's press conferences)
    (GOVERNMENT, re.compile(r"^" + _THE_GOVERNMENT
                            + r"(?!信息|系统|部门|各部门|及其?部门|工作部门|门户|网站|网|公报)")),
    # the jurisdiction named alone (鞍山市在……): the whole jurisdiction
    (WHOLE, re.compile(r"^[\u4e00-\u9fff]{1,7}?" + _LEVEL + r"(?![\u4e00-\u9fff]{0,3}(?:政府|局|委|办|本级))")),
)

# The owner of a publishing channel (市政府门户网站发布……, 利用市政府网站发布……): a
# proactive-disclosure count published on the government's own site is the government's.
# (《甘肃政报》, 《广西壮族自治区人民政府公报》: a government's gazette, named by its title.)
_CHANNEL_OWNER = re.compile(r"^(?:通过|利用|在|经)?(?:《?" + _THE_GOVERNMENT + r"(?:(?:门户)?网(?:站)?|公报)"
                            r"|《[\u4e00-\u9fff]{2,16}(?:政报|政府公报)》)")


def strip_filler(clause: str) -> str:
    return _FILLER.sub("", clause, count=1)


# The body that decided a review or a suit (复议机关县政府经审查, 县人民法院一审判决) is not whose
# figures the report gives.
_DECIDING_BODY = re.compile(r"^(?:(?:行政)?复议(?:机关|机构)|[\u4e00-\u9fff]{0,10}?(?:人民)?法院)")
# A clause opening with a preposition has no subject of its own (通过市政府网站受理……).
_BOARDS_OF_MANY = re.compile(r"^各[^,，;；。\d]{0,10}?(?:公开栏|公示栏|宣传栏)")
_ON_BEHALF = re.compile(r"^以(?P<inner>[^,，;；。以]{2,20}?)(?:的)?名义")
_FRAME = re.compile(r"^在(?P<inner>[^,，;；。在]{2,40}?)(?:中|当中|之中)")
_PREPOSITION = re.compile(r"^(?:通过|利用|在|经|对|向|从|涉及|按照?|根据|围绕|依托|依据|针对|为)")
# A clause opening with its verb has no subject of its own (刊发市政府及市政府办公室文件46件: the
# bodies named are the object).
_VERB_OPENING = re.compile(r"^(?:刊发|刊登|刊载|发布|公开|召开|举办|举行|开展|组织|收到|受理|接到|接收|办理|编印|编发|印发|"
                           r"制定|出台|印制|更新|推送|完成|实现|建立|开通|设立|邀请|做客|回应|解读)")


# 宿迁市教育局 is also printed 市教育局 / 教育局.
_SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?=" + _LEVEL + r")")
# A department's report speaks of itself as 本委/本局/我局, a township's as 我镇/本街道/镇政府, any
# body's as 本单位/本机关 (or by its name): a township's report naming 本局 speaks of another body.
_SELF_NOT_SYSTEM = r"(?![\u4e00-\u9fff]{0,1}(?:部门|系统))"
_SELF_BODY = {
    DEPARTMENT: re.compile(r"^(?:本|我)(?:委|局|厅|办|署|中心|部门|单位|机关)" + _SELF_NOT_SYSTEM),
    TOWNSHIP: re.compile(r"^(?:(?:本|我)(?:乡|镇|街道|街|苏木|单位|机关)" + _SELF_NOT_SYSTEM
                         + r"|(?:乡|镇|街道)(?:人民)?政府|街道办(?:事处)?|办事处|(?:街道|苏木)(?=共|全年|主动|累计|收到|受理))"),
    # (a development zone's committee speaks of itself as 管委会)
    OTHER: re.compile(r"^(?:(?:本|我)(?:委|办|区|园区|单位|机关)" + _SELF_NOT_SYSTEM + r"|(?:本|我)?(?:管委会|管理委员会)(?!办公室))"),
}


def clause_subject(clause: str, issuer: Issuer | None = None, own_place: str | None = None) -> str | None:
    """The scope named by the clause's subject, or None when the clause names none.

    ``issuer`` is the issuing body: when the report is a department's or a township's own (市教育
    局, 建新镇), 本局/我镇 and the body's name are the body itself (scope government), the way
    市政府 is in a city's report.

    ``own_place`` is the report's jurisdiction (恩施土家族苗族自治州): a subject that names
    another place by its own name (恩施市, 利川市政府, 丙丁县本级) is another body, whose
    numbers are not the report's.
    """
    opening = strip_filler(clause)
    if _BOARDS_OF_MANY.match(opening):
        return None  # 各乡镇、部门公开栏发布573条: a channel, named by its owners (see traps)
    if on_behalf := _ON_BEHALF.match(opening):
        # 以省政府名义举办的67场: what the body did in its own name is its own.
        return clause_subject(on_behalf["inner"], issuer, own_place)
    if frame := _FRAME.match(opening):
        # 在市本级已答复的417件申请中，同意公开286件: the frame names whose requests follow.
        return clause_subject(frame["inner"], issuer, own_place)
    if _PREPOSITION.match(opening) or _VERB_OPENING.match(opening) or _DECIDING_BODY.match(opening):
        return None
    if speaks_for_itself(issuer) and (
            _SELF_BODY[issuer.kind].match(opening)
            or (issuer.name and (opening.startswith(issuer.name) or opening.startswith(_SHORT_NAME.sub("", issuer.name))))):
        return GOVERNMENT
    for scope, pattern in _SUBJECTS:
        if pattern.match(opening):
            if scope != OTHER_BODY and own_place and names_another_place(opening, own_place):
                return OTHER_BODY
            return scope
    if own_place and names_another_place(opening, own_place):
        return OTHER_BODY
    return None


# A place name's level suffix; what precedes it is its stem (恩施|州, 长阳土家族|自治县).
_PLACE_LEVEL = re.compile(r"(?:自治区|自治州|自治县|自治旗|特别行政区|地区|省|市|区|县|州|盟|旗)$")
_ETHNIC = re.compile(r"(?:[\u4e00-\u9fff]{1,4}族)+$")


def _stem_and_level(name: str) -> tuple[str, str]:
    level = _PLACE_LEVEL.search(name)
    if not level:
        return name, ""
    return _ETHNIC.sub("", name[:level.start()]), level.group()[-1]


def same_place(named: str, own: str) -> bool:
    """恩施州 is 恩施土家族苗族自治州, 锡盟 is 锡林郭勒盟, 自治区 is the region itself; 恩施市 is
    not 恩施州 (another level), 利川市 is not 恩施州."""
    stem, level = _stem_and_level(named)
    own_stem, own_level = _stem_and_level(own)
    if not stem:
        return True  # 自治区 / 自治州: the level alone names the report's own
    if level and own_level and level != own_level:
        return False
    return own_stem.startswith(stem) or stem.startswith(own_stem)


_PLACE_LEVEL_NEAR_START = re.compile(r"^[^,，;；。]{0,18}?[省市区县州盟旗]")


def names_another_place(opening: str, own_place: str) -> bool:
    """The opening names a division (GB/T 2260: 恩施市, 利川市, 天津市) that is not the report's
    own. Only real division names count: a verb before a level word (刊登省政府文件) is none."""
    from extractors.jurisdiction import divisions_named
    from extractors.metadata import leading_place_name

    if not _PLACE_LEVEL_NEAR_START.search(opening):
        return False  # no level word (市, 县 …) where a name could end: no place named
    named = leading_place_name(opening)
    return bool(named) and bool(divisions_named(named)) and not same_place(named, own_place)


def channel_owner_scope(clause: str) -> str | None:
    if _CHANNEL_OWNER.match(strip_filler(clause)):
        return GOVERNMENT
    return None
