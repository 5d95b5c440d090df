"""Consistency rules over extracted facts, validated with great-expectations (1.x).

Each rule builds a small frame from the facts (one row per thing to check: a breakdown, a
stated share, a report) and states an expectation on it; the rows GX reports as unexpected
become findings. Findings flag a report; they never change or drop its data.

Kept free of Dagster so it can be tested and reused on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from extractors.metrics import load_metrics

FIRST_REPORT_YEAR = 2008
SHARE_TOLERANCE = 0.5  # percentage points: shares are printed rounded
RATIO_TOLERANCE = 0.1  # percentage points between a stated share and part / parent
WARNING, ERROR = "warning", "error"

FINDING_COLUMNS = ["check_name", "file_sha256", "metric_group", "scope", "expected", "observed", "severity", "message"]


@dataclass(frozen=True)
class CheckOutcome:
    check_name: str
    description: str
    severity: str
    checked: int  # rows the expectation ran over
    findings: pd.DataFrame  # FINDING_COLUMNS

    @property
    def passed(self) -> bool:
        return self.findings.empty


@lru_cache(maxsize=1)
def metric_parents() -> dict[str, str]:
    return {row["code"]: row["parent"] for row in load_metrics() if row["parent"]}


def _facts_with_parents(facts: pd.DataFrame) -> pd.DataFrame:
    """Counts (not shares), one value per report × scope × applicant × metric (first stated)."""
    counts = facts[~facts["metric"].str.endswith("_pct") & facts["value"].notna()]
    counts = counts.sort_values("fact_index").drop_duplicates(["file_sha256", "scope", "applicant", "metric"])
    return counts.assign(parent=counts["metric"].map(metric_parents()))


def breakdown_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """Per report × scope × applicant × parent metric: the stated parent, the sum of the
    children given, how many children, and whether the breakdown is complete by nature."""
    counts = _facts_with_parents(facts)
    children = counts[counts["parent"].notna()]
    keys = ["file_sha256", "scope", "applicant", "parent"]
    sums = children.groupby(keys, as_index=False).agg(children_sum=("value", "sum"), children_given=("metric", "count"))
    parents = counts[["file_sha256", "scope", "applicant", "metric", "value"]].rename(
        columns={"metric": "parent", "value": "parent_value"})
    frame = sums.merge(parents, on=keys, how="inner")
    frame["complete"] = frame.apply(_is_complete_breakdown, axis=1, facts=facts)
    frame["difference"] = frame["children_sum"] - frame["parent_value"]
    return frame.reset_index(drop=True)


# Every request arrives by some channel and every reconsideration or lawsuit ends in some
# result, so when a report lists these it lists them all; outcome and publication-channel
# lists are often partial, and count as complete only when their shares add up to 100.
_EXHAUSTIVE_PARENTS = {"req_received": 2, "recon_total": 2, "lit_total": 2, "req_answered": 3}


def _is_complete_breakdown(row: pd.Series, facts: pd.DataFrame) -> bool:
    minimum = _EXHAUSTIVE_PARENTS.get(row["parent"])
    if minimum is not None and row["children_given"] >= minimum:
        return True
    shares = share_sums(facts)
    match = shares[(shares["file_sha256"] == row["file_sha256"]) & (shares["scope"] == row["scope"])
                   & (shares["parent"] == row["parent"])]
    return bool(not match.empty and abs(match["share_sum"].iloc[0] - 100) <= SHARE_TOLERANCE)


def share_sums(facts: pd.DataFrame) -> pd.DataFrame:
    shares = facts[facts["metric"].str.endswith("_pct") & facts["value"].notna()].copy()
    shares["base"] = shares["metric"].str.removesuffix("_pct")
    shares["parent"] = shares["base"].map(metric_parents())
    shares = shares[shares["parent"].notna()].drop_duplicates(["file_sha256", "scope", "applicant", "base"])
    return shares.groupby(["file_sha256", "scope", "applicant", "parent"], as_index=False).agg(
        share_sum=("value", "sum"), shares_given=("metric", "count"))


def share_ratio_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """Each stated share beside part / parent computed from the stated counts."""
    counts = _facts_with_parents(facts)
    shares = facts[facts["metric"].str.endswith("_pct") & facts["value"].notna()].copy()
    shares["base"] = shares["metric"].str.removesuffix("_pct")
    shares = shares.merge(
        counts[["file_sha256", "scope", "applicant", "metric", "value", "parent"]].rename(
            columns={"metric": "base", "value": "part_value"}),
        on=["file_sha256", "scope", "applicant", "base"], how="inner")
    parents = counts[["file_sha256", "scope", "applicant", "metric", "value"]].rename(
        columns={"metric": "parent", "value": "parent_value"})
    frame = shares.merge(parents, on=["file_sha256", "scope", "applicant", "parent"], how="inner")
    frame = frame[frame["parent_value"] > 0]
    frame["computed_share"] = (frame["part_value"] / frame["parent_value"] * 100).round(4)
    frame["share_error"] = frame["value"] - frame["computed_share"]
    return frame.reset_index(drop=True)


# --- great-expectations ---------------------------------------------------------------------

class _Validator:
    """One ephemeral GX context with a pandas datasource; validates frames one at a time."""

    def __init__(self) -> None:
        import great_expectations as gx

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        try:
            from great_expectations.data_context.types.base import ProgressBarsConfig

            self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        except (ImportError, AttributeError):
            pass
        self.batch_definition = (
            self.context.data_sources.add_pandas("ogi_frames")
            .add_dataframe_asset("frame")
            .add_batch_definition_whole_dataframe("whole_frame")
        )

    def unexpected_rows(self, frame: pd.DataFrame, expectation) -> pd.DataFrame:
        if frame.empty:
            return frame
        frame = frame.reset_index(drop=True)
        batch = self.batch_definition.get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(expectation, result_format="COMPLETE")
        if result.success:
            return frame.iloc[0:0]
        return frame.loc[result.result.get("unexpected_index_list") or []]


def run_consistency_checks(facts: pd.DataFrame, documents: pd.DataFrame, this_year: int | None = None) -> list[CheckOutcome]:
    """All rules over the given facts (columns of staging.facts) and documents."""
    validator = _Validator()
    expect = validator.gx.expectations
    this_year = this_year or date.today().year
    outcomes: list[CheckOutcome] = []

    breakdowns = breakdown_frame(facts) if not facts.empty else pd.DataFrame()
    rows = validator.unexpected_rows(breakdowns, expect.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="parent_value", column_B="children_sum", or_equal=True))
    outcomes.append(_outcome(
        "parts_do_not_exceed_total", "the parts of a breakdown do not add up to more than the stated total",
        WARNING, breakdowns, rows, group="parent", expected="parent_value", observed="children_sum",
        message=lambda row: f"{row['parent']}: parts sum to {row['children_sum']:g} > stated {row['parent_value']:g}"))

    complete = breakdowns[breakdowns["complete"]] if not breakdowns.empty else breakdowns
    rows = validator.unexpected_rows(complete, expect.ExpectColumnValuesToBeBetween(
        column="difference", min_value=-1e-6, max_value=1e-6))
    outcomes.append(_outcome(
        "complete_breakdown_sums_to_total", "a breakdown the report gives in full adds up to its total",
        WARNING, complete, rows, group="parent", expected="parent_value", observed="children_sum",
        message=lambda row: f"{row['parent']}: {int(row['children_given'])} parts sum to {row['children_sum']:g}, stated total {row['parent_value']:g}"))

    shares = share_sums(facts) if not facts.empty else pd.DataFrame()
    rows = validator.unexpected_rows(shares, expect.ExpectColumnValuesToBeBetween(
        column="share_sum", max_value=100 + SHARE_TOLERANCE))
    outcomes.append(_outcome(
        "shares_sum_to_at_most_100", "the shares of one breakdown add up to 100 or less (within rounding)",
        WARNING, shares, rows, group="parent", expected=None, observed="share_sum",
        message=lambda row: f"shares of {row['parent']} sum to {row['share_sum']:g}%", expected_value=100.0))

    ratios = share_ratio_frame(facts) if not facts.empty else pd.DataFrame()
    rows = validator.unexpected_rows(ratios, expect.ExpectColumnValuesToBeBetween(
        column="share_error", min_value=-RATIO_TOLERANCE, max_value=RATIO_TOLERANCE))
    outcomes.append(_outcome(
        "share_matches_part_over_total", "a stated share equals part / total",
        WARNING, ratios, rows, group="metric", expected="computed_share", observed="value",
        message=lambda row: f"{row['metric']} stated {row['value']:g}% but {row['part_value']:g}/{row['parent_value']:g} = {row['computed_share']:g}%"))

    valued = facts[facts["value"].notna()] if not facts.empty else facts
    rows = validator.unexpected_rows(valued, expect.ExpectColumnValuesToBeBetween(column="value", min_value=0))
    outcomes.append(_outcome(
        "values_not_negative", "no count, amount or share is negative", ERROR, valued, rows,
        group="metric", expected=None, observed="value", message=lambda row: f"{row['metric']} = {row['value']:g}"))

    rows = validator.unexpected_rows(documents, expect.ExpectColumnValuesToBeBetween(
        column="report_year", min_value=FIRST_REPORT_YEAR, max_value=this_year))
    outcomes.append(_outcome(
        "report_year_in_range", f"the report year is within {FIRST_REPORT_YEAR}..{this_year}", ERROR,
        documents, rows, group=None, expected=None, observed="report_year",
        message=lambda row: f"report year {row['report_year']}"))

    for column, check_name in (("jurisdiction_code", "report_has_jurisdiction"), ("report_year", "report_has_year")):
        rows = validator.unexpected_rows(documents, expect.ExpectColumnValuesToNotBeNull(column=column))
        outcomes.append(_outcome(
            check_name, f"every report has a {column.replace('_', ' ')}", ERROR, documents, rows,
            group=None, expected=None, observed=None, message=lambda row, column=column: f"no {column} found"))
    return outcomes


def _outcome(check_name, description, severity, checked, rows, group, expected, observed, message,
             expected_value=None) -> CheckOutcome:
    findings = pd.DataFrame([
        {
            "check_name": check_name,
            "file_sha256": row["file_sha256"],
            "metric_group": row[group] if group else None,
            "scope": row.get("scope"),
            "expected": float(row[expected]) if expected else expected_value,
            "observed": float(row[observed]) if observed and pd.notna(row[observed]) else None,
            "severity": severity,
            "message": message(row),
        }
        for _, row in rows.iterrows()
    ], columns=FINDING_COLUMNS)
    return CheckOutcome(check_name, description, severity, len(checked), findings)
