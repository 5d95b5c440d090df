"""Which year a figure of the free text speaks of: the report's own, another single year (2015年
全市受理申请1120件 in the 2016 report), or several (累计 since 2008, 历年, 2010年至2015年)."""
from __future__ import annotations

import re
from collections import Counter

from extractors.rules.families import traps

FIRST_YEAR_OF_THE_REGULATIONS = 2008  # 条例 in force from 1 May 2008: its first report spans less than a year

# A year named in the sentence (not a date or a span's start: 2016年3月, 2008年以来, 2008年至2014年).
# (自2008年, 截至2015年底, 2008年以来: a span's start or end, not the year spoken of)
_YEAR_NAMED = re.compile(r"(?<![自从至到])((?:19|20)\d{2})\s*年(?:度)?(?![\d月底末初以至到—\-])")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_SEVERAL_YEARS = re.compile(traps.SEVERAL_YEARS)
_SPAN_START = re.compile(r"(?:自|从)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年[^,，;；。]{0,12}?以来")
_RUNNING_TOTAL = re.compile(traps.RUNNING_TOTAL)
_CUT_OFF = re.compile(traps.CUT_OFF)
_THIS_YEAR = re.compile(traps.THIS_YEAR)


def names_this_year(text: str, start: int = 0) -> bool:
    """本年度, 今年, 当年 … (from ``start`` on)."""
    return _THIS_YEAR.search(text, start) is not None


def speaks_of_several_years(text: str, sentence: str) -> bool:
    """累计 since 2008, 历年, 2010年至2015年: the text speaks of several years (累计 only with a
    cut-off date or a start named in the sentence)."""
    return bool(_SEVERAL_YEARS.search(text) or (_RUNNING_TOTAL.search(text) and _CUT_OFF.search(sentence)))


def named_most(matching: str, year: int | None) -> bool:
    """The report's year is named often, and more often than any other year: trusted enough to
    tell another year's figures apart (a year misread would drop every number)."""
    if year is None:
        return False
    counts = Counter(int(found) for found in _ANY_YEAR.findall(matching))
    return counts[year] >= 3 and all(count < counts[year] for other, count in counts.items() if other != year)


def spans_only_this_year(text: str, year: int | None) -> bool:
    """自2008年5月1日《条例》施行以来 in the 2008 report is this year: the span starts in it
    (截至2015年底 in the 2015 report is where a longer span ends)."""
    if year is None:
        return False
    if year <= FIRST_YEAR_OF_THE_REGULATIONS:
        return True
    start = _SPAN_START.search(text)
    return start is not None and int(start.group(1) or start.group(2)) == year


def other_year(sentence_before_number: str, report_year: int | None) -> bool:
    """2015年全市受理申请1120件 in the 2016 report: another year's figure (今年受理1350件 after
    it is the year's own again). ``report_year``: None when the report's year is not trusted."""
    years = list(_YEAR_NAMED.finditer(sentence_before_number))
    if report_year is None or not years or int(years[-1].group(1)) >= report_year:
        return False
    return not names_this_year(sentence_before_number, years[-1].end())
