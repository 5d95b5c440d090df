"""Who issued a report, and what kind of body it is: the government of a jurisdiction, one of its
departments, a township (乡/镇/街道), or another body (a development zone's committee, a 区委
office). The kind decides whose numbers a report gives: a department's or a township's report
gives the body's own figures, never its jurisdiction's, and no series adds them up.

Where the name comes from, most explicit first: the title's words before the year or before
政府信息公开 (金乡县水务局2009年政府信息公开工作年度报告), the page's label (发布机构: …), the
printed signature. Without a name, the report's own voice tells the kind (我局, 本镇, 我县).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.metadata import YEAR_NUMBER
from extractors.model import Document, ReportMetadata
from extractors.normalize import to_matching

GOVERNMENT = "government"
DEPARTMENT = "department"
TOWNSHIP = "township"
OTHER = "other"
UNKNOWN = "unknown"

_PLACE_END = r"(?:省|市|县|区|州|盟|旗|自治区|自治州|自治县|自治旗|地区|特别行政区)"
# Kinds by how a name ends (matching text, white space removed), tried in order.
_KIND_BY_NAME = (
    (TOWNSHIP, re.compile(r"(?:乡|镇|街道|街道办事处|街道办|办事处|苏木|民族乡|农场)(?:人民政府|政府|党委|党政办公室|党政办)?$")),
    # (浦东新区, 滨海新区 are districts; a 新区 is another body only through its committee)
    (OTHER, re.compile(r"(?:开发区|高新区|园区|工业园|风景区|管理区|示范区|试验区|保税区|合作区)(?:管理委员会|管委会|党工委|管委)?(?:办公室)?$"
                       r"|新区(?:管理委员会|管委会|党工委|管委)(?:办公室)?$"
                       r"|管理委员会$|管委会$|[区县市]委(?:[(（][^)）]{1,12}[)）])?办公室$|党委$")),
    (GOVERNMENT, re.compile(r"^[\u4e00-\u9fff]{1,20}?" + _PLACE_END
                            + r"(?:人民政府|政府|人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|政府办)?$")),
    (DEPARTMENT, re.compile(r"(?:局|委|委员会|办|办公室|厅|中心|院|署|处|站|所|馆|队|会|司|部|社|公司|集团|支队|大队)$")),
)
# The report's own voice: 我局 / 本委 / 我镇 / 我县.
_VOICE = (
    (TOWNSHIP, re.compile(r"(?:我|本)(?:乡|镇|街道|街|苏木)(?![\u4e00-\u9fff]{0,1}(?:政府信息|所属))")),
    (DEPARTMENT, re.compile(r"(?:我|本)(?:局|委|厅|办(?!法)|署|中心|院|单位|部门)(?!.{0,1}(?:部门|系统|各))")),
    # (全市 is the jurisdiction, which a department's report names too: not a voice.)
    (GOVERNMENT, re.compile(r"(?:我|本)(?:县|市|区|州|盟|旗|省)(?!直|级|委)")),
)
_VOICE_ORDER = (TOWNSHIP, DEPARTMENT, GOVERNMENT)  # on a tie, the narrower body speaks
# A title names its body before the year (金乡县水务局2009年…) or before the report's name
# (2018年建新镇政府信息公开工作年度报告).
_YEAR = YEAR_NUMBER + r"\s*年度?"
_TITLE_BODY_BEFORE_YEAR = re.compile(r"^(?:关于)?(?P<body>[\u4e00-\u9fff()（）]{2,40}?)\s*" + _YEAR)
_TITLE_BODY_BEFORE_NAME = re.compile(
    r"^(?:关于)?(?:" + _YEAR + r")?\s*(?P<body>[\u4e00-\u9fff()（）]{2,40}?)(?:人民)?(?:政府)?(?:信息公开|政务公开)")
# (都匀经济开发区管委会年度报告: a reduced title, the body before the report's name alone)
_TITLE_BODY_BEFORE_REPORT = re.compile(r"^(?:关于)?(?P<body>[\u4e00-\u9fff()（）]{2,40}?)(?:工作)?年度报告$")
# 现将都匀经济开发区管理委员会2014年度政府信息公开工作年度报告公布如下: the report names its body
# where it declares itself, near its start (现将我办…: its voice, read by _VOICE).
_DECLARED_NAME = re.compile(r"现将(?P<name>(?![我本全])[\u4e00-\u9fff()（）]{2,40}?\s*" + _YEAR + r"[^。；;]{0,20}?报告)")
_DECLARATION_REACH = 2000
_GOVERNMENT_OFFICE = re.compile(r"政府(?:办公厅|办公室|办)$")
_TITLE_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十]+篇|Page\s*\d+|名\s*称|标\s*题)\s*[:：\-—]?\s*", re.I)


@dataclass(frozen=True)
class Issuer:
    name: str | None  # as printed (simplified script), e.g. 金乡县水务局; None when not printed
    kind: str  # government | department | township | other | unknown
    source: str  # where the kind was read: title | declaration (现将…报告如下) | label (the page's label or signature) | voice | none


def kind_of_name(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    for kind, pattern in _KIND_BY_NAME:
        if pattern.search(name):
            return kind
    return UNKNOWN


def _title_body(title_matching: str) -> str | None:
    title = _TITLE_PREFIX.sub("", re.sub(r"\s+", "", title_matching))
    for pattern in (_TITLE_BODY_BEFORE_YEAR, _TITLE_BODY_BEFORE_NAME, _TITLE_BODY_BEFORE_REPORT):
        found = pattern.match(title)
        if found:
            body = found["body"]
            if kind_of_name(body) != UNKNOWN:
                return body
    return None


def _voice(matching: str) -> str | None:
    counts = {kind: len(pattern.findall(matching)) for kind, pattern in _VOICE}
    kind = max(_VOICE_ORDER, key=lambda kind: (counts[kind], -_VOICE_ORDER.index(kind)))
    return kind if counts[kind] else None


def identify_issuer(matching: str, title_matching: str | None, labelled_body: str | None) -> Issuer:
    """The issuer of a report from its (matching) text, its title and a body named by the page's
    label or signature (``ReportMetadata.issuing_body``)."""
    declared = _DECLARED_NAME.search(matching[:_DECLARATION_REACH])
    for title, source in ((title_matching, "title"), (declared and declared["name"], "declaration")):
        body = _title_body(title) if title else None
        if body:
            # The general office titling a report with its own name (…人民政府办公室2022年…)
            # reports on itself; signing the government's report, it is the government.
            kind = DEPARTMENT if _GOVERNMENT_OFFICE.search(body) else kind_of_name(body)
            # A report titled with the place alone (重庆市2016年…) is its government's, whoever
            # signs it; the signing office names it only when it is the government's own.
            named = labelled_body if kind == GOVERNMENT and labelled_body and kind_of_name(labelled_body) == GOVERNMENT else body
            return Issuer(named, kind, source)
    # The page's label or signature names the body; the report's own voice (我局 / 我镇 / 我县)
    # decides when they disagree, a 来源 label naming a website's office as often as the body.
    label_kind = kind_of_name(labelled_body) if labelled_body else UNKNOWN
    voice = _voice(matching)
    if label_kind != UNKNOWN and voice in (None, label_kind):
        return Issuer(labelled_body, label_kind, "label")
    if voice:
        return Issuer(labelled_body if label_kind == voice else None, voice, "voice")
    return Issuer(labelled_body, UNKNOWN, "none")


def speaks_for_itself(issuer: Issuer | None) -> bool:
    """True when the report gives the issuing body's own figures (a department, a township,
    another body), not its jurisdiction's."""
    return issuer is not None and issuer.kind in (DEPARTMENT, TOWNSHIP, OTHER)


def issuer_of(document: Document, metadata: ReportMetadata) -> Issuer:
    title = to_matching(metadata.title) if metadata.title else None
    return identify_issuer(document.matching, title, metadata.issuing_body)
