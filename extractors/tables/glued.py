"""Rows of a standardized table whose cells were glued into one digit run (see ``digit_runs``):
each such row is cut into the template's cells where the row's own identity and the identities
between rows leave one reading, and left out with a note where they leave several.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from extractors.model import Document, Note
from extractors.tables import digit_runs
from extractors.tables.rows import Cell, Row, strip_blank_ends

ROW_UNREADABLE = "row_unreadable"


def _printed(cells: tuple[Cell, ...]) -> digit_runs.Reading | None:
    if not cells or any(cell.value is None for cell in cells):
        return None
    return tuple(repr(cell.value) for cell in cells)


def resolve_glued_rows(document: Document, aligned: dict[str, Row], width: int,
                       values_of: Callable[[Row], tuple[Cell, ...] | None],
                       row_holds: Callable[[tuple[float, ...]], bool],
                       identities: Callable[[int], Iterable[digit_runs.Identity]],
                       notes: list[Note] | None) -> dict[str, Row]:
    """``aligned`` with its glued rows cut into cells (or left out, noted, when unreadable).

    ``values_of`` gives a printed row's ``width`` cells; ``row_holds`` is a row's own identity on
    its numbers; ``identities(column)`` the identities between rows for one column."""
    glued: dict[str, Cell] = {}
    candidates: dict[str, tuple[digit_runs.Reading, ...]] = {}
    for code, row in aligned.items():
        values = strip_blank_ends(row.values)
        text = document.matching[values[0].start:values[0].end] if len(values) == 1 else ""
        if len(values) == 1 and not values[0].flags and digit_runs.is_run(text, width):
            glued[code] = values[0]
            candidates[code] = tuple(reading for reading in digit_runs.readings(text, width)
                                     if row_holds(digit_runs.numbers(reading)))
            continue
        cells = values_of(row)
        printed = _printed(cells) if cells is not None and len(cells) == width else None
        if printed is not None:
            candidates[code] = (printed,)
    if not glued:
        return aligned
    resolution = digit_runs.resolve(candidates, [identity for column in range(width) for identity in identities(column)])
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
