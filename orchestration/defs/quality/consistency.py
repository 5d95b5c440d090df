"""Consistency rules over extracted facts, validated with great-expectations (1.x).

Each rule builds a small frame from the facts (one row per thing to check: a breakdown, a
stated share, a table identity, a report) and states an expectation on it; the rows GX reports
as unexpected become findings. Findings flag a report; they never change or drop its data.
A finding names the facts behind its two numbers: columns of a frame whose name starts with
``expected_facts`` or ``observed_facts`` hold the fact_index (a number or a list; NaN for none)
of the facts the expected and the observed value come from (a breakdown: the stated total and
its parts), so their evidence can be shown beside it (evidence.py).
Every rule looks at one report at a time, so the warehouse can check only the reports whose
facts changed. (Rules across reports, such as carry-over from one year to the next, are dbt
tests on the marts.)

Kept free of Dagster so it can be tested and reused on its own.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pandas as pd

from extractors.metrics import load_metrics
from extractors.plausibility import plausible_max
from orchestration.settings import DBT_PROJECT_DIR

FIRST_REPORT_YEAR = 2008
SHARE_TOLERANCE = 0.5  # percentage points: shares are printed rounded
RATIO_TOLERANCE = 0.1  # percentage points between a stated share and part / parent
EXACT = 1e-6
WARNING, ERROR = "warning", "error"
# Amounts that may be decimal: fees in 万元 (7730.28) and yuan; shares are decimal too.
DECIMAL_METRICS = ("t2_admin_fees_wan_yuan", "fee_collected_yuan")

# The words of every check (and of the extraction notes that share fct_check_result): a dbt seed,
# so the warehouse joins them to each finding and Dagster shows the same text.
CHECK_WORDS_CSV = DBT_PROJECT_DIR / "seeds" / "check_descriptions.csv"
# A change to what the checks compute or record: every report's findings are computed again.
CHECKS_VERSION = "2"

FINDING_COLUMNS = ["check_name", "file_sha256", "metric_group", "scope", "expected", "observed", "severity", "message",
                   "expected_fact_indexes", "observed_fact_indexes"]
FACT_COLUMNS = ["file_sha256", "fact_index", "metric", "applicant", "scope", "value", "flags"]
DOCUMENT_COLUMNS = ["file_sha256", "report_year", "jurisdiction_code"]

# The standardized tables. （七）总计 is the sum of these rows: （六）其他处理 is either the single
# t3_other row or its three 2021 rows (then t3_other is derived from them and not stated).
APPLICANT_COLUMNS = ("natural_person", "business", "research", "public_interest", "legal_service", "other_org")
T3_OUTCOME_ROWS = (
    "t3_granted", "t3_partial",
    "t3_denied_state_secret", "t3_denied_law_prohibited", "t3_denied_security_stability",
    "t3_denied_third_party", "t3_denied_internal_affairs", "t3_denied_process_info",
    "t3_denied_enforcement_file", "t3_denied_query_matter",
    "t3_unable_not_held", "t3_unable_needs_creation", "t3_unable_unclear",
    "t3_unprocessed_petition", "t3_unprocessed_duplicate", "t3_unprocessed_publication",
    "t3_unprocessed_mass_repeat", "t3_unprocessed_confirm_existing",
    "t3_other", "t3_other_no_correction", "t3_other_fee_unpaid", "t3_other_other",
)
T4_BLOCKS = ("t4_recon", "t4_lit_direct", "t4_lit_after_recon")
T4_PARTS = ("upheld", "corrected", "other", "pending")
# Narrative counts (总体情况) and the table cells that state the same thing.
NARRATIVE_VS_TABLE = (
    ("req_received", ("t3_new_received",)),
    ("recon_total", ("t4_recon_total",)),
    ("lit_total", ("t4_lit_direct_total", "t4_lit_after_recon_total")),
)
# Every request arrives by some channel and every reconsideration or lawsuit ends in some
# result, so a report listing these lists them all; outcome and publication-channel lists are
# often partial and count as complete only when their shares add up to 100. Value: the fewest
# parts that make a list.
EXHAUSTIVE_PARENTS = {"req_received": 2, "recon_total": 2, "lit_total": 2, "req_answered": 3}


@dataclass(frozen=True)
class CheckOutcome:
    check_name: str
    severity: str
    checked: int  # rows the expectation ran over
    findings: pd.DataFrame  # FINDING_COLUMNS

    @property
    def passed(self) -> bool:
        return self.findings.empty


# --- frames ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def metric_parents() -> dict[str, str]:
    """Parent of each legacy metric. The standardized tables are checked by their own printed
    identities (table_identity_frame), so their parents are left out here to flag once."""
    return {row["code"]: row["parent"] for row in load_metrics() if row["parent"] and row["family"] == "legacy"}


def _first_mentions(facts: pd.DataFrame) -> pd.DataFrame:
    """The first mention of each report × scope × applicant × metric, blank cells included;
    derived values (t3_other of a 2021 report) are not printed and would count their parts twice."""
    printed = facts[~facts["flags"].fillna("").str.contains("derived")]
    return printed.sort_values("fact_index").drop_duplicates(["file_sha256", "scope", "applicant", "metric"])


def _stated(mentions: pd.DataFrame) -> pd.DataFrame:
    return mentions[mentions["value"].notna()]


def _each_fact(facts: pd.DataFrame) -> pd.DataFrame:
    """Facts checked one by one: each is the evidence of its own (observed) value."""
    return facts.assign(observed_facts=facts["fact_index"])


def _beyond_ceiling(stated: pd.DataFrame) -> pd.DataFrame:
    """Stated values with their metric's plausible ceiling (data/plausible_ranges.csv) and how
    far above it they are: 10^15 requests is a misreading or a typo in the report, never data."""
    ceilings = stated["metric"].map(plausible_max)
    return stated.assign(plausible_max=ceilings, excess=stated["value"] - ceilings)[ceilings.notna()]


def _fractional_parts(stated: pd.DataFrame) -> pd.DataFrame:
    counts = stated[~stated["metric"].isin(DECIMAL_METRICS) & ~stated["metric"].str.endswith("_pct")]
    return counts.assign(fraction=(counts["value"] % 1).round(9))


def _counts(stated: pd.DataFrame) -> pd.DataFrame:
    counts = stated[~stated["metric"].str.endswith("_pct")]
    return counts.assign(parent=counts["metric"].map(metric_parents()))


def _shares(stated: pd.DataFrame) -> pd.DataFrame:
    shares = stated[stated["metric"].str.endswith("_pct")]
    base = shares["metric"].str.removesuffix("_pct")
    return shares.assign(base=base, parent=base.map(metric_parents()))


def share_sums(stated: pd.DataFrame) -> pd.DataFrame:
    shares = _shares(stated)
    shares = shares[shares["parent"].notna()]
    return shares.groupby(["file_sha256", "scope", "applicant", "parent"], as_index=False).agg(
        share_sum=("value", "sum"), shares_given=("metric", "count"), observed_facts=("fact_index", list))


def breakdown_frame(stated: pd.DataFrame) -> pd.DataFrame:
    """Per report × scope × applicant × parent metric: the stated parent, the sum of the parts
    given, how many, and whether the list is complete (by nature, or its shares make 100)."""
    keys = ["file_sha256", "scope", "applicant", "parent"]
    counts = _counts(stated)
    children = counts[counts["parent"].notna()]
    sums = children.groupby(keys, as_index=False).agg(children_sum=("value", "sum"), children_given=("metric", "count"),
                                                      observed_facts=("fact_index", list))
    parents = counts[["file_sha256", "scope", "applicant", "metric", "value", "fact_index"]].rename(
        columns={"metric": "parent", "value": "parent_value", "fact_index": "expected_facts"})
    frame = sums.merge(parents, on=keys).merge(share_sums(stated).drop(columns="observed_facts"), on=keys, how="left")
    exhaustive = frame["children_given"] >= frame["parent"].map(EXHAUSTIVE_PARENTS).fillna(float("inf"))
    shares_make_100 = (frame["share_sum"] - 100).abs() <= SHARE_TOLERANCE
    frame["complete"] = exhaustive | shares_make_100.fillna(False)
    frame["difference"] = frame["children_sum"] - frame["parent_value"]
    return frame


def share_ratio_frame(stated: pd.DataFrame) -> pd.DataFrame:
    """Each stated share beside part / parent computed from the stated counts."""
    keys = ["file_sha256", "scope", "applicant"]
    counts = _counts(stated)
    # expected = part / parent: their facts; observed = the share as stated
    parts = counts[keys + ["metric", "value", "fact_index"]].rename(
        columns={"metric": "base", "value": "part_value", "fact_index": "expected_facts_part"})
    parents = counts[keys + ["metric", "value", "fact_index"]].rename(
        columns={"metric": "parent", "value": "parent_value", "fact_index": "expected_facts_parent"})
    shares = _shares(stated).rename(columns={"fact_index": "observed_facts"})
    frame = shares.merge(parts, on=keys + ["base"]).merge(parents, on=keys + ["parent"])
    frame = frame[frame["parent_value"] > 0]
    frame = frame.assign(computed_share=(frame["part_value"] / frame["parent_value"] * 100).round(4))
    return frame.assign(share_error=frame["value"] - frame["computed_share"])


def _identity(values: pd.DataFrame, printed: pd.DataFrame, facts: pd.DataFrame, name: str | pd.Series, total: str,
              parts: tuple[str, ...] | list[str], total_facts: tuple[str, ...] = ()) -> pd.DataFrame:
    """expected = the stated total, observed = the sum of its printed parts, per row.

    ``values`` holds the cell values (NaN for a blank or dash cell), ``printed`` whether the
    report prints that cell at all: a row the format does not have (the 2021 rows of （六） in a
    2019 report) is not a blank, ``facts`` the cell's fact_index. Rows whose total is not
    printed are left out. ``total_facts``: the cells a computed total is made of."""
    parts = [column for column in parts if column in values.columns]
    if total not in values.columns or not parts:
        return pd.DataFrame()
    part_printed = printed[parts].fillna(False).astype(bool)
    total_printed = printed[total].fillna(False).astype(bool)
    blank_cells = (part_printed & values[parts].isna()).sum(axis=1) + (total_printed & values[total].isna())
    frame = pd.DataFrame({
        "file_sha256": values["file_sha256"], "applicant": values["applicant"], "identity": name,
        "expected": values[total], "observed": values[parts].where(part_printed).sum(axis=1, min_count=1),
        "blank_cells": blank_cells,
    })
    # one column per cell (the lists are made for the few rows that become findings)
    for cell in total_facts or (total,):
        frame[f"expected_facts:{cell}"] = facts[cell]
    for cell in parts:
        frame[f"observed_facts:{cell}"] = facts[cell].where(part_printed[cell])
    return frame[total_printed & part_printed.any(axis=1)]


def _pivot(cells: pd.DataFrame, index: list[str], columns: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(values, printed, fact indexes) of table cells: one row per index, one column per
    ``columns`` value."""
    values = cells.pivot_table(index=index, columns=columns, values="value", aggfunc="first", dropna=False)
    printed = cells.assign(one=1).pivot_table(index=index, columns=columns, values="one", aggfunc="count") > 0
    printed = printed.reindex_like(values).fillna(False)
    facts = cells.pivot_table(index=index, columns=columns, values="fact_index", aggfunc="first").reindex_like(values)
    return values.reset_index(), printed.reset_index(), facts.reset_index()


