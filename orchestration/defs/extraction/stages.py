"""Extraction in three steps, so that the costly middle one can run anywhere.

1. ``plan_extraction`` (warehouse side): each shard's work list — contents no reader of this
   version has read, and reports whose facts other rules made (with their stored document).
2. ``extract_shards`` (any process, no warehouse connection): read each listed content from the
   raw store, extract its facts in the same worker (the text, its matching twin and the metadata
   are at hand, so nothing is computed twice), or extract the facts of a stored document again;
   write the shard's results as Parquet (``exchange.py``).
3. ``merge_extracts`` (warehouse side): each finished shard's rows replace the old ones of its
   reports, in one transaction together with their state (staging.extraction_state), so an
   interrupted run leaves either the old rows or the new ones, never half a report.

Only what is pending is done: contents held by a current inbox path whose stored result was made
by another version of the reader or the rules.
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
    ReadReport, SkippedFile, blocks_to_json, content_key, document_from_stored, extract_facts, read_report,
    removed_to_json, report_facts, rules_version,
)
from orchestration.defs.extraction.exchange import RESULT_TABLES, SHARD_KEYS, ExtractionExchange, ShardWriter
from orchestration.raw_store import RawStore, RawStoreError
from orchestration.settings import extraction_workers
from orchestration.warehouse import log_line, register, transaction, utc_now

DOCUMENT_BATCH = 200
FACT_BATCH = 500
RAW_MISSING = "raw_missing"  # the store lost the bytes: logged, and tried again once they are back

# Contents that some inbox path holds now; old versions keep their rows but are not redone.
CURRENT_CONTENTS = "select distinct file_sha256 from staging.source_files where is_current"


@dataclass
class StageSummary:
    processed: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → count
    rows_written: int = 0  # documents written


@dataclass
class MergeSummary:
    merged: int = 0  # contents whose results came in
    documents: int = 0  # of which read (not only re-extracted)


def plan_extraction(connection, exchange: ExtractionExchange, reader_version: str, rules_version: str) -> int:
    """Write every shard's work list: current contents this reader version has not read
    (to_read), and reports it has read whose facts other rules made (to_extract, with the stored
    document, so a partition needs nothing from the warehouse). Results of an earlier run that
    were never merged are dropped: the new lists cover their contents again. Returns the number
    of contents to work on."""
    exchange.clear_results()
    pending = 0
    for shard in SHARD_KEYS:
        to_read = connection.execute(
            """
            select source.file_sha256, min(source.file_name) as file_name
            from staging.source_files source
            left join staging.extraction_state state using (file_sha256)
            where source.is_current and starts_with(source.file_sha256, $shard)
              and state.reader_version is distinct from $reader
            group by source.file_sha256
            order by source.file_sha256
            """, {"shard": shard, "reader": reader_version}).df()
        to_extract = connection.execute(
            f"""
            select document.file_sha256, state.reader_version, {', '.join(STORED_DOCUMENT)}
            from staging.extraction_state state
            join staging.documents document using (file_sha256)
            where state.read_status = 'report' and starts_with(state.file_sha256, $shard)
              and state.reader_version = $reader and state.rules_version is distinct from $rules
              and state.file_sha256 in ({CURRENT_CONTENTS})
            order by document.file_sha256
            """, {"shard": shard, "reader": reader_version, "rules": rules_version}).df()
        for table, frame in (("to_read", to_read), ("to_extract", to_extract)):
            exchange.write_worklist(shard, table, frame)
            pending += len(frame)
    return pending


# What the stage gives the rules, versioned with them: bumped when it changes, every report's facts
# are extracted again once (2: a NULL of the stored document given as None, not NaN; with NaN the
# rules failed on every stored report without a jurisdiction, and a failure is not retried until
# the rules change).
STAGE_INPUT_VERSION = "2"


def stage_rules_version() -> str:
    """The rules version the stages record: the rules' own, and what the stage gives them."""
    return f"{rules_version()}+{STAGE_INPUT_VERSION}"


