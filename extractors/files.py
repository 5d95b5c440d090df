"""The files under a folder that may be reports, in a stable order (the CLI and the inbox
ingest walk folders the same way)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


# A folder's own description (README.md beside the reports) is not a report.
NOT_REPORTS = frozenset({"README.md", "README.txt", "README"})


def walk_files(root: Path, excluded_top_folders: Iterable[str] = ()) -> Iterator[Path]:
    """Every file under ``root``, sorted; hidden files and folders (.git, .DS_Store) and a
    folder's README are not reports, and ``excluded_top_folders`` directly under the root are
    left out."""
    excluded = set(excluded_top_folders)
    for folder, subfolders, names in os.walk(root):
        at_top = Path(folder) == root
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and not (at_top and name in excluded))
        for name in sorted(names):
            if not name.startswith(".") and name not in NOT_REPORTS:
                yield Path(folder) / name


def iter_paths(paths: Iterable[str], excluded_top_folders: Iterable[str] = ()) -> Iterator[Path]:
    """Files named directly, and the files under folders named."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from walk_files(path, excluded_top_folders)
        else:
            yield path
