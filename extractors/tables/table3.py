"""Table 三 收到和处理政府信息公开申请情况: requests by applicant type (columns) and stage /
outcome (rows).

Columns: 自然人 | 商业企业 科研机构 社会公益组织 法律服务机构 其他 | 总计; some reports add a
法人小计 column, which is dropped (it is the sum of the five, not an applicant type).

Rows: 23 in the 2019 trial format (one row （六）其他处理), 25 in the 2021 format (（六） split
into 1. 逾期不补正 / 2. 逾期未缴费 / 3. 其他). Some 2021 reports keep the single row, and the
printed table decides, not the era. For split tables a DERIVED t3_other (the sum of the three)
is added so that both formats share one "other" series.

Two ways to tie numbers to rows:
1. by label: each row's label is aligned to the expected rows in their fixed order;
2. by position: when labels are missing or detached from their numbers (a flattened stream,
   a PDF text layer that prints number runs on other lines than their labels), every value of
   the region is read in order as 23 or 25 rows of 7 (or 8) values.
Label alignment is used when it finds every row; otherwise position, when the count of values
fits a layout exactly; otherwise whatever the labels found. Printed numbers are kept as they
are, balanced or not.
"""
from __future__ import annotations

import re

from extractors.model import Document, Fact, Note
from extractors.tables import digit_runs
from extractors.tables.facts import (CONFIDENCE_FLATTENED, PARTIAL_FACTOR, RowPattern, align_rows,
                                     names_its_row, source_confidence, table_fact)
from extractors.tables.glued import resolve_glued_rows
from extractors.tables.rows import Cell, Row, is_lone_number, squeeze, strip_blank_ends

APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service",
              "other_org", "total")
WIDTH = len(APPLICANTS)
WIDTH_WITH_SUBTOTAL = WIDTH + 1
# Without a readable header, 法人小计 is taken to sit just before 总计.
_DEFAULT_SUBTOTAL_INDEX = WIDTH_WITH_SUBTOTAL - 2

SPLIT_OTHER = ("t3_other_no_correction", "t3_other_fee_unpaid", "t3_other_other")


def _row(code: str, words: str, generic: bool = False, reach: int | None = None) -> RowPattern:
    return RowPattern(code, re.compile(words), generic, reach)


# Keywords per row, in printed order. Both variants of （六） are listed: the single parent row
# is "generic", so a first child row that carries its merged parent cell is still the child.
ROW_PATTERNS = (
    _row("t3_new_received", r"新收|本年.{0,3}收到|新受理"),
    _row("t3_carried_over_in", r"上年.{0,3}结转|结转.{0,3}上年"),
    _row("t3_granted", r"予以公开"),
    # Its label ends 不计其他情形: matched first, never "other".
    _row("t3_partial", r"部分公开"),
    _row("t3_denied_state_secret", r"国家秘密"),
    # Printed with typos (其他法律行政止公开); 法律服务机构 (a column) must not match.
    _row("t3_denied_law_prohibited", r"其[他它]法律|法律行政|行政法规|法规禁止|禁止公开"),
    _row("t3_denied_security_stability", r"三安全|一稳定|危及"),
    _row("t3_denied_third_party", r"第三方"),
    _row("t3_denied_internal_affairs", r"内部事务|三类内.{0,2}事务"),
    _row("t3_denied_process_info", r"过程性"),
    _row("t3_denied_enforcement_file", r"案卷"),
    _row("t3_denied_query_matter", r"查询事项|行政查询"),
    _row("t3_unable_not_held", r"不掌握"),
    _row("t3_unable_needs_creation", r"另行制作|现成信息"),
    _row("t3_unable_unclear", r"仍不明确|补正后|内容不明确"),
    _row("t3_unprocessed_petition", r"信访|举报|投诉"),
    _row("t3_unprocessed_duplicate", r"重复申请"),
    _row("t3_unprocessed_publication", r"出版物"),
    _row("t3_unprocessed_mass_repeat", r"大量反复|反复申请"),
    _row("t3_unprocessed_confirm_existing", r"确认|重新出具|已获取"),
    _row("t3_other", r"其[他它]处理", generic=True),
    _row("t3_other_no_correction", r"不补正|逾期不补|无正当理由逾期"),
    _row("t3_other_fee_unpaid", r"缴纳|收费通知|缴费|费用"),
    # "3.其他" on its own: the third child of （六） only when met there (after the fee row,
    # or in place of the rows before it); a bare 其他 earlier is another row abbreviated.
    _row("t3_other_other", r"(?:^|[\d一二三.、)])其[他它](?:情形|情况)?$", reach=3),
    _row("t3_handled_total", r"总计|合计"),
    _row("t3_carried_over_out", r"结转(?:至|到)?下|下一?年度|继续办理"),
)
_ALL_CODES = tuple(pattern.code for pattern in ROW_PATTERNS)
SINGLE_LAYOUT = tuple(code for code in _ALL_CODES if code not in SPLIT_OTHER)  # 23 rows
SPLIT_LAYOUT = tuple(code for code in _ALL_CODES if code != "t3_other")  # 25 rows
_NOT_OUTCOMES = ("t3_new_received", "t3_carried_over_in", "t3_handled_total", "t3_carried_over_out")
OUTCOMES_SINGLE = tuple(code for code in SINGLE_LAYOUT if code not in _NOT_OUTCOMES)
OUTCOMES_SPLIT = tuple(code for code in SPLIT_LAYOUT if code not in _NOT_OUTCOMES)

