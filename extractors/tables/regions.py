"""Where each fixed table sits: from a heading to the next table's heading or the closing
sections (五、存在的主要问题… / 六、其他需要报告的事项).

Headings vary in wording and numbering (二、主动公开政府信息情况 / （二）主动公开情况 /
四、政府信息公开行政复议、行政诉讼情况), and overviews reuse the same words in sub-headings
(（一）主动公开情况。…). So every short block that looks like a table's heading opens a
CANDIDATE region, and the table parsers keep the candidate that yields the most cells. A
region only ends at another table's heading, so a look-alike in the overview cannot cut the
real table in two. Row labels of table 三 (一、本年新收…, 四、结转下年度…) look like section
headings too, which is why the end of a region is recognised by words, not by numbering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.model import Document
from extractors.tables.rows import squeeze

TABLE2 = "table2"
TABLE3 = "table3"
TABLE4 = "table4"
TABLES = (TABLE2, TABLE3, TABLE4)

# Matched on the block's matching text with white space removed (PDF text layers space
# characters out: 总 计), so patterns carry no spaces.
_HEADINGS = {
    TABLE2: re.compile(r"主动公开政府信息(?:公开)?(?:情况|$)|主动公开情况"),
    TABLE3: re.compile(r"收到(?:和|及|与)?处理.{0,12}申请"),
    TABLE4: re.compile(r"行政复议.{0,3}行政诉讼|复议.{0,6}诉讼情况"),
}
# Used only when a table has no heading at all: its own header words.
_ANCHORS = {
    TABLE2: re.compile(r"第二十条第|信息内容"),
    # (a PDF page may start inside table 三, at its last row)
    TABLE3: re.compile(r"申请人情况|本年新收|结转下年度继续办理"),
    TABLE4: re.compile(r"行政复议"),
}
_CLOSING = re.compile(r"^(?:[五六56]|第[五六]部分)[、.]?.{0,24}(?:问题|改进|其他需要报告|其他事项)")
# Headings are short; a longer block is prose that happens to use the words.
_MAX_HEADING_CHARS = 60
# Cheap pre-filter on the raw span before squeezing (grid rows carry many tabs).
_MAX_HEADING_SPAN = 240


@dataclass(frozen=True)
class Region:
    table: str
    first: int  # index of the first block (the heading) in Document.blocks
    last: int  # index after the last block
    start: int  # offsets of the region in Document.text
    end: int


@dataclass(frozen=True)
class _Mark:
    tables: frozenset[str]  # tables whose heading this block looks like
    anchors: frozenset[str]
    closing: bool


_NO_MARK = _Mark(frozenset(), frozenset(), False)


def _marks(document: Document) -> list[_Mark]:
    marks = []
    for block in document.blocks:
        if block.end - block.start > _MAX_HEADING_SPAN:
            marks.append(_NO_MARK)
            continue
        text = squeeze(document.matching[block.start:block.end])
        if not text or len(text) > _MAX_HEADING_CHARS:
            marks.append(_NO_MARK)
            continue
        marks.append(_Mark(
            frozenset(table for table, pattern in _HEADINGS.items() if pattern.search(text)),
            frozenset(table for table, pattern in _ANCHORS.items() if pattern.search(text)),
            bool(_CLOSING.match(text)),
        ))
    return marks


def _region(document: Document, marks: list[_Mark], table: str, first: int) -> Region:
    last = first + 1
    while last < len(marks):
        mark = marks[last]
        if mark.closing or (mark.tables and table not in mark.tables):
            break
        last += 1
    return Region(table, first, last, document.blocks[first].start, document.blocks[last - 1].end)


def table_regions(document: Document) -> dict[str, list[Region]]:
    """Candidate regions of each table, in document order (the heading block included)."""
    marks = _marks(document)
    regions: dict[str, list[Region]] = {}
    for table in TABLES:
        firsts = [index for index, mark in enumerate(marks) if table in mark.tables]
        if not firsts:
            anchor = next((index for index, mark in enumerate(marks) if table in mark.anchors), None)
            firsts = [] if anchor is None else [anchor]
        regions[table] = [_region(document, marks, table, first) for first in firsts]
    return regions
