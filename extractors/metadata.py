"""Report metadata: title, year reported on, jurisdiction, issuing body, date, script, era.

Everything is searched in ``Document.matching`` (simplified, half-width) so one set of
patterns serves traditional and simplified pages; offsets are the same in ``Document.text``.
The title is returned verbatim (as printed); names (jurisdiction, issuing body) are returned in
simplified script so that one body is spelled one way across mirror sites.

Web pages around a report mislead: breadcrumbs repeat the column name "政府信息公开工作年度报告",
posting dates are years after the report year (seed 001: a 2014 report posted in 2019), and
injected spam can stand where a body name was (seed 003). Hence: titles are searched in content
blocks only (noise lines are not blocks), the report year comes from the title or the
statistics period before any counting of years, labelled posting dates are never counted, and
no name may overlap a spam span.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter

from extractors.model import Block, Document, ReportMetadata
from extractors.normalize import detect_script
from extractors.readers.spam import find_spam_spans, overlaps_spam

# ---------------------------------------------------------------------------------------------
# Where to look. Budgets count characters of content paragraphs, not offsets, so a page whose
# text keeps a long navigation menu (noise lines are in the text, not in the blocks) is searched
# as deep into its report as any other.
# ---------------------------------------------------------------------------------------------
_HEAD_CHARS = 6000  # page labels + report opening: title, statistics period
_LABEL_CHARS = 3000  # page labels (发布机构: …) sit before the report text
_OPENING_CONTENT_CHARS = 4000  # content whose years are counted as a last resort
_OPENING_PARAGRAPHS = 12  # paragraphs searched for an opening "2016年,曾都区…"
_SIGNATURE_BLOCKS = 8  # closing blocks searched for the signature

# ---------------------------------------------------------------------------------------------
# Years and dates
# ---------------------------------------------------------------------------------------------
# Full-width Ｏ is folded to Latin O in matching text, and some pages type a digit zero.
_CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "0": 0, "一": 1, "二": 2, "三": 3,
                   "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARABIC_YEAR = r"(?:19|20)\d{2}"
_CHINESE_YEAR = r"[一二][〇零○Oo0一二三四五六七八九]{3}"
YEAR_NUMBER = rf"(?:{_ARABIC_YEAR}|{_CHINESE_YEAR})"  # 2016, 二〇一六 (no group: for other modules' patterns)
_SMALL_CHINESE_NUMBER = "[一二三四五六七八九十]{1,3}"

_ANY_YEAR = re.compile(rf"(?<!\d)({_ARABIC_YEAR})(?!\d)|({_CHINESE_YEAR})\s*年")
_YEAR_WITH_NIAN = re.compile(rf"(?<!\d)({_ARABIC_YEAR})\s*年|({_CHINESE_YEAR})\s*年")
# "所列数据的统计期限自2014年1月1日至…", "统计时间为2016年度", "统计期为二〇一五年…"
_STATISTICS_PERIOD = re.compile(
    rf"统计(?:期限|时限|时间|区间|周期|期间|时段|期)[^。\n\d]{{0,8}}?"
    rf"(?:({_ARABIC_YEAR})|({_CHINESE_YEAR}))\s*年"
)
# 2013年，我镇在…发布信息105条 / 2012年度本局共受理申请3件: a year opening the report's own figures.
_FIGURES_OF_A_YEAR = re.compile(
    rf"(?<![^。；;\n])\s*(?:({_ARABIC_YEAR})|({_CHINESE_YEAR}))\s*年度?[,，]?\s*(?:我|本|全)[\u4e00-\u9fff]{{1,3}}"
    r"[^。；;\n]{0,40}?(?:公开|发布|收到|受理|接到)[^。；;\n]{0,30}?\d+\s*(?:条|件)"
)
# Labelled dates of the web page (posting, generation) say nothing about the report year.
_POSTING_LABEL = re.compile(r"发布日期|生成日期|发布时间|成文日期|更新时间|日期\s*:|时间\s*:|索引号")

_DATE = re.compile(
    rf"({_ARABIC_YEAR})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
    rf"|({_CHINESE_YEAR})\s*年\s*({_SMALL_CHINESE_NUMBER})\s*月\s*({_SMALL_CHINESE_NUMBER})\s*日"
    rf"|({_ARABIC_YEAR})[-./](\d{{1,2}})[-./](\d{{1,2}})(?!\d)"
)
_DATE_ONLY_LINE = re.compile(rf"^\(?\s*(?:{_DATE.pattern})\s*\)?$")

# ---------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------
_TITLE_CORE = re.compile(r"政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)")
_TITLE_LABEL = re.compile(r"^\s*(?:名\s*称|标\s*题|题\s*名|文章标题|主\s*题)\s*:\s*")
_BRACKETED_YEAR = re.compile(
    rf"\s*[(\[【〔]\s*(?:{_ARABIC_YEAR}|{_CHINESE_YEAR})\s*年?度?\s*[)\]】〕]"
)
# What may follow the title's name on its line: a bracketed year, a closing 》, a posting date.
_TITLE_TAIL = re.compile(
    rf"(?:{_BRACKETED_YEAR.pattern})?\s*》?\s*"
    rf"(?:{_ARABIC_YEAR}[-./]\d{{1,2}}[-./]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?)?\s*$"
)
# Lines that name a report without being one: news of its release, notices about writing it,
# a sentence quoting it in 《》.
_TITLE_OF_SOMETHING_ELSE = re.compile(r"发布|印发|解读|公布|关于做好|编制|转发|《")
_MAX_TITLE_LENGTH = 80

# ---------------------------------------------------------------------------------------------
# Names: jurisdictions and bodies
# ---------------------------------------------------------------------------------------------
_PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市",
                   "州", "盟", "县", "区", "旗")
_PLACE_SUFFIX_CHARS = frozenset("省市州盟县区旗")
_MAX_PLACE_LENGTH = 12
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words that never sit inside a place name but often follow one ("常州市政府信息公开…").
_NOT_IN_PLACE = re.compile(r"政府|人民|办公|关于|信息|公开|工作|报告|年度|本年|我们|机关|部门")
# References to "the city / this district" rather than names.
_GENERIC_PLACE = re.compile(r"^[全我本各该此辖城市县区省州社园景小新两乡镇村]+[省市州盟县区旗]$")
_LEADING_YEAR = re.compile(
    rf"^\s*(?:关于)?\s*(?:{_ARABIC_YEAR}|{_CHINESE_YEAR})\s*(?:年度|年)?\s*[,、:]?\s*"
)

_BODY_SUFFIX = (r"(?:人民政府办公厅|人民政府办公室|政府办公厅|政府办公室|人民政府|管理委员会|委员会|"
                r"管委会|办公厅|办公室|办事处|政府|局|厅|委|办|院|署|中心|部|街道|镇|乡)")
_BODY = re.compile(rf"[\u4e00-\u9fff()]{{1,30}}?{_BODY_SUFFIX}")
# A body name alone on its line, or followed by the date: "重庆市人民政府办公厅 2017年3月31日".
_SIGNATURE_LINE = re.compile(
    rf"^\s*(?P<body>[\u4e00-\u9fff()]{{1,30}}?{_BODY_SUFFIX})"
    rf"\s*(?P<date>\(?\s*(?:{_DATE.pattern})\s*\)?)?\s*$"
)
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.])")
_PRIMARY_BODY_LABEL = re.compile(
    r"(?:发布机构|发文机关|发布单位|发文单位|发布部门|制发机关|公开主体|发布主体)[ \t]*:[ \t]*"
    r"([^\s:|]+)"
)
_SOURCE_LABEL = re.compile(r"(?:信息来源|文章来源|来源)[ \t]*:[ \t]*([^\s:|]+)")
_NAME_EDGE_PUNCTUATION = " \t,.;、。;"

# ---------------------------------------------------------------------------------------------
# Era
# ---------------------------------------------------------------------------------------------


def _spaced(word: str) -> str:
    """Pattern for ``word`` allowing whitespace between characters (PDF text splits labels)."""
    return r"\s*".join(re.escape(char) for char in word)


_FORMAT_2021_MARKERS = re.compile("|".join(_spaced(word) for word in (
    "本年制发件数", "本年废止件数", "现行有效件数", "无正当理由逾期不补正", "逾期未按收费通知要求缴纳费用",
)))
_TRIAL_2019_MARKERS = re.compile("|".join(_spaced(word) for word in (
    "本年新制作数量", "本年新公开数量", "对外公开总数量",
)))
# Labels both standardized formats print (table 三's rows, table 四's blocks): a 2019/2020 report
# printing them follows the trial format even where its table 二 wording was not captured.
_TABLE_ERA_MARKERS = re.compile("|".join(_spaced(word) for word in (
    "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉",
)))
_FIRST_YEAR_OF_TRIAL_FORMAT = 2019
_FIRST_YEAR_OF_2021_FORMAT = 2021



# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------
def _chinese_year(numerals: str) -> int:
    return int("".join(str(_CHINESE_DIGITS[char]) for char in numerals))


def _chinese_small_number(numerals: str) -> int:
    """1..99 in Chinese numerals (三, 十, 十二, 二十, 三十一)."""
    if "十" not in numerals:
        return _CHINESE_DIGITS[numerals]
    tens, _, units = numerals.partition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def _plausible_year(year: int) -> bool:
    return 1990 <= year <= _dt.date.today().year


def _year_of(arabic: str | None, chinese: str | None) -> int | None:
    year = int(arabic) if arabic else _chinese_year(chinese) if chinese else None
    return year if year is not None and _plausible_year(year) else None


def _parse_date(match: re.Match) -> str | None:
    groups = match.groups()
    try:
        if groups[0]:
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        elif groups[3]:
            year = _chinese_year(groups[3])
            month, day = _chinese_small_number(groups[4]), _chinese_small_number(groups[5])
        else:
            year, month, day = int(groups[6]), int(groups[7]), int(groups[8])
        return _dt.date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def _date_of_date_line(line: str) -> str | None:
    """ISO date of a line that holds only a date, else None."""
    line = line.strip()
    if not _DATE_ONLY_LINE.match(line):
        return None
    return _parse_date(_DATE.search(line))


def _paragraphs(document: Document) -> list[Block]:
    """Content paragraphs; a document built without blocks falls back to its non-blank lines."""
    if document.blocks:
        return [block for block in document.blocks if block.kind == "paragraph"]
    blocks = []
    for line in re.finditer(r"[^\n]+", document.text):
        stripped = line.group().strip()
        if stripped:
            start = line.start() + line.group().index(stripped)
            blocks.append(Block("paragraph", start, start + len(stripped)))
    return blocks


def _opening(paragraphs: list[Block], budget: int) -> list[Block]:
    """The first paragraphs, up to about ``budget`` characters of content."""
    opening = []
    seen = 0
    for block in paragraphs:
        if seen >= budget:
            break
        opening.append(block)
        seen += block.end - block.start
    return opening


def _stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------
# Title
# ---------------------------------------------------------------------------------------------
def _title_bounds(line: str) -> tuple[int, int] | None:
    """Bounds of the title within a (matching) line, when the line is a report title."""
    if len(line) > _MAX_TITLE_LENGTH or "。" in line:
        return None
    label = _TITLE_LABEL.match(line)
    start = label.end() if label else 0
    if line.startswith("《", start):
        start += 1
    core = _TITLE_CORE.search(line, start)
    if core is None or _TITLE_TAIL.match(line, core.end()) is None:
        return None
    if core.start() == start and not _BRACKETED_YEAR.match(line, core.end()):
        return None  # a bare "政府信息公开年报" is a column heading, not a report's title
    if _TITLE_OF_SOMETHING_ELSE.search(line, start, core.start()):
        return None
    bracketed_year = _BRACKETED_YEAR.match(line, core.end())
    return start, bracketed_year.end() if bracketed_year else core.end()


def _title_span(document: Document, paragraphs: list[Block], spam: list[tuple[int, int]]
                ) -> tuple[int, int] | None:
    """Offsets of the report title: the first short line that ends with the report's name."""
    for block in _opening(paragraphs, _HEAD_CHARS):
        bounds = _title_bounds(document.matching[block.start:block.end])
        if bounds is None:
            continue
        start, end = _stripped_span(document.text, block.start + bounds[0], block.start + bounds[1])
        if start < end and not overlaps_spam(spam, start, end):
            return start, end
    return None


