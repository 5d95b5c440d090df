"""Table 四 政府信息公开行政复议、行政诉讼情况: one data row of 15 cells.

行政复议 | 行政诉讼: 未经复议直接起诉 | 复议后起诉, each block 结果维持 | 结果纠正 | 其他结果 |
尚未审结 | 总计. The header takes three rows in a grid and scatters over many lines in a PDF
text layer, while the numbers stay in order: so the table is read as the first 15 values
after its heading, whether they sit on one row, on several lines, or one per line (reports
that print the table vertically). Totals are kept as printed, even when the parts do not add
up (a real report prints 复议 10 + 1 + 0 + 0 against a 总计 of 0).
"""
from __future__ import annotations

import re

from extractors.model import Document, Fact, Note
from extractors.tables.facts import CONFIDENCE_FLATTENED, source_confidence, table_fact
from extractors.tables.glued import resolve_glued_rows
from extractors.tables.rows import GRID, Cell, Row, strip_blank_ends, trim_blanks

CELLS = 15
# (metric prefix, the block's header label as printed in the table)
BLOCKS = (
    ("t4_recon", re.compile(r"行政复议")),
    ("t4_lit_direct", re.compile(r"未经复议直接起诉|直接起诉")),
    ("t4_lit_after_recon", re.compile(r"复议后起诉")),
)
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
# A vertical table prints one outcome per row; a row of blanks under such a label is a cell.
_OUTCOME_LABEL = re.compile(r"维持|纠正|其他|审结|总计")
TABLE_CUT = "table_cut"


def _is_vertical_cell(row: Row) -> bool:
    # One outcome label, one cell: a table printed vertically. Header rows name several
    # outcomes and carry blank padding, which is not a cell.
    return len(row.values) == 1 and len(_OUTCOME_LABEL.findall(row.label)) == 1


def _values(rows: list[Row]) -> list[tuple[Cell, Row]]:
    values: list[tuple[Cell, Row]] = []
    for row in rows:
        vertical = _is_vertical_cell(row)
        if not row.has_number and not vertical:
            continue  # a header row, or blank padding
        cells = row.values
        if len(cells) > CELLS:
            cells = trim_blanks(cells, CELLS)
        elif len(cells) < CELLS and not vertical:
            cells = strip_blank_ends(cells)
        values.extend((cell, row) for cell in cells)
    return values


def _block_label_spans(document: Document, start: int, end: int) -> list[tuple[int, int] | None]:
    """Where each block's header label is printed in the region, if it is."""
    spans: list[tuple[int, int] | None] = []
    for _, pattern in BLOCKS:
        found = pattern.search(document.matching, start, end)
        spans.append(found.span() if found else None)
    return spans


def _block_totals_hold(numbers: tuple[float, ...]) -> bool:
    size = len(OUTCOMES)
    return all(abs(sum(numbers[block:block + size - 1]) - numbers[block + size - 1]) < 1e-9
               for block in range(0, len(numbers), size))


def _unglued(document: Document, rows: list[Row], notes: list[Note] | None) -> list[Row]:
    """The data row printed as one digit run (100120100100000) cut into its 15 cells, where the
    blocks' totals leave one reading; left out (and noted) when they leave several."""
    runs = [row for row in rows if len(strip_blank_ends(row.values)) == 1]
    if len(runs) != 1 or any(row.has_number for row in rows if row is not runs[0]):
        return rows  # no run, or other numbers beside it: not a glued data row
    run = runs[0]
    resolved = resolve_glued_rows(document, {"data": run}, CELLS, values_of=lambda row: None,
                                  row_holds=_block_totals_hold, identities=lambda column: (), notes=notes)
    data_row = resolved.get("data")
    return [data_row if row is run else row for row in rows if row is not run or data_row is not None]


def _blocks_before_cut(document: Document, values: list[tuple[Cell, Row]],
                       notes: list[Note] | None) -> list[tuple[Cell, Row]]:
    """The whole blocks of a data row that the page's end cut short (an archive that stored the
    page truncated: `1 | 0 | 0 | 1 | 2 | 2 | 0 | 1 | 0 | 3 | 1` and nothing after). Only a row
    printed on one line, in a grid or between bars (where a blank cell still shows), keeps its
    cells' places; the cell at the cut without its closing
    separator may itself be cut (1 of 12) and is never read; a block is read only when its parts
    add up to its total. The cut is said in a note."""
    if not values or len({id(row) for _, row in values}) != 1:
        return []
    last_cell, row = values[-1]
    if row.source != GRID and "|" not in document.text[row.start:row.end]:
        return []  # cells separated by spaces lose their blanks: no place is sure
    after = document.text[last_cell.end:]
    if after.strip(" \t\r\n|"):
        return []  # the text goes on: cells were lost elsewhere, no position can be trusted
    printed = values if "|" in after else values[:-1]
    size = len(OUTCOMES)
    kept = printed[:len(printed) // size * size]
    if not kept or not _block_totals_hold(tuple(cell.value or 0.0 for cell, _ in kept)):
        return []
    if notes is not None:
        notes.append(Note(TABLE_CUT, f"table 四: the text ends after {len(values)} of {CELLS} cells of the data row; "
                          f"{len(kept) // size} of {len(BLOCKS)} blocks read, the rest is lost",
                          document.verbatim(row.start, row.end), row.start, row.end))
    return kept


def table4_facts(document: Document, rows: list[Row], era: str, start: int, end: int,
                 notes: list[Note] | None = None) -> list[Fact]:
    values = _values(_unglued(document, rows, notes))
    if len(values) < CELLS:
        values = _blocks_before_cut(document, values, notes)
        if not values:
            return []  # cells were lost (blanks in running text): no position can be trusted
    values = values[:CELLS]
    rows_used = list({id(row): row for _, row in values}.values())
    # Grid cells keep their places even when the table is printed vertically; text lines do
    # so only when one line holds the whole data row.
    if len(rows_used) == 1 or all(row.source == GRID for row in rows_used):
        rule, confidence = f"table4.{rows_used[0].source}", source_confidence(rows_used[0])
    else:
        rule, confidence = "table4.flattened", CONFIDENCE_FLATTENED
    labels = _block_label_spans(document, start, end)
    facts = []
    for block_index, (prefix, _) in enumerate(BLOCKS[:len(values) // len(OUTCOMES)]):
        for outcome_index, outcome in enumerate(OUTCOMES):
            cell, row = values[block_index * len(OUTCOMES) + outcome_index]
            evidence = labels[block_index] or (row.start, row.end)
            facts.append(table_fact(document, f"{prefix}_{outcome}", cell, evidence, rule, confidence, era))
    return facts
