"""Rows of a standardized table whose cells were glued into one digit run (see ``digit_runs``):
each such row is cut into the template's cells where the row's own identity and the identities
between rows leave one reading, and left out with a note where they leave several.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from extractors.model import Document, Note
from extractors.tables import digit_runs
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


def resolve_glued_rows(document: Document, aligned: dict[str, Row], width: int | Callable[[str], int],
                       values_of: Callable[[Row], tuple[Cell, ...] | None],
                       row_holds: Callable[[tuple[float, ...]], bool],
                       identities: Callable[[int], Iterable[digit_runs.Identity]],
                       notes: list[Note] | None) -> dict[str, Row]:
    """``aligned`` with its glued rows cut into cells (or left out, noted, when unreadable).

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
    candidates: dict[str, tuple[digit_runs.Reading, ...]] = {}
    for code, row in aligned.items():
        if code in glued:
            text = document.matching[glued[code].start:glued[code].end]
            candidates[code] = tuple(reading for reading in digit_runs.readings(text, width_of(code))
                                     if row_holds(digit_runs.numbers(reading)))
            continue
        cells = values_of(row)
        printed = _printed(cells) if cells is not None and len(cells) == width_of(code) else None
        if printed is not None:
            candidates[code] = (printed,)
    if not glued:
        return aligned
    columns = width if isinstance(width, int) else 0
    resolution = digit_runs.resolve(candidates, [identity for column in range(columns) for identity in identities(column)])
    result = dict(aligned)
    for code, cell in glued.items():
        row = aligned[code]
        reading = resolution.values.get(code)
        if reading is None:
            del result[code]
            if notes is not None:
                options = " / ".join("|".join(parts) for parts in (resolution.unreadable.get(code) or candidates[code])[:4])
                why = f"{len(candidates[code])} readings fit the row" if candidates[code] else "no reading fits the row"
                notes.append(Note(ROW_UNREADABLE, f"{row.label}: digits {document.text[cell.start:cell.end]} glued; "
                                  f"{why}, the table's identities leave {options or 'none'}",
                                  document.verbatim(row.start, row.end), row.start, row.end))
            continue
        cells = tuple(Cell(float(part), (), start, end)
                      for part, (start, end) in zip(reading, digit_runs.spans(reading, cell.start)))
        result[code] = Row(row.label, row.label_spans, cells, row.source, row.start, row.end)
    return result