# ---------------------------------------------------------------------------------------------
# Report year
# ---------------------------------------------------------------------------------------------
def _first_year(text: str) -> int | None:
    for match in _ANY_YEAR.finditer(text):
        year = _year_of(*match.groups())
        if year:
            return year
    return None


def _statistics_period_year(document: Document, paragraphs: list[Block]) -> int | None:
    for block in _opening(paragraphs, _HEAD_CHARS):
        for match in _STATISTICS_PERIOD.finditer(document.matching, block.start, block.end):
            year = _year_of(*match.groups())
            if year:
                return year
    return None


def _most_common_opening_year(document: Document, paragraphs: list[Block]) -> int | None:
    counts: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    for block in _opening(paragraphs, _OPENING_CONTENT_CHARS):
        line = document.matching[block.start:block.end]
        if _POSTING_LABEL.search(line):
            continue
        for match in _YEAR_WITH_NIAN.finditer(line):
            year = _year_of(*match.groups())
            if year:
                counts[year] += 1
                first_seen.setdefault(year, block.start + match.start())
    if not counts:
        return None
    # Most mentions; on a tie, the year mentioned first.
    return max(counts, key=lambda year: (counts[year], -first_seen[year]))


def _report_year(document: Document, title_matching: str | None, paragraphs: list[Block]
                 ) -> int | None:
    if title_matching:
        year = _first_year(title_matching)
        if year:
            return year
    return (_statistics_period_year(document, paragraphs)
            or _figures_year(document, paragraphs)
            or _most_common_opening_year(document, paragraphs))


