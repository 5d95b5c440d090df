"""Bring the files of the inbox into the warehouse, keyed by the SHA-256 of their bytes.

Re-runs are cheap: a path whose size and modification time are unchanged is not read again.
A path whose content changed gets a new version; the old version and its bytes stay, so every
fact can be traced to the exact bytes it came from.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from orchestration.settings import EXCLUDED_FOLDERS
from orchestration.warehouse import append_rows, transaction, utc_now

# Flush to the warehouse after this many bytes of new content, so memory stays bounded.
BATCH_BYTES = 256 * 1024 * 1024


@dataclass
class IngestSummary:
    files_seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    new_contents: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _InboxFile:
    relative_path: str
    absolute_path: Path
    size_bytes: int
    modified_us: int  # mtime in microseconds, as the warehouse keeps it


def walk_inbox(inbox: Path) -> Iterator[_InboxFile]:
    """Files under the inbox in a stable order; hidden entries and the answer folders of the
    sample corpus (gold/) are not reports."""
    for folder, subfolders, names in os.walk(inbox):
        at_top = Path(folder) == inbox
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and not (at_top and name in EXCLUDED_FOLDERS)
        )
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            try:
                status = path.stat()
            except OSError:
                continue
            yield _InboxFile(
                relative_path=path.relative_to(inbox).as_posix(), absolute_path=path,
                size_bytes=status.st_size, modified_us=status.st_mtime_ns // 1000,
            )


def ingest_inbox(connection, inbox: Path, run_id: str | None = None) -> IngestSummary:
    summary = IngestSummary()
    current = {
        path: (sha, size, modified_us, version)
        for path, sha, size, modified_us, version in connection.execute(
            "select source_path, file_sha256, size_bytes, epoch_us(modified_at), version "
            "from staging.source_files where is_current"
        ).fetchall()
    }
    now = utc_now()
    pending_contents: dict[str, bytes] = {}
    pending_versions: list[dict[str, object]] = []
    retired_paths: list[str] = []
    log_lines: list[dict[str, object]] = []
    pending_bytes = 0

    def flush() -> None:
        nonlocal pending_bytes
        _write_batch(connection, pending_contents, pending_versions, retired_paths, log_lines, now)
        summary.new_contents += len(pending_contents)
        pending_contents.clear(); pending_versions.clear(); retired_paths.clear(); log_lines.clear()
        pending_bytes = 0

    for inbox_file in walk_inbox(inbox):
        summary.files_seen += 1
        known = current.get(inbox_file.relative_path)
        if known and known[1] == inbox_file.size_bytes and known[2] == inbox_file.modified_us:
            summary.unchanged += 1
            continue
        try:
            data = inbox_file.absolute_path.read_bytes()
        except OSError as error:
            summary.errors.append(f"{inbox_file.relative_path}: {error}")
            continue
        sha = hashlib.sha256(data).hexdigest()
        if known and known[0] == sha:
            # Touched but not changed: remember the new mtime so the next run skips it.
            connection.execute(
                "update staging.source_files set modified_at = make_timestamp(?), last_seen_at = ? "
                "where source_path = ? and is_current", [inbox_file.modified_us, now, inbox_file.relative_path])
            summary.unchanged += 1
            continue
        status = "changed" if known else "new"
        setattr(summary, status, getattr(summary, status) + 1)
        if known:
            retired_paths.append(inbox_file.relative_path)
        pending_contents.setdefault(sha, data)
        pending_bytes += len(data)
        pending_versions.append({
            "source_path": inbox_file.relative_path,
            "version": (known[3] + 1) if known else 1,
            "file_sha256": sha,
            "file_name": inbox_file.absolute_path.name,
            "size_bytes": inbox_file.size_bytes,
            "modified_at": datetime.utcfromtimestamp(inbox_file.modified_us / 1_000_000),
            "first_seen_at": now, "last_seen_at": now, "is_current": True,
        })
        log_lines.append({
            "logged_at": now, "run_id": run_id, "stage": "ingest", "source_path": inbox_file.relative_path,
            "file_sha256": sha, "status": status, "reason": None, "detail": None, "extractor_version": None,
        })
        if pending_bytes >= BATCH_BYTES:
            flush()
    flush()
    return summary


def _write_batch(connection, contents: dict[str, bytes], versions: list[dict[str, object]],
                 retired_paths: list[str], log_lines: list[dict[str, object]], now: datetime) -> None:
    if not versions:
        return
    with transaction(connection):
        raw = pd.DataFrame({
            "file_sha256": list(contents),
            "size_bytes": [len(data) for data in contents.values()],
            "content": list(contents.values()),
            "first_seen_at": [now] * len(contents),
        })
        connection.register("incoming_raw", raw)
        try:
            connection.execute(
                "insert into staging.raw_files select * from incoming_raw "
                "where file_sha256 not in (select file_sha256 from staging.raw_files)")
        finally:
            connection.unregister("incoming_raw")
        if retired_paths:
            connection.register("retired", pd.DataFrame({"source_path": retired_paths}))
            try:
                connection.execute(
                    "update staging.source_files set is_current = false "
                    "where is_current and source_path in (select source_path from retired)")
            finally:
                connection.unregister("retired")
        append_rows(connection, "staging.source_files", pd.DataFrame(versions))
        append_rows(connection, "staging.ingest_log", pd.DataFrame(log_lines))
