"""The records that flow from a raw report to the warehouse.

A reader turns bytes into a ``Document``: the verbatim text of the report (original script,
original punctuation) plus a ``matching`` twin of exactly the same length in which traditional
characters are simplified and full-width ASCII is folded to half-width. Rules search
``matching`` and cut evidence from ``text`` with the same offsets, so evidence stays verbatim
while the rules are written once, in simplified Chinese.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

QUALIFIERS = ("exact", "about", "over", "under")
SCOPES = ("whole", "own_level", "government", "unspecified")
ERAS = ("legacy", "trial_2019", "format_2021")
SCRIPTS = ("simplified", "traditional")


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or table row of a document, as offsets into ``Document.text``."""

    kind: str  # "paragraph" | "table_row"
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()  # table rows: (start, end) of each cell


@dataclass
class Document:
    text: str
    matching: str
    blocks: list[Block] = field(default_factory=list)
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    # What a reader took out of the page text so that words read whole again (the pinyin glosses
    # a mirror site prints after characters: 鎮(zhèn)): (offset in ``text``, removed string),
    # in order. ``verbatim`` puts them back, so evidence stays what the page printed.
    removed: tuple[tuple[int, str], ...] = ()

    def __post_init__(self) -> None:
        if len(self.matching) != len(self.text):
            raise ValueError("matching text must have the same length as the verbatim text")

    def verbatim(self, start: int, end: int) -> str:
        """The page's own text for ``text[start:end]``, removed strings restored inside it."""
        if not self.removed:
            return self.text[start:end]
        pieces = []
        position = start
        first = bisect.bisect_right(self.removed, start, key=_offset)  # (a page may hold thousands)
        for offset, string in self.removed[first:]:
            if offset >= end:
                break
            pieces.append(self.text[position:offset])
            pieces.append(string)
            position = offset
        pieces.append(self.text[position:end])
        return "".join(pieces)


def _offset(removed: tuple[int, str]) -> int:
    return removed[0]


@dataclass(frozen=True)
class ReportMetadata:
    title: str | None
    jurisdiction_name: str | None  # as printed, e.g. 曾都区; simplified script
    report_year: int | None  # the year reported on, not the posting year
    issuing_body: str | None  # e.g. 重庆市人民政府办公厅
    publication_date: str | None  # ISO date printed in the report, when there is one
    script: str  # "simplified" | "traditional"
    era: str  # "legacy" | "trial_2019" | "format_2021"


@dataclass(frozen=True)
class JurisdictionMatch:
    code: str  # 6-digit GB/T 2260 code
    name: str
    level: str  # "province" | "prefecture" | "county"
    parent_code: str | None
    province_code: str
    province_name: str
    prefecture_code: str | None
    prefecture_name: str | None
    longitude: float | None
    latitude: float | None
    confidence: float  # 0..1
    method: str  # how the match was made, e.g. "unique_name", "context_province"


@dataclass(frozen=True)
class Fact:
    metric: str  # a code of metrics.csv, or <code>_pct for a share
    value: float | None  # None: a blank table cell (flagged), never a guessed zero
    unit: str
    qualifier: str  # exact | about | over | under
    scope: str  # whole | own_level | government | unspecified
    evidence: str  # verbatim from Document.text: the sentence, or a table cell's row label
    start: int  # offsets in Document.text of what the value was read from: the sentence of a
    end: int  # free-text fact, the cell of a table fact
    rule: str  # the rule that produced the fact
    confidence: float
    applicant: str = ""  # table 三 applicant type; "" for legacy facts
    flags: tuple[str, ...] = ()  # blank_cell, dash_cell, derived, ...
    format_version: str = ""  # the report format the fact was read under: legacy | trial_2019 | format_2021


@dataclass(frozen=True)
class Note:
    """Something the extractor saw and could not turn into facts, said so rather than guessed:
    a table row whose glued digits admit several readings, for instance."""

    kind: str  # row_unreadable | table_cut
    detail: str  # what and why, in words
    evidence: str  # verbatim, as for facts
    start: int
    end: int