def _figures_year(document: Document, paragraphs: list[Block]) -> int | None:
    """2013年，我镇…共发布信息105条: the year a report states its own figures for, when no title
    or statistics period names it (a page cut from a report; the signature's date and the plans
    name the next year)."""
    for block in _opening(paragraphs, _OPENING_CONTENT_CHARS):
        found = _FIGURES_OF_A_YEAR.search(document.matching, block.start, block.end)
        if found:
            year = _year_of(*found.groups())
            if year:
                return year
    return None


# ---------------------------------------------------------------------------------------------
# Jurisdiction
# ---------------------------------------------------------------------------------------------
def _place_end(text: str, position: int) -> int | None:
    """End of the place name that starts at ``position``, or None.

    The shortest name ending in a division suffix wins, unless the next character is itself a
    suffix (杭州|市: the name is 杭州市, not 杭州).
    """
    limit = min(len(text), position + _MAX_PLACE_LENGTH)
    for end in range(position + 1, limit + 1):
        if not _HAN.match(text[end - 1]):
            return None
        candidate = text[position:end]
        if _NOT_IN_PLACE.search(candidate):
            return None
        if len(candidate) < 2 or not candidate.endswith(_PLACE_SUFFIXES):
            continue
        if end < len(text) and text[end] in _PLACE_SUFFIX_CHARS:
            continue
        return end
    return None


