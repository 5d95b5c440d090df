"""`ogi extract PATH... --format csv|jsonl [--verbose] [--progress|--no-progress]`: the facts
found in files or folders, printed, without touching the warehouse. In JSONL the numbers
(value, evidence_start, evidence_end, confidence, report_year) are JSON numbers, null when
missing. On standard error: every file that yields no report, with the reason; every table row
that could not be read (note); with --verbose, why each file was taken for a report; a progress
bar on a terminal for more than 50 files (extractors/progress.py). Exit status 2 when a path named
does not exist, 1 when no file yielded a report (every file skipped), else 0 (the facts found are
printed either way).

Paths are classified before they are opened (extractors/files.py): a pipe, a device, a dangling
or looping link is reported and skipped, never read."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from extractors.files import MISSING_PATH, UnreadablePath, describe_error, iter_paths, read_bytes
from extractors.model import Fact, Note
from extractors.pipeline import ReadReport, SkippedFile, read_report, report_facts
from extractors.progress import FileProgress

COLUMNS = (
    "file", "metric", "applicant", "value", "unit", "qualifier", "scope", "evidence",
    "evidence_start", "evidence_end", "rule", "confidence", "flags",
    "report_year", "jurisdiction_code", "jurisdiction_name", "era", "format_version",
)
MISSING_PATH_STATUS, NO_REPORT_STATUS = 2, 1


def read_file(name: str, data: bytes) -> tuple[ReadReport, list[Fact], list[Note]]:
    """One file's report, its facts and what could not be read (SkippedFile when no report)."""
    report = read_report(data, name)
    notes: list[Note] = []
    return report, report_facts(report, notes), notes


def fact_row(name: str, report: ReadReport, fact: Fact) -> dict[str, object]:
    """One fact, numbers as numbers and None where missing (CSV prints both as text, None empty)."""
    return {
        "file": name,
        "metric": fact.metric,
        "applicant": fact.applicant,
        "value": _whole_as_int(fact.value),
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "scope": fact.scope,
        "evidence": fact.evidence,
        "evidence_start": fact.start,
        "evidence_end": fact.end,
        "rule": fact.rule,
        "confidence": fact.confidence,
        "flags": ",".join(fact.flags),
        "report_year": report.metadata.report_year,
        "jurisdiction_code": report.jurisdiction.code if report.jurisdiction else "",
        "jurisdiction_name": report.place_name or "",
        "era": report.metadata.era,
        "format_version": fact.format_version,
    }


def _whole_as_int(value: float | None) -> int | float | None:
    """23000, not 23000.0: a count is printed as one."""
    return int(value) if value is not None and float(value).is_integer() else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ogi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="print the facts of report files (the warehouse is not touched)")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    extract.add_argument("--verbose", "-v", action="store_true",
                         help="also say on standard error why each file was taken for a report")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress on standard error: by default a bar on a terminal for more than 50 files; "
                              "--progress always (a line every 100 files when not a terminal), --no-progress never")
    arguments = parser.parse_args(argv)

    skipped = reports = missing = 0
    # Listed first: the progress needs the count (listing costs little beside reading).
    paths = list(iter_paths(arguments.paths))
    try:
        with FileProgress(len(paths), arguments.progress, sys.stderr, sys.stdout.isatty()) as progress:
            # (made once the bar shows: on one terminal with the bar, standard output goes above it)
            writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n") if arguments.format == "csv" else None
            if writer:
                writer.writeheader()
            for path in paths:
                found = extract_one(path, arguments.verbose, writer, progress)
                progress.advance(found)
                reports += found
                skipped += not found
                missing += isinstance(path, UnreadablePath) and path.reason == MISSING_PATH
    except BrokenPipeError:
        # The reader of our output went away (| head): stop quietly, as Unix tools do.
        sys.stderr.close()
        return 0
    if skipped:
        print(f"{skipped} file(s) skipped", file=sys.stderr)
    if missing:
        print(f"{missing} path(s) named do not exist", file=sys.stderr)
        return MISSING_PATH_STATUS
    if not reports:
        # A script must be able to tell "nothing found" (a folder of non-reports) from "reports
        # found": the output alone is a bare CSV header either way.
        print("no report read: check the paths and the reasons above", file=sys.stderr)
        return NO_REPORT_STATUS
    return 0


def extract_one(path: Path | UnreadablePath, verbose: bool, writer: csv.DictWriter | None, progress: FileProgress) -> bool:
    """Print one file's facts (its reasons and notes on standard error); whether it was a report."""
    if isinstance(path, UnreadablePath):  # missing, a pipe, a dangling link: never opened
        progress.say(f"skipped {path.path}: {path.reason}: {path.detail}")
        return False
    try:
        data = read_bytes(path)
    except OSError as error:
        progress.say(f"skipped {path}: unreadable_path: {describe_error(path, error)}")
        return False
    try:
        report, facts, notes = read_file(path.name, data)
    except SkippedFile as skip:
        progress.say(f"skipped {path}: {skip}")
        return False
    if verbose:
        progress.say(f"report {path}: {report.recognition.detail}")
    for note in notes:
        progress.say(f"note {path}: {note.kind}: {note.detail}")
    for row in (fact_row(path.name, report, fact) for fact in facts):
        if writer:
            writer.writerow(row)
        else:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return True


if __name__ == "__main__":
    sys.exit(main())
