"""Keeping staging.check_results up to date: only reports whose facts changed (or that were
checked by another version of the checks) are checked again, in batches, each batch's findings
replaced in one transaction."""
from __future__ import annotations

import pandas as pd

from orchestration.defs.extraction.stages import CURRENT_CONTENTS
from orchestration.defs.quality.consistency import (
    CHECK_DESCRIPTIONS, CHECKS_VERSION, DOCUMENT_COLUMNS, FACT_COLUMNS, Validator, run_consistency_checks,
)
from orchestration.defs.quality.evidence import EVIDENCE_FACT_COLUMNS, named_facts, with_evidence
from orchestration.warehouse import register, replace_reports, transaction, utc_now

CHECK_BATCH = 5000
MAX_ROWS_IN_METADATA = 20
# What names a report in a finding, from staging.documents.
REPORT_COLUMNS = ("file_name", "title", "jurisdiction_code", "jurisdiction_name", "report_year", "issuing_body")


def check_pending_reports(connection) -> int:
    """Recompute the findings of every current report whose facts changed or whose findings an
    earlier version of the checks computed; returns how many."""
    pending = [row[0] for row in connection.execute(
        f"""select file_sha256 from staging.extraction_state
            where read_status = 'report' and rules_version is not null
              and (not checks_current or checks_version is distinct from $version)
              and file_sha256 in ({CURRENT_CONTENTS}) order by file_sha256""",
        {"version": CHECKS_VERSION}).fetchall()]
    validator = Validator() if pending else None
    for start in range(0, len(pending), CHECK_BATCH):
        batch = pending[start:start + CHECK_BATCH]
        with register(connection, "checked_batch", pd.DataFrame({"file_sha256": batch})):
            facts = connection.execute(
                f"select {', '.join(FACT_COLUMNS)} from staging.facts "
                "where file_sha256 in (select file_sha256 from checked_batch)").df()
            documents = connection.execute(
                f"select {', '.join(DOCUMENT_COLUMNS)} from staging.documents "
                "where file_sha256 in (select file_sha256 from checked_batch)").df()
        now = utc_now()
        outcomes = run_consistency_checks(facts, documents, validator=validator)
        findings = pd.concat([outcome.findings for outcome in outcomes], ignore_index=True)
        findings = with_evidence(findings, _facts_named(connection, findings)).assign(checked_at=now)
        with transaction(connection):
            replace_reports(connection, "staging.check_results", batch, findings)
            with register(connection, "checked_batch", pd.DataFrame({"file_sha256": batch})):
                connection.execute("update staging.extraction_state set checks_current = true, checks_version = $version "
                                   "where file_sha256 in (select file_sha256 from checked_batch)",
                                   {"version": CHECKS_VERSION})
    return len(pending)


def _facts_named(connection, findings: pd.DataFrame) -> pd.DataFrame:
    """The facts the findings name, with their evidence (read for these only: a batch's every
    sentence would be most of its facts' size)."""
    with register(connection, "named_facts", named_facts(findings)):
        return connection.execute(
            f"select {', '.join('f.' + column for column in EVIDENCE_FACT_COLUMNS)} from staging.facts f "
            "join named_facts using (file_sha256, fact_index)").df()


def current_findings(connection, limit: int = MAX_ROWS_IN_METADATA) -> dict[str, tuple[int, int, list[dict]]]:
    """Per check: how many findings current reports have, in how many reports, and the first
    ``limit`` of them with the report's names (REPORT_COLUMNS) and evidence, by file name."""
    counts = {name: (findings, reports) for name, findings, reports in connection.execute(
        f"""select check_name, count(*), count(distinct file_sha256) from staging.check_results
            where file_sha256 in ({CURRENT_CONTENTS}) group by check_name""").fetchall()}
    columns = (*REPORT_COLUMNS, "metric_group", "scope", "expected", "observed", "message",
               "expected_evidence", "observed_evidence")
    report = ", ".join(f"d.{column}" for column in REPORT_COLUMNS)
    samples = connection.execute(
        f"""select r.check_name, {report}, r.metric_group, r.scope, r.expected, r.observed, r.message,
                   r.expected_evidence, r.observed_evidence
            from staging.check_results r join staging.documents d using (file_sha256)
            where r.file_sha256 in ({CURRENT_CONTENTS})
            qualify row_number() over (partition by r.check_name order by d.file_name, r.message) <= {int(limit)}
            order by r.check_name, d.file_name, r.message""").fetchall()
    by_check: dict[str, list[dict]] = {}
    for check_name, *row in samples:
        by_check.setdefault(check_name, []).append(dict(zip(columns, row)))
    return {name: (*counts.get(name, (0, 0)), by_check.get(name, [])) for name in CHECK_DESCRIPTIONS}


def _cell(value) -> str:
    """A markdown table cell: one line, no column separator."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return " / ".join(line for line in lines if line).replace("|", "\\|")


def findings_markdown(count: int, reports: int, sample: list[dict]) -> str:
    """The failing reports of one check as a markdown table (Dagster's asset check metadata):
    report file, title, jurisdiction, year, what was checked, expected, observed, difference
    and the evidence of both, then how many more are not shown."""
    if not count:
        return "No finding."
    lines = [f"{count} finding(s) in {reports} report(s).", "",
             "| report file | title | jurisdiction | year | issuing body | checked | expected | observed | difference "
             "| evidence (expected) | evidence (observed) |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for row in sample:
        difference = row["observed"] - row["expected"] if row["observed"] is not None and row["expected"] is not None else None
        jurisdiction = " ".join(str(part) for part in (row["jurisdiction_code"], row["jurisdiction_name"]) if part)
        checked = " ".join(str(part) for part in (row["metric_group"], row["scope"] and f"({row['scope']})") if part)
        lines.append("| " + " | ".join(_cell(value) for value in (
            row["file_name"], row["title"], jurisdiction, row["report_year"], row["issuing_body"],
            checked or row["message"], row["expected"], row["observed"], difference,
            row["expected_evidence"], row["observed_evidence"])) + " |")
    if count > len(sample):
        lines += ["", f"… and {count - len(sample)} more (fct_check_result lists them all)."]
    return "\n".join(lines)
