"""Bring the files of the inbox into the warehouse, keyed by the SHA-256 of their bytes.

The bytes go to the raw store (orchestration/raw_store.py) before the warehouse lists them, so a
content the warehouse knows is always in the store.

Re-runs are cheap: a path whose size and modification time are unchanged is not read again.
A path whose content changed gets a new version; the old version and its bytes stay, so every
fact can be traced to the exact bytes it came from. A path gone from the inbox stops being
current; its bytes and history stay.

A missing or unreadable inbox, or one that lost most of its files since the last run, stops the
ingest before anything is written (InboxError): a mistyped OGI_INBOX or an unmounted volume would
otherwise retire every file and empty every mart.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from extractors.files import UnreadablePath, describe_error, read_bytes, walk_files
from orchestration.raw_store import RawStore, move_contents_out
from orchestration.settings import EXCLUDED_FOLDERS, allow_mass_removal
from orchestration.warehouse import append_rows, log_line, register, transaction, utc_now

# Flush to the warehouse after this many new or changed paths (the bytes are already in the
# store; a batch holds only their rows).
BATCH_PATHS = 2000
# A run that would retire more than this share of the current paths, and at least MASS_REMOVAL_MIN
# of them (or all of them), needs OGI_ALLOW_MASS_REMOVAL=1: losing half the inbox at once is far
# more often a wrong OGI_INBOX than a real clean-up.
MASS_REMOVAL_SHARE = 0.5
MASS_REMOVAL_MIN = 20


class InboxError(RuntimeError):
    """The inbox cannot be trusted for this run; nothing was written."""


@dataclass
class IngestSummary:
    files_seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    unreadable: list[str] = field(default_factory=list)


@dataclass
class _Batch:
    """What one flush writes: new contents, new path versions, paths retired, mtimes refreshed."""

    contents: dict[str, int] = field(default_factory=dict)  # hash → size
    versions: list[dict[str, object]] = field(default_factory=list)
    retired_paths: list[str] = field(default_factory=list)
    touched: list[dict[str, object]] = field(default_factory=list)  # same bytes, new mtime
    log: list[dict[str, object]] = field(default_factory=list)


def ingest_inbox(connection, inbox: Path, store: RawStore, run_id: str | None = None) -> IngestSummary:
    summary = IngestSummary()
    current = {
        path: (sha, size, modified_us)
        for path, sha, size, modified_us in connection.execute(
            "select source_path, file_sha256, size_bytes, epoch_us(modified_at) "
            "from staging.source_files where is_current"
        ).fetchall()
    }
    # One walk: the listing the guard judges is the one ingested (stat calls only, no file opened).
    entries = check_inbox(inbox, set(current), allow_mass_removal())
    move_contents_out(connection, store)
    now = utc_now()
    seen: set[str] = set()
    batch = _Batch()
    for path in entries:
        if isinstance(path, UnreadablePath):  # a pipe, a dangling link, a loop: never opened
            relative_path = path.path.relative_to(inbox).as_posix()
            summary.unreadable.append(relative_path)
            _log_unreadable(connection, relative_path, path.detail, now, run_id)
            continue
        relative_path = path.relative_to(inbox).as_posix()
        try:
            status = path.stat()
            size, modified_us = status.st_size, status.st_mtime_ns // 1000
            known = current.get(relative_path)
            if known and known[1] == size and known[2] == modified_us:
                seen.add(relative_path)
                summary.files_seen += 1
                summary.unchanged += 1
                continue
            data = read_bytes(path)
        except OSError as error:  # denied, or changed since it was listed
            summary.unreadable.append(relative_path)
            _log_unreadable(connection, relative_path, describe_error(path, error), now, run_id)
            continue
        seen.add(relative_path)
        summary.files_seen += 1
        sha = hashlib.sha256(data).hexdigest()
        if known and known[0] == sha:
            summary.unchanged += 1
            batch.touched.append({"source_path": relative_path, "modified_at": _timestamp(modified_us)})
            continue
        state = "changed" if known else "new"
        setattr(summary, state, getattr(summary, state) + 1)
        if known:
            batch.retired_paths.append(relative_path)
        if sha not in batch.contents:
            store.put(sha, data)
            batch.contents[sha] = len(data)
        batch.versions.append({
            "source_path": relative_path, "file_sha256": sha,
            "file_name": path.name, "size_bytes": size, "modified_at": _timestamp(modified_us),
            "first_seen_at": now, "last_seen_at": now, "is_current": True,
        })
        batch.log.append(log_line(now, run_id, "ingest", state, sha, source_path=relative_path))
        if len(batch.versions) >= BATCH_PATHS:
            _write_batch(connection, store, batch, now)
            batch = _Batch()
    _write_batch(connection, store, batch, now)
    summary.removed = _retire_missing(connection, set(current) - seen, now, run_id)
    # Every path still current was seen in this walk (one statement, not one per file).
    connection.execute("update staging.source_files set last_seen_at = ? where is_current", [now])
    return summary


def check_inbox(inbox: Path, current_paths: set[str], allow_removal: bool) -> list[Path | UnreadablePath]:
    """The inbox's listing; raise InboxError, before anything is written, when the inbox is
    missing or unreadable, or when it lost most of the files the warehouse holds as current and
    removal was not allowed."""
    if not inbox.exists():
        raise InboxError(f"the inbox {inbox} does not exist: check OGI_INBOX (nothing was changed)")
    if not inbox.is_dir():
        raise InboxError(f"the inbox {inbox} is not a folder: check OGI_INBOX (nothing was changed)")
    try:
        with os.scandir(inbox) as entries:
            next(entries, None)
    except OSError as error:
        raise InboxError(f"the inbox {inbox} cannot be read ({error.strerror or error}): "
                         "check OGI_INBOX and its permissions (nothing was changed)") from error
    # A listing only (no file is opened); a path listed but unreadable is present, not removed.
    listing = list(walk_files(inbox, EXCLUDED_FOLDERS))
    if not current_paths or allow_removal:
        return listing
    listed = {(entry.path if isinstance(entry, UnreadablePath) else entry).relative_to(inbox).as_posix()
              for entry in listing}
    gone = len(current_paths - listed)
    if is_mass_removal(gone, len(current_paths)):
        raise InboxError(
            f"{gone} of the {len(current_paths)} files the warehouse holds are gone from the inbox {inbox}. "
            "Nothing was changed. If OGI_INBOX is wrong or its volume is not mounted, fix that and run again; "
            "if the files were really removed, run again with OGI_ALLOW_MASS_REMOVAL=1 to mark them removed.")
    return listing


def is_mass_removal(gone: int, current: int) -> bool:
    return gone > current * MASS_REMOVAL_SHARE and gone >= min(MASS_REMOVAL_MIN, current)


def _timestamp(modified_us: int) -> datetime:
    return datetime.fromtimestamp(modified_us / 1_000_000, timezone.utc).replace(tzinfo=None)


def _write_batch(connection, store: RawStore, batch: _Batch, now: datetime) -> None:
    if not (batch.versions or batch.touched):
        return
    store.sync()  # the bytes are on disk before the warehouse lists them
    with transaction(connection):
        if batch.contents:
            raw = pd.DataFrame({
                "file_sha256": list(batch.contents),
                "size_bytes": list(batch.contents.values()),
                "first_seen_at": [now] * len(batch.contents),
            })
            with register(connection, "incoming_raw", raw):
                connection.execute(
                    "insert into staging.raw_files by name select * from incoming_raw "
                    "where file_sha256 not in (select file_sha256 from staging.raw_files)")
        if batch.retired_paths:
            with register(connection, "retired", pd.DataFrame({"source_path": batch.retired_paths})):
                connection.execute(
                    "update staging.source_files set is_current = false "
                    "where is_current and source_path in (select source_path from retired)")
        if batch.touched:
            with register(connection, "touched", pd.DataFrame(batch.touched)):
                connection.execute(
                    "update staging.source_files set modified_at = touched.modified_at, last_seen_at = ? "
                    "from touched where staging.source_files.is_current "
                    "and staging.source_files.source_path = touched.source_path", [now])
        if batch.versions:
            # A path's next version number follows every version it ever had, so a file removed
            # from the inbox and put back continues its history.
            with register(connection, "incoming_versions", pd.DataFrame(batch.versions)):
                connection.execute("""
                    insert into staging.source_files
                        (source_path, version, file_sha256, file_name, size_bytes, modified_at,
                         first_seen_at, last_seen_at, is_current)
                    select incoming.source_path,
                           coalesce(previous.last_version, 0) + 1,
                           incoming.file_sha256, incoming.file_name, incoming.size_bytes, incoming.modified_at,
                           incoming.first_seen_at, incoming.last_seen_at, incoming.is_current
                    from incoming_versions incoming
                    left join (select source_path, max(version) as last_version from staging.source_files
                               where source_path in (select source_path from incoming_versions)
                               group by source_path) previous using (source_path)""")
        append_rows(connection, "staging.ingest_log", pd.DataFrame(batch.log))


def _retire_missing(connection, missing_paths: set[str], now: datetime, run_id: str | None) -> int:
    """Paths gone from the inbox are no longer current; their bytes and history stay."""
    if not missing_paths:
        return 0
    with transaction(connection), register(connection, "missing", pd.DataFrame({"source_path": sorted(missing_paths)})):
        gone = connection.execute(
            "select source_path, file_sha256 from staging.source_files "
            "where is_current and source_path in (select source_path from missing)").fetchall()
        connection.execute(
            "update staging.source_files set is_current = false "
            "where is_current and source_path in (select source_path from missing)")
        append_rows(connection, "staging.ingest_log", pd.DataFrame(
            [log_line(now, run_id, "ingest", "removed", sha, source_path=path) for path, sha in gone]))
    return len(gone)


def _log_unreadable(connection, relative_path: str, error: str, now: datetime, run_id: str | None) -> None:
    # Logged once per path and error, so a path that stays unreadable adds no rows. fetchall, not
    # fetchone: a result left open blocks the next statement on the connection.
    already = connection.execute(
        "select count(*) from staging.ingest_log where stage = 'ingest' and status = 'skipped' "
        "and source_path = ? and detail = ?", [relative_path, error]).fetchall()[0][0]
    if not already:
        append_rows(connection, "staging.ingest_log", pd.DataFrame([log_line(
            now, run_id, "ingest", "skipped", None, source_path=relative_path, reason="unreadable_path", detail=error)]))
