"""Keeping staging.check_results up to date: only reports whose facts changed are checked
again, in batches, each batch's findings replaced in one transaction."""
from __future__ import annotations

import pandas as pd

from orchestration.defs.extraction.stages import CURRENT_CONTENTS
from orchestration.defs.quality.consistency import (
    CHECK_DESCRIPTIONS, DOCUMENT_COLUMNS, FACT_COLUMNS, Validator, run_consistency_checks,
)
from orchestration.warehouse import register, replace_reports, transaction, utc_now

CHECK_BATCH = 5000
MAX_ROWS_IN_METADATA = 50


def check_pending_reports(connection) -> int:
    """Recompute the findings of every current report whose facts changed; returns how many."""
    pending = [row[0] for row in connection.execute(
        f"""select file_sha256 from staging.extraction_state
            where read_status = 'report' and rules_version is not null and not checks_current
              and file_sha256 in ({CURRENT_CONTENTS}) order by file_sha256""").fetchall()]
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
        with transaction(connection):
            replace_reports(connection, "staging.check_results", batch, pd.concat(
                [outcome.findings for outcome in outcomes], ignore_index=True).assign(checked_at=now))
            with register(connection, "checked_batch", pd.DataFrame({"file_sha256": batch})):
                connection.execute("update staging.extraction_state set checks_current = true "
                                   "where file_sha256 in (select file_sha256 from checked_batch)")
    return len(pending)


def current_findings(connection) -> dict[str, tuple[int, list[dict]]]:
    """Per check: how many findings current reports have, and a sample of them."""
    counts = dict(connection.execute(
        f"""select check_name, count(*) from staging.check_results
            where file_sha256 in ({CURRENT_CONTENTS}) group by check_name""").fetchall())
    samples = connection.execute(
        f"""select check_name, d.file_name, r.metric_group, r.scope, r.expected, r.observed, r.message
            from staging.check_results r join staging.documents d using (file_sha256)
            where r.file_sha256 in ({CURRENT_CONTENTS})
            qualify row_number() over (partition by check_name order by d.file_name) <= {MAX_ROWS_IN_METADATA}""").fetchall()
    by_check: dict[str, list[dict]] = {}
    for check_name, *row in samples:
        by_check.setdefault(check_name, []).append(dict(zip(
            ("file_name", "metric_group", "scope", "expected", "observed", "message"), row)))
    return {name: (counts.get(name, 0), by_check.get(name, [])) for name in CHECK_DESCRIPTIONS}


