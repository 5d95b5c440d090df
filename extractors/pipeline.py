"""From the bytes of one file to a report and its facts: the one path every caller uses
(the `ogi` command line, the Dagster assets, the tests).

Two steps, because the warehouse stores the first step's result and re-runs only the second
when the rules change: ``read_report`` (bytes → document, metadata, jurisdiction) and
``extract_facts`` (document → facts).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.jurisdiction import resolve_jurisdiction
from extractors.metadata import extract_metadata, looks_like_report
from extractors.model import Block, Document, Fact, JurisdictionMatch, ReportMetadata
from extractors.normalize import to_matching
from extractors.readers import UnreadableFile, read_document
from extractors.rules.legacy import extract_legacy_facts

NOT_A_REPORT = "not_a_report"


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


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the extraction code and data: when a rule changes, stored results are stale
    and the warehouse re-extracts; when nothing changed, nothing is redone."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_report(data: bytes, file_name: str) -> ReadReport:
    try:
        document = read_document(data, file_name)
    except UnreadableFile as error:
        raise SkippedFile(error.reason, error.detail) from error
    metadata = extract_metadata(document)
    if not looks_like_report(document, metadata):
        raise SkippedFile(NOT_A_REPORT, "no government information disclosure report vocabulary")
    title = to_matching(metadata.title) if metadata.title else None
    jurisdiction = resolve_jurisdiction(title, document.matching)
    return ReadReport(document, metadata, jurisdiction)


def extract_facts(document: Document) -> list[Fact]:
    return extract_legacy_facts(document)


def blocks_to_json(blocks: list[Block]) -> str:
    return json.dumps([[block.kind, block.start, block.end, [list(cell) for cell in block.cells]] for block in blocks],
                      separators=(",", ":"))


def document_from_stored(text: str, blocks_json: str, media_type: str = "text/plain",
                         encoding: str = "utf-8") -> Document:
    """Rebuild a document from what the warehouse keeps (verbatim text and block offsets)."""
    blocks = [Block(kind, start, end, tuple(tuple(cell) for cell in cells))
              for kind, start, end, cells in json.loads(blocks_json)]
    return Document(text=text, matching=to_matching(text), blocks=blocks, media_type=media_type, encoding=encoding)
