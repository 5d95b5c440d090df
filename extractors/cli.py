"""`ogi extract PATH... --format csv|jsonl`: the facts found in files or folders, printed,
without touching the warehouse. Files that yield no report are named on standard error."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator

from extractors.files import iter_paths
from extractors.pipeline import SkippedFile, extract_facts, read_report

COLUMNS = (
    "file", "metric", "applicant", "value", "unit", "qualifier", "scope", "evidence",
    "evidence_start", "evidence_end", "rule", "confidence", "flags",
    "report_year", "jurisdiction_code", "jurisdiction_name", "era", "format_version",
)


def fact_rows(name: str, data: bytes) -> Iterator[dict[str, object]]:
    report = read_report(data, name)
    for fact in extract_facts(report.document, report.metadata.era, report.place_name, report.issuer,
                              report.metadata.report_year):
        yield {
            "file": name,
            "metric": fact.metric,
            "applicant": fact.applicant,
            "value": _format_value(fact.value),
            "unit": fact.unit,
            "qualifier": fact.qualifier,
            "scope": fact.scope,
            "evidence": fact.evidence,
            "evidence_start": fact.start,
            "evidence_end": fact.end,
            "rule": fact.rule,
            "confidence": fact.confidence,
            "flags": ",".join(fact.flags),
            "report_year": report.metadata.report_year or "",
            "jurisdiction_code": report.jurisdiction.code if report.jurisdiction else "",
            "jurisdiction_name": report.place_name or "",
            "era": report.metadata.era,
            "format_version": fact.format_version,
        }


def _format_value(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ogi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the facts of report files (the warehouse is not touched)")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    arguments = parser.parse_args(argv)

    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n") if arguments.format == "csv" else None
    if writer:
        writer.writeheader()
    skipped = 0
    try:
        for path in iter_paths(arguments.paths):
            try:
                data = path.read_bytes()
            except OSError as error:
                skipped += 1
                print(f"skipped {path}: unreadable_path: {error}", file=sys.stderr)
                continue
            try:
                rows = list(fact_rows(path.name, data))
            except SkippedFile as skip:
                skipped += 1
                print(f"skipped {path}: {skip}", file=sys.stderr)
                continue
            for row in rows:
                if writer:
                    writer.writerow(row)
                else:
                    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    except BrokenPipeError:
        # The reader of our output went away (| head): stop quietly, as Unix tools do.
        sys.stderr.close()
        return 0
    if skipped:
        print(f"{skipped} file(s) skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
