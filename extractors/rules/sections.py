"""Which part of a report a paragraph belongs to.

Legacy reports follow the same outline (概述 · 主动公开 · 依申请公开 · 收费 · 复议/诉讼 · 问题及改进)
with free wording and numbering. Knowing the part lets rules stay quiet where a number means
something else: channel counts outside 主动公开 are usually one department's or one topic's, and
the closing part about problems and plans holds targets, not results.
"""
from __future__ import annotations

import re

OVERVIEW = "overview"
PROACTIVE = "proactive"
REQUESTS = "requests"
FEES = "fees"
REVIEW = "review"  # administrative reconsideration, lawsuits, complaints
PROBLEMS = "problems"
OTHER = "other"

# A top-level heading: 一、… / 二. … / 第三部分 …, short, on its own or ending at the first 。
_TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}部分)")
# An outline of 第一部分 … 第六部分 numbers its parts' sections 一、二、: those are second-level.
_PART_HEADING = re.compile(r"^\s*第[一二三四五六七八九十]{1,3}部分")
# A second-level heading: （一）… / (二)…
_SUB_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[)）]")

# Order matters: a heading naming several parts (依申请公开工作及复议、诉讼情况) takes the first.
# Only a top-level heading opens the problems part: （一）突出工作重点 is an achievement.
_CATEGORY_WORDS = (
    (PROBLEMS, re.compile(r"问题|改进|不足|打算|计划|下一步|工作思路|今后")),
    (PROACTIVE, re.compile(r"主动公开")),
    (REVIEW, re.compile(r"复议|诉讼|申诉")),
    # (依申请公开收费及减免情况: the fees of requests, a part of its own)
    (FEES, re.compile(r"(?:依申请|申请)(?:公开)?(?:的)?(?:收费|费用)|收费(?:及|和|与)减免")),
    (REQUESTS, re.compile(r"依申请|申请公开|公开申请")),
    (FEES, re.compile(r"收费|减免")),
    (OVERVIEW, re.compile(r"概述|概况|总体|基本情况")),
)

_MAX_HEADING_CHARS = 40
# Text after a space that starts the part's body, not the heading's words: a year, a number, the
# report's own voice (我镇, 本局, 全年), a preposition.
_BODY_AFTER_SPACE = re.compile(r"\s+(?=(?:19|20)\d{2}|\d|[一二〇○]{4}年|我|本(?!级)|全年|今年|根据|按照|截至|截止|未|没有|无|共|"
                               r"全[省市县区镇乡州盟旗]|通过|经|对)")


def heading_text(paragraph: str) -> tuple[str, str] | None:
    """('top'|'sub', heading words) when the paragraph opens with a heading."""
    for level, pattern in (("top", _TOP_HEADING), ("sub", _SUB_HEADING)):
        match = pattern.match(paragraph)
        if not match:
            continue
        rest = paragraph[match.end():].lstrip().lstrip(":：").lstrip()  # 第三部分：依申请公开情况
        # Inline headings end at the first full stop (（一）依申请公开受理情况。全市……); on a page
        # whose line breaks were lost, at the space before the text (一、概述 2009年，…), but a
        # heading printed with a space inside (四、政府信息公开的 收费及减免情况) is whole.
        words = re.split(r"[。:：]", rest, maxsplit=1)[0]
        body = _BODY_AFTER_SPACE.search(words)
        if body or len(words) > _MAX_HEADING_CHARS:
            words = words[:body.start()] if body else re.split(r"\s", words, maxsplit=1)[0]
        if len(words) <= _MAX_HEADING_CHARS:
            return level, words
    return None


def category_of(heading: str) -> str:
    for category, pattern in _CATEGORY_WORDS:
        if pattern.search(heading):
            return category
    return OTHER


class SectionTracker:
    """Follows the outline paragraph by paragraph: feed each paragraph, read ``category``."""

    def __init__(self) -> None:
        self.top = OVERVIEW
        self.sub: str | None = None
        self.seen: set[str] = set()
        self.parts_outline = False  # the report's parts are headed 第N部分

    def feed(self, paragraph: str) -> str:
        heading = heading_text(paragraph)
        if heading:
            level, words = heading
            category = category_of(words)
            if _PART_HEADING.match(paragraph):
                self.parts_outline = True
            elif level == "top" and self.parts_outline:
                level = "sub"
            if level == "top":
                self.top = category
                self.sub = None
            elif category not in (OTHER, OVERVIEW, PROBLEMS) and self.top != PROBLEMS:
                # （三）收费及减免情况 inside 三、依申请公开 narrows the part; an unrelated
                # sub-heading (（二）重点领域信息公开) keeps the parent's.
                self.sub = category
            else:
                self.sub = None
        self.seen.add(self.category)
        return self.category

    @property
    def category(self) -> str:
        return self.sub or self.top
