"""From the bytes of one file to a report and its facts: the one path every caller uses
(the `ogi` command line, the Dagster assets, the tests).

Two steps, each with its own version, because the warehouse stores the first step's result:
``read_report`` (bytes → document, metadata, jurisdiction; ``reader_version``) and
``extract_facts`` (document → facts; ``rules_version``). A change to the rules re-runs only the
second step.
"""
from __future__ import annotations

import hashlib
import json
from importlib import metadata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from extractors.issuer import Issuer, issuer_of
from extractors.jurisdiction import resolve_jurisdiction
from extractors.metadata import extract_metadata
from extractors.model import Block, Document, Fact, JurisdictionMatch, Note, ReportMetadata
from extractors.normalize import content_key as normalized_content_key
from extractors.normalize import to_matching
from extractors.plausibility import range_flags
from extractors.readers import UnreadableFile, read_document
from extractors.recognition import Recognition, recognize
from extractors.rules.appendix import appendix_row_spans
from extractors.rules.legacy import extract_legacy_facts
from extractors.tables import extract_table_facts

LEGACY = "legacy"
TRIAL_2019 = "trial_2019"
MIN_TABLE3_ROWS = 10  # of the 23 (trial) or 25 rows, for a report not otherwise known to have tables
# Legacy codes the standardized tables give, and the rules that infer a zero from an absence.
_TABLE_MEASURES = frozenset({"req_received", "recon_total", "lit_total"})
_ABSENCE_RULES = frozenset({"legacy.request_absent", "legacy.review_absent", "legacy.labelled_none"})


class SkippedFile(Exception):
    """A file that yields no report; ``reason`` is a short stable code for the ingest log."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ReadReport:
    document: Document
    metadata: ReportMetadata
    jurisdiction: JurisdictionMatch | None
    issuer: Issuer
    recognition: Recognition  # why the file was taken for a report

    @property
    def place_name(self) -> str | None:
        """The jurisdiction's name: as resolved, else as printed."""
        return self.jurisdiction.name if self.jurisdiction else self.metadata.jurisdiction_name


# What each stored result depends on. A change here makes the stored results stale, so the
# warehouse redoes that step (and only that step) on its next run.
_READER_CODE = ("readers", "normalize.py", "metadata.py", "jurisdiction.py", "model.py", "recognition.py",
                "issuer.py", "rules/sections.py")
_READER_LIBRARIES = ("beautifulsoup4", "lxml", "charset-normalizer", "opencc-python-reimplemented",
                     "cpca", "pdfplumber", "python-docx")
_RULES_CODE = ("rules", "tables", "numbers.py", "metrics.py", "data", "model.py", "issuer.py", "per_document.py",
               "plausibility.py")
_RULES_LIBRARIES = ("cn2an",)


def _digest(parts: tuple[str, ...], libraries: tuple[str, ...]) -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for part in parts:
        root = package / part
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.suffix in (".py", ".csv", ".json") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(package)).encode())
                digest.update(path.read_bytes())
    for library in libraries:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}: absent".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Version of bytes → document, metadata and jurisdiction (the documents stage)."""
    return _digest(_READER_CODE, _READER_LIBRARIES)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Version of document → facts (the facts stage)."""
    return _digest(_RULES_CODE, _RULES_LIBRARIES)


def read_report(data: bytes, file_name: str) -> ReadReport:
    try:
        document = read_document(data, file_name)
    except UnreadableFile as error:
        raise SkippedFile(error.reason, error.detail) from error
    recognition = recognize(document)
    if not recognition.is_report:
        raise SkippedFile(recognition.reason, recognition.detail)
    metadata = extract_metadata(document)
    issuer = issuer_of(document, metadata)
    # The title names the jurisdiction best; a report whose title names no place (a township's,
    # a page cut by an archive) may still name it in its issuer or signature (遂溪县建新镇人民政府).
    # Only when no name does are the text's headings and most frequent place asked.
    title = to_matching(metadata.title) if metadata.title else None
    jurisdiction = resolve_jurisdiction(title, document.matching, title_only=True) if title else None
    for name in (issuer.name, metadata.issuing_body, metadata.jurisdiction_name):
        if jurisdiction is None and name and (match := resolve_jurisdiction(
                to_matching(name), document.matching, title_only=True)):
            jurisdiction = replace(match, method=match.method.replace("title", "issuer", 1))
    if jurisdiction is None:
        jurisdiction = resolve_jurisdiction(title, document.matching)
    return ReadReport(document, metadata, jurisdiction, issuer, recognition)


def extract_facts(document: Document, era: str, place_name: str | None = None,
                  issuer: Issuer | None = None, report_year: int | None = None,
                  notes: list[Note] | None = None) -> list[Fact]:
    """The free-text rules over the narrative of every report (a standardized report's 总体情况
    restates counts that a check compares with its tables), and the three tables wherever they
    are found: a 2019/2020 report whose table wording was not recognised is still read as the
    trial format, its tables' shape decides. Every fact carries the format it was read under.
    ``place_name``, ``issuer`` and ``report_year`` (ReadReport) spare the rules finding them again.
    What was seen but could not be read (an unreadable table row) is told in ``notes``."""
    facts = [in_format(fact, LEGACY) for fact in extract_legacy_facts(document, place_name, issuer, report_year, notes)]
    if era != LEGACY:
        # A standardized report's tables say how many requests and reviews there were; a zero
        # inferred from its prose (未发生行政复议) would stand beside a table that says 3, or in
        # place of a table that could not be read. Printed numbers in the prose stay.
        facts = [fact for fact in facts if not (fact.metric in _TABLE_MEASURES and fact.rule in _ABSENCE_RULES)]
    table_era = TRIAL_2019 if era == LEGACY else era
    table_notes: list[Note] = []
    table_facts = _outside_appendix(document, extract_table_facts(document, table_era, table_notes), table_notes)
    if era == LEGACY and len({fact.metric for fact in table_facts if fact.metric.startswith("t3_")}) < MIN_TABLE3_ROWS:
        # Without a recognisable table 三 a "legacy" report has no standardized tables: numbers
        # that merely follow a 行政复议 heading are not table 四.
        table_facts = table_notes = []
    facts += [in_format(fact, table_era) for fact in table_facts]
    if notes is not None:
        notes.extend(table_notes)
    return [_range_flagged(fact) for fact in facts]


def _range_flagged(fact: Fact) -> Fact:
    """The fact, flagged when its value is negative or beyond its metric's plausible size
    (``plausibility.py``): such a value is kept as printed, never dropped or corrected; the
    flag keeps it out of the marts' series and the checks report it."""
    flags = range_flags(fact.metric, fact.value)
    if not flags or set(flags) <= set(fact.flags):
        return fact
    return replace(fact, flags=(*fact.flags, *flags))


