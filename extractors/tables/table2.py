"""Table 二 主动公开政府信息情况: documents, decisions and fees under 条例 第二十条.

2021 format (10 cells, all with codes):
  （一）项  规章 / 行政规范性文件 × 本年制发件数 | 本年废止件数 | 现行有效件数
  （五）项  行政许可 本年处理决定数量
  （六）项  行政处罚 / 行政强制 本年处理决定数量
  （八）项  行政事业性收费 本年收费金额（万元）

2019 trial format (22 cells), mapped onto the 2021 concepts explicitly:
  （一）项  本年新制作数量 → *_issued; 本年新公开数量 → no code (documents made public this
           year, whenever made: not "issued", not "in force"); 对外公开总数量 → *_in_force
  （五）（六）项  上一年项目数量 | 本年增/减 | 处理决定数量: only 处理决定数量 has a code
           (t2_*_decisions); 其他对外管理服务事项 has none
  （八）项  行政事业性收费 上一年项目数量 | 本年增/减: a count of fee items, no amount → nothing
  （九）项  政府集中采购 采购项目数量 | 采购总金额 → nothing

The layout is read from the table's header wording (本年制发件数 vs 本年新制作数量), else from
the era of the report.
"""
from __future__ import annotations

import re

from extractors.model import Document, Fact, Note
from extractors.tables.facts import (CONFIDENCE_FLATTENED, PARTIAL_FACTOR, RowPattern, align_rows,
                                     source_confidence, table_fact)
from extractors.tables.glued import resolve_glued_rows
from extractors.tables.rows import Cell, Row, is_lone_number, strip_blank_ends, trim_blanks

TRIAL_2019 = "trial_2019"
FORMAT_2021 = "format_2021"

# Row kinds, in printed order. Kinds without codes are still recognised, so that their
# numbers are not mistaken for an unlabelled row.
ROW_PATTERNS = (
    RowPattern("rules", re.compile(r"规章")),
    RowPattern("normdocs", re.compile(r"规范性文件")),
    RowPattern("licensing", re.compile(r"行政许可")),
    RowPattern("other_services", re.compile(r"对外管理服务|其他对外")),
    RowPattern("penalty", re.compile(r"行政处罚")),
    RowPattern("coercion", re.compile(r"行政强制")),
    RowPattern("fees", re.compile(r"收费")),
    RowPattern("procurement", re.compile(r"采购")),
)

# The columns of each row kind, per layout; None: a printed column without a code.
COLUMNS = {
    FORMAT_2021: {
        "rules": ("t2_rules_issued", "t2_rules_repealed", "t2_rules_in_force"),
        "normdocs": ("t2_normdocs_issued", "t2_normdocs_repealed", "t2_normdocs_in_force"),
        "licensing": ("t2_licensing_decisions",),
        "penalty": ("t2_penalty_decisions",),
        "coercion": ("t2_coercion_decisions",),
        "fees": ("t2_admin_fees_wan_yuan",),
    },
    TRIAL_2019: {
        # 本年新制作数量 | 本年新公开数量 (no code) | 对外公开总数量
        "rules": ("t2_rules_issued", None, "t2_rules_in_force"),
        "normdocs": ("t2_normdocs_issued", None, "t2_normdocs_in_force"),
        # 上一年项目数量 | 本年增/减 | 处理决定数量
        "licensing": (None, None, "t2_licensing_decisions"),
        "other_services": (None, None, None),
        "penalty": (None, None, "t2_penalty_decisions"),
        "coercion": (None, None, "t2_coercion_decisions"),
        "fees": (None, None),  # 上一年项目数量 | 本年增/减: no amount collected
        "procurement": (None, None),  # 采购项目数量 | 采购总金额
    },
}
# Decisions are the LAST column in both layouts, so a short decisions row aligns right.
_DECISIONS = {"licensing", "penalty", "coercion"}
# The printed order of cells, for a table flattened into a stream of numbers.
_SEQUENCE = {
    FORMAT_2021: ("rules", "normdocs", "licensing", "penalty", "coercion", "fees"),
    TRIAL_2019: ("rules", "normdocs", "licensing", "other_services", "penalty", "coercion", "fees",
                 "procurement"),
}
# Row labels are short (规章 … 其他对外管理服务事项); a longer "label" is prose.
_MAX_LABEL = 24
# Fewer labelled rows than this, and no complete table: stray words, not table 二.
_MIN_ROWS = 2
_MAX_CELLS = 3
_HEADER_2021 = re.compile(r"本年制发|本年废止|现行有效|本年收费金额")
_HEADER_2019 = re.compile(r"新制作|新公开|对外公开总|上一年项目|本年增")


