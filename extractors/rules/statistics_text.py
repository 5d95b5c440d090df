"""A legacy statistics table (附表) that arrives as crawled text, back into rows.

Two shapes come out of crawled pages (FORMAT.md, "Tables that arrive as text"):

- one cell per line: 统计指标 / 单位 / 本年 / 累计, then 主动公开政府信息数 / 条 / 4173 / 21905 …;
  the header says how many value columns each row has;
- one row per line with its cells run together: 主动公开政府信息数条4173905, this year's figure
  and the cumulative one glued. The run is cut where one reading survives this year ≤ cumulative
  and the table's sums (channels and outcomes add up to their totals, in both columns,
  ``digit_runs``); a row left with several readings is unreadable, noted and not read.

Only this year's column becomes a fact (the appendix rules read a row's first value).
"""
from __future__ import annotations

import re
from extractors.metrics import load_metrics
from extractors.model import Document, Note
from extractors.tables import digit_runs
from extractors.tables.glued import resolve_glued_rows
from extractors.tables.rows import Cell, Row

_LABEL_HEADER = re.compile(r"^(?:统计)?(?:指标|项目)(?:名称)?$")
_VALUE_HEADER = re.compile(r"^(?:本年|本年度|本年数|统计数|数量|数值|上年|上年数|累计|累计数|历年累计)$")
_CUMULATIVE_HEADER = re.compile(r"累计")
_UNIT_HEADER = re.compile(r"^单位$")
# 统计指标单位本年累计 / 指标名称单位本年数累计数: a header row printed as one run of words.
_GLUED_HEADER = re.compile(r"(?:指标|项目).{0,4}单位.{0,3}(?:本年|统计数).{0,3}(?:累计|上年)")
UNITS = r"万元|元|件|条|次|篇|个|人次|人|场|期|项|宗|起"  # the units a statistics table prints
UNIT_CELL = re.compile(r"^(?:" + UNITS + r")$")
_THIS_YEAR_FIRST = 0


def cumulative_last(rows: list[Row]) -> bool:
    """True when the table's last value column is cumulative (累计), so this year's figure never
    exceeds it; a 上年 (last year) column gives no such rule."""
    headers = "".join(row.label for row in rows[:12] if not row.values)
    return bool(_CUMULATIVE_HEADER.search(headers))


def value_columns(rows: list[Row]) -> int:
    """How many value columns the table's header names (1 when it names none)."""
    headers = [row.label for row in rows[:12] if not row.values]
    values = sum(1 for label in headers if _VALUE_HEADER.match(label))
    if values:
        return values
    if any(_GLUED_HEADER.search(label) for label in headers):
        return 2
    return 1


def regroup(rows: list[Row]) -> list[Row]:
    """Rows of a table printed one cell per line (label, unit, values each a line of its own)
    merged back into rows; other rows are returned as they are."""
    headers = [row for row in rows[:8] if not row.values]
    if not (any(_LABEL_HEADER.match(row.label) for row in headers) and any(_UNIT_HEADER.match(row.label) for row in headers)):
        return rows
    width = value_columns(rows)
    merged: list[Row] = []
    label_row: Row | None = None
    unit_spans: tuple[tuple[int, int], ...] = ()
    cells: list[Cell] = []

    def flush() -> None:
        nonlocal label_row, unit_spans, cells
        if label_row is not None:
            spans = label_row.label_spans + unit_spans
            end = max([end for _, end in spans] + [cell.end for cell in cells])
            merged.append(Row(label_row.label, spans, tuple(cells), label_row.source, label_row.start, end))
        label_row, unit_spans, cells = None, (), []

    for row in rows:
        if row.values and not row.label and label_row is not None and len(cells) < width:
            cells.extend(row.values)
        elif not row.values and UNIT_CELL.match(row.label) and label_row is not None and not cells:
            unit_spans = row.label_spans
        elif not row.values:
            flush()
            label_row = row
        else:
            flush()
            merged.append(row)
    flush()
    return merged


# Sums the table's rows obey (metrics.csv: a part names its parent), checked in every column.
def _parts_of() -> dict[str, tuple[str, ...]]:
    parts: dict[str, list[str]] = {}
    for row in load_metrics():
        if row["family"] == "legacy" and row["parent"]:
            parts.setdefault(row["parent"], []).append(row["code"])
    return {parent: tuple(children) for parent, children in parts.items()}


_PARTS = _parts_of()


def unglue(document: Document, rows_by_metric: dict[str, Row], width: int, cumulative: bool,
           notes: list[Note] | None) -> dict[str, Row]:
    """Rows whose ``width`` value cells were glued into one run, cut where one reading survives
    (this year ≤ cumulative when the last column is ``cumulative``, and the table's sums);
    unreadable ones are left out (and noted)."""
    if width < 2:
        return rows_by_metric

    def identities(column: int) -> list[digit_runs.Identity]:
        found = []
        for parent, children in _PARTS.items():
            present = tuple(child for child in children if child in rows_by_metric)
            if parent in rows_by_metric and present:
                found.append(digit_runs.balances(present, (parent,), column))
        return found

    return resolve_glued_rows(document, rows_by_metric, width,
                              lambda row: tuple(cell for cell in row.values if not cell.blank)[:width],
                              _this_year_first_holds if cumulative else (lambda numbers: True), identities, notes)


def _this_year_first_holds(numbers: tuple[float, ...]) -> bool:
    """This year's figure (first) never exceeds the cumulative one (last)."""
    return numbers[_THIS_YEAR_FIRST] <= numbers[-1]
