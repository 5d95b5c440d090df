"""Rows of a standardized table whose cells are uncertain: glued into one digit run (see
``digit_runs``), or printed on a text line that dropped the blank cells (部分公开 8 1 9 for seven
columns). Each such row is cut into, or placed in, the template's cells where the row's own
identity and the identities between rows leave one reading, and left out with a note where they
leave several: a number in the wrong column is worse than a missing one.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable

from extractors.model import Document, Note
from extractors.tables import digit_runs
from extractors.tables.cells import BLANK_VALUE
from extractors.tables.rows import TEXT_LINE, Cell, Row

ROW_UNREADABLE = "row_unreadable"


def _printed(cells: tuple[Cell, ...]) -> digit_runs.Reading | None:
    if not cells or any(cell.value is None for cell in cells):
        return None
    return tuple(repr(cell.value) for cell in cells)


def _run_cell(document: Document, row: Row, width: int) -> Cell | None:
    """The one cell a text row printed on its label's own line, when it could be ``width``
    cells glued together (a digit run at least that long). A grid, a row with blank cells, a
    value on another line than its label (cells one per line): no run."""
    if row.source != TEXT_LINE or len(row.values) != 1 or row.values[0].flags:
        return None
    cell = row.values[0]
    if row.label_spans and "\n" in document.matching[row.label_spans[-1][1]:cell.start]:
        return None
    return cell if digit_runs.is_run(document.matching[cell.start:cell.end], width) else None


def _surely_glued(digits: str, width: int) -> bool:
    """No table prints one cell this way: a leading zero (02, 00.3), or seven digits or more."""
    return (len(digits) > 1 and digits[0] == "0" and digits[1] != ".") or len(digits.replace(".", "")) >= max(width, 7)


def _short_cells(document: Document, row: Row, cells: tuple[Cell, ...] | None, width: int) -> tuple[Cell, ...] | None:
    """The cells of a text row printed with fewer numbers than the table has columns and no mark
    for a blank (科研机构… left empty and the page dropped the spaces: 部分公开 8 1 9), or None."""
    if row.source != TEXT_LINE or cells is None or not 2 <= len(cells) < width:
        return None
    # (a pipe row that printed fewer cells than columns and no empty ones, | 1 | 1 |, dropped its
    # blanks the same way; one with empty cells, | 1 | | 1 |, keeps their places)
    if any(cell.flags for cell in cells):
        return None
    return cells


def _placements(cells: tuple[Cell, ...], width: int,
                row_holds: Callable[[tuple[float, ...]], bool]) -> tuple[digit_runs.Reading, ...]:
    """Every way the printed numbers, in order, fill ``width`` columns with blanks ("") in the
    others, that keeps the row's own identity."""
    printed = [repr(cell.value) for cell in cells]
    found = []
    for columns in itertools.combinations(range(width), len(cells)):
        reading = [""] * width
        for column, part in zip(columns, printed):
            reading[column] = part
        if row_holds(digit_runs.numbers(tuple(reading))):
            found.append(tuple(reading))
    return tuple(found)


def _splits(texts: list[str], width: int, row_holds: Callable[[tuple[float, ...]], bool]) -> tuple[digit_runs.Reading, ...]:
    """Every way the printed numbers fill all ``width`` columns when some of them are several cells
    glued together (一、本年新收…数量 29311 2 1 37: 29|3|1|1, then 2, 1 and the total), keeping
    the row's own identity."""
    extra = width - len(texts)
    if extra <= 0:
        return ()
    found = []
    # (how many more cells each printed number holds: the extra cells spread over the numbers)
    for glued_into in itertools.product(range(extra + 1), repeat=len(texts)):
        if sum(glued_into) != extra:
            continue
        cuts = [digit_runs.readings(text, 1 + more) for text, more in zip(texts, glued_into)]
        if math.prod(len(options) for options in cuts) > digit_runs.MAX_COMBINATIONS:
            return ()  # (long runs with many cuts: no reading is sure, and trying them all is slow)
        for parts in itertools.product(*cuts):
            reading = tuple(part for piece in parts for part in piece)
            if row_holds(digit_runs.numbers(reading)):
                found.append(reading)
    return tuple(found)