def _is_candidate(row: Row) -> bool:
    # No row of table 二 has more than 3 cells: a longer run of numbers is another table's
    # row (2.申请人逾期未按收费通知… of table 三 also says 收费).
    return row.has_number and len(strip_blank_ends(row.fitted(_MAX_CELLS))) <= _MAX_CELLS


def table_layout(rows: list[Row], era: str) -> str:
    header = "".join(row.label for row in rows)
    if _HEADER_2021.search(header):
        return FORMAT_2021
    if _HEADER_2019.search(header):
        return TRIAL_2019
    return TRIAL_2019 if era == TRIAL_2019 else FORMAT_2021


def _row_facts(document: Document, kind: str, codes: tuple[str | None, ...], values: tuple[Cell, ...],
               evidence: tuple[int, int], rule: str, confidence: float, era: str,
               flags: tuple[str, ...]) -> list[Fact]:
    values = trim_blanks(values, len(codes))
    if kind in _DECISIONS and len(values) < len(codes):
        codes = codes[len(codes) - len(values):]
    return [table_fact(document, code, cell, evidence, rule, confidence, era, flags=flags)
            for code, cell in zip(codes, values) if code is not None]


def _layout_flags(layout: str, era: str) -> tuple[str, ...]:
    # The facts carry the report's era; a table printed in the other layout says so.
    if era in (TRIAL_2019, FORMAT_2021) and layout != era:
        return (f"layout_{layout}",)
    return ()


def _by_position(document: Document, rows: list[Row], era: str) -> list[Fact] | None:
    """Facts when the region holds exactly the 10 (2021) or 22 (2019) cells, in order; a
    second try leaves out lines of one bare number (page numbers of a PDF text layer)."""
    for skip_lone_numbers in (False, True):
        values = [cell for row in rows
                  if row.has_number and not (skip_lone_numbers and is_lone_number(row))
                  for cell in strip_blank_ends(row.values)]
        for layout, kinds in _SEQUENCE.items():
            if len(values) == sum(len(COLUMNS[layout][kind]) for kind in kinds):
                return _positioned(document, values, era, layout)
    return None


def _positioned(document: Document, values: list[Cell], era: str, layout: str) -> list[Fact]:
    columns = COLUMNS[layout]
    facts = []
    position = 0
    for kind in _SEQUENCE[layout]:
        chunk = tuple(values[position:position + len(columns[kind])])
        position += len(chunk)
        facts += _row_facts(document, kind, columns[kind], chunk, (chunk[0].start, chunk[-1].end),
                            "table2.flattened", CONFIDENCE_FLATTENED, era, _layout_flags(layout, era))
    return facts


def table2_facts(document: Document, rows: list[Row], era: str, notes: list[Note] | None = None) -> list[Fact]:
    layout = table_layout(rows, era)
    columns = COLUMNS[layout]
    # Row kinds carry distinct words, so the order of the sub-tables does not matter.
    aligned = align_rows(rows, ROW_PATTERNS, _MAX_LABEL, monotonic=False, is_candidate=_is_candidate)
    # 规章 000 / 规范性文件 229: a row's cells glued, read where one cut fits (no identity ties them).
    aligned = {kind: row for kind, row in aligned.items() if kind in columns}
    aligned = resolve_glued_rows(document, aligned, lambda kind: len(columns[kind]), lambda row: None,
                                 lambda numbers: True, lambda column: (), notes)
    complete = all(kind in aligned for kind in _SEQUENCE[FORMAT_2021])
    if not complete:
        positioned = _by_position(document, rows, era)
        if positioned is not None:
            return positioned
        if len(aligned) < _MIN_ROWS:
            return []
    facts = []
    for pattern in ROW_PATTERNS:
        row = aligned.get(pattern.code)
        if row is None or pattern.code not in columns:
            continue
        confidence = source_confidence(row) * (1 if complete else PARTIAL_FACTOR)
        facts += _row_facts(document, pattern.code, columns[pattern.code], row.fitted(len(columns[pattern.code])),
                            row.evidence_span,
                            f"table2.{row.source}", confidence, era, _layout_flags(layout, era))
    return facts
