"""The two extraction stages over the warehouse: raw bytes → documents, documents → facts.

The worker that reads a report also extracts its facts (the text, its matching twin and the
report's metadata are at hand there, so nothing is computed twice); the facts stage then only
redoes reports whose rules changed, in the same kind of worker pool. Each stage works only on
what is pending: contents held by a current inbox path whose stored
result (staging.extraction_state) was made by another version of that stage's code. A batch's
rows for a report are replaced in one transaction together with its state, so an interrupted
run leaves either the old rows or the new ones, never half a report.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from extractors.issuer import Issuer
from extractors.model import Fact, Note
from extractors.pipeline import (
    ReadReport, SkippedFile, blocks_to_json, document_from_stored, extract_facts, read_report, removed_to_json,
    report_facts,
)
from extractors.pipeline import rules_version as current_rules_version
from orchestration.raw_store import RawStore, RawStoreError
from orchestration.settings import extraction_workers
from orchestration.warehouse import (
    append_rows, delete_reports, log_line, register, replace_reports, transaction, utc_now,
)

DOCUMENT_BATCH = 200
RAW_MISSING = "raw_missing"  # the store lost the bytes: logged, and tried again once they are back
FACT_BATCH = 500

# Contents that some inbox path holds now; old versions keep their rows but are not redone.
CURRENT_CONTENTS = "select distinct file_sha256 from staging.source_files where is_current"


@dataclass
class StageSummary:
    processed: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → count
    rows_written: int = 0


def pending_raw_files(connection, reader_version: str) -> list[tuple[str, str]]:
    """(file hash, a current file name) of contents not yet read by this reader version."""
    return connection.execute(
        """
        select source.file_sha256, min(source.file_name)
        from staging.source_files source
        left join staging.extraction_state state using (file_sha256)
        where source.is_current and state.reader_version is distinct from $version
        group by source.file_sha256
        order by source.file_sha256
        """,
        {"version": reader_version},
    ).fetchall()


@dataclass
class Extracted:
    """A report's facts and notes, or the error the rules raised on it."""

    facts: list[Fact] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    error: str | None = None


def _extract(facts_of: Callable[[list[Note]], list[Fact]]) -> Extracted:
    """``facts_of(notes)``, or the error the rules raised."""
    notes: list[Note] = []
    try:
        return Extracted(facts_of(notes), notes)
    except Exception as error:  # a rule bug on one report must not stop the run: log it
        return Extracted(error=f"{type(error).__name__}: {error}")


def _read_one(item: tuple[str, str, RawStore]) -> tuple[str, ReadReport | SkippedFile, Extracted | None]:
    # The worker takes the bytes from the store itself: they never cross a process boundary.
    sha, name, store = item
    try:
        report = read_report(store.get(sha), name)
    except RawStoreError as error:
        return sha, SkippedFile(RAW_MISSING, str(error)), None
    except SkippedFile as skip:
        return sha, skip, None
    except Exception as error:  # a reader bug on one odd file must not stop the run: log it
        return sha, SkippedFile("reader_error", f"{type(error).__name__}: {error}"), None
    return sha, report, _extract(lambda notes: report_facts(report, notes))


def _pool(workers: int | None, pending: int) -> ProcessPoolExecutor | None:
    workers = extraction_workers() if workers is None else workers
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 and pending > 1 else None


def read_pending_documents(connection, store: RawStore, reader_version: str, run_id: str | None = None,
                           workers: int | None = None, rules_version: str | None = None) -> StageSummary:
    """Read every pending content, and extract its facts under ``rules_version`` (default: the
    current rules). Reading is the costly step (a PDF takes a good part of a second), so it runs
    in a pool of worker processes started once for the whole stage."""
    summary = StageSummary()
    rules_version = rules_version or current_rules_version()
    pending = pending_raw_files(connection, reader_version)
    pool = _pool(workers, len(pending))
    try:
        for batch_start in range(0, len(pending), DOCUMENT_BATCH):
            batch = pending[batch_start:batch_start + DOCUMENT_BATCH]
            items = [(sha, name, store) for sha, name in batch]
            results = {sha: (report, extracted) for sha, report, extracted
                       in (pool.map(_read_one, items, chunksize=4) if pool else map(_read_one, items))}
            _store_documents(connection, batch, results, reader_version, rules_version, run_id, summary)
    finally:
        if pool:
            pool.shutdown()
    return summary


