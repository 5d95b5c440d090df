"""The files under a folder that may be reports, in a stable order, and how to read one: the CLI
and the inbox ingest list and read paths the same way, here.

Every path is classified before it is opened (``os.stat``, which follows symbolic links):

- a regular file (or a symbolic link to one, wherever it points, inside the folder or not) is
  listed under the path it has in the folder: that is the path recorded, never the link's target;
- a folder (or a symbolic link to one) is walked once: a folder already walked, found again
  through a link (a loop back to a parent, or a second link to the same folder), is reported and
  not walked again (folders are told apart by their device and inode, not their names);
- anything else is reported with what it is and what to do about it, never opened: a named pipe
  (FIFO) would block its reader forever, a device could stream without end; a dangling link, a
  link loop and a folder that cannot be listed are reported the same way.

A reported path is an ``UnreadablePath``; the walk goes on past it.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


# A folder's own description (README.md beside the reports) is not a report.
NOT_REPORTS = frozenset({"README.md", "README.txt", "README"})

# The stable code the ingest log and the CLI give every path that could not be read as a file.
UNREADABLE_PATH = "unreadable_path"
# A path named by the user (not found in a walk) that does not exist.
MISSING_PATH = "missing_path"


@dataclass(frozen=True)
class UnreadablePath:
    """A path that is listed but cannot be read as a report file; ``detail`` says what it is and
    what the user can do."""

    path: Path
    detail: str
    reason: str = UNREADABLE_PATH


class NotARegularFile(OSError):
    """A path that was a file when listed and is something else (a pipe, a folder) when read."""


def walk_files(root: Path, excluded_top_folders: Iterable[str] = ()) -> Iterator[Path | UnreadablePath]:
    """Every file under ``root``, sorted (a folder's files, then its subfolders); hidden files and
    folders (.git, .DS_Store) and a folder's README are not reports, and ``excluded_top_folders``
    directly under the root are left out. Paths that are not readable files come as
    ``UnreadablePath``."""
    root = Path(root)
    try:
        status = os.stat(root)
    except OSError as error:
        yield UnreadablePath(root, describe_error(root, error))
        return
    walked = {(status.st_dev, status.st_ino): root}
    yield from _walk(root, set(excluded_top_folders), walked, at_top=True)


def _walk(folder: Path, excluded: set[str], walked: dict[tuple[int, int], Path],
          at_top: bool) -> Iterator[Path | UnreadablePath]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as error:
        yield UnreadablePath(folder, "the folder cannot be listed: " + describe_error(folder, error))
        return
    subfolders = []
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        kind = classify(path)
        if isinstance(kind, UnreadablePath):
            yield kind
        elif kind is None:  # a folder (or a link to one)
            if not (at_top and name in excluded):
                subfolders.append(path)
        elif name not in NOT_REPORTS:
            yield path
    for path in subfolders:
        try:
            status = os.stat(path)
        except OSError as error:  # gone or changed since it was listed
            yield UnreadablePath(path, describe_error(path, error))
            continue
        key = (status.st_dev, status.st_ino)
        if key in walked:
            seen = walked[key]
            what = ("a link back to the folder that contains it (a loop)" if path.is_relative_to(seen)
                    else f"the same folder as {seen}, already read")
            yield UnreadablePath(path, f"{what}: not read again; remove the link if it is not wanted")
            continue
        walked[key] = path
        yield from _walk(path, excluded, walked, at_top=False)


def classify(path: Path) -> Path | UnreadablePath | None:
    """``path`` when it is a regular file (or a link to one), ``None`` when it is a folder (or a
    link to one), else an ``UnreadablePath`` saying what it is. Nothing is opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return UnreadablePath(path, describe_error(path, error))
    if stat.S_ISDIR(mode):
        return None
    if stat.S_ISREG(mode):
        return path
    return UnreadablePath(path, _special_file(mode))


def _special_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return ("a named pipe (FIFO), not a file: reading it would wait for a writer forever, "
                "so it is not read; remove it from the folder")
    if stat.S_ISSOCK(mode):
        return "a socket, not a file: not read; remove it from the folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: not read; remove it from the folder"
    return "not a regular file: not read; remove it from the folder"


def describe_error(path: Path, error: OSError) -> str:
    """What an error listing or reading ``path`` means for the user, and what they can do."""
    if isinstance(error, NotARegularFile):
        return str(error)
    if error.errno == errno.ELOOP:
        return "a symbolic link that leads back to itself (a loop): fix or remove the link"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return f"a symbolic link to {os.readlink(path)}, which does not exist: fix or remove the link"
        return "does not exist (moved or deleted, or a typo in the path): check the path"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: give the user running this read access to it, or remove it"
    return f"cannot be read ({error.strerror or error}): check the disk and the file, then run again"


def read_bytes(path: Path) -> bytes:
    """The bytes of a listed file. A path that turned into a pipe or a device since it was listed
    raises ``NotARegularFile`` instead of blocking: it is opened without waiting for a writer and
    checked before any byte is read. Raises OSError (``describe_error`` words it)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(descriptor, "rb", closefd=True) as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, _special_file(mode) if not stat.S_ISDIR(mode)
                                  else "a folder now, not a file: it will be walked on the next run")
        return handle.read()


def iter_paths(paths: Iterable[str], excluded_top_folders: Iterable[str] = ()) -> Iterator[Path | UnreadablePath]:
    """Files named directly, and the files under folders named; a named path that does not exist
    or is no file comes as an ``UnreadablePath``. A file named directly is read even if hidden."""
    for path in map(Path, paths):
        kind = classify(path)
        if isinstance(kind, UnreadablePath) and not os.path.lexists(path):
            yield UnreadablePath(path, kind.detail, MISSING_PATH)  # a typo: the caller may stop
        elif kind is None:
            yield from walk_files(path, excluded_top_folders)
        else:
            yield kind