# The longest printed label, a first child row carrying its merged parents, is about 50
# characters; a longer "label" is prose.
_MAX_LABEL = 64
# A partial table (rows missing, numbers not a whole layout) needs this many labelled rows;
# fewer are keywords (确认, 信访, 总计) met in prose.
_MIN_PARTIAL_ROWS = 5
_MIN_CELLS_OF_A_CUT_ROW = 4

# Header cells name the columns; a header row is never a data row, even with blank cells.
_HEADER_WORDS = re.compile(r"自然人|法人|商业企业|科研机构|申请人情况|勾稽")
_COLUMN_NAMES = (
    ("natural_person", re.compile(r"自然人")),
    ("business", re.compile(r"商业")),
    ("research", re.compile(r"科研")),
    ("public_interest", re.compile(r"公益")),
    ("legal_service", re.compile(r"法律服务")),
    ("subtotal", re.compile(r"小计")),
    ("total", re.compile(r"^(?:总计|合计)$")),
    ("other_org", re.compile(r"^其他(?:组织)?$")),
)


def _column_name(cell_text: str) -> str | None:
    if "法人或" in cell_text:
        return None  # the group header over the five organisation columns
    for name, pattern in _COLUMN_NAMES:
        if pattern.search(cell_text):
            return name
    return None


def _subtotal_index(document: Document, rows: list[Row]) -> int | None:
    """Position of a 法人小计 column among 8 values, or None when the table has none."""
    header_rows = [row for row in rows if not row.has_number]
    if not any("小计" in row.label for row in header_rows):
        counts = [len(strip_blank_ends(row.values)) for row in rows if row.has_number]
        if counts.count(WIDTH_WITH_SUBTOTAL) <= counts.count(WIDTH):
            return None
        return _DEFAULT_SUBTOTAL_INDEX
    for row in header_rows:
        if "小计" not in row.label or len(row.label_spans) < 2:
            continue
        names = [name for name in (_column_name(squeeze(document.matching[start:end]))
                                   for start, end in row.label_spans) if name]
        if "subtotal" not in names:
            continue
        # A header row naming 自然人 lists every column; a sub-header row under
        # 法人或其他组织 starts at the second column.
        index = names.index("subtotal") + (0 if "natural_person" in names else 1)
        return min(index, WIDTH_WITH_SUBTOTAL - 1)
    return _DEFAULT_SUBTOTAL_INDEX