def table_identity_frame(mentions: pd.DataFrame) -> pd.DataFrame:
    """Every identity the tables print or imply, per report and applicant column. ``mentions``
    are the first mention of each cell, blank and dash cells included (value NaN)."""
    table = mentions[mentions["metric"].str.match(r"t[34]_")]
    frames = []
    if not table.empty:
        values, printed, facts = _pivot(table, ["file_sha256", "applicant"], "metric")
        if {"t3_new_received", "t3_carried_over_in"} <= set(values.columns):
            # 一 + 二 = （七）总计 + 四, printed in the table's own header
            values = values.assign(t3_inflow=values["t3_new_received"] + values["t3_carried_over_in"])
            printed = printed.assign(t3_inflow=printed["t3_new_received"] & printed["t3_carried_over_in"])
            frames.append(_identity(values, printed, facts, "t3_column_balance", "t3_inflow",
                                    ["t3_handled_total", "t3_carried_over_out"],
                                    total_facts=("t3_new_received", "t3_carried_over_in")))
        frames.append(_identity(values, printed, facts, "t3_handled_total_is_sum_of_outcomes", "t3_handled_total",
                                T3_OUTCOME_ROWS))
        for block in T4_BLOCKS:
            frames.append(_identity(values, printed, facts, f"{block}_block_sum", f"{block}_total",
                                    [f"{block}_{part}" for part in T4_PARTS]))
        table3 = table[table["metric"].str.startswith("t3_") & (table["applicant"] != "")]
        if not table3.empty:
            # every row: 总计 = 自然人 + the five 法人或其他组织 columns
            values, printed, facts = _pivot(table3, ["file_sha256", "metric"], "applicant")
            values = values.assign(applicant="total")
            frames.append(_identity(values, printed, facts, values["metric"] + ":row_total", "total", APPLICANT_COLUMNS))
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=["file_sha256", "applicant", "identity", "expected", "observed", "blank_cells", "difference"])
    frame = pd.concat(frames, ignore_index=True)
    return frame.assign(difference=frame["observed"] - frame["expected"])


