"""Trap numbers are never emitted as disclosure metrics (tests/fixtures/traps/traps.csv).

Each row is one sentence in which a number stands near request, outcome, proactive, fee or review
words but counts something else: window services (办件, 审批), consultations, petitions, deputies'
proposals, page views, catalogue items, cumulative totals, last year's figure, slogans with a
numeral, shares by publisher, information items, another body's figure. Control rows mix a trap
with a real figure, which must still be found. The set was written without reading the rules; its
README says how.

Each sentence is read inside a minimal report, under the heading of the part it belongs to.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractors.metrics import metric_codes
from extractors.pipeline import extract_facts, read_report

TRAPS = Path(__file__).resolve().parent / "fixtures" / "traps" / "traps.csv"
HEADINGS = {
    "overview": "一、概述",
    "proactive": "二、主动公开政府信息情况",
    "requests": "三、依申请公开政府信息情况",
    "fees": "四、政府信息公开收费及减免情况",
    "review": "五、因政府信息公开申请行政复议、提起行政诉讼情况",
}
LEGACY = metric_codes("legacy")


def _rows() -> list[dict[str, str]]:
    with TRAPS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _pairs(field: str) -> list[tuple[str, float]]:
    pairs = []
    for item in filter(None, (part.strip() for part in field.split(";"))):
        metric, _, value = item.partition("=")
        pairs.append((metric.strip(), float(value)))
    return pairs


def _facts(section: str, sentence: str) -> set[tuple[str, float]]:
    lines = ["某某市2016年政府信息公开工作年度报告"]
    for part, heading in HEADINGS.items():
        lines.append(heading)
        lines.append(sentence if part == section else "")
    report = read_report("\n".join(lines).encode("utf-8"), "report.txt")
    return {(fact.metric, fact.value)
            for fact in extract_facts(report.document, report.metadata.era, report.place_name, report.issuer)
            if fact.value is not None and (fact.metric in LEGACY or fact.metric.removesuffix("_pct") in LEGACY)}


ROWS = _rows()


def _close(first: float, second: float) -> bool:
    return abs(first - second) <= 1e-6 * max(1.0, abs(first), abs(second))


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_trap_numbers_are_not_disclosure_figures(row):
    facts = _facts(row["section"], row["sentence"])
    for metric, value in _pairs(row["forbidden"]):
        wrong = [(got, got_value) for got, got_value in facts
                 if _close(got_value, value) and (metric == "*" or got == metric)]
        assert not wrong, f"{row['note']}: {wrong}"
    for metric, value in _pairs(row["expected"]):
        assert any(got == metric and _close(got_value, value) for got, got_value in facts), (
            f"{row['note']}: {metric}={value} not found in {sorted(facts)}")


def test_the_trap_set_is_large_enough():
    assert sum(row["family"] != "control" for row in ROWS) >= 100
    assert len({row["family"] for row in ROWS}) >= 13
