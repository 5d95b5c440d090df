"""`ogi extract PATH... --format csv|jsonl [--verbose]`: the facts found in files or folders,
printed, without touching the warehouse. On standard error: every file that yields no report,
with the reason; every table row that could not be read (note); with --verbose, why each file was
taken for a report. Exit status 1 when a path named does not exist or no file yielded a report (every file
skipped), else 0 (the facts found are printed either way).

Paths are classified before they are opened (extractors/files.py): a pipe, a device, a dangling
or looping link is reported and skipped, never read."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from extractors.files import MISSING_PATH, UnreadablePath, describe_error, iter_paths, read_bytes
from extractors.model import Fact, Note
from extractors.pipeline import ReadReport, SkippedFile, read_report, report_facts

COLUMNS = (
    "file", "metric", "applicant", "value", "unit", "qualifier", "scope", "evidence",
    "evidence_start", "evidence_end", "rule", "confidence", "flags",
    "report_year", "jurisdiction_code", "jurisdiction_name", "era", "format_version",
)


def read_file(name: str, data: bytes) -> tuple[ReadReport, list[Fact], list[Note]]:
    """One file's report, its facts and what could not be read (SkippedFile when no report)."""
    report = read_report(data, name)
    notes: list[Note] = []
    return report, report_facts(report, notes), notes


def fact_row(name: str, report: ReadReport, fact: Fact) -> dict[str, object]:
    return {
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
    extract.add_argument("--verbose", "-v", action="store_true",
                         help="also say on standard error why each file was taken for a report")
    arguments = parser.parse_args(argv)

    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n") if arguments.format == "csv" else None
    if writer:
        writer.writeheader()
    skipped = reports = missing = 0
    try:
        for path in iter_paths(arguments.paths):
            if isinstance(path, UnreadablePath):  # missing, a pipe, a dangling link: never opened
                skipped += 1
                missing += path.reason == MISSING_PATH
                print(f"skipped {path.path}: {path.reason}: {path.detail}", file=sys.stderr)
                continue
            try:
                data = read_bytes(path)
            except OSError as error:
                skipped += 1
                print(f"skipped {path}: unreadable_path: {describe_error(path, error)}", file=sys.stderr)
                continue
            try:
                report, facts, notes = read_file(path.name, data)
            except SkippedFile as skip:
                skipped += 1
                print(f"skipped {path}: {skip}", file=sys.stderr)
                continue
            reports += 1
            if arguments.verbose:
                print(f"report {path}: {report.recognition.detail}", file=sys.stderr)
            for note in notes:
                print(f"note {path}: {note.kind}: {note.detail}", file=sys.stderr)
            for row in (fact_row(path.name, report, fact) for fact in facts):
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
    if missing:
        print(f"{missing} path(s) named do not exist", file=sys.stderr)
        return 1
    if not reports:
        # A script must be able to tell "nothing found" (a typo in a path, a folder of
        # non-reports) from "reports found": the output alone is a bare CSV header either way.
        print("no report read: check the paths and the reasons above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