def in_format(fact: Fact, format_version: str) -> Fact:
    """``dataclasses.replace(fact, format_version=format_version)``, without its per-call field
    walk (a report has hundreds of facts): the same fields, the format set."""
    copy = object.__new__(Fact)
    copy.__dict__.update(fact.__dict__)
    copy.__dict__["format_version"] = format_version
    return copy


def report_facts(report: ReadReport, notes: list[Note] | None = None) -> list[Fact]:
    """``extract_facts`` of a report just read, with what its reading found (era, place, issuer, year)."""
    return extract_facts(report.document, report.metadata.era, report.place_name, report.issuer,
                         report.metadata.report_year, notes)


def _outside_appendix(document: Document, table_facts: list[Fact], notes: list[Note]) -> list[Fact]:
    """Table facts, less any table (二, 三 or 四) that read a cell of a legacy statistics table
    (附表, read by the legacy rules): a positional read of the wrong table is no table fact, and
    the rows it could not read (``notes``, pruned in place) are no table's rows either."""
    if not table_facts:
        return table_facts
    spans = appendix_row_spans(document)
    if not spans:
        return table_facts
    claimed = {fact.metric.split("_", 1)[0] for fact in table_facts
               if any(start <= fact.start and fact.end <= end for start, end in spans)}
    dropped = [fact for fact in table_facts if fact.metric.split("_", 1)[0] in claimed]
    if dropped:
        first, last = min(fact.start for fact in dropped), max(fact.end for fact in dropped)
        spans = [*spans, (first, last)]
    notes[:] = [note for note in notes if not any(start <= note.start and note.end <= end for start, end in spans)]
    return [fact for fact in table_facts if fact.metric.split("_", 1)[0] not in claimed]


def content_key(document: Document) -> str:
    """The identity of a report's content, whatever file carries it (``normalize.content_key``
    of its simplified twin): the warehouse counts a report saved in several files once."""
    return normalized_content_key(document.matching)


def blocks_to_json(blocks: list[Block]) -> str:
    return json.dumps([[block.kind, block.start, block.end, [list(cell) for cell in block.cells]] for block in blocks],
                      separators=(",", ":"))


def removed_to_json(removed: tuple[tuple[int, str], ...]) -> str:
    return json.dumps([list(item) for item in removed], ensure_ascii=False, separators=(",", ":"))


def document_from_stored(text: str, blocks_json: str, media_type: str = "text/plain",
                         encoding: str = "utf-8", removed_json: str | None = None) -> Document:
    """Rebuild a document from what the warehouse keeps (text, block offsets, what the reader
    took out of the text)."""
    blocks = [Block(kind, start, end, tuple(tuple(cell) for cell in cells))
              for kind, start, end, cells in json.loads(blocks_json)]
    removed = tuple((offset, string) for offset, string in json.loads(removed_json or "[]"))
    return Document(text=text, matching=to_matching(text), blocks=blocks, media_type=media_type, encoding=encoding,
                    removed=removed)
