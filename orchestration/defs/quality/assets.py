"""Consistency checks: great-expectations rules over the facts, surfaced as Dagster asset
checks and written to staging.check_results for BI users."""
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetExecutionContext, MaterializeResult, MetadataValue, asset,
)
from dagster_duckdb import DuckDBResource

from orchestration.defs.quality.consistency import ERROR, run_consistency_checks
from orchestration.settings import WAREHOUSE_POOL
from orchestration.staging_keys import CHECK_RESULTS, DOCUMENTS, FACTS
from orchestration.warehouse import SCHEMA_SQL, append_rows, transaction, utc_now

CHECKS = {
    "parts_do_not_exceed_total": "The parts of a breakdown add up to no more than the stated total.",
    "complete_breakdown_sums_to_total": "A breakdown given in full (channels, review results) adds up to its total.",
    "shares_sum_to_at_most_100": "The shares of one breakdown add up to 100 or less, within rounding.",
    "share_matches_part_over_total": "A stated share equals part / total within 0.1 points.",
    "table_identities_hold": "Table 三 column balance 一+二 = （七）+四, row totals, （七）总计 = its outcome rows, table 四 blocks.",
    "table_identity_cells_printed": "The cells of a table identity are printed (a blank cell is not a zero).",
    "narrative_matches_table": "A count restated in the narrative (总体情况) equals the table.",
    "values_not_negative": "No value is negative.",
    "counts_are_whole_numbers": "Counts are whole numbers; fees in 万元 and shares may be decimal.",
    "report_year_in_range": "The report year is between 2008 and this year.",
    "report_has_jurisdiction": "Every report has a jurisdiction code.",
    "report_has_year": "Every report has a report year.",
}
MAX_ROWS_IN_METADATA = 50


@asset(
    key=CHECK_RESULTS, deps=[FACTS, DOCUMENTS], group_name="quality", pool=WAREHOUSE_POOL,
    description="Findings of the consistency checks: which report breaks which rule, expected vs observed.",
    check_specs=[AssetCheckSpec(name, asset=CHECK_RESULTS, description=text, blocking=False) for name, text in CHECKS.items()],
)
def check_results(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    with warehouse.get_connection() as connection:
        connection.execute(SCHEMA_SQL)
        facts = connection.execute(
            "select file_sha256, fact_index, metric, applicant, scope, value, flags from staging.facts").df()
        documents = connection.execute(
            "select file_sha256, file_name, report_year, jurisdiction_code from staging.documents").df()
        outcomes = run_consistency_checks(facts, documents)
        now = utc_now()
        with transaction(connection):
            connection.execute("delete from staging.check_results")
            for outcome in outcomes:
                append_rows(connection, "staging.check_results", outcome.findings.assign(checked_at=now))
    names = dict(zip(documents["file_sha256"], documents["file_name"]))
    results = []
    for outcome in outcomes:
        rows = outcome.findings.head(MAX_ROWS_IN_METADATA).assign(file_name=lambda f: f["file_sha256"].map(names))
        results.append(AssetCheckResult(
            check_name=outcome.check_name,
            passed=outcome.passed,
            severity=AssetCheckSeverity.ERROR if outcome.severity == ERROR else AssetCheckSeverity.WARN,
            metadata={
                "rows_checked": outcome.checked,
                "unexpected_rows": len(outcome.findings),
                "unexpected": MetadataValue.json(rows.astype(object).where(rows.notna(), None).to_dict(orient="records")),
            },
        ))
    failed = sum(len(outcome.findings) for outcome in outcomes)
    return MaterializeResult(metadata={"findings": failed}, check_results=results)
