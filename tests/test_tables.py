"""Tables 二, 三 and 四 of 2019+ reports (extractors.tables).

Every fixture under tests/fixtures/tables/ is invented: the row labels are the fixed wording of
the two report formats, the numbers are ours. Each rendering (HTML page, Markdown, plain text,
a flattened number stream, a reader-style grid of table_row blocks) of each format version is
checked cell by cell: every cell of table 三, every cell of table 二 that has a code, every
cell of table 四. Some tables balance and some do not; what is printed is what is expected.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from extractors.metrics import unit_of
from extractors.model import Block, Document, Note
from extractors.normalize import to_matching
from extractors.readers import read_document
from extractors.tables import extract_table_facts
from extractors.tables.cells import BLANK, DASH, parse_cell

import shared_paths
from scoring import Score, score_csv

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
CORPUS = shared_paths.CORPUS
MODERN_PDF = CORPUS / "modern" / "hzq2023_working.pdf"
MODERN_GOLD = CORPUS / "gold" / "modern.csv"
SCORER = shared_paths.SCORER

APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service",
              "other_org", "total")

# --- the invented numbers ---------------------------------------------------------------------
# Table 二, 2021 format: all 10 cells have codes.
T2_2021 = {
    "t2_rules_issued": 1, "t2_rules_repealed": 0, "t2_rules_in_force": 12,
    "t2_normdocs_issued": 9, "t2_normdocs_repealed": 3, "t2_normdocs_in_force": 48,
    "t2_licensing_decisions": 1234, "t2_penalty_decisions": 356, "t2_coercion_decisions": 17,
    "t2_admin_fees_wan_yuan": 88.46,
}
# Table 二, 2019 trial format: 22 printed cells, of which these 7 have codes.
T2_2019_PRINTED = {
    "rules": (2, 2, 30), "normdocs": (14, 14, 120),
    "licensing": (80, "+3", 2468), "other_services": (12, 0, 640),
    "penalty": (40, -1, 975), "coercion": (6, 0, 23),
    "fees": (9, -1), "procurement": (35, 812.5),
}
T2_2019 = {
    "t2_rules_issued": 2, "t2_rules_in_force": 30,
    "t2_normdocs_issued": 14, "t2_normdocs_in_force": 120,
    "t2_licensing_decisions": 2468, "t2_penalty_decisions": 975, "t2_coercion_decisions": 23,
}

# Table 三, 2021 format (25 rows). Two rows do not balance: 第三方 prints a total of 5 for
# 3 + 1, and （七）总计 prints 113 where its columns sum to 112.
T3_2021 = {
    "t3_new_received": (97, 12, 3, 1, 3, 3, 119),
    "t3_carried_over_in": (5, 1, 0, 0, 0, 0, 6),
    "t3_granted": (31, 4, 1, 0, 1, 1, 38),
    "t3_partial": (7, 1, 0, 0, 0, 0, 8),
    "t3_denied_state_secret": (2, 0, 0, 0, 0, 0, 2),
    "t3_denied_law_prohibited": (1, 0, 0, 0, 1, 0, 2),
    "t3_denied_security_stability": (0, 1, 0, 0, 0, 0, 1),
    "t3_denied_third_party": (3, 1, 0, 0, 0, 0, 5),
    "t3_denied_internal_affairs": (4, 0, 0, 0, 0, 0, 4),
    "t3_denied_process_info": (6, 0, 1, 0, 0, 0, 7),
    "t3_denied_enforcement_file": (1, 1, 0, 0, 0, 0, 2),
    "t3_denied_query_matter": (2, 0, 0, 1, 0, 0, 3),
    "t3_unable_not_held": (12, 1, 0, 0, 1, 0, 14),
    "t3_unable_needs_creation": (3, 0, 0, 0, 0, 1, 4),
    "t3_unable_unclear": (2, 0, 0, 0, 0, 0, 2),
    "t3_unprocessed_petition": (5, 0, 0, 0, 0, 0, 5),
    "t3_unprocessed_duplicate": (4, 1, 0, 0, 0, 0, 5),
    "t3_unprocessed_publication": (1, 0, 0, 0, 0, 0, 1),
    "t3_unprocessed_mass_repeat": (0, 0, 0, 0, 0, 1, 1),
    "t3_unprocessed_confirm_existing": (2, 0, 0, 0, 0, 0, 2),
    "t3_other_no_correction": (3, 0, 0, 0, 0, 0, 3),
    "t3_other_fee_unpaid": (1, 0, 0, 0, 0, 0, 1),
    "t3_other_other": (2, 1, 0, 0, 0, 0, 3),
    "t3_handled_total": (92, 11, 2, 1, 3, 3, 113),
    "t3_carried_over_out": (10, 2, 1, 0, 0, 0, 13),
}
# Table 三, 2019 trial format (23 rows, one （六） row). 结转下年度 prints a total of 3 for 1 + 1.
T3_2019 = {
    "t3_new_received": (48, 10, 1, 2, 0, 1, 62),
    "t3_carried_over_in": (2, 0, 0, 0, 1, 0, 3),
    "t3_granted": (18, 3, 1, 0, 0, 0, 22),
    "t3_partial": (4, 1, 0, 1, 0, 0, 6),
    "t3_denied_state_secret": (1, 0, 0, 0, 0, 0, 1),
    "t3_denied_law_prohibited": (0, 1, 0, 0, 0, 0, 1),
    "t3_denied_security_stability": (2, 0, 0, 0, 0, 0, 2),
    "t3_denied_third_party": (1, 0, 0, 0, 1, 0, 2),
    "t3_denied_internal_affairs": (3, 0, 0, 0, 0, 0, 3),
    "t3_denied_process_info": (0, 0, 0, 1, 0, 0, 1),
    "t3_denied_enforcement_file": (2, 0, 0, 0, 0, 0, 2),
    "t3_denied_query_matter": (1, 1, 0, 0, 0, 0, 2),
    "t3_unable_not_held": (6, 0, 0, 0, 0, 1, 7),
    "t3_unable_needs_creation": (2, 1, 0, 0, 0, 0, 3),
    "t3_unable_unclear": (1, 0, 0, 0, 0, 0, 1),
    "t3_unprocessed_petition": (3, 0, 0, 0, 0, 0, 3),
    "t3_unprocessed_duplicate": (1, 1, 0, 0, 0, 0, 2),
    "t3_unprocessed_publication": (0, 0, 0, 0, 0, 0, 0),
    "t3_unprocessed_mass_repeat": (1, 0, 0, 0, 0, 0, 1),
    "t3_unprocessed_confirm_existing": (0, 1, 0, 0, 0, 0, 1),
    "t3_other": (3, 0, 0, 0, 0, 0, 3),
    "t3_handled_total": (49, 9, 1, 2, 1, 1, 63),
    "t3_carried_over_out": (1, 1, 0, 0, 0, 0, 3),
}
# Table 四: 复议后起诉 of 2021 prints 1 + 1 + 0 + 0 against a 总计 of 3.
T4_2021 = dict(zip(
    [f"{block}_{outcome}" for block in ("t4_recon", "t4_lit_direct", "t4_lit_after_recon")
     for outcome in ("upheld", "corrected", "other", "pending", "total")],
    (4, 1, 0, 1, 6, 2, 0, 1, 0, 3, 1, 1, 0, 0, 3)))
T4_2019 = dict(zip(T4_2021, (3, 0, 1, 0, 4, 0, 0, 0, 2, 2, 1, 0, 0, 0, 1)))


# --- fixture cases --------------------------------------------------------------------------
@dataclass(frozen=True)
class Special:
    """A cell printed differently from its plain number: the text printed, and what it means."""
    printed: str
    value: float | None
    flag: str | None = None


BLANK_CELL = Special("", None, BLANK)


@dataclass
class Case:
    file: str
    era: str
    rule: str  # how the rows are read: grid | text_line | flattened
    # (metric, applicant) → Special; applicant "" for tables 二 and 四
    special: dict[tuple[str, str], Special] = field(default_factory=dict)
    subtotal_at: int | None = None  # a 法人小计 column at this position among 8 values


CASES = {
    "html_2021": Case("report_2021.html", "format_2021", "grid", {
        ("t3_denied_internal_affairs", "research"): BLANK_CELL,
        ("t3_unprocessed_publication", "public_interest"): Special("—", None, DASH),
        ("t2_licensing_decisions", ""): Special("1,234", 1234),
    }),
    "html_2019": Case("report_2019.html", "trial_2019", "grid", {
        ("t3_granted", "public_interest"): BLANK_CELL,
        ("t2_normdocs_in_force", ""): BLANK_CELL,
        ("t4_lit_direct_pending", ""): Special("—", None, DASH),
    }, subtotal_at=6),
    "markdown_2021": Case("report_2021.md", "format_2021", "grid", {
        ("t3_other_fee_unpaid", "business"): BLANK_CELL,
        ("t3_carried_over_out", "legal_service"): Special("/", None, DASH),
    }),
    "markdown_2019": Case("report_2019.md", "trial_2019", "grid", {
        ("t3_new_received", "natural_person"): Special("４８", 48),
        ("t2_licensing_decisions", ""): Special("2,468", 2468),
    }),
    "text_2021": Case("report_2021.txt", "format_2021", "text_line", {
        ("t3_denied_enforcement_file", "public_interest"): Special("-", None, DASH),
        ("t4_recon_other", ""): Special("－", None, DASH),
    }),
    "text_2019": Case("report_2019_traditional.txt", "trial_2019", "text_line", {
        ("t4_lit_after_recon_other", ""): Special("無", None, DASH),
    }),
    "flat_2021": Case("flattened_2021.txt", "format_2021", "flattened"),
    "flat_2019": Case("flattened_2019.txt", "trial_2019", "flattened"),
    "grid_2021": Case("grid_2021.json", "format_2021", "grid", {
        ("t3_unable_unclear", "business"): BLANK_CELL,
        ("t4_lit_after_recon_other", ""): Special("-", None, DASH),
    }),
    "grid_2019": Case("grid_2019.json", "trial_2019", "grid", {
        ("t3_unprocessed_petition", "other_org"): BLANK_CELL,
    }, subtotal_at=1),
}


def printed_cell(case: Case, metric: str, applicant: str, value) -> str:
    special = case.special.get((metric, applicant))
    return special.printed if special else str(value)


def expected_cells(case: Case) -> dict[tuple[str, str], tuple[float | None, tuple[str, ...]]]:
    """(metric, applicant) → (value, flags) for every cell the case must yield."""
    version_2021 = case.era == "format_2021"
    expected = {}
    t2 = T2_2021 if version_2021 else T2_2019
    t3 = T3_2021 if version_2021 else T3_2019
    t4 = T4_2021 if version_2021 else T4_2019
    for metric, value in [*t2.items(), *t4.items()]:
        expected[(metric, "")] = (float(value), ())
    for metric, values in t3.items():
        for applicant, value in zip(APPLICANTS, values):
            expected[(metric, applicant)] = (float(value), ())
    for key, special in case.special.items():
        expected[key] = (special.value, (special.flag,) if special.flag else ())
    if version_2021:  # the derived single "other" row: a sum, unknown when a part is unknown
        for applicant in APPLICANTS:
            parts = [expected[(code, applicant)][0]
                     for code in ("t3_other_no_correction", "t3_other_fee_unpaid", "t3_other_other")]
            total = None if None in parts else float(sum(parts))
            expected[("t3_other", applicant)] = (total, ("derived",))
    return expected


def grid_document(items: list) -> Document:
    """A Document as the PDF/DOCX readers build it: paragraphs, and table rows whose cells are
    joined by tabs with one span per cell."""
    parts, blocks, position = [], [], 0
    for item in items:
        if isinstance(item, str):
            line = item
            blocks.append(Block("paragraph", position, position + len(line)))
        else:
            spans, cursor = [], position
            for cell in item:
                spans.append((cursor, cursor + len(cell)))
                cursor += len(cell) + 1
            line = "\t".join(item)
            blocks.append(Block("table_row", position, position + len(line), tuple(spans)))
        parts.append(line)
        position += len(line) + 1
    text = "\n".join(parts)
    return Document(text, to_matching(text), blocks, "application/pdf")


def load_fixture(name: str) -> Document:
    path = FIXTURES / name
    if path.suffix == ".json":
        return grid_document(json.loads(path.read_text(encoding="utf-8")))
    return read_document(path.read_bytes(), path.name)


# --- every cell of every rendering ------------------------------------------------------------
@pytest.mark.parametrize("case_name", sorted(CASES))
def test_every_cell(case_name: str) -> None:
    case = CASES[case_name]
    document = load_fixture(case.file)
    facts = extract_table_facts(document, case.era)
    expected = expected_cells(case)

    got = {}
    for fact in facts:
        key = (fact.metric, fact.applicant)
        assert key not in got, f"two facts for {key}"
        got[key] = fact
    assert set(got) == set(expected), (sorted(set(expected) - set(got)), sorted(set(got) - set(expected)))

    for key, (value, flags) in expected.items():
        fact = got[key]
        assert (fact.value, fact.flags) == (value, flags), key
        assert fact.unit == unit_of(fact.metric)
        assert fact.qualifier == "exact" and fact.scope == "unspecified"
        assert fact.format_version == case.era
        assert fact.applicant == ("" if not fact.metric.startswith("t3_") else key[1])
        assert fact.evidence and fact.evidence in document.text
        if "derived" in flags:
            assert fact.rule == "table3.derived_other"
            continue
        assert fact.rule.endswith("." + case.rule), (key, fact.rule)
        # The offsets are the cell's: it reads as printed (blank cells: an empty span).
        printed = document.text[fact.start:fact.end]
        special = case.special.get(key)
        if special is not None:
            assert printed == special.printed, key
        else:
            assert to_matching(printed).replace(",", "") in (f"{value:g}", f"{value:.2f}"), (key, printed)


def test_evidence_is_the_printed_row_label() -> None:
    document = load_fixture("report_2021.html")
    facts = {(f.metric, f.applicant): f for f in extract_table_facts(document, "format_2021")}
    assert facts[("t3_denied_state_secret", "total")].evidence == "1.属于国家秘密"
    assert facts[("t3_other_other", "business")].evidence == "3.其他"
    assert facts[("t3_other", "total")].evidence == "（六）其他处理"
    assert facts[("t2_admin_fees_wan_yuan", "")].evidence == "行政事业性收费"
    assert facts[("t4_lit_direct_total", "")].evidence == "未经复议直接起诉"


def test_traditional_page_keeps_verbatim_evidence() -> None:
    document = load_fixture("report_2019_traditional.txt")
    facts = {(f.metric, f.applicant): f for f in extract_table_facts(document, "trial_2019")}
    assert facts[("t3_denied_state_secret", "total")].evidence.endswith("屬於國家祕密")
    assert facts[("t4_recon_upheld", "")].evidence == "行政複議"


# --- the rules that the renderings above do not isolate ----------------------------------------
def text_document(text: str) -> Document:
    return read_document(text.encode("utf-8"), "report.txt")


T3_HEAD = "三、收到和处理政府信息公开申请情况\n"


def t3_line(label: str, values) -> str:
    return f"{label} " + " ".join(str(value) for value in values) + "\n"


def test_monotonic_alignment_of_ambiguous_labels() -> None:
    # A typo that keeps a keyword, 部分公开 that mentions 其他情形, and a bare 3.其他 row.
    rows = dict(T3_2021)
    labels = {
        "t3_partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "t3_denied_law_prohibited": "2.其他法律行政止公开",
        "t3_other_other": "3.其他",
    }
    lines = [T3_HEAD]
    for code, values in rows.items():
        lines.append(t3_line(labels.get(code, _T3_LABELS[code]), values))
    facts = extract_table_facts(text_document("".join(lines)), "format_2021")
    got = {(f.metric, f.applicant): f.value for f in facts if not f.flags}
    for code, values in rows.items():
        for applicant, value in zip(APPLICANTS, values):
            assert got[(code, applicant)] == value, (code, applicant)


def test_a_bare_other_label_is_only_the_third_child_in_place() -> None:
    # 2.其他法律… abbreviated to 2.其他, and 8.属于行政查询事项 not printed (24 rows: no
    # layout fits, so labels decide). The early 2.其他 must neither take t3_other_other nor
    # make the alignment jump over the rows after it.
    lines = [T3_HEAD]
    for code, values in T3_2021.items():
        if code == "t3_denied_query_matter":
            continue
        label = "2.其他" if code == "t3_denied_law_prohibited" else _T3_LABELS[code]
        lines.append(t3_line(label, values))
    facts = extract_table_facts(text_document("".join(lines)), "format_2021")
    got = {(f.metric, f.applicant): f.value for f in facts if not f.flags}
    expected = {(code, applicant): value for code, values in T3_2021.items()
                if code not in ("t3_denied_query_matter", "t3_denied_law_prohibited")
                for applicant, value in zip(APPLICANTS, values)}
    assert got == expected


def test_single_other_row_in_a_2021_report_is_t3_other() -> None:
    lines = [T3_HEAD] + [t3_line(_T3_LABELS[code], values) for code, values in T3_2019.items()]
    facts = extract_table_facts(text_document("".join(lines)), "format_2021")
    other = [f for f in facts if f.metric == "t3_other"]
    assert [f.value for f in other] == [3, 0, 0, 0, 0, 0, 3]
    assert all(f.rule == "table3.text_line" and not f.flags for f in other)
    assert not [f for f in facts if f.metric.startswith("t3_other_")]


def test_subtotal_column_defaults_to_before_total() -> None:
    # 8 values per row, no header cells to place 法人小计: it is taken to precede 总计.
    lines = [T3_HEAD]
    for code, values in T3_2019.items():
        subtotal = sum(values[1:6]) + 100  # a number that is nowhere else in the row
        lines.append(t3_line(_T3_LABELS[code], values[:6] + (subtotal,) + values[6:]))
    facts = extract_table_facts(text_document("".join(lines)), "trial_2019")
    got = {(f.metric, f.applicant): f.value for f in facts}
    for code, values in T3_2019.items():
        assert [got[(code, applicant)] for applicant in APPLICANTS] == list(values)


def test_flattened_stream_with_subtotal_column() -> None:
    numbers = []
    for values in T3_2019.values():
        numbers += [*values[:6], 900, values[6]]
    text = T3_HEAD + "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 小计 总计\n" + " ".join(map(str, numbers))
    facts = extract_table_facts(text_document(text), "trial_2019")
    got = {(f.metric, f.applicant): f for f in facts}
    assert len(got) == 23 * 7
    assert all(f.rule == "table3.flattened" for f in facts)
    for code, values in T3_2019.items():
        assert [got[(code, applicant)].value for applicant in APPLICANTS] == list(values)


def test_table4_split_over_lines_and_unbalanced_is_kept() -> None:
    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
            "10 1 0 0\n0\n0 0 0 0 0 5 0\n0 0 0\n五、存在的主要问题及改进情况\n2024 年继续改进。\n")
    facts = extract_table_facts(text_document(text), "format_2021")
    values = [f.value for f in facts]
    assert values == [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]
    assert {f.rule for f in facts} == {"table4.flattened"}


def test_table4_with_lost_cells_yields_nothing() -> None:
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n1 0 0 1 0 0 0 0\n"
    assert extract_table_facts(text_document(text), "format_2021") == []


T4_HEAD = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼 |\n"
           "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n")


@pytest.mark.parametrize("row, expected", [
    # the cell at the cut has no closing bar: it may itself be cut, the two whole blocks are read
    ("3 | 0 | 1 | 0 | 4 | 2 | 1 | 0 | 0 | 3 | 1", [3, 0, 1, 0, 4, 2, 1, 0, 0, 3]),
    ("3 | 0 | 1 | 0 | 4 | 2 | 1 | 0 | 0 | 3", [3, 0, 1, 0, 4]),
    ("3 | 0 | 1 | 0 | 4 | 2 | 1 | 0 | 0 | 3 |", [3, 0, 1, 0, 4, 2, 1, 0, 0, 3]),
    ("3 | 0 | 1 | | 4 | 2 | 1 | 0 | 0 | 3 |", [3, 0, 1, None, 4, 2, 1, 0, 0, 3]),  # a blank still has its place
    # a block whose parts do not make its total is not read from a cut row
    ("3 | 0 | 1 | 0 | 5 | 2 | 1", []),
    # cells between spaces lose their blanks: no place is sure
    ("3 0 1 0 4 2 1 0 0 3 1", []),
])
def test_table4_cut_by_the_page_end_keeps_its_whole_blocks(row, expected) -> None:
    notes: list[Note] = []
    facts = extract_table_facts(text_document(T4_HEAD + row), "format_2021", notes)
    assert [f.value for f in facts] == expected
    assert [f.metric for f in facts] == [f"{block}_{outcome}" for block in ("t4_recon", "t4_lit_direct")
                                         for outcome in ("upheld", "corrected", "other", "pending", "total")][:len(expected)]
    assert [note.kind for note in notes] == (["table_cut"] if expected else [])


def test_table4_short_of_cells_before_more_text_yields_nothing() -> None:
    text = T4_HEAD + "3 | 0 | 1 | 0 | 4 | 2 | 1 | 0 | 0 | 3 |\n五、存在的主要问题及改进情况\n2024年继续改进。\n"
    assert extract_table_facts(text_document(text), "format_2021") == []


def test_table2_layout_from_header_wording_beats_era() -> None:
    text = ("二、主动公开政府信息情况\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
            "规章 3 2 40\n规范性文件 7 6 90\n信息内容 上一年项目数量 本年增/减 处理决定数量\n"
            "行政许可 10 -2 300\n行政处罚 5 +1 44\n行政强制 2 0 6\n"
            "信息内容 上一年项目数量 本年增/减\n行政事业性收费 8 -1\n")
    facts = extract_table_facts(text_document(text), "format_2021")
    got = {f.metric: f for f in facts}
    assert {metric: fact.value for metric, fact in got.items()} == {
        "t2_rules_issued": 3, "t2_rules_in_force": 40, "t2_normdocs_issued": 7,
        "t2_normdocs_in_force": 90, "t2_licensing_decisions": 300, "t2_penalty_decisions": 44,
        "t2_coercion_decisions": 6,
    }
    assert all(f.flags == ("layout_trial_2019",) and f.format_version == "format_2021" for f in facts)


def test_overview_numbers_and_lookalike_headings_are_not_tables() -> None:
    text = ("一、总体情况\n（一）主动公开情况。本年主动公开政府信息 2,316 条。\n"
            "（二）行政复议、行政诉讼情况。发生行政复议案件 3 件。\n"
            "二、主动公开政府信息情况\n规章 1 0 12\n行政规范性文件 9 3 48\n行政许可 1234\n"
            "行政处罚 356\n行政强制 17\n行政事业性收费 88.46\n")
    facts = extract_table_facts(text_document(text), "format_2021")
    assert {f.metric: f.value for f in facts} == T2_2021


def test_no_tables_no_facts() -> None:
    text = "一、总体情况\n2016年，全市主动公开政府信息 12,345 条，收到申请 120 件。\n"
    assert extract_table_facts(text_document(text), "legacy") == []


def test_a_whole_blank_row_is_kept_as_blank_cells() -> None:
    items = [T3_HEAD.strip(), ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    for code, values in T3_2019.items():
        cells = [""] * 7 if code == "t3_denied_query_matter" else [str(value) for value in values]
        items.append([_T3_LABELS[code], *cells])
    facts = extract_table_facts(grid_document(items), "trial_2019")
    got = {(f.metric, f.applicant): f for f in facts}
    assert len(got) == 23 * 7
    blank = [got[("t3_denied_query_matter", applicant)] for applicant in APPLICANTS]
    assert all(f.value is None and f.flags == (BLANK,) for f in blank)
    assert got[("t3_unable_not_held", "total")].value == 7


def test_a_table_given_twice_grid_then_text_is_read_once() -> None:
    # A reader may hand over a PDF table as grid rows and again as its text layer.
    items = [T3_HEAD.strip()]
    items += [[_T3_LABELS[code], *map(str, values)] for code, values in T3_2019.items()]
    items += [t3_line(_T3_LABELS[code], values).strip() for code, values in T3_2019.items()]
    facts = extract_table_facts(grid_document(items), "trial_2019")
    assert len(facts) == 23 * 7 and {f.rule for f in facts} == {"table3.grid"}


def test_page_numbers_inside_a_flattened_stream_are_skipped() -> None:
    numbers = [str(value) for values in T3_2019.values() for value in values]
    text = T3_HEAD + " ".join(numbers[:70]) + "\n3\n" + " ".join(numbers[70:]) + "\n"
    facts = extract_table_facts(text_document(text), "trial_2019")
    got = {(f.metric, f.applicant): f.value for f in facts}
    for code, values in T3_2019.items():
        assert [got[(code, applicant)] for applicant in APPLICANTS] == list(values)


def test_table3_without_heading_is_found_by_its_header_row() -> None:
    # No 三、收到和处理… heading: table 二's region runs on into table 三, whose 收费通知 row
    # must not pass for the fee row, and table 三 is found by its 申请人情况 header.
    items = ["二、主动公开政府信息情况", ["规章", "1", "0", "12"], ["行政规范性文件", "9", "3", "48"],
             ["行政许可", "1234"], ["行政处罚", "356"], ["行政强制", "17"], ["行政事业性收费", "88.46"],
             ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]
    items += [[_T3_LABELS[code], *map(str, values)] for code, values in T3_2021.items()]
    facts = extract_table_facts(grid_document(items), "format_2021")
    assert {f.metric: f.value for f in facts if f.metric.startswith("t2_")} == T2_2021
    got = {(f.metric, f.applicant): f.value for f in facts if f.metric.startswith("t3_") and not f.flags}
    assert got == {(code, applicant): value for code, values in T3_2021.items()
                   for applicant, value in zip(APPLICANTS, values)}


@pytest.mark.skipif(not (CORPUS / "seeds").exists(), reason="the shared corpus is not available")
def test_legacy_reports_have_no_table_facts() -> None:
    # Free-text reports mention 行政许可 / 行政处罚 / 收费 next to numbers: prose, not table 二.
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        assert extract_table_facts(read_document(path.read_bytes(), path.name), "legacy") == [], path.name


@pytest.mark.parametrize("printed, value, flags", [
    ("0", 0.0, ()), ("12", 12.0, ()), ("１２", 12.0, ()), ("1,234", 1234.0, ()),
    ("1，234", 1234.0, ()), ("1 234", 1234.0, ()), ("7730.28", 7730.28, ()), ("+3", 3.0, ()),
    ("-1", -1.0, ()), ("5件", 5.0, ()), ("", None, (BLANK,)), ("  ", None, (BLANK,)),
    ("—", None, (DASH,)), ("——", None, (DASH,)), ("-", None, (DASH,)), ("/", None, (DASH,)),
    ("－", None, (DASH,)), ("无", None, (DASH,)),
])
def test_cell_values(printed: str, value, flags) -> None:
    parsed = parse_cell(printed)
    assert (parsed.value, parsed.flags) == (value, flags)


@pytest.mark.parametrize("printed", ["规章", "1.属于国家秘密", "本年增/减", "总 计", "无法提供"])
def test_labels_are_not_values(printed: str) -> None:
    assert parse_cell(printed) is None


# --- the real 2021-format PDF, scored against its gold cells -----------------------------------
def _pdf_grid_document(path: Path, with_grids: bool) -> Document:
    """The PDF as a reader would hand it over: pdfplumber grids as table rows and the text
    outside them as lines; or (``with_grids`` False) the bare text layer, whose number runs
    are detached from their labels."""
    pdfplumber = pytest.importorskip("pdfplumber")
    items: list = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            placed = []
            tables = page.find_tables() if with_grids else []
            outside = page
            for table in tables:
                placed.append((table.bbox[1], [[cell or "" for cell in row] for row in table.extract()]))
                outside = outside.outside_bbox(table.bbox)
            for line in outside.extract_text_lines():
                placed.append((line["top"], line["text"]))
            placed.sort(key=lambda item: item[0])
            for _, content in placed:
                items.extend(content if isinstance(content, list) else [content])
    return grid_document(items)


def _score_against_gold(facts, tmp_path: Path) -> Score:
    out = tmp_path / "facts.csv"
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "metric", "applicant", "value"])
        for fact in facts:
            writer.writerow([MODERN_PDF.name, fact.metric, fact.applicant,
                             "" if fact.value is None else fact.value])
    return score_csv(MODERN_GOLD, out)


def _assert_score(score: Score) -> None:
    assert score.precision >= 0.98 and score.recall >= 0.98, score.line


needs_corpus = pytest.mark.skipif(not (MODERN_PDF.exists() and MODERN_GOLD.exists() and SCORER.exists()),
                                  reason="the shared corpus is not available")


@needs_corpus
@pytest.mark.parametrize("with_grids", [True, False], ids=["pdfplumber_grids", "text_layer"])
def test_modern_pdf_against_gold(with_grids: bool, tmp_path: Path) -> None:
    document = _pdf_grid_document(MODERN_PDF, with_grids)
    facts = extract_table_facts(document, "format_2021")
    _assert_score(_score_against_gold(facts, tmp_path))
    got = {(f.metric, f.applicant): f.value for f in facts}
    # Printed as is: 复议 10 + 1 + 0 + 0 against 总计 0; the single （六） row is t3_other.
    assert [got[(f"t4_recon_{o}", "")] for o in ("upheld", "corrected", "other", "pending", "total")] == [10, 1, 0, 0, 0]
    assert got[("t3_other", "total")] == 0 and ("t3_other_other", "total") not in got


@needs_corpus
def test_modern_pdf_through_the_pdf_reader(tmp_path: Path) -> None:
    document = read_document(MODERN_PDF.read_bytes(), MODERN_PDF.name)
    _assert_score(_score_against_gold(extract_table_facts(document, "format_2021"), tmp_path))


# The fixed row labels of table 三 (format wording), for the hand-built texts above.
_T3_LABELS = {
    "t3_new_received": "一、本年新收政府信息公开申请数量",
    "t3_carried_over_in": "二、上年结转政府信息公开申请数量",
    "t3_granted": "三、本年度办理结果 （一）予以公开",
    "t3_partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "t3_denied_state_secret": "（三）不予公开 1.属于国家秘密",
    "t3_denied_law_prohibited": "2.其他法律行政法规禁止公开",
    "t3_denied_security_stability": "3.危及“三安全一稳定”",
    "t3_denied_third_party": "4.保护第三方合法权益",
    "t3_denied_internal_affairs": "5.属于三类内部事务信息",
    "t3_denied_process_info": "6.属于四类过程性信息",
    "t3_denied_enforcement_file": "7.属于行政执法案卷",
    "t3_denied_query_matter": "8.属于行政查询事项",
    "t3_unable_not_held": "（四）无法提供 1.本机关不掌握相关政府信息",
    "t3_unable_needs_creation": "2.没有现成信息需要另行制作",
    "t3_unable_unclear": "3.补正后申请内容仍不明确",
    "t3_unprocessed_petition": "（五）不予处理 1.信访举报投诉类申请",
    "t3_unprocessed_duplicate": "2.重复申请",
    "t3_unprocessed_publication": "3.要求提供公开出版物",
    "t3_unprocessed_mass_repeat": "4.无正当理由大量反复申请",
    "t3_unprocessed_confirm_existing": "5.要求行政机关确认或重新出具已获取信息",
    "t3_other": "（六）其他处理",
    "t3_other_no_correction": "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "t3_other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "t3_other_other": "3.其他",
    "t3_handled_total": "（七）总计",
    "t3_carried_over_out": "四、结转下年度继续办理",
}


def _balanced_2021() -> dict[str, tuple[int, ...]]:
    """T3_2021's applicant cells with every total recomputed, so that every identity holds."""
    outcomes = [code for code in T3_2021 if code not in
                ("t3_new_received", "t3_carried_over_in", "t3_handled_total", "t3_carried_over_out")]
    cells = {code: list(values[:6]) for code, values in T3_2021.items()}
    cells["t3_handled_total"] = [sum(cells[code][column] for code in outcomes) for column in range(6)]
    cells["t3_carried_over_out"] = [cells["t3_new_received"][column] + cells["t3_carried_over_in"][column]
                                    - cells["t3_handled_total"][column] for column in range(6)]
    return {code: (*values, sum(values)) for code, values in cells.items()}


