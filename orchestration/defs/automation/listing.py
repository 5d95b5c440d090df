"""The inbox's listing as one hash, for the inbox sensor: every path the ingest would see with its
size and modification time, so a new, changed or removed file changes the hash. Plain Python: the
same walk as the ingest (extractors.files.walk_files), stat calls only, no file opened, no
warehouse connection."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from extractors.files import UnreadablePath, walk_files
from orchestration.settings import EXCLUDED_FOLDERS


@dataclass(frozen=True)
class InboxListing:
    fingerprint: str  # SHA-256 of the (path, size, mtime) lines, in the walk's stable order
    files: int  # paths listed, readable or not


def list_inbox(inbox: Path) -> InboxListing | None:
    """The listing of ``inbox``, or None when it is not a folder (a mistyped OGI_INBOX, an
    unmounted volume: nothing a run could ingest)."""
    if not inbox.is_dir():
        return None
    digest = hashlib.sha256()
    files = 0
    for entry in walk_files(inbox, EXCLUDED_FOLDERS):
        files += 1
        if isinstance(entry, UnreadablePath):
            # The ingest logs such a path as skipped: a new one is worth a run, its state is its reason.
            line = f"{entry.path.relative_to(inbox).as_posix()}\0unreadable\0{entry.reason}"
        else:
            try:
                status = os.stat(entry)
                line = f"{entry.relative_to(inbox).as_posix()}\0{status.st_size}\0{status.st_mtime_ns}"
            except OSError:  # gone since it was listed: the next evaluation sees the folder settled
                line = f"{entry.relative_to(inbox).as_posix()}\0vanished"
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")
    return InboxListing(digest.hexdigest(), files)
