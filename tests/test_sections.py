"""Which part of a report a paragraph belongs to (extractors/rules/sections.py)."""
from __future__ import annotations

import pytest

from extractors.rules import sections


def _parts(*paragraphs: str) -> list[str]:
    tracker = sections.SectionTracker()
    return [tracker.feed(paragraph) for paragraph in paragraphs]


def test_numbered_parts_and_their_sub_headings():
    assert _parts("一、概述", "二、主动公开政府信息情况", "（一）公开数量", "（二）依申请公开情况",
                  "三、存在的问题及改进措施") == [
        sections.OVERVIEW, sections.PROACTIVE, sections.PROACTIVE, sections.REQUESTS, sections.PROBLEMS]


@pytest.mark.parametrize("part_heading, section_heading", [
    ("第三部分 依申请公开政府信息情况", "二、答复情况。所有申请均在法定期限内作出答复。"),
    ("第三部分　依申请公开政府信息情况", "二、答复情况"),  # (fed the matching text: simplified)
    ("第三部分：依申请公开情况", "一、申请情况"),
])
def test_in_an_outline_of_parts_a_numbered_heading_is_a_section_of_its_part(part_heading, section_heading):
    """第三部分 … then 二、答复情况: the heading numbers a section of the part on requests, not a new
    part of unknown kind."""
    assert _parts("第一部分 概述", part_heading, section_heading, "第四部分 收费及减免情况") == [
        sections.OVERVIEW, sections.REQUESTS, sections.REQUESTS, sections.FEES]


def test_without_parts_a_numbered_heading_opens_a_part():
    assert _parts("一、概述", "二、答复情况") == [sections.OVERVIEW, sections.OTHER]
