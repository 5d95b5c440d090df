"""One screen after `make run`: where the warehouse is, and what is in it (current inbox
contents; earlier versions of changed files stay in the warehouse but are not counted)."""
from __future__ import annotations

import sys

from orchestration.defs.extraction.stages import CURRENT_CONTENTS
from orchestration.defs.publish.snapshot import describe_published
from orchestration.settings import inbox_path, published_path, warehouse_path
from orchestration.warehouse import connect

FINDING_EXAMPLES = 3  # findings shown per check


def main() -> int:
    path = warehouse_path()
    if not path.exists():
        print(f"no warehouse at {path}", file=sys.stderr)
        return 1
    with connect(path, read_only=True) as connection:
        def scalar(sql: str) -> int:
            return connection.execute(sql).fetchone()[0]

        current = f"file_sha256 in ({CURRENT_CONTENTS})"
        print(f"warehouse: {path}")
        print(f"inbox:     {inbox_path()}")
        print(f"published: {describe_published(published_path())}")
        print(f"files:            {scalar('select count(*) from staging.source_files where is_current')} current paths, "
              f"{scalar('select count(*) from staging.raw_files')} distinct contents kept")
        print(f"reports:          {scalar(f'select count(*) from staging.documents where {current}')}")
        skipped = connection.execute(
            f"select skip_reason, count(*) from staging.extraction_state "
            f"where read_status = 'skipped' and {current} group by 1 order by 2 desc").fetchall()
        unreadable = scalar("select count(distinct source_path) from staging.ingest_log "
                            "where stage = 'ingest' and reason = 'unreadable_path'")
        skipped += [("unreadable_path", unreadable)] if unreadable else []
        print(f"skipped files:    {sum(count for _, count in skipped)}"
              + ("  (" + ", ".join(f"{reason}: {count}" for reason, count in skipped) + ")" if skipped else ""))
        print(f"facts:            {scalar(f'select count(*) from staging.facts where {current}')}")
        # A report the rules failed on has no facts: said here, never left to the log alone.
        rules_failed = scalar(
            f"select count(*) from (select file_sha256 from staging.ingest_log where stage = 'facts' and {current} "
            f"group by file_sha256 having arg_max(coalesce(reason, ''), logged_at) = 'rules_error')")
        if rules_failed:
            print(f"reports without facts: {rules_failed} (the rules failed on them, a bug in ogi-warehouse: "
                  "staging.ingest_log, reason rules_error, has the error)")
        checks = connection.execute(
            f"select check_name, severity, count(*), count(distinct file_sha256) from staging.check_results "
            f"where {current} group by 1, 2 order by 1").fetchall()
        print(f"checks failed:    {sum(row[2] for row in checks)} findings")
        for name, severity, findings, reports in checks:
            print(f"  {name} ({severity}): {findings} in {reports} report(s)")
            for line in finding_examples(connection, name):
                print(f"    {line}")
        marts = connection.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()
        print("star schema:      " + (", ".join(name for (name,) in marts) if marts else "not built"))
    return 0


def finding_examples(connection, check_name: str, limit: int = FINDING_EXAMPLES) -> list[str]:
    """The first findings of a check, one line each: file, jurisdiction, year, message (the
    evidence and the check's words are in fct_check_result)."""
    rows = connection.execute(
        f"""select d.file_name, concat_ws(' ', d.jurisdiction_code, d.jurisdiction_name), d.report_year, r.message
            from staging.check_results r join staging.documents d using (file_sha256)
            where r.check_name = ? and r.file_sha256 in ({CURRENT_CONTENTS})
            order by d.file_name, r.message limit {int(limit)}""", [check_name]).fetchall()
    return [f"{name}, {jurisdiction or 'jurisdiction unknown'}, {year or 'year unknown'}: {message}"
            for name, jurisdiction, year, message in rows]


if __name__ == "__main__":
    sys.exit(main())