def narrative_table_frame(stated: pd.DataFrame) -> pd.DataFrame:
    """A count the narrative states (first mention per scope) beside the table cells for it."""
    frames = []
    for narrative_metric, table_metrics in NARRATIVE_VS_TABLE:
        narrative = stated[stated["metric"] == narrative_metric][["file_sha256", "scope", "value", "fact_index"]]
        cells = stated[stated["metric"].isin(table_metrics) & stated["applicant"].isin(["", "total"])]
        table_sums = cells.groupby("file_sha256", as_index=False).agg(
            table_value=("value", "sum"), cells=("value", "count"), expected_facts=("fact_index", list))
        table_sums = table_sums[table_sums["cells"] == len(table_metrics)]
        frames.append(narrative.rename(columns={"value": "narrative_value", "fact_index": "observed_facts"})
                      .merge(table_sums, on="file_sha256")
                      .assign(metric=narrative_metric))
    frame = pd.concat(frames, ignore_index=True)
    return frame.assign(difference=frame["narrative_value"] - frame["table_value"])


# --- great-expectations ---------------------------------------------------------------------

class Validator:
    """One ephemeral GX context with a pandas datasource; validates frames one at a time."""

    def __init__(self) -> None:
        import great_expectations as gx  # heavy: imported when checks run, not when Dagster loads

        self.expectations = gx.expectations
        context = gx.get_context(mode="ephemeral")
        try:
            from great_expectations.data_context.types.base import ProgressBarsConfig

            context.variables.progress_bars = ProgressBarsConfig(globally=False)
        except (ImportError, AttributeError):
            pass
        self.batch_definition = (
            context.data_sources.add_pandas("ogi_frames").add_dataframe_asset("frame")
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


@dataclass(frozen=True)
class Rule:
    name: str  # its words (what it verifies, what expected and observed mean): CHECK_WORDS_CSV
    severity: str
    frame: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame]  # (first mentions, documents) → rows to check
    expectation: Callable[[object], object]  # gx.expectations module → expectation
    group: str | None  # column naming what was checked (metric, identity, ...)
    expected: str | None
    observed: str | None
    message: Callable[[pd.Series], str]