def leading_place_name(text: str) -> str | None:
    """The most specific place name ``text`` opens with (湖南省永州市… → 永州市), or None.

    A leading year (2016年, 二〇一五年度,) is skipped; generic references (全市, 我区) are not
    names. ``text`` is expected in matching (simplified) form.
    """
    year = _LEADING_YEAR.match(text)
    position = year.end() if year else 0
    while position < len(text) and text[position].isspace():
        position += 1
    name = None
    while (end := _place_end(text, position)) is not None:
        name = text[position:end]
        position = end
    if name is None or _GENERIC_PLACE.match(name):
        return None
    return name


def _jurisdiction_name(document: Document, title_span: tuple[int, int] | None,
                       issuing_body: str | None, paragraphs: list[Block],
                       spam: list[tuple[int, int]]) -> str | None:
    if title_span:
        name = leading_place_name(document.matching[title_span[0]:title_span[1]])
        if name:
            return name
    if issuing_body:
        name = leading_place_name(issuing_body)
        if name:
            return name
    checked = 0
    for block in paragraphs:
        if title_span and block.start <= title_span[0] < block.end:
            continue
        line = document.matching[block.start:block.end]
        if _POSTING_LABEL.search(line) or ":" in line[:8]:
            continue  # page labels ("来源: 市政府") are not report text
        checked += 1
        if checked > _OPENING_PARAGRAPHS:
            break
        name = leading_place_name(line)
        if name:
            start = block.start + line.index(name)
            if not overlaps_spam(spam, start, start + len(name)):
                return name
    return None