def _store_documents(connection, batch: list[tuple[str, str]],
                     results: dict[str, tuple[ReadReport | SkippedFile, Extracted | None]],
                     reader_version: str, rules_version: str, run_id: str | None, summary: StageSummary) -> None:
    hashes = [sha for sha, _ in batch]
    now = utc_now()
    document_rows, state_rows, log_lines, fact_rows, note_rows = [], [], [], [], []
    for sha, name in batch:
        result, extracted = results[sha]
        if isinstance(result, SkippedFile):
            summary.skipped[result.reason] += 1
            if result.reason != RAW_MISSING:  # not a decision about the file: tried again next run
                state_rows.append(_state(sha, reader_version, "skipped", result.reason))
            log_lines.append(log_line(now, run_id, "documents", "skipped", sha, reason=result.reason,
                                      detail=result.detail, version=reader_version))
            continue
        document_rows.append(_document_row(sha, name, result, reader_version, now))
        log_lines.append(log_line(now, run_id, "documents", "read", sha, version=reader_version))
        state_rows.append(_state(sha, reader_version, "report", rules_version=rules_version))
        _add_extracted(sha, extracted, rules_version, now, run_id, summary, fact_rows, note_rows, log_lines)
    with transaction(connection):
        # A re-read report's facts and findings belong to its old text: they go with it, and the
        # facts of its new text come in.
        replace_reports(connection, "staging.documents", hashes, pd.DataFrame(document_rows))
        replace_reports(connection, "staging.facts", hashes, pd.DataFrame(fact_rows))
        replace_reports(connection, "staging.extraction_notes", hashes, pd.DataFrame(note_rows))
        delete_reports(connection, "staging.check_results", hashes)
        replace_reports(connection, "staging.extraction_state", hashes, pd.DataFrame(state_rows))
        append_rows(connection, "staging.ingest_log", pd.DataFrame(log_lines))
    summary.processed += len(batch)
    summary.rows_written += len(document_rows)


def pending_documents(connection, rules_version: str) -> list[str]:
    return [row[0] for row in connection.execute(
        f"""
        select file_sha256 from staging.extraction_state
        where read_status = 'report' and rules_version is distinct from $version
          and file_sha256 in ({CURRENT_CONTENTS})
        order by file_sha256
        """,
        {"version": rules_version},
    ).fetchall()]


def _extract_stored(row: tuple) -> tuple[str, Extracted]:
    (sha, text, blocks_json, media_type, encoding, removed_json, era, place_name, body, body_kind, report_year) = row
    document = document_from_stored(text, blocks_json, media_type, encoding, removed_json)
    issuer = Issuer(body, body_kind, "stored") if body_kind else None
    return sha, _extract(lambda notes: extract_facts(document, era, place_name, issuer, report_year, notes))


def extract_pending_facts(connection, rules_version: str, run_id: str | None = None,
                          workers: int | None = None) -> StageSummary:
    """Extract the facts of every report whose stored facts were made by other rules (the
    documents stage extracts a report's facts as it reads it; this redoes them when the rules
    change), in a pool of worker processes."""
    summary = StageSummary()
    pending = pending_documents(connection, rules_version)
    pool = _pool(workers, len(pending))
    try:
        for batch_start in range(0, len(pending), FACT_BATCH):
            batch = pending[batch_start:batch_start + FACT_BATCH]
            stored = connection.execute(
                "select file_sha256, text, blocks_json, media_type, encoding, removed_json, era, jurisdiction_name, "
                "issuing_body, issuing_body_kind, report_year from staging.documents "
                "where file_sha256 in (select unnest($hashes))",
                {"hashes": batch},
            ).fetchall()
            results = pool.map(_extract_stored, stored, chunksize=8) if pool else map(_extract_stored, stored)
            _store_facts(connection, batch, dict(results), rules_version, run_id, summary)
    finally:
        if pool:
            pool.shutdown()
    return summary


