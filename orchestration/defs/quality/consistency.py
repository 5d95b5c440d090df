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
# Amounts that may be decimal: fees in 万元 (7730.28), yuan amounts, and every share.
DECIMAL_METRICS = ("t2_admin_fees_wan_yuan", "fee_collected_yuan")
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
    """Parent of each legacy metric. The standardized tables are checked by their own printed
    identities (table_identity_frame), so their parents are left out here to flag once."""
    return {row["code"]: row["parent"] for row in load_metrics() if row["parent"] and row["family"] == "legacy"}


def _facts_with_parents(facts: pd.DataFrame) -> pd.DataFrame:
    """Counts (not shares), one value per report × scope × applicant × metric (first stated)."""
    counts = facts[~facts["metric"].str.endswith("_pct") & facts["value"].notna()]
    if "flags" in counts:
        counts = counts[~counts["flags"].fillna("").str.contains("derived")]
    counts = counts.sort_values("fact_index").drop_duplicates(["file_sha256", "scope", "applicant", "metric"])
    return counts.assign(parent=counts["metric"].map(metric_parents()))


# --- the standardized tables ------------------------------------------------------------------
APPLICANT_COLUMNS = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org")
# （七）总计 is the sum of these rows; t3_other is the single （六） row or, in 2021 reports, the
# derived sum of its three rows, which are therefore not added again.
T3_OUTCOME_ROWS = (
    "t3_granted", "t3_partial",
    "t3_denied_state_secret", "t3_denied_law_prohibited", "t3_denied_security_stability",
    "t3_denied_third_party", "t3_denied_internal_affairs", "t3_denied_process_info",
    "t3_denied_enforcement_file", "t3_denied_query_matter",
    "t3_unable_not_held", "t3_unable_needs_creation", "t3_unable_unclear",
    "t3_unprocessed_petition", "t3_unprocessed_duplicate", "t3_unprocessed_publication",
    "t3_unprocessed_mass_repeat", "t3_unprocessed_confirm_existing", "t3_other",
)
T4_BLOCKS = ("t4_recon", "t4_lit_direct", "t4_lit_after_recon")
T4_PARTS = ("upheld", "corrected", "other", "pending")
# Narrative counts (总体情况) and the table cells that state the same thing.
NARRATIVE_VS_TABLE = (
    ("req_received", ("t3_new_received",)),
    ("recon_total", ("t4_recon_total",)),
    ("lit_total", ("t4_lit_direct_total", "t4_lit_after_recon_total")),
)


def _table_cells(facts: pd.DataFrame) -> pd.DataFrame:
    """report × applicant rows, one column per table metric (NaN: blank or not printed)."""
    table = facts[facts["metric"].str.match(r"t[34]_")]
    if table.empty:
        return pd.DataFrame(columns=["file_sha256", "applicant"])
    table = table.sort_values("fact_index").drop_duplicates(["file_sha256", "applicant", "metric"])
    return table.pivot_table(index=["file_sha256", "applicant"], columns="metric", values="value",
                             aggfunc="first", dropna=False).reset_index()


def _identity_rows(cells: pd.DataFrame, name: str, total: str, parts: list[str] | tuple[str, ...],
                   label: str | None = None) -> list[dict[str, object]]:
    """One row per report × applicant where the total or a part is printed; ``label`` names a
    column whose value prefixes the identity (the table row a row-total identity is about)."""
    rows = []
    present = [column for column in parts if column in cells.columns]
    if total not in cells.columns or not present:
        return rows
    for _, row in cells.iterrows():
        values = {column: row[column] for column in present}
        if all(pd.isna(value) for value in values.values()) and pd.isna(row[total]):
            continue
        printed = [value for value in values.values() if pd.notna(value)]
        rows.append({
            "file_sha256": row["file_sha256"], "applicant": row["applicant"],
            "identity": f"{row[label]}:{name}" if label else name,
            "expected": row[total], "observed": float(sum(printed)) if printed else None,
            "blank_cells": int(sum(pd.isna(value) for value in values.values()) + pd.isna(row[total])),
        })
    return rows


def table_identity_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """Every identity the tables print or imply, per report and applicant column:
    expected (the stated total) against observed (the sum of its printed parts)."""
    cells = _table_cells(facts)
    rows: list[dict[str, object]] = []
    if {"t3_new_received", "t3_carried_over_in"} <= set(cells.columns):
        # 一 + 二 = （七）总计 + 四, printed in the table's own header
        inflow = cells.assign(t3_inflow=cells["t3_new_received"] + cells["t3_carried_over_in"])
        rows += _identity_rows(inflow, "t3_column_balance", "t3_inflow", ["t3_handled_total", "t3_carried_over_out"])
    rows += _identity_rows(cells, "t3_handled_total_is_sum_of_outcomes", "t3_handled_total", T3_OUTCOME_ROWS)
    for block in T4_BLOCKS:
        rows += _identity_rows(cells, f"{block}_block_sum", f"{block}_total", [f"{block}_{part}" for part in T4_PARTS])
    rows += _row_total_rows(facts)
    frame = pd.DataFrame(rows, columns=["file_sha256", "applicant", "identity", "expected", "observed", "blank_cells"])
    frame["difference"] = frame["observed"] - frame["expected"]
    return frame


