"""Blocks → logical table rows: a label (with its offsets) and the value cells after it.

Readers hand us three shapes of the same table:

- ``table_row`` blocks (HTML, Markdown, and the PDF / DOCX readers' grids): one span per cell.
  The label is the leading cells that are not values; the values are the cells after the
  last label cell, blank cells kept (a blank is data: "printed nothing"). Merged cells are not
  expanded by readers, so a parent cell such as （三）不予公开 (rowspan) sits in the first
  child row's label, and a PDF grid pads label columns with empty cells.
- text lines "label n n n n n n n" (plain text, PDF text layers): a line may hold several
  (label, number run) pairs, so a table flattened into one paragraph becomes several rows,
  and a number run whose label was printed on another line (PDF text layers do this) becomes
  a row without a label. Lines with ``|`` or tabs are split into cells like a grid.
- a stream of numbers with no labels at all: rows without labels, left for the table parsers
  to map by position.

Everything is read from ``Document.matching`` (simplified, half-width); offsets index
``Document.text`` alike, so evidence is cut verbatim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.model import Block, Document
from extractors.per_document import per_document
from extractors.tables.cells import BLANK, DASH_TEXT, parse_cell

GRID = "grid"
TEXT_LINE = "text_line"

_WHITESPACE = re.compile(r"\s+")
_LINE = re.compile(r"[^\n]+")
_CELL_SEPARATOR = re.compile(r"[|\t]")
_MARKDOWN_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")
_TOKEN_IN_CELL = re.compile(r"\S+")
# Page furniture a PDF text layer leaves between table lines: "- 3 -", "第 3 页 共 5 页", "3/5".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)

# A value in running text. Numbers that belong to the words around them are not values:
# list numbers (1.属于国家秘密, 1、 (1)), dates, counts and amounts in prose (2023 年, 21 件,
# 4100余条), document numbers (〔2014〕, 第1号), phone numbers (0517-87222589), anything
# ending a sentence (。). A value may touch a Chinese label on either side, because a
# flattened table often glues the first number to its row label.
_WORD_AFTER = r"年|月|日|号|条|件|项|款|个|次|场|篇|期|万|亿|元|页|人|家|余|多|左右|以上|%"
_TEXT_NUMBER = (
    r"(?<![0-9A-Za-z.,%/_+\-(\[〔【《「“第])"
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    rf"(?![0-9A-Za-z%,_.、)\]:/\-〕】》」”。;!?]|\s*(?:{_WORD_AFTER}))"
)
# A dash stands for a cell only when it stands alone between separators.
_TEXT_DASH = rf"(?<![^\s|]){DASH_TEXT}(?![^\s|])"
_TEXT_VALUE = re.compile(rf"{_TEXT_NUMBER}|{_TEXT_DASH}")
_RUN_GAP = re.compile(r"^[\s|]*$")
# Longer than any printed row label (about 50 characters with its merged parents): headers too.
_LONG_LABEL = 64
_ROW_NUMBER = re.compile(r"(?<![\u4e00-\u9fff])(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}\.(?!\d))")


@dataclass(frozen=True)
class Cell:
    value: float | None
    flags: tuple[str, ...]
    start: int  # span of the cell in Document.text (empty span for a blank cell)
    end: int

    @property
    def blank(self) -> bool:
        return BLANK in self.flags


@dataclass(frozen=True)
class Row:
    label: str  # matching form of all label cells, white space removed; "" when none
    label_spans: tuple[tuple[int, int], ...]  # printed label cells (non-empty), in order
    values: tuple[Cell, ...]
    source: str  # GRID | TEXT_LINE
    start: int
    end: int
    # The values again, with each grid cell that held several bare digit groups read as ONE
    # number ("1 46" → 146, a stray space in a web page's cell); None when no cell did.
    # ``fitted`` prefers it only when the split reading holds more cells than the table has.
    joined: tuple[Cell, ...] | None = None

    def fitted(self, width: int) -> tuple[Cell, ...]:
        """The value cells for a table ``width`` columns wide: blank padding trimmed, and a
        cell split on a stray space read whole when the split reading does not fit."""
        values = trim_blanks(self.values, width)
        if len(values) > width and self.joined is not None:
            joined = trim_blanks(self.joined, width)
            if len(joined) <= width:
                return joined
        return values

    @property
    def has_number(self) -> bool:
        """True when at least one value cell is printed (a number or a dash, not a blank)."""
        return any(not cell.blank for cell in self.values)

    @property
    def evidence_span(self) -> tuple[int, int]:
        """The most specific printed label (the last label cell), else the row itself."""
        return self.label_spans[-1] if self.label_spans else (self.start, self.end)


def squeeze(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _strip_span(matching: str, start: int, end: int) -> tuple[int, int]:
    while start < end and matching[start].isspace():
        start += 1
    while end > start and matching[end - 1].isspace():
        end -= 1
    return start, end


def _cell_values(matching: str, start: int, end: int) -> list[Cell] | None:
    """The values of one grid cell: usually one; several when a PDF grid merged columns into
    one cell ("0 0"); None when the cell is a label."""
    start, end = _strip_span(matching, start, end)
    parsed = parse_cell(matching[start:end])
    if parsed is not None:
        return [Cell(parsed.value, parsed.flags, start, end)]
    cells = []
    for token in _TOKEN_IN_CELL.finditer(matching, start, end):
        token_value = parse_cell(token.group())
        if token_value is None:
            return None
        cells.append(Cell(token_value.value, token_value.flags, token.start(), token.end()))
    return cells or None


def grid_row(matching: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]],
             source: str = GRID) -> Row | None:
    """A row from cell spans: label = the cells up to the last label cell, values = the rest."""
    parsed = [_cell_values(matching, start, end) for start, end in spans]
    last_label = max((index for index, cells in enumerate(parsed) if cells is None), default=-1)
    label_spans = []
    for start, end in spans[:last_label + 1]:
        start, end = _strip_span(matching, start, end)
        if start < end:
            label_spans.append((start, end))
    values = tuple(cell for cells in parsed[last_label + 1:] for cell in cells)
    if not label_spans and not values:
        return None
    joined = None
    if any(len(cells) > 1 for cells in parsed[last_label + 1:]):
        joined = tuple(cell for span, cells in zip(spans[last_label + 1:], parsed[last_label + 1:])
                       for cell in _joined(matching, span, cells))
    label = "".join(squeeze(matching[start:end]) for start, end in label_spans)
    return Row(label, tuple(label_spans), values, source, spans[0][0], spans[-1][1], joined)


_DIGIT_GROUP = re.compile(r"\d+")


def _joined(matching: str, span: tuple[int, int], cells: list[Cell]) -> list[Cell]:
    """One cell's values with its digit groups read as one number, when that is what they are."""
    if len(cells) < 2 or not all(cell.value is not None and not cell.flags for cell in cells):
        return cells
    tokens = [matching[cell.start:cell.end] for cell in cells]
    if not all(_DIGIT_GROUP.fullmatch(token) for token in tokens[:-1]):
        return cells
    if not re.fullmatch(r"\d+(?:\.\d+)?", tokens[-1]):
        return cells
    return [Cell(float("".join(tokens)), (), cells[0].start, cells[-1].end)]


