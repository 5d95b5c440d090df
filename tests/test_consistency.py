"""The consistency rules (great-expectations) on invented facts: balanced data passes, every
kind of imbalance is flagged with expected and observed, and nothing is altered."""
from __future__ import annotations

import pandas as pd
import pytest

from orchestration.defs.quality.consistency import run_consistency_checks

APPLICANTS = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org", "total")


class FactFrame:
    """Builds a staging.facts-like frame."""

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, report: str, metric: str, value, applicant: str = "", scope: str = "unspecified", flags: str = "") -> None:
        self.rows.append({"file_sha256": report, "fact_index": len(self.rows), "metric": metric,
                          "applicant": applicant, "scope": scope, "value": value, "flags": flags})

    def table3_row(self, report: str, metric: str, values: list, flags: str = "") -> None:
        for applicant, value in zip(APPLICANTS, values):
            self.add(report, metric, value, applicant, flags=flags)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows)


def documents(*reports: str) -> pd.DataFrame:
    return pd.DataFrame({"file_sha256": list(reports), "file_name": [f"{r}.html" for r in reports],
                         "report_year": [2021] * len(reports), "jurisdiction_code": ["320813"] * len(reports)})


def balanced_table_report(facts: FactFrame, report: str) -> None:
    facts.table3_row(report, "t3_new_received", [8, 2, 0, 1, 0, 0, 11])
    facts.table3_row(report, "t3_carried_over_in", [1, 0, 0, 0, 0, 0, 1])
    facts.table3_row(report, "t3_granted", [4, 1, 0, 1, 0, 0, 6])
    facts.table3_row(report, "t3_unable_not_held", [3, 1, 0, 0, 0, 0, 4])
    facts.table3_row(report, "t3_other_no_correction", [1, 0, 0, 0, 0, 0, 1])
    facts.table3_row(report, "t3_other_fee_unpaid", [0, 0, 0, 0, 0, 0, 0])
    facts.table3_row(report, "t3_other_other", [0, 0, 0, 0, 0, 0, 0])
    facts.table3_row(report, "t3_other", [1, 0, 0, 0, 0, 0, 1], flags="derived")
    facts.table3_row(report, "t3_handled_total", [8, 2, 0, 1, 0, 0, 11])
    facts.table3_row(report, "t3_carried_over_out", [1, 0, 0, 0, 0, 0, 1])
    for block, values in (("t4_recon", [2, 1, 0, 1, 4]), ("t4_lit_direct", [1, 0, 0, 0, 1]),
                          ("t4_lit_after_recon", [0, 0, 0, 0, 0])):
        for part, value in zip(("upheld", "corrected", "other", "pending", "total"), values):
            facts.add(report, f"{block}_{part}", value)
    facts.add(report, "req_received", 11, scope="whole", flags="")
    facts.add(report, "recon_total", 4, scope="whole")
    facts.add(report, "t2_admin_fees_wan_yuan", 12.5)