# ---------------------------------------------------------------------------------------------
# Issuing body and publication date
# ---------------------------------------------------------------------------------------------
def _labelled_body(document: Document, paragraphs: list[Block], label: re.Pattern,
                   spam: list[tuple[int, int]]) -> str | None:
    for block in _opening(paragraphs, _LABEL_CHARS):
        for match in label.finditer(document.matching, block.start, block.end):
            name = match.group(1).strip(_NAME_EDGE_PUNCTUATION)
            start = match.start(1)
            if _BODY.fullmatch(name) and not overlaps_spam(spam, start, start + len(name)):
                return name
    return None


def _signature(document: Document, paragraphs: list[Block], spam: list[tuple[int, int]]
               ) -> tuple[str | None, str | None]:
    """``(body, ISO date)`` printed at the end of the report; either may be None."""
    closing = paragraphs[-_SIGNATURE_BLOCKS:]
    lines = [document.matching[block.start:block.end] for block in closing]
    for index in range(len(lines) - 1, -1, -1):
        signature = _SIGNATURE_LINE.match(lines[index])
        if signature is None or _HEADING_START.match(lines[index]):
            continue
        line_start = closing[index].start
        body_start, body_end = signature.span("body")
        if overlaps_spam(spam, line_start + body_start, line_start + body_end):
            continue
        if signature.group("date"):
            date_text = signature.group("date")
        else:
            date_text = lines[index + 1] if index + 1 < len(lines) else ""
        return signature.group("body"), _date_of_date_line(date_text)
    # No signature: a date alone on one of the last lines is still the printed date.
    for line in reversed(lines[-3:]):
        date = _date_of_date_line(line)
        if date:
            return None, date
    return None, None


# ---------------------------------------------------------------------------------------------
# Era
# ---------------------------------------------------------------------------------------------
def report_era(matching: str, report_year: int | None) -> str:
    """The format a report follows: its table wording decides, else its report year."""
    if _FORMAT_2021_MARKERS.search(matching):
        return "format_2021"
    if _TRIAL_2019_MARKERS.search(matching):
        return "trial_2019"
    if report_year is not None and report_year >= _FIRST_YEAR_OF_2021_FORMAT:
        return "format_2021"
    if report_year is not None and report_year >= _FIRST_YEAR_OF_TRIAL_FORMAT and _TABLE_ERA_MARKERS.search(matching):
        return "trial_2019"
    # 2008-2018, and 2019/2020 reports that did not print the trial tables.
    return "legacy"


# ---------------------------------------------------------------------------------------------
# Public
# ---------------------------------------------------------------------------------------------
def extract_metadata(document: Document) -> ReportMetadata:
    paragraphs = _paragraphs(document)
    spam = find_spam_spans(document.matching)

    title_span = _title_span(document, paragraphs, spam)
    title = document.text[title_span[0]:title_span[1]] if title_span else None
    title_matching = document.matching[title_span[0]:title_span[1]] if title_span else None

    report_year = _report_year(document, title_matching, paragraphs)

    # The page's own label is the most explicit; the printed signature next; a "来源" label
    # last, as it often names a website or a newspaper.
    signature_body, publication_date = _signature(document, paragraphs, spam)
    issuing_body = (_labelled_body(document, paragraphs, _PRIMARY_BODY_LABEL, spam)
                    or signature_body
                    or _labelled_body(document, paragraphs, _SOURCE_LABEL, spam))

    return ReportMetadata(
        title=title,
        jurisdiction_name=_jurisdiction_name(document, title_span, issuing_body, paragraphs, spam),
        report_year=report_year,
        issuing_body=issuing_body,
        publication_date=publication_date,
        script=detect_script(document.text),
        era=report_era(document.matching, report_year),
    )