def resolve_glued_rows(document: Document, aligned: dict[str, Row], width: int | Callable[[str], int],
                       values_of: Callable[[Row], tuple[Cell, ...] | None],
                       row_holds: Callable[[tuple[float, ...]], bool],
                       identities: Callable[[int], Iterable[digit_runs.Identity]],
                       notes: list[Note] | None, place_short_rows: bool = False) -> dict[str, Row]:
    """``aligned`` with its glued rows cut into cells, and (``place_short_rows``) its text rows that
    lost their blank cells placed in their columns, where the identities leave one reading; a row
    they leave several readings is left out, with a note.

    ``width`` is the cells of a row (or a function of its code); ``values_of`` gives a printed
    row's cells; ``row_holds`` is a row's own identity on its numbers; ``identities(column)``
    the identities between rows for one column (when every row has the same width)."""
    width_of = width if callable(width) else (lambda code: width)
    runs = {code: cell for code, row in aligned.items() if (cell := _run_cell(document, row, width_of(code)))}
    printed_rows = sum(1 for row in aligned.values() if row.has_number)
    # A lone value may be one cell printed beside blanks (规范性文件 156): the table must show it
    # glues its rows (most rows a single run), or the run must be too long or too odd to be one.
    glued = {code: cell for code, cell in runs.items()
             if (len(runs) >= 2 and 2 * len(runs) >= printed_rows)
             or _surely_glued(document.matching[cell.start:cell.end], width_of(code))}
    short: dict[str, tuple[Cell, ...]] = {}
    candidates: dict[str, tuple[digit_runs.Reading, ...]] = {}
    for code, row in aligned.items():
        if code in glued:
            text = document.matching[glued[code].start:glued[code].end]
            candidates[code] = tuple(reading for reading in digit_runs.readings(text, width_of(code))
                                     if row_holds(digit_runs.numbers(reading)))
            continue
        cells = values_of(row)
        if place_short_rows and (printed_cells := _short_cells(document, row, cells, width_of(code))):
            short[code] = printed_cells
            # (the blank cells dropped, or some numbers glued: 920100 12 is 9|2|0|1|0|0 and 12)
            texts = [document.matching[cell.start:cell.end] for cell in printed_cells]
            placed = (_placements(printed_cells, width_of(code), row_holds)
                      if all(digit_runs.is_one_number(text) for text in texts) else ())
            candidates[code] = placed + _splits(texts, width_of(code), row_holds)
            continue
        printed = _printed(cells) if cells is not None and len(cells) == width_of(code) else None
        if printed is not None:
            candidates[code] = (printed,)
    if not glued and not short:
        return aligned
    columns = width if isinstance(width, int) else 0
    resolution = digit_runs.resolve(candidates, [identity for column in range(columns) for identity in identities(column)])
    result = dict(aligned)
    for code in [*glued, *short]:
        row = aligned[code]
        reading = resolution.values.get(code)
        if reading is None:
            del result[code]
            if notes is not None:
                options = " / ".join("|".join(part or "_" for part in parts)
                                     for parts in (resolution.unreadable.get(code) or candidates[code])[:4])
                why = f"{len(candidates[code])} readings fit the row" if candidates[code] else "no reading fits the row"
                printed = (f"digits {document.text[glued[code].start:glued[code].end]} glued" if code in glued
                           else f"{len(short[code])} of {width_of(code)} cells printed, the blank ones dropped")
                notes.append(Note(ROW_UNREADABLE, f"{row.label}: {printed}; {why}, the table's identities leave "
                                  f"{options or 'none'}", document.verbatim(row.start, row.end), row.start, row.end))
            continue
        if code in glued:
            cells = tuple(Cell(float(part), (), start, end)
                          for part, (start, end) in zip(reading, digit_runs.spans(reading, glued[code].start)))
        elif "" in reading:
            cells = _placed(reading, short[code])
        else:
            cells = _cut(reading, short[code])
        result[code] = Row(row.label, row.label_spans, cells, row.source, row.start, row.end)
    return result


def _placed(reading: digit_runs.Reading, printed: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """The printed cells in the columns the reading gives them, blank cells in the others."""
    remaining = iter(printed)
    cells = []
    position = printed[0].start
    for part in reading:
        if part:
            cell = next(remaining)
            position = cell.end
        else:
            cell = Cell(BLANK_VALUE.value, BLANK_VALUE.flags, position, position)
        cells.append(cell)
    return tuple(cells)


def _cut(reading: digit_runs.Reading, printed: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """The printed numbers cut into the reading's cells, each cell at its digits' offsets."""
    cells = []
    parts = iter(reading)
    for number in printed:
        position = number.start
        while position < number.end:
            part = next(parts)
            cells.append(Cell(float(part), (), position, position + len(part)))
            position += len(part)
    return tuple(cells)