def findings_by_check(facts: pd.DataFrame, docs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {outcome.check_name: outcome.findings for outcome in run_consistency_checks(facts, docs, this_year=2026)}


@pytest.fixture(scope="module")
def balanced():
    facts = FactFrame()
    balanced_table_report(facts, "ok")
    return findings_by_check(facts.frame(), documents("ok"))


def test_balanced_table_report_passes_every_check(balanced):
    assert {name: len(rows) for name, rows in balanced.items() if len(rows)} == {}


def test_unbalanced_table_report_is_flagged_per_identity():
    facts = FactFrame()
    balanced_table_report(facts, "bad")
    frame = facts.frame()
    # the business column of 一 no longer balances, and table 四's reconsideration total is 0
    frame.loc[(frame.metric == "t3_new_received") & (frame.applicant == "business"), "value"] = 5
    frame.loc[frame.metric == "t4_recon_total", "value"] = 0
    findings = findings_by_check(frame, documents("bad"))["table_identities_hold"]
    identities = set(zip(findings["metric_group"], findings["expected"], findings["observed"]))
    assert ("t3_column_balance", 5.0, 2.0) in identities  # business: 5 + 0 in, 2 + 0 out
    assert ("t3_new_received:row_total", 11.0, 14.0) in identities
    assert ("t4_recon_block_sum", 0.0, 4.0) in identities
    assert frame.loc[frame.metric == "t4_recon_total", "value"].iloc[0] == 0  # flagged, not fixed


def test_blank_total_with_printed_parts_is_flagged_not_treated_as_zero():
    facts = FactFrame()
    balanced_table_report(facts, "blank")
    frame = facts.frame()
    frame.loc[(frame.metric == "t3_handled_total") & (frame.applicant == "total"), "value"] = None
    checks = findings_by_check(frame, documents("blank"))
    assert len(checks["table_identity_cells_printed"]) >= 1
    assert checks["table_identities_hold"].empty  # no sum is compared against a blank


def test_narrative_that_disagrees_with_the_table_is_a_warning():
    facts = FactFrame()
    balanced_table_report(facts, "story")
    frame = facts.frame()
    frame.loc[frame.metric == "req_received", "value"] = 12
    findings = findings_by_check(frame, documents("story"))["narrative_matches_table"]
    assert list(zip(findings["metric_group"], findings["expected"], findings["observed"], findings["severity"])) == [
        ("req_received", 11.0, 12.0, "warning")]


def test_legacy_breakdowns_shares_and_ratios():
    facts = FactFrame()
    facts.add("legacy", "req_received", 100, scope="whole")
    for channel, value in (("req_in_person", 30), ("req_online", 60), ("req_letter", 5)):
        facts.add("legacy", channel, value, scope="whole")  # 95 against a stated 100
    facts.add("legacy", "req_answered", 50, scope="government")
    facts.add("legacy", "out_granted", 40, scope="government")
    facts.add("legacy", "out_granted_pct", 70.0, scope="government")  # 40 / 50 = 80
    facts.add("legacy", "out_denied", 20, scope="government")  # 60 > 50
    checks = findings_by_check(facts.frame(), documents("legacy"))
    complete = checks["complete_breakdown_sums_to_total"]
    assert ("req_received", 100.0, 95.0) in set(zip(complete["metric_group"], complete["expected"], complete["observed"]))
    exceed = checks["parts_do_not_exceed_total"]
    assert ("req_answered", 50.0, 60.0) in set(zip(exceed["metric_group"], exceed["expected"], exceed["observed"]))
    ratio = checks["share_matches_part_over_total"]
    assert list(zip(ratio["metric_group"], ratio["expected"], ratio["observed"])) == [("out_granted_pct", 80.0, 70.0)]


def test_fractional_counts_negative_values_and_years_out_of_range():
    facts = FactFrame()
    facts.add("odd", "req_received", 10.5, scope="whole")
    facts.add("odd", "lit_total", -1, scope="whole")
    docs = documents("odd").assign(report_year=[2031])
    checks = findings_by_check(facts.frame(), docs)
    assert len(checks["counts_are_whole_numbers"]) == 1
    assert len(checks["values_not_negative"]) == 1
    assert len(checks["report_year_in_range"]) == 1


def test_a_value_beyond_its_metrics_plausible_size_is_a_finding():
    facts = FactFrame()
    balanced_table_report(facts, "absurd")
    facts.add("absurd", "req_received", 1e15, scope="government", flags="implausible_value")
    facts.add("absurd", "req_answer_rate_pct", 250, scope="whole", flags="implausible_value")
    facts.add("absurd", "pro_total", 3_000_000, scope="whole")  # a province's year: large, plausible
    checks = findings_by_check(facts.frame(), documents("absurd"))
    found = checks["values_plausible"]
    assert sorted(found["metric_group"]) == ["req_answer_rate_pct", "req_received"]
    assert sorted(found["observed"]) == [250.0, 1e15]


def test_a_balanced_report_has_no_implausible_value(balanced):
    assert balanced["values_plausible"].empty
