"""Facts of the three fixed tables of 2019+ reports (二 主动公开, 三 依申请, 四 复议诉讼).

``extract_table_facts(document, era)`` finds each table by its heading (``regions``), turns
its blocks into logical rows (``rows``: grid rows, text lines, flattened streams), and maps
rows and columns onto metric codes (``table2``, ``table3``, ``table4``). Every printed cell
becomes a fact, blank and dash cells included (value None, flagged), and nothing is
corrected: a table that does not balance is data for the checks, not for the extractor.

Facts: qualifier "exact", scope "unspecified" (a table is the reporting body's own numbers),
applicant set for table 三 only, format_version = ``era``, evidence = the printed row label
(or the row itself for flattened streams), offsets = the cell's span in ``Document.text``.
"""
from __future__ import annotations

from extractors.model import Document, Fact, Note
from extractors.tables.regions import TABLE2, TABLE3, Region, table_regions
from extractors.tables.rows import Row, block_rows
from extractors.tables.stream import stream_rows
from extractors.tables.table2 import table2_facts
from extractors.tables.table3 import table3_facts
from extractors.tables.table4 import table4_facts

__all__ = ["extract_table_facts"]


def _region_rows(document: Document, region: Region) -> list[Row]:
    return [row for index in range(region.first, region.last) for row in block_rows(document, document.blocks[index])]


def _parse(document: Document, region: Region, rows: list[Row], era: str, notes: list[Note]) -> list[Fact]:
    if region.table == TABLE2:
        return table2_facts(document, rows, era, notes)
    if region.table == TABLE3:
        return table3_facts(document, rows, era, notes)
    return table4_facts(document, rows, era, region.start, region.end, notes)


def _score(facts: list[Fact]) -> tuple[int, int]:
    return sum(fact.value is not None for fact in facts), len(facts)


def _readings(document: Document, region: Region) -> list[list[Row]]:
    """The region read as blocks, and, when its table is a stream of cells one per line (crawled
    page text), as that stream (``stream.py``)."""
    readings = [_region_rows(document, region)]
    if all(document.blocks[index].kind == "paragraph" for index in range(region.first, region.last)):
        streamed = stream_rows(document, region.start, region.end)
        if streamed:
            readings.append(streamed)
    return readings


def extract_table_facts(document: Document, era: str, notes: list[Note] | None = None) -> list[Fact]:
    """Facts of tables 二, 三 and 四 of ``document``, read under report format ``era``; rows that
    could not be read are told in ``notes`` (when given)."""
    facts: list[Fact] = []
    for regions in table_regions(document).values():
        best: list[Fact] = []
        best_notes: list[Note] = []
        for region in regions:
            for rows in _readings(document, region):
                found_notes: list[Note] = []
                found = _parse(document, region, rows, era, found_notes)
                # Ties go to the later candidate: the heading closest to the table (not an
                # overview sub-heading whose region runs over the same table), the stream.
                if found and _score(found) >= _score(best):
                    best, best_notes = found, found_notes
        facts.extend(best)
        if notes is not None:
            notes.extend(best_notes)
    return facts