def _applicant_values(row: Row, subtotal: int | None) -> tuple[Cell, ...] | None:
    """The 7 applicant cells of a row (fewer when the row printed fewer), or None when the row
    holds more cells than the table has columns (two rows run together)."""
    width = WIDTH if subtotal is None else WIDTH_WITH_SUBTOTAL
    values = row.fitted(width)
    if len(values) > width:
        return None
    if subtotal is not None and len(values) == WIDTH_WITH_SUBTOTAL:
        values = values[:subtotal] + values[subtotal + 1:]
    return values


def _is_candidate(row: Row) -> bool:
    # A row of blank cells is data when its label names a table row (a report that left a
    # whole row empty), but header rows also carry blank padding: never take those.
    return row.has_number or (len(row.values) >= WIDTH and not _HEADER_WORDS.search(row.label))


def _layout_complete(aligned: dict[str, Row]) -> bool:
    return any(all(code in aligned for code in layout) for layout in (SINGLE_LAYOUT, SPLIT_LAYOUT))


def _by_label(document: Document, rows: list[Row], era: str, subtotal: int | None,
              aligned: dict[str, Row], complete: bool) -> list[Fact]:
    facts = []
    for code in _ALL_CODES:
        row = aligned.get(code)
        if row is None:
            continue
        values = _applicant_values(row, subtotal)
        if values is None:
            continue
        confidence = source_confidence(row) * (1 if complete else PARTIAL_FACTOR)
        for applicant, cell in zip(APPLICANTS, values):
            facts.append(table_fact(document, code, cell, row.evidence_span, f"table3.{row.source}",
                                    confidence, era, applicant))
    return facts


def _sequence_values(rows: list[Row], skip_lone_numbers: bool) -> list[Cell]:
    values: list[Cell] = []
    for row in rows:
        if not row.has_number or skip_lone_numbers and is_lone_number(row):
            continue
        if len(row.values) in (WIDTH, WIDTH_WITH_SUBTOTAL):
            values.extend(row.values)
        else:
            values.extend(strip_blank_ends(row.values))  # grid padding, not table cells
    return values


def _by_position(document: Document, rows: list[Row], era: str,
                 subtotal: int | None) -> tuple[list[Fact], dict[str, tuple[Cell, ...]]] | None:
    """Facts when the region's values are exactly 23 or 25 rows of 7 or 8, else None.

    A second try leaves out lines holding one bare number: PDF text layers print page
    numbers ("3") between table lines.
    """
    for skip_lone_numbers in (False, True):
        values = _sequence_values(rows, skip_lone_numbers)
        for layout in (SINGLE_LAYOUT, SPLIT_LAYOUT):
            for width in (WIDTH, WIDTH_WITH_SUBTOTAL):
                if len(values) == len(layout) * width:
                    return _positioned(document, values, era, subtotal, layout, width)
    return None


def _positioned(document: Document, values: list[Cell], era: str, subtotal: int | None,
                layout: tuple[str, ...], width: int) -> tuple[list[Fact], dict[str, tuple[Cell, ...]]]:
    row_subtotal = None
    if width == WIDTH_WITH_SUBTOTAL:
        row_subtotal = _DEFAULT_SUBTOTAL_INDEX if subtotal is None else subtotal
    facts = []
    by_code = {}
    for number, code in enumerate(layout):
        chunk = tuple(values[number * width:(number + 1) * width])
        cells = chunk if row_subtotal is None else chunk[:row_subtotal] + chunk[row_subtotal + 1:]
        by_code[code] = cells
        evidence = (chunk[0].start, chunk[-1].end)  # the row as printed in the stream
        for applicant, cell in zip(APPLICANTS, cells):
            facts.append(table_fact(document, code, cell, evidence, "table3.flattened",
                                    CONFIDENCE_FLATTENED, era, applicant))
    return facts, by_code