def _split_cells(matching: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of a ``|`` or tab separated line; outer pipes of ``| a | b |`` dropped."""
    spans = []
    position = start
    for separator in _CELL_SEPARATOR.finditer(matching, start, end):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, end))
    line = matching[start:end].strip()
    if line.startswith("|") and spans and not matching[spans[0][0]:spans[0][1]].strip():
        spans = spans[1:]
    if line.endswith("|") and spans and not matching[spans[-1][0]:spans[-1][1]].strip():
        spans = spans[:-1]
    return spans


def _text_rows(matching: str, start: int, end: int) -> list[Row]:
    """Rows of one text line: each run of values with the words printed before it."""
    rows: list[Row] = []
    runs: list[list[re.Match]] = []
    for token in _TEXT_VALUE.finditer(matching, start, end):
        if runs and _RUN_GAP.match(matching[runs[-1][-1].end():token.start()]):
            runs[-1].append(token)
        else:
            runs.append([token])
    label_start = start
    for run in runs:
        label_span = _strip_span(matching, label_start, run[0].start())
        if label_span[1] - label_span[0] > _LONG_LABEL and (numbered := _last_numbered(matching, *label_span)):
            # The header cells printed on the same line as the first row (…申请人情况 自然人 …
            # 其他 一、本年新收政府信息公开申请数量 104 15 …): a row of their own.
            header = _strip_span(matching, label_span[0], numbered)
            rows.append(Row(squeeze(matching[header[0]:header[1]]), (header,), (), TEXT_LINE, *header))
            label_span = (numbered, label_span[1])
        label_spans = (label_span,) if label_span[0] < label_span[1] else ()
        values = []
        for token in run:
            parsed = parse_cell(token.group())
            values.append(Cell(parsed.value, parsed.flags, token.start(), token.end()))
        row_start = label_spans[0][0] if label_spans else run[0].start()
        rows.append(Row(squeeze(matching[label_span[0]:label_span[1]]), label_spans,
                        tuple(values), TEXT_LINE, row_start, run[-1].end()))
        label_start = run[-1].end()
    # Words after the last run (or a line without numbers): a label-only row, e.g. a header.
    tail = _strip_span(matching, label_start, end)
    if tail[0] < tail[1]:
        rows.append(Row(squeeze(matching[tail[0]:tail[1]]), (tail,), (), TEXT_LINE, *tail))
    return rows


def _last_numbered(matching: str, start: int, end: int) -> int | None:
    """Where the last numbered row label (一、 / （一） / 1.) of a long label starts, if not at its start."""
    found = None
    for match in _ROW_NUMBER.finditer(matching, start, end):
        found = match.start()
    return found if found is not None and found > start else None


def _line_rows(matching: str, start: int, end: int) -> list[Row]:
    line = matching[start:end]
    if _PAGE_NUMBER.match(line):
        return []
    if "|" in line or "\t" in line:
        spans = _split_cells(matching, start, end)
        if all(_MARKDOWN_RULE.match(matching[s:e]) for s, e in spans):
            return []  # the |---|---| rule under a Markdown header
        row = grid_row(matching, spans, TEXT_LINE)
        return [row] if row else []
    return _text_rows(matching, start, end)


@per_document
def block_rows(document: Document, block: Block) -> list[Row]:
    """The logical rows of one block (read once: the table parsers' candidate regions overlap,
    and the legacy statistics tables read the same lines)."""
    matching = document.matching
    if block.kind == "table_row" and block.cells:
        row = grid_row(matching, block.cells)
        return [row] if row is not None else []
    # A paragraph may span several lines (a PDF reader joining a text block).
    rows: list[Row] = []
    for line in _LINE.finditer(matching, block.start, block.end):
        rows.extend(_line_rows(matching, line.start(), line.end()))
    return rows


def trim_blanks(values: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    """Drop blank cells from both ends while a row holds more than ``width`` values: they are
    a grid's padding (empty label columns, unused columns), not cells of the table."""
    start, end = 0, len(values)
    while end - start > width and values[start].blank:
        start += 1
    while end - start > width and values[end - 1].blank:
        end -= 1
    return values[start:end]


def is_lone_number(row: Row) -> bool:
    """A text line that holds one bare number and nothing else: a page number, perhaps."""
    return row.source == TEXT_LINE and not row.label and len(row.values) == 1


def strip_blank_ends(values: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Drop blank cells at both ends (used where the expected width is unknown)."""
    start, end = 0, len(values)
    while start < end and values[start].blank:
        start += 1
    while end > start and values[end - 1].blank:
        end -= 1
    return values[start:end]
