"""A table that a crawler kept as a stream of cells, one per line, back into rows.

Crawled page text keeps a table's cells on lines of their own, in one of two styles:

- terminated: every cell ends with " |" ("规章 |", "0 |"); a line holding only "|" is a blank cell,
  or, right before a row's label, the mark that opens the row; lines of pipes only ("| |||",
  "||") close header rows and rows;
- separated: cells are lines of their own and "|" lines stand between them ("规章", "|", "0",
  "|", …); two "|" lines with nothing between hold a blank cell;
- lines: cells are lines of their own, one after the other, and an empty line (or a lone "|")
  inside a row is a blank cell ("二、上年结转…", "2", "0", "", "", "0", "0", "2"). Told from a
  double-spaced page (an empty line after every cell, read by ``rows.py``) by its cells standing
  mostly on adjacent lines.

A cell's words may be split over several lines ("本年新" / "制作数量"). A row is its label cells
followed by its value cells; the table parsers then place rows by their labels and the fixed
template, and read blank cells as blanks (never zeros). Other layouts (cells on one line with
separators, grids, cells between blank lines) are read by ``rows.py``.
"""
from __future__ import annotations

import re

from extractors.model import Document
from extractors.tables.cells import BLANK_VALUE, parse_cell
from extractors.tables.rows import TEXT_LINE, Cell, Row, squeeze

TERMINATED = "terminated"
SEPARATED = "separated"
LINES = "lines"

_BAR_ONLY = re.compile(r"^\s*\|\s*$")
_PIPES_ONLY = re.compile(r"^[\s|]*\|[\s|]*$")
_TRAILING_PIPES = re.compile(r"[\s|]*\|[\s|]*$")
_MIN_CELL_LINES = 6  # lines of single cells that make a region a stream
_MAX_CELL_CHARS = 80  # a longer line is prose, which ends the stream
_MIN_LINE_VALUES = 14  # numbers on lines of their own that make a region a stream of lines (two rows)
_ADJACENT_SHARE = 0.6  # of those numbers, the share right under another cell (not a double-spaced page)


def _lines(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the region's lines, empty lines included (in the lines style they are cells)."""
    lines = []
    position = start
    while position < end:
        newline = document.matching.find("\n", position, end)
        stop = end if newline == -1 else newline
        lines.append((position, stop))
        position = stop + 1
    return lines


def _style(matching: str, lines: list[tuple[int, int]]) -> str | None:
    terminated = separated = bars = values = adjacent_values = 0
    previous_was_cell = False
    for start, end in lines:
        line = matching[start:end].strip()
        if not line:
            previous_was_cell = False
            continue
        if _BAR_ONLY.match(line):
            bars += 1
            previous_was_cell = False
        elif not _PIPES_ONLY.match(line) and "|" not in line.rstrip("| ").rstrip():
            if line.endswith("|"):
                terminated += 1
            else:
                separated += 1
                if len(line) <= _MAX_CELL_CHARS and parse_cell(line) is not None:
                    values += 1
                    adjacent_values += previous_was_cell
            previous_was_cell = len(line) <= _MAX_CELL_CHARS
        else:
            previous_was_cell = False
    if terminated >= _MIN_CELL_LINES and terminated > separated:
        return TERMINATED
    if separated >= _MIN_CELL_LINES and bars >= _MIN_CELL_LINES:
        return SEPARATED
    if values >= _MIN_LINE_VALUES and adjacent_values >= _ADJACENT_SHARE * values:
        return LINES
    return None


class _RowBuilder:
    """Collects label cells, then value cells; a label cell after values starts the next row."""

    def __init__(self, matching: str) -> None:
        self.matching = matching
        self.rows: list[Row] = []
        self.label_spans: list[tuple[int, int]] = []
        self.cells: list[Cell] = []

    def text(self, start: int, end: int, joins_previous: bool) -> None:
        if self.cells:
            self.finish()
        if joins_previous and self.label_spans:
            first, _ = self.label_spans[-1]
            self.label_spans[-1] = (first, end)
        else:
            self.label_spans.append((start, end))

    def value(self, cell: Cell) -> None:
        if not self.cells and len(self.label_spans) > 1:
            # Label cells before a row's first value: the last names the row, the others belong to
            # header rows or name its group (三、本年度办理结果 | （一）予以公开 | 2 | …).
            *header, label = self.label_spans
            self.label_spans = header
            self.finish()
            self.label_spans = [label]
        self.cells.append(cell)

    def finish(self) -> None:
        if self.label_spans or self.cells:
            spans = tuple(self.label_spans)
            start = spans[0][0] if spans else self.cells[0].start
            end = max([end for _, end in spans] + [cell.end for cell in self.cells])
            label = squeeze("".join(self.matching[start:end] for start, end in spans))
            self.rows.append(Row(label, spans, tuple(self.cells), TEXT_LINE, start, end))
        self.label_spans, self.cells = [], []

    def blank(self, position: int) -> None:
        if self.label_spans or self.cells:
            self.value(Cell(BLANK_VALUE.value, BLANK_VALUE.flags, position, position))


def stream_rows(document: Document, start: int, end: int) -> list[Row] | None:
    """The rows of a region whose table is a stream of cells, or None when it is not one."""
    matching = document.matching
    lines = _lines(document, start, end)
    style = _style(matching, lines)
    if style is None:
        return None
    builder = _RowBuilder(matching)
    previous_kind = None  # "text" | "value" | "bar"
    for index, (line_start, line_end) in enumerate(lines):
        raw = matching[line_start:line_end]
        stripped = raw.strip()
        if not stripped:
            if style == LINES:
                builder.blank(line_start)
            continue
        if _BAR_ONLY.match(stripped):
            if style == LINES:
                builder.blank(line_start)
            elif style == TERMINATED:
                if _next_kind(matching, lines, index) == "text":
                    builder.finish()  # the mark opening the next row
                else:
                    builder.blank(line_start)
            elif previous_kind == "bar":
                builder.blank(line_start)
            previous_kind = "bar"
            continue
        if _PIPES_ONLY.match(stripped):
            if style == TERMINATED:
                builder.finish()  # "| |||" / "||" close a row
            previous_kind = "bar"
            continue
        content_end = line_start + len(_TRAILING_PIPES.sub("", raw)) if "|" in raw else line_end
        content_start = line_start + (len(raw) - len(raw.lstrip()))
        content = matching[content_start:content_end].strip()
        if len(content) > _MAX_CELL_CHARS:
            builder.finish()
            previous_kind = None
            continue
        content_end = content_start + len(matching[content_start:content_end].rstrip())
        parsed = parse_cell(content)
        if parsed is not None:
            builder.value(Cell(parsed.value, parsed.flags, content_start, content_end))
            previous_kind = "value"
            continue
        # A label cell; in the separated style a label split over lines has no "|" between.
        joins = previous_kind == "text" and style == SEPARATED
        builder.text(content_start, content_end, joins)
        previous_kind = "text"
    builder.finish()
    return builder.rows


def _next_kind(matching: str, lines: list[tuple[int, int]], index: int) -> str | None:
    for start, end in lines[index + 1:]:
        stripped = matching[start:end].strip()
        if not stripped:
            continue
        if _PIPES_ONLY.match(stripped):
            return "bar"
        content = _TRAILING_PIPES.sub("", stripped).strip()
        return "value" if parse_cell(content) is not None else "text"
    return None