# The stored document columns that extraction needs, in _extract_stored's order.
STORED_DOCUMENT = ("text", "blocks_json", "media_type", "encoding", "removed_json", "era", "jurisdiction_name",
                   "issuing_body", "issuing_body_kind", "report_year")


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
        return sha, SkippedFile("reader_error", f"a reader failed on this file (a bug in ogi-warehouse, not in "
                                f"the file: report it with the file) {type(error).__name__}: {error}"), None
    return sha, report, _extract(lambda notes: report_facts(report, notes))


def _extract_stored(row: tuple) -> tuple[str, Extracted]:
    (sha, text, blocks_json, media_type, encoding, removed_json, era, place_name, body, body_kind, report_year) = row
    document = document_from_stored(text, blocks_json, media_type, encoding, removed_json)
    issuer = Issuer(body, body_kind, "stored") if body_kind else None
    return sha, _extract(lambda notes: extract_facts(document, era, place_name, issuer, report_year, notes))


def _pool(workers: int | None, pending: int) -> ProcessPoolExecutor | None:
    workers = extraction_workers() if workers is None else workers
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 and pending > 1 else None


def extract_shards(exchange: ExtractionExchange, store: RawStore, shards: list[str], reader_version: str,
                   rules_version: str, run_id: str | None = None, workers: int | None = None) -> StageSummary:
    """A partition's work: read and extract every content of the shards' work lists, in a pool of
    worker processes started once for all of them, and write each shard's results. No warehouse
    connection: only the work lists, the raw store and the results folder."""
    summary = StageSummary()
    lists = {shard: (exchange.read_worklist(shard, "to_read"), exchange.read_worklist(shard, "to_extract"))
             for shard in shards}
    pool = _pool(workers, sum(len(to_read) + len(to_extract) for to_read, to_extract in lists.values()))
    try:
        for shard, (to_read, to_extract) in lists.items():
            writer = exchange.shard_writer(shard)
            try:
                _extract_shard(writer, store, pool, to_read, to_extract, reader_version, rules_version, run_id,
                               summary)
                writer.finish()
            except BaseException:
                writer.abandon()
                raise
    finally:
        if pool:
            pool.shutdown()
    return summary


def _extract_shard(writer: ShardWriter, store: RawStore, pool, to_read: pd.DataFrame, to_extract: pd.DataFrame,
                   reader_version: str, rules_version: str, run_id: str | None, summary: StageSummary) -> None:
    work = pool.map if pool else map
    items = list(zip(to_read["file_sha256"], to_read["file_name"])) if len(to_read) else []
    for start in range(0, len(items), DOCUMENT_BATCH):
        batch = items[start:start + DOCUMENT_BATCH]
        results = {sha: (report, extracted) for sha, report, extracted
                   in work(_read_one, [(sha, name, store) for sha, name in batch], **_chunks(pool, 4))}
        writer.write(_read_rows(batch, results, reader_version, rules_version, run_id, summary))
    stored = stored_rows(to_extract)
    for start in range(0, len(stored), FACT_BATCH):
        batch = stored[start:start + FACT_BATCH]
        # (file hash, reader version, stored document...) → _extract_stored takes hash + document
        results = dict(work(_extract_stored, [(row[0], *row[2:]) for row in batch], **_chunks(pool, 8)))
        writer.write(_re_extracted_rows(batch, results, rules_version, run_id, summary))


def stored_rows(frame: pd.DataFrame) -> list[tuple]:
    """The work list's rows as tuples of plain values: a NULL is None. (pandas 3 reads a text
    column holding some NULLs as strings with NaN for the NULLs, and an integer one with pd.NA;
    the rules take None for "not known", and a NaN jurisdiction made them fail on every report
    without one.)"""
    return [tuple(None if value is pd.NA or (isinstance(value, float) and value != value) else value
                  for value in row)
            for row in frame.itertuples(index=False, name=None)] if len(frame) else []


def _chunks(pool, size: int) -> dict[str, int]:
    return {"chunksize": size} if pool else {}