def _between(column: str, low: float | None = None, high: float | None = None):
    return lambda expect: expect.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=high)


def _year_rule(this_year: int) -> Rule:
    return Rule(
        "report_year_in_range", ERROR,
        lambda mentions, documents: documents, _between("report_year", FIRST_REPORT_YEAR, this_year),
        None, None, "report_year", lambda row: f"report year {row['report_year']}")


def rules(this_year: int | None = None) -> list[Rule]:
    return [
        Rule("parts_do_not_exceed_total", WARNING,
             lambda mentions, documents: breakdown_frame(_stated(mentions)),
             lambda expect: expect.ExpectColumnPairValuesAToBeGreaterThanB(column_A="parent_value", column_B="children_sum", or_equal=True),
             "parent", "parent_value", "children_sum",
             lambda row: f"{row['parent']}: parts sum to {row['children_sum']:g} > stated {row['parent_value']:g}"),
        # Parts above the total are the rule above's finding; this one is about lists that fall short.
        Rule("complete_breakdown_sums_to_total", WARNING,
             lambda mentions, documents: (lambda frame: frame[frame["complete"] & (frame["difference"] <= 0)])(breakdown_frame(_stated(mentions))),
             _between("difference", -EXACT, EXACT), "parent", "parent_value", "children_sum",
             lambda row: f"{row['parent']}: {int(row['children_given'])} parts sum to {row['children_sum']:g}, stated total {row['parent_value']:g}"),
        Rule("shares_sum_to_at_most_100", WARNING,
             lambda mentions, documents: share_sums(_stated(mentions)).assign(expected_sum=100.0),
             _between("share_sum", None, 100 + SHARE_TOLERANCE), "parent", "expected_sum", "share_sum",
             lambda row: f"shares of {row['parent']} sum to {row['share_sum']:g}%"),
        Rule("share_matches_part_over_total", WARNING,
             lambda mentions, documents: share_ratio_frame(_stated(mentions)),
             _between("share_error", -RATIO_TOLERANCE, RATIO_TOLERANCE), "metric", "computed_share", "value",
             lambda row: f"{row['metric']} stated {row['value']:g}% but {row['part_value']:g}/{row['parent_value']:g} = {row['computed_share']:g}%"),
        Rule("table_identities_hold", WARNING,
             lambda mentions, documents: (lambda frame: frame[frame["blank_cells"] == 0])(table_identity_frame(mentions)),
             _between("difference", -EXACT, EXACT), "identity", "expected", "observed",
             lambda row: f"{row['identity']} [{row['applicant']}]: parts {row['observed']:g} vs stated {row['expected']:g}"),
        Rule("table_identity_cells_printed", WARNING,
             lambda mentions, documents: table_identity_frame(mentions), _between("blank_cells", None, 0),
             "identity", None, "blank_cells",
             lambda row: f"{row['identity']} [{row['applicant']}]: {int(row['blank_cells'])} blank cell(s)"),
        Rule("narrative_matches_table", WARNING,
             lambda mentions, documents: narrative_table_frame(_stated(mentions)), _between("difference", -EXACT, EXACT),
             "metric", "table_value", "narrative_value",
             lambda row: f"{row['metric']}: narrative {row['narrative_value']:g}, table {row['table_value']:g}"),
        Rule("values_not_negative", ERROR,
             lambda mentions, documents: _each_fact(_stated(mentions)), _between("value", 0, None), "metric", None, "value",
             lambda row: f"{row['metric']} = {row['value']:g}"),
        Rule("values_plausible", ERROR,
             lambda mentions, documents: _each_fact(_beyond_ceiling(_stated(mentions))), _between("excess", None, 0),
             "metric", "plausible_max", "value",
             lambda row: f"{row['metric']} = {row['value']:g}, above the plausible {row['plausible_max']:g}"),
        Rule("counts_are_whole_numbers", ERROR,
             lambda mentions, documents: _each_fact(_fractional_parts(_stated(mentions))),
             _between("fraction", 0, 0), "metric", None, "value", lambda row: f"{row['metric']} = {row['value']:g}"),
        _year_rule(this_year or date.today().year),
        Rule("report_has_jurisdiction", ERROR,
             lambda mentions, documents: documents,
             lambda expect: expect.ExpectColumnValuesToNotBeNull(column="jurisdiction_code"),
             None, None, None, lambda row: "no jurisdiction code found"),
        Rule("report_has_year", ERROR,
             lambda mentions, documents: documents,
             lambda expect: expect.ExpectColumnValuesToNotBeNull(column="report_year"),
             None, None, None, lambda row: "no report year found"),
    ]


