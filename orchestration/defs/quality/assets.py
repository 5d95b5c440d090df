"""Consistency checks: great-expectations rules over the facts, surfaced as Dagster asset
checks and written to staging.check_results for BI users.

Only reports whose facts changed since they were last checked are checked again; the asset
check results then summarise the findings of every current report in the warehouse, naming the
first failing reports (file, title, jurisdiction, year, expected, observed, evidence).
"""
from dagster import (
    AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, AssetExecutionContext, MaterializeResult, MetadataValue, asset,
)
from dagster_duckdb import DuckDBResource

from orchestration.defs.quality.consistency import CHECK_DESCRIPTIONS, ERROR, rules
from orchestration.defs.quality.findings import check_pending_reports, current_findings, findings_markdown
from orchestration.resources import staging_connection
from orchestration.settings import ASSET_OWNERS, WAREHOUSE_POOL
from orchestration.staging_keys import CHECK_RESULTS, DOCUMENTS, FACTS

@asset(
    key=CHECK_RESULTS, deps=[FACTS, DOCUMENTS], group_name="quality", pool=WAREHOUSE_POOL,
    owners=ASSET_OWNERS, kinds={"python", "duckdb", "greatexpectations"},
    description="Findings of the consistency checks: which report breaks which rule, expected vs observed.",
    check_specs=[AssetCheckSpec(name, asset=CHECK_RESULTS, description=text, blocking=False)
                 for name, text in CHECK_DESCRIPTIONS.items()],
)
def check_results(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    severities = {rule.name: rule.severity for rule in rules()}
    with staging_connection(warehouse) as connection:
        checked = check_pending_reports(connection)
        findings = current_findings(connection)
    results = [
        AssetCheckResult(
            check_name=name,
            passed=count == 0,
            severity=AssetCheckSeverity.ERROR if severities[name] == ERROR else AssetCheckSeverity.WARN,
            description=CHECK_DESCRIPTIONS[name],
            metadata={"findings": count, "reports": reports,
                      "failing_reports": MetadataValue.md(findings_markdown(count, reports, sample))},
        )
        for name, (count, reports, sample) in findings.items()
    ]
    total = sum(count for count, _, _ in findings.values())
    return MaterializeResult(metadata={"reports_checked": checked, "findings": total}, check_results=results)