def _row_total_rows(facts: pd.DataFrame) -> list[dict[str, object]]:
    """Table 三, every row: 总计 = 自然人 + the five 法人或其他组织 columns."""
    table3 = facts[facts["metric"].str.startswith("t3_") & facts["applicant"].isin((*APPLICANT_COLUMNS, "total"))]
    if table3.empty:
        return []
    table3 = table3.sort_values("fact_index").drop_duplicates(["file_sha256", "metric", "applicant"])
    by_row = table3.pivot_table(index=["file_sha256", "metric"], columns="applicant", values="value",
                                aggfunc="first", dropna=False).reset_index()
    return _identity_rows(by_row.assign(applicant="total"), "row_total", "total",
                          [column for column in APPLICANT_COLUMNS if column in by_row.columns], label="metric")


def narrative_table_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """A count the narrative states beside the table cell(s) for the same thing."""
    counts = facts[facts["value"].notna()]
    rows = []
    for narrative_metric, table_metrics in NARRATIVE_VS_TABLE:
        stated = counts[counts["metric"] == narrative_metric]
        cells = counts[counts["metric"].isin(table_metrics) & (counts["applicant"].isin(["", "total"]))]
        table_sums = cells.groupby("file_sha256")["value"].agg(["sum", "count"])
        table_sums = table_sums[table_sums["count"] == len(table_metrics)]
        for _, fact in stated.iterrows():
            if fact["file_sha256"] in table_sums.index:
                rows.append({"file_sha256": fact["file_sha256"], "scope": fact["scope"], "metric": narrative_metric,
                             "narrative_value": fact["value"], "table_value": table_sums.loc[fact["file_sha256"], "sum"]})
    frame = pd.DataFrame(rows, columns=["file_sha256", "scope", "metric", "narrative_value", "table_value"])
    frame["difference"] = frame["narrative_value"] - frame["table_value"]
    return frame


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

    identities = table_identity_frame(facts) if not facts.empty else pd.DataFrame()
    checked = identities[identities["blank_cells"] == 0] if not identities.empty else identities
    rows = validator.unexpected_rows(checked, expect.ExpectColumnValuesToBeBetween(
        column="difference", min_value=-1e-6, max_value=1e-6))
    outcomes.append(_outcome(
        "table_identities_hold", "table 三 column balance, row totals, （七）总计 = its outcome rows, table 四 blocks",
        WARNING, checked, rows, group="identity", expected="expected", observed="observed",
        message=lambda row: f"{row['identity']} [{row['applicant']}]: parts {row['observed']:g} vs stated {row['expected']:g}"))

    blanks = identities[identities["blank_cells"] > 0] if not identities.empty else identities
    rows = validator.unexpected_rows(blanks, expect.ExpectColumnValuesToBeBetween(column="blank_cells", max_value=0))
    outcomes.append(_outcome(
        "table_identity_cells_printed", "cells of a table identity are printed (blank is not zero)",
        WARNING, identities, rows, group="identity", expected=None, observed="blank_cells",
        message=lambda row: f"{row['identity']} [{row['applicant']}]: {int(row['blank_cells'])} blank cell(s)"))

    narrative = narrative_table_frame(facts) if not facts.empty else pd.DataFrame()
    rows = validator.unexpected_rows(narrative, expect.ExpectColumnValuesToBeBetween(
        column="difference", min_value=-1e-6, max_value=1e-6))
    outcomes.append(_outcome(
        "narrative_matches_table", "a count restated in the narrative equals the table",
        WARNING, narrative, rows, group="metric", expected="table_value", observed="narrative_value",
        message=lambda row: f"{row['metric']}: narrative {row['narrative_value']:g}, table {row['table_value']:g}"))

    valued = facts[facts["value"].notna()] if not facts.empty else facts
    rows = validator.unexpected_rows(valued, expect.ExpectColumnValuesToBeBetween(column="value", min_value=0))
    outcomes.append(_outcome(
        "values_not_negative", "no count, amount or share is negative", ERROR, valued, rows,
        group="metric", expected=None, observed="value", message=lambda row: f"{row['metric']} = {row['value']:g}"))

    whole_counts = valued[~valued["metric"].isin(DECIMAL_METRICS) & ~valued["metric"].str.endswith("_pct")] if not valued.empty else valued
    whole_counts = whole_counts.assign(fraction=(whole_counts["value"] % 1).round(9)) if not whole_counts.empty else whole_counts
    rows = validator.unexpected_rows(whole_counts, expect.ExpectColumnValuesToBeBetween(column="fraction", min_value=0, max_value=0))
    outcomes.append(_outcome(
        "counts_are_whole_numbers", "counts are whole numbers (fees in 万元 and shares may be decimal)", ERROR,
        whole_counts, rows, group="metric", expected=None, observed="value",
        message=lambda row: f"{row['metric']} = {row['value']:g}"))

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
