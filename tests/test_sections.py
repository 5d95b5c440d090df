"""Which part of a report a paragraph belongs to (extractors/rules/sections.py)."""
from __future__ import annotations

import pytest

from extractors.normalize import to_matching
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


@pytest.mark.parametrize("heading, part", [
    ("四、依申请公开收费及减免情况", sections.FEES),
    ("四、依申请公开的收费情况", sections.FEES),
    ("（四）申請公開收費及減免情況", sections.FEES),  # (traditional: fed as its matching text)
    ("三、依申请公开及收费情况", sections.REQUESTS),  # (a heading naming two parts takes the first)
    ("三、依申请公开政府信息情况", sections.REQUESTS),
])
def test_the_fees_of_requests_are_the_part_on_fees(heading, part):
    assert _parts("一、概述", "二、主动公开政府信息情况", to_matching(heading))[-1] == part