def _store_facts(connection, batch: list[str], results: dict[str, Extracted], rules_version: str,
                 run_id: str | None, summary: StageSummary) -> None:
    now = utc_now()
    fact_rows, note_rows, log_lines = [], [], []
    for sha in batch:
        _add_extracted(sha, results[sha], rules_version, now, run_id, summary, fact_rows, note_rows, log_lines)
    with transaction(connection):
        replace_reports(connection, "staging.facts", batch, pd.DataFrame(fact_rows))
        replace_reports(connection, "staging.extraction_notes", batch, pd.DataFrame(note_rows))
        # (a report the rules failed on is done for these rules too: logged once, redone when they change)
        with register(connection, "extracted", pd.DataFrame({"file_sha256": batch})):
            connection.execute(
                "update staging.extraction_state set rules_version = ?, checks_current = false "
                "where file_sha256 in (select file_sha256 from extracted)", [rules_version])
        append_rows(connection, "staging.ingest_log", pd.DataFrame(log_lines))
    summary.processed += len(batch)
    summary.rows_written += len(fact_rows)


def _add_extracted(sha: str, extracted: Extracted, rules_version: str, now, run_id: str | None,
                   summary: StageSummary, fact_rows: list, note_rows: list, log_lines: list) -> None:
    """Add one report's extraction to the batch's rows (a rules error: a log line)."""
    if extracted.error is not None:
        summary.skipped["rules_error"] += 1
        log_lines.append(log_line(now, run_id, "facts", "skipped", sha, reason="rules_error",
                                  detail=extracted.error, version=rules_version))
        return
    fact_rows += _fact_rows(sha, extracted.facts, rules_version)
    note_rows += _note_rows(sha, extracted.notes, rules_version)
    log_lines.append(log_line(now, run_id, "facts", "extracted", sha, version=rules_version))


def _fact_rows(sha: str, facts: list[Fact], rules_version: str) -> list[dict[str, object]]:
    return [{
        "file_sha256": sha, "fact_index": index, "metric": fact.metric,
        "applicant": fact.applicant, "scope": fact.scope, "value": fact.value,
        "unit": fact.unit, "qualifier": fact.qualifier, "evidence": fact.evidence,
        "evidence_start": fact.start, "evidence_end": fact.end, "rule": fact.rule,
        "confidence": fact.confidence, "flags": ",".join(fact.flags),
        "format_version": fact.format_version, "extractor_version": rules_version,
    } for index, fact in enumerate(facts)]


def _note_rows(sha: str, notes: list[Note], rules_version: str) -> list[dict[str, object]]:
    return [{"file_sha256": sha, "note_index": index, "kind": note.kind, "detail": note.detail,
             "evidence": note.evidence, "evidence_start": note.start, "evidence_end": note.end,
             "extractor_version": rules_version} for index, note in enumerate(notes)]


def _state(sha: str, reader_version: str, read_status: str, skip_reason: str | None = None,
           rules_version: str | None = None) -> dict[str, object]:
    return {"file_sha256": sha, "reader_version": reader_version, "read_status": read_status,
            "skip_reason": skip_reason, "rules_version": rules_version, "checks_current": False}


def _document_row(sha: str, name: str, report: ReadReport, reader_version: str, now) -> dict[str, object]:
    document, metadata, place = report.document, report.metadata, report.jurisdiction
    return {
        "file_sha256": sha, "file_name": name, "media_type": document.media_type,
        "encoding": document.encoding, "text": document.text, "blocks_json": blocks_to_json(document.blocks),
        "title": metadata.title, "jurisdiction_name": report.place_name,
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
        "report_year": metadata.report_year, "issuing_body": report.issuer.name,
        "issuing_body_kind": report.issuer.kind, "recognition": report.recognition.detail,
        "removed_json": removed_to_json(document.removed),
        "publication_date": date.fromisoformat(metadata.publication_date) if metadata.publication_date else None,
        "script": metadata.script, "era": metadata.era, "extractor_version": reader_version, "processed_at": now,
    }