@lru_cache(maxsize=1)
def check_words() -> dict[str, dict[str, str]]:
    """Per check name (the rules' and the extraction notes' kinds): its row of CHECK_WORDS_CSV."""
    with CHECK_WORDS_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["check_name"]: row for row in csv.DictReader(handle)}


# (a rule without words fails here, at import, as a check without a seed row fails dbt's tests)
CHECK_DESCRIPTIONS = {rule.name: check_words()[rule.name]["description_en"] for rule in rules(2000)}


def run_consistency_checks(facts: pd.DataFrame, documents: pd.DataFrame, this_year: int | None = None,
                           validator: Validator | None = None) -> list[CheckOutcome]:
    """Every rule over the given facts (columns FACT_COLUMNS of staging.facts) and documents."""
    validator = validator or Validator()
    mentions = _first_mentions(facts.reindex(columns=FACT_COLUMNS))
    documents = documents.reindex(columns=DOCUMENT_COLUMNS)
    outcomes = []
    for rule in rules(this_year):
        checked = rule.frame(mentions, documents)
        unexpected = validator.unexpected_rows(checked, rule.expectation(validator.expectations))
        outcomes.append(CheckOutcome(rule.name, rule.severity, len(checked), _findings(rule, unexpected)))
    return outcomes


def _is_present(value) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and value != value)


