"""`ogi extract PATH... --format csv|jsonl`: the facts found in files or folders, printed,
without touching the warehouse. Files that yield no report are named on standard error."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator

from extractors.pipeline import SkippedFile, extract_facts, read_report

COLUMNS = (
    "file", "metric", "applicant", "value", "unit", "qualifier", "scope", "evidence",
    "evidence_start", "evidence_end", "rule", "confidence", "flags",
    "report_year", "jurisdiction_code", "jurisdiction_name", "era",
)


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Every file under the given paths, folders searched recursively, in a stable order."""
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, names in os.walk(path):
                subfolders.sort()
                for name in sorted(names):
                    yield os.path.join(folder, name)
        else:
            yield path


def fact_rows(path: str) -> Iterator[dict[str, object]]:
    with open(path, "rb") as handle:
        data = handle.read()
    name = os.path.basename(path)
    report = read_report(data, name)
    for fact in extract_facts(report.document):
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
            "jurisdiction_name": report.jurisdiction.name if report.jurisdiction else (report.metadata.jurisdiction_name or ""),
            "era": report.metadata.era,
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
    for path in iter_files(arguments.paths):
        try:
            for row in fact_rows(path):
                if writer:
                    writer.writerow(row)
                else:
                    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        except SkippedFile as skip:
            skipped += 1
            print(f"skipped {path}: {skip}", file=sys.stderr)
        except OSError as error:
            skipped += 1
            print(f"skipped {path}: unreadable_path: {error}", file=sys.stderr)
    if skipped:
        print(f"{skipped} file(s) skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
