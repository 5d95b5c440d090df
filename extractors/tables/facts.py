"""Shared pieces of the table parsers: making a Fact from a cell, aligning row labels."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from extractors.metrics import label_of, unit_of
from extractors.model import Document, Fact
from extractors.tables.rows import Cell, Row

# How sure a table fact is, by how the cell was tied to its row and column.
CONFIDENCE_GRID = 0.95  # a labelled grid row
CONFIDENCE_TEXT_LINE = 0.9  # a labelled text line
CONFIDENCE_FLATTENED = 0.8  # mapped by position in the fixed row order
PARTIAL_FACTOR = 0.9  # some expected rows were not found: the rest is still printed data


@lru_cache(maxsize=None)
def _unit(metric: str) -> str:
    # unit_of reads the metric contract on every call; tables make millions of facts.
    return unit_of(metric)


def table_fact(document: Document, metric: str, cell: Cell, evidence_span: tuple[int, int],
               rule: str, confidence: float, era: str, applicant: str = "",
               flags: tuple[str, ...] = ()) -> Fact:
    """A fact of one table cell: evidence is the printed row label (or row), offsets the cell."""
    return Fact(
        metric=metric,
        value=cell.value,
        unit=_unit(metric),
        qualifier="exact",
        scope="unspecified",  # the tables are the reporting body's own numbers
        evidence=document.verbatim(*evidence_span),
        start=cell.start,
        end=cell.end,
        rule=rule,
        confidence=confidence,
        applicant=applicant,
        flags=cell.flags + flags,
        format_version=era,
    )


def source_confidence(row: Row) -> float:
    return CONFIDENCE_GRID if row.source == "grid" else CONFIDENCE_TEXT_LINE


@dataclass(frozen=True)
class RowPattern:
    code: str  # what the row is (a metric code, or a row kind for table 二)
    pattern: re.Pattern
    generic: bool = False  # a parent's words: only wins when no specific row matches
    # How far past the last matched row this row may be found; None: anywhere ahead. Bare
    # words (3.其他) name a row only in place: met early, they are another row abbreviated.
    reach: int | None = None


def _within_reach(pattern: RowPattern, index: int, position: int, monotonic: bool) -> bool:
    return not monotonic or pattern.reach is None or index - position <= pattern.reach


def _has_number(row: Row) -> bool:
    return row.has_number


def align_rows(rows: list[Row], patterns: tuple[RowPattern, ...], max_label: int,
               monotonic: bool = True, is_candidate: Callable[[Row], bool] = _has_number) -> dict[str, Row]:
    """Tie rows to expected rows by label keywords: code → the row that carries it.

    With ``monotonic``, the expected rows are printed in a fixed order, so a label is only
    compared with the rows still ahead of the last match: 3.其他 after the fee row is the
    third "other" row, not anything earlier, and a typo that still carries a keyword lands.
    Among the rows ahead, the first SPECIFIC match wins over a generic parent: a first child
    row whose label also holds its merged parent cell (（六）其他处理 1.申请人…逾期不补正) is
    the child. A row whose "label" is longer than ``max_label`` is prose with a number in it,
    not a table row, and is skipped.
    """
    assigned: dict[str, Row] = {}
    position = 0
    for row in rows:
        if not row.values or len(row.label) > max_label or not is_candidate(row):
            continue
        if not row.label:
            continue
        ahead = range(position, len(patterns)) if monotonic else range(len(patterns))
        matches = [index for index in ahead
                   if patterns[index].code not in assigned and _within_reach(patterns[index], index, position, monotonic)
                   and patterns[index].pattern.search(row.label)]
        specific = [index for index in matches if not patterns[index].generic]
        if not matches:
            continue
        choice = (specific or matches)[0]
        assigned[patterns[choice].code] = row
        if monotonic:
            position = choice + 1
    return assigned


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、])")
_NOT_WORDS = re.compile(r"[\s“”\"'()（）、,，.:：]")


def _words(label: str) -> str:
    while (stripped := _NUMBERING.sub("", label)) != label:
        label = stripped
    return _NOT_WORDS.sub("", label)


@lru_cache(maxsize=None)
def _template_words(metric: str) -> str:
    # The printed label of the template (metrics.csv label_zh), its last part for a child row.
    return _words(label_of(metric).split()[-1])


def names_its_row(metric: str, label: str, ratio: float = 0.75) -> bool:
    """True when a printed label is the template's own label of ``metric`` (typos and numbering
    aside): a table row, not a keyword met in prose."""
    template = _template_words(metric)
    words = _words(label)
    return template in words or SequenceMatcher(None, template, words[-len(template) - 4:]).ratio() >= ratio