def _fact_indexes(row: dict, columns: list[str]) -> list[int]:
    """The fact indexes in the row's ``columns`` (each a fact index or a list of them), in the
    order of the report (none: a check of the document, or a value that is a constant such as
    100%)."""
    indexes: set[int] = set()
    for column in columns:
        value = row[column]
        if isinstance(value, list):
            indexes.update(int(index) for index in value if _is_present(index))
        elif _is_present(value):
            indexes.add(int(value))
    return sorted(indexes)


def _findings(rule: Rule, rows: pd.DataFrame) -> pd.DataFrame:
    # (the columns naming facts, found once per rule: a finding's row has dozens of columns, and
    # looking through them per row was a quarter of the checks' time at 20,000 reports)
    expected_columns = [column for column in rows.columns if column.startswith("expected_facts")]
    observed_columns = [column for column in rows.columns if column.startswith("observed_facts")]
    return pd.DataFrame([
        {
            "check_name": rule.name,
            "file_sha256": row["file_sha256"],
            "metric_group": row[rule.group] if rule.group else None,
            "scope": row.get("scope"),
            "expected": float(row[rule.expected]) if rule.expected and pd.notna(row[rule.expected]) else None,
            "observed": float(row[rule.observed]) if rule.observed and pd.notna(row[rule.observed]) else None,
            "severity": rule.severity,
            "message": rule.message(row),
            "expected_fact_indexes": _fact_indexes(row, expected_columns) or None,
            "observed_fact_indexes": _fact_indexes(row, observed_columns) or None,
        }
        # (records, not iterrows: a Series per row cost half the checks' time)
        for row in rows.to_dict("records")
    ], columns=FINDING_COLUMNS)