@pytest.mark.parametrize("glued_code, printed", [
    # some cells glued, the others printed apart: 97|12|3|1|3 (9|71|2|31|3 fits the row too; the
    # column identities leave only the first)
    ("t3_new_received", "9712313 3 119"),
    ("t3_granted", "31410 1 1 38"),
    ("t3_partial", "7 10000 8"),
])
def test_a_text_row_with_some_cells_glued_is_cut_where_one_cut_fits(glued_code, printed) -> None:
    rows = _balanced_2021()
    lines = [T3_HEAD] + [f"{_T3_LABELS[code]} {printed}\n" if code == glued_code else t3_line(_T3_LABELS[code], values)
                         for code, values in rows.items()]
    notes: list[Note] = []
    facts = extract_table_facts(text_document("".join(lines)), "format_2021", notes)
    got = {(f.metric, f.applicant): f.value for f in facts if f.metric.startswith("t3_")}
    assert [got.get((glued_code, applicant)) for applicant in APPLICANTS] == list(rows[glued_code])
    assert notes == []


def test_a_text_row_that_fits_several_placements_is_left_out_with_a_note() -> None:
    # 2.其他法律行政法规禁止公开 printed "1 1 2": its blanks dropped, the two 1s may sit in any two of
    # the six applicant columns, and without the total rows no column identity tells which.
    rows = _balanced_2021()
    rows.pop("t3_handled_total")
    rows.pop("t3_carried_over_out")  # (no column identity to decide)
    lines = [T3_HEAD] + [f"{_T3_LABELS[code]} 1 1 2\n" if code == "t3_denied_law_prohibited" else t3_line(_T3_LABELS[code], values)
                         for code, values in rows.items()]
    notes: list[Note] = []
    facts = extract_table_facts(text_document("".join(lines)), "format_2021", notes)
    assert not [f for f in facts if f.metric == "t3_denied_law_prohibited"]
    assert any(note.kind == "row_unreadable" and "其他法律行政法规禁止公开" in note.detail for note in notes)


def test_a_pipe_row_that_dropped_its_blanks_is_not_read_from_the_left() -> None:
    # Every request from a natural person; the row 部分公开 prints "| 7 | 7 |" under seven columns.
    # Read left to right it would put 7 requests in 商业企业 (a wrong number); the column identities
    # place it in 自然人, or the row is left out.
    applicants = {code: values[0] for code, values in _balanced_2021().items()}
    lines = [T3_HEAD]
    for code, natural in applicants.items():
        cells = f"{natural} | {natural}" if code == "t3_partial" else " | ".join(map(str, (natural, 0, 0, 0, 0, 0, natural)))
        lines.append(f"{_T3_LABELS[code]} | {cells} |\n")
    facts = extract_table_facts(text_document("".join(lines)), "format_2021")
    partial = {f.applicant: f.value for f in facts if f.metric == "t3_partial" and not f.flags}
    assert partial.get("business") is None
    assert partial in ({}, {"natural_person": applicants["t3_partial"], "total": applicants["t3_partial"]})
