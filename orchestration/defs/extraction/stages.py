"""The two extraction stages over the warehouse: raw bytes → documents, documents → facts.

Each stage works only on what is pending for the current extractor version, in batches; a
batch's rows for a report are replaced in one transaction, so an interrupted run leaves either
the old rows or the new ones, never half a report.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from extractors.pipeline import (
    ReadReport, SkippedFile, blocks_to_json, document_from_stored, extract_facts, read_report,
)
from orchestration.warehouse import append_rows, replace_reports, transaction, utc_now

DOCUMENT_BATCH = 200
FACT_BATCH = 500


@dataclass
class StageSummary:
    processed: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → count
    rows_written: int = 0


def pending_raw_files(connection, version: str) -> list[tuple[str, str]]:
    """(file hash, a file name it was seen under) of contents not yet read by this version."""
    return connection.execute(
        """
        select raw.file_sha256, min(source.file_name)
        from staging.raw_files raw
        join staging.source_files source using (file_sha256)
        where raw.file_sha256 not in (
                select file_sha256 from staging.documents where extractor_version = $version)
          and raw.file_sha256 not in (
                select file_sha256 from staging.ingest_log
                where stage = 'documents' and status = 'skipped' and extractor_version = $version)
        group by raw.file_sha256
        order by raw.file_sha256
        """,
        {"version": version},
    ).fetchall()


def read_pending_documents(connection, version: str, run_id: str | None = None) -> StageSummary:
    summary = StageSummary()
    pending = pending_raw_files(connection, version)
    for batch_start in range(0, len(pending), DOCUMENT_BATCH):
        batch = pending[batch_start:batch_start + DOCUMENT_BATCH]
        names = dict(batch)
        contents = dict(connection.execute(
            "select file_sha256, content from staging.raw_files where file_sha256 in (select unnest($hashes))",
            {"hashes": list(names)},
        ).fetchall())
        now = utc_now()
        document_rows, log_lines = [], []
        for sha, name in batch:
            try:
                report = read_report(bytes(contents[sha]), name)
            except SkippedFile as skip:
                summary.skipped[skip.reason] += 1
                log_lines.append(_log(now, run_id, "documents", sha, "skipped", version, skip.reason, skip.detail))
                continue
            document_rows.append(_document_row(sha, name, report, version, now))
            log_lines.append(_log(now, run_id, "documents", sha, "read", version))
        with transaction(connection):
            replace_reports(connection, "staging.documents", list(names), pd.DataFrame(document_rows))
            append_rows(connection, "staging.ingest_log", pd.DataFrame(log_lines))
        summary.processed += len(batch)
        summary.rows_written += len(document_rows)
    return summary


def pending_documents(connection, version: str) -> list[str]:
    return [row[0] for row in connection.execute(
        """
        select file_sha256 from staging.documents
        where extractor_version = $version
          and file_sha256 not in (
                select file_sha256 from staging.ingest_log
                where stage = 'facts' and status = 'extracted' and extractor_version = $version)
        order by file_sha256
        """,
        {"version": version},
    ).fetchall()]


def extract_pending_facts(connection, version: str, run_id: str | None = None) -> StageSummary:
    summary = StageSummary()
    pending = pending_documents(connection, version)
    for batch_start in range(0, len(pending), FACT_BATCH):
        batch = pending[batch_start:batch_start + FACT_BATCH]
        stored = connection.execute(
            "select file_sha256, text, blocks_json, media_type, encoding from staging.documents "
            "where file_sha256 in (select unnest($hashes))",
            {"hashes": batch},
        ).fetchall()
        now = utc_now()
        fact_rows, log_lines = [], []
        for sha, text, blocks_json, media_type, encoding in stored:
            document = document_from_stored(text, blocks_json, media_type, encoding)
            for index, fact in enumerate(extract_facts(document)):
                fact_rows.append({
                    "file_sha256": sha, "fact_index": index, "metric": fact.metric,
                    "applicant": fact.applicant, "scope": fact.scope, "value": fact.value,
                    "unit": fact.unit, "qualifier": fact.qualifier, "evidence": fact.evidence,
                    "evidence_start": fact.start, "evidence_end": fact.end, "rule": fact.rule,
                    "confidence": fact.confidence, "flags": ",".join(fact.flags),
                    "extractor_version": version,
                })
            log_lines.append(_log(now, run_id, "facts", sha, "extracted", version))
        with transaction(connection):
            replace_reports(connection, "staging.facts", batch, pd.DataFrame(fact_rows))
            append_rows(connection, "staging.ingest_log", pd.DataFrame(log_lines))
        summary.processed += len(batch)
        summary.rows_written += len(fact_rows)
    return summary


def _document_row(sha: str, name: str, report: ReadReport, version: str, now) -> dict[str, object]:
    document, metadata, place = report.document, report.metadata, report.jurisdiction
    return {
        "file_sha256": sha, "file_name": name, "media_type": document.media_type,
        "encoding": document.encoding, "text": document.text, "blocks_json": blocks_to_json(document.blocks),
        "title": metadata.title, "jurisdiction_name": place.name if place else metadata.jurisdiction_name,
        "jurisdiction_code": place.code if place else None,
        "jurisdiction_level": place.level if place else None,
        "jurisdiction_parent_code": place.parent_code if place else None,
        "province_code": place.province_code if place else None,
        "province_name": place.province_name if place else None,
        "prefecture_code": place.prefecture_code if place else None,
        "prefecture_name": place.prefecture_name if place else None,
        "longitude": place.longitude if place else None, "latitude": place.latitude if place else None,
        "jurisdiction_confidence": place.confidence if place else None,
        "jurisdiction_method": place.method if place else None,
        "report_year": metadata.report_year, "issuing_body": metadata.issuing_body,
        "publication_date": date.fromisoformat(metadata.publication_date) if metadata.publication_date else None,
        "script": metadata.script, "era": metadata.era, "extractor_version": version, "processed_at": now,
    }


def _log(now, run_id, stage, sha, status, version, reason=None, detail=None) -> dict[str, object]:
    return {
        "logged_at": now, "run_id": run_id, "stage": stage, "source_path": None, "file_sha256": sha,
        "status": status, "reason": reason, "detail": detail, "extractor_version": version,
    }