def _read_rows(batch: list[tuple[str, str]], results: dict[str, tuple[ReadReport | SkippedFile, Extracted | None]],
               reader_version: str, rules_version: str, run_id: str | None,
               summary: StageSummary) -> dict[str, pd.DataFrame]:
    now = utc_now()
    document_rows, state_rows, log_lines, fact_rows, note_rows = [], [], [], [], []
    for sha, name in batch:
        result, extracted = results[sha]
        summary.processed += 1
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
    summary.rows_written += len(document_rows)
    return {"documents": pd.DataFrame(document_rows), "facts": pd.DataFrame(fact_rows),
            "extraction_notes": pd.DataFrame(note_rows), "ingest_log": pd.DataFrame(log_lines),
            "extraction_state": pd.DataFrame(state_rows).assign(stage="documents")}


def _re_extracted_rows(batch: list[tuple], results: dict[str, Extracted], rules_version: str, run_id: str | None,
                       summary: StageSummary) -> dict[str, pd.DataFrame]:
    now = utc_now()
    fact_rows, note_rows, log_lines, state_rows = [], [], [], []
    for sha, stored_reader_version, *_ in batch:
        summary.processed += 1
        # (a report the rules failed on is done for these rules too: logged once, redone when they change)
        _add_extracted(sha, results[sha], rules_version, now, run_id, summary, fact_rows, note_rows, log_lines)
        state_rows.append(_state(sha, stored_reader_version, "report", rules_version=rules_version))
    return {"facts": pd.DataFrame(fact_rows), "extraction_notes": pd.DataFrame(note_rows),
            "ingest_log": pd.DataFrame(log_lines), "extraction_state": pd.DataFrame(state_rows).assign(stage="facts")}


def merge_extracts(connection, exchange: ExtractionExchange) -> MergeSummary:
    """Bring every finished shard's results into the warehouse, one transaction per shard, and
    remove them. A report's rows are replaced together with its state: an interrupted merge
    leaves the old rows or the new ones, never half a report. A content read again loses its
    old document and findings; one only re-extracted keeps its document, and its findings are
    recomputed (checks_current false)."""
    summary = MergeSummary()
    for shard in exchange.finished_shards():
        state_parts = [str(part) for part in exchange.result_parts(shard, "extraction_state")]
        decided = connection.execute("select file_sha256, stage from read_parquet($parts)", {"parts": state_parts}).df() \
            if state_parts else pd.DataFrame({"file_sha256": pd.Series(dtype=str), "stage": pd.Series(dtype=str)})
        with register(connection, "merged", decided), transaction(connection):
            connection.execute("delete from staging.documents where file_sha256 in "
                               "(select file_sha256 from merged where stage = 'documents')")
            connection.execute("delete from staging.check_results where file_sha256 in "
                               "(select file_sha256 from merged where stage = 'documents')")
            for table in ("facts", "extraction_notes", "extraction_state"):
                connection.execute(f"delete from staging.{table} where file_sha256 in (select file_sha256 from merged)")
            for table in RESULT_TABLES:
                for part in exchange.result_parts(shard, table):
                    # Part by part: each part's column types are its own (a column all null in
                    # one batch), and the insert casts them to the table's.
                    connection.execute(f"insert into staging.{table} by name "
                                       f"select * exclude (stage) from read_parquet(?)" if table == "extraction_state"
                                       else f"insert into staging.{table} by name select * from read_parquet(?)",
                                       [str(part)])
        summary.merged += len(decided)
        summary.documents += int((decided["stage"] == "documents").sum())
        exchange.remove_results(shard)
    return summary


def extract_pending(connection, store: RawStore, exchange: ExtractionExchange, reader_version: str,
                    rules_version: str, run_id: str | None = None, workers: int | None = None) -> StageSummary:
    """Plan, extract every shard in this process's pool, merge: what the Dagster assets do in
    three steps, in one call (tests, benchmarks)."""
    plan_extraction(connection, exchange, reader_version, rules_version)
    summary = extract_shards(exchange, store, list(SHARD_KEYS), reader_version, rules_version, run_id, workers)
    merge_extracts(connection, exchange)
    return summary


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
        "removed_json": removed_to_json(document.removed), "content_key": content_key(document),
        "publication_date": date.fromisoformat(metadata.publication_date) if metadata.publication_date else None,
        "script": metadata.script, "era": metadata.era, "extractor_version": reader_version, "processed_at": now,
    }