def _derived_other(document: Document, era: str, parts: dict[str, tuple[Cell, ...]],
                   evidence: tuple[int, int], confidence: float) -> list[Fact]:
    """t3_other = the sum of the three split rows, per applicant; None when a part is blank,
    a dash or missing (a sum of unknowns is unknown)."""
    facts = []
    for index, applicant in enumerate(APPLICANTS):
        cells = [parts[code][index] for code in SPLIT_OTHER
                 if code in parts and index < len(parts[code])]
        known = len(cells) == len(SPLIT_OTHER) and all(cell.value is not None for cell in cells)
        total = sum(cell.value for cell in cells) if known else None
        if cells:
            span = (min(cell.start for cell in cells), max(cell.end for cell in cells))
        else:
            span = evidence
        cell = Cell(total, (), *span)
        facts.append(table_fact(document, "t3_other", cell, evidence, "table3.derived_other",
                                confidence, era, applicant, ("derived",)))
    return facts


def _parent_label_span(rows: list[Row], first_part: Row) -> tuple[int, int]:
    """Evidence for the derived row: the printed （六）其他处理 cell when there is one."""
    if len(first_part.label_spans) > 1 and "其他处理" in first_part.label:
        return first_part.label_spans[0]
    index = rows.index(first_part)
    if index > 0 and not rows[index - 1].values and "其他处理" in rows[index - 1].label:
        return rows[index - 1].evidence_span
    return first_part.evidence_span


def _printed_rows(aligned: dict[str, Row]) -> bool:
    """A table cut short (a page's excerpt, one PDF page): its few rows still count when they print
    the template's own labels with the cells of a row, never a keyword met in prose."""
    full = [code for code, row in aligned.items()
            if names_its_row(code, row.label) and sum(not cell.blank for cell in row.values) >= _MIN_CELLS_OF_A_CUT_ROW]
    return len(full) >= 1


def _column_identities(column: int) -> list[digit_runs.Identity]:
    """一 + 二 = （七）总计 + 四, and （七）总计 = the outcome rows (either layout), in one column."""
    return [digit_runs.balances(("t3_new_received", "t3_carried_over_in"), ("t3_handled_total", "t3_carried_over_out"), column),
            digit_runs.balances(OUTCOMES_SINGLE, ("t3_handled_total",), column),
            digit_runs.balances(OUTCOMES_SPLIT, ("t3_handled_total",), column)]


def _row_total_holds(numbers: tuple[float, ...]) -> bool:
    return abs(sum(numbers[:-1]) - numbers[-1]) < 1e-9


def table3_facts(document: Document, rows: list[Row], era: str, notes: list[Note] | None = None) -> list[Fact]:
    subtotal = _subtotal_index(document, rows)
    aligned = align_rows(rows, ROW_PATTERNS, _MAX_LABEL, is_candidate=_is_candidate)
    aligned = resolve_glued_rows(document, aligned, WIDTH, lambda row: _applicant_values(row, subtotal),
                                 _row_total_holds, _column_identities, notes, place_short_rows=True)
    complete = _layout_complete(aligned)
    if not complete:
        positioned = _by_position(document, rows, era, subtotal)
        if positioned is not None:
            facts, by_code = positioned
            if "t3_other_no_correction" in by_code:
                first, last = by_code[SPLIT_OTHER[0]], by_code[SPLIT_OTHER[-1]]
                evidence = (first[0].start, last[-1].end)
                facts += _derived_other(document, era, by_code, evidence, CONFIDENCE_FLATTENED)
            return facts
        if len(aligned) < _MIN_PARTIAL_ROWS and not _printed_rows(aligned):
            return []
    facts = _by_label(document, rows, era, subtotal, aligned, complete)
    part_rows = [aligned[code] for code in SPLIT_OTHER if code in aligned]
    if part_rows and "t3_other" not in aligned:
        parts = {}
        for code in SPLIT_OTHER:
            if code in aligned:
                values = _applicant_values(aligned[code], subtotal)
                if values is not None:
                    parts[code] = values
        confidence = min(source_confidence(row) for row in part_rows) * (1 if complete else PARTIAL_FACTOR)
        facts += _derived_other(document, era, parts, _parent_label_span(rows, part_rows[0]), confidence)
    return facts
