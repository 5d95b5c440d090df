"""A paragraph cut into sentences and clauses, and the numbers (with their units) a clause holds.

How a paragraph is read, left to right: sentence (。；) → clause (，：) → number mention
(digits or Chinese numerals + a unit). Offsets are the paragraph's own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.numbers import qualifier_from_context, read_number
from extractors.rules import vocabulary as words

_SENTENCE_END = re.compile(words.SENTENCE_END)
CLAUSE_END = re.compile(words.CLAUSE_END)
_MENTION = re.compile(words.MENTION)
_TENTHS = re.compile(words.TENTHS)
_SHARE_VERB_END = re.compile(words.SHARE_VERB_END)
_TRAILING_COLON = re.compile(r"\s*[：:]\s*$")
# 没有收到一件申请 (none), but 尚未审结一件 (one case pending).
_NEGATED = re.compile(r"(?:没有|未(?!审结|结案|办结|审理终结)|无|不曾|未曾|并未)[^,，;；。\d]{0,12}?$")

# A sentence is read clause by clause with the sentence as context, so its cost grows with the
# square of its length; real sentences are a few hundred characters, and a run-on "sentence" of
# a scraped page (no 。 for pages on end) is read in pieces cut at clause boundaries.
MAX_SENTENCE_CHARS = 1500
# A minus sign touching a number (受理申请-5件, 收费：-30元) prints a negative value: it is read
# with its sign (the fact is then flagged negative_value, plausibility.py), not dropped as if the
# sign were a word. A dash after a digit or a letter is a range or a date (3-5件, 2012-5), and
# one set apart by a space a list bullet; the long dashes (–, —) are punctuation in Chinese.
_MINUS_BEFORE = re.compile(r"(?<![\dA-Za-z.\-−﹣~])[-−﹣]$")
_CUT_POINT = re.compile(r"[，,、]")


@dataclass
class Mention:
    value: float
    qualifier: str
    unit: str
    start: int  # paragraph offsets of the number with its unit
    end: int
    metric: str | None = None  # what the rules made of it
    scope: str | None = None  # the scope it was recorded in; None when not recorded (another body's)


def spans(text: str, boundary: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between boundaries, delimiter included."""
    start = 0
    for match in boundary.finditer(text):
        if match.end() > start:
            yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    for start, end in spans(text, _SENTENCE_END):
        while end - start > MAX_SENTENCE_CHARS:
            cuts = [match.end() for match in _CUT_POINT.finditer(text, start, start + MAX_SENTENCE_CHARS)]
            cut = cuts[-1] if cuts else start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut
        yield start, end


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    return list(spans(sentence, CLAUSE_END))


def has_mention(text: str) -> bool:
    return _MENTION.search(text) is not None


def mentions(clause: str, clause_offset: int) -> Iterator[Mention]:
    """The numbers of a clause with their units, values read (万/亿, Chinese numerals, 两成 = 20%)
    and qualifiers (余/多/约/近/超过)."""
    found = [(match, match["unit"]) for match in _MENTION.finditer(clause)]
    found += [(match, "成") for match in _TENTHS.finditer(clause)]
    for match, unit in sorted(found, key=lambda item: item[0].start()):
        value = read_number(match["digits"], match["multiplier"])
        if value is None:
            continue
        if match["digits"] in ("一", "任何一") and _NEGATED.search(clause, 0, match.start()):
            continue  # 没有收到一件申请: none, not one
        # (约占申请总量的一成: the qualifier stands before 占, words away from the number)
        number_start = match.start() if unit == "成" else match.start("digits")
        if unit == "成":
            value, unit = round(value * 10, 6), "%"
        before = clause[max(0, number_start - 8):number_start]
        share_verb = _SHARE_VERB_END.search(before)
        if share_verb:
            before = before[:share_verb.start()] + (share_verb["pre"] or "")
        before = before[-4:]
        suffix = match.groupdict().get("suffix") or match["suffix_after"]
        if unit == "万元":
            value = round(value * 10_000, 6)
        start = match.start("digits")
        if unit != "%" and _MINUS_BEFORE.search(clause, max(0, start - 2), start):
            # (the mention starts at the sign: the words before it are the rules' window, and the
            # evidence offsets hold the sign)
            value, start = -value, start - 1
        yield Mention(value=value, qualifier=qualifier_from_context(before, suffix), unit=unit,
                      start=clause_offset + start, end=clause_offset + match.end())


def left_context(text: str, floor: int, mention_start: int) -> str:
    """The words before a number, from ``floor``; 行政复议：4件 is read as if the colon were not
    printed."""
    return _TRAILING_COLON.sub("", text[floor:mention_start])


def last_segment(left: str) -> str:
    pieces = re.split(words.SEGMENT_END, left)
    return pieces[-1] if pieces else left
