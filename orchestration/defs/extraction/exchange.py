"""The files through which the warehouse and the extraction partitions talk.

Extraction runs per shard of content hashes (``shard_of``) and needs no warehouse connection:
the warehouse side writes each shard's work list (contents to read, stored documents whose facts
are to be extracted again) as Parquet, a partition reads its list and the raw store and writes
its results as Parquet, and the warehouse side merges finished shards. Any process that sees
the folder can be a partition: a worker on this machine, or a pod of a cluster with the folder
(and the raw store) on shared storage.

Every file is written under a temporary name and renamed into place, and a shard's results
appear as one folder renamed at the end, so a reader never sees half a list or half a shard.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

SHARD_KEYS = tuple(f"{digit:x}" for digit in range(16))
WORKLIST_TABLES = ("to_read", "to_extract")
RESULT_TABLES = ("documents", "facts", "extraction_notes", "extraction_state", "ingest_log")


def shard_of(file_sha256: str) -> str:
    """A content's shard: the first hex digit of its hash (SHA-256 spreads contents evenly)."""
    return file_sha256[0]


def write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """``frame`` as one Parquet file at ``path``, appearing whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.incoming")
    with duckdb.connect() as connection:
        connection.register("frame", frame)
        connection.execute(f"copy frame to '{temporary}' (format parquet)")
    temporary.replace(path)


def read_parquet(paths: list[Path]) -> pd.DataFrame:
    with duckdb.connect() as connection:
        return connection.execute("select * from read_parquet($paths, union_by_name = true)",
                                  {"paths": [str(path) for path in paths]}).df()


class ExtractionExchange:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    # The work lists: written by the warehouse side before the partitions start.

    def worklist_path(self, shard: str, table: str) -> Path:
        return self.root / "worklists" / shard / f"{table}.parquet"

    def write_worklist(self, shard: str, table: str, frame: pd.DataFrame) -> None:
        path = self.worklist_path(shard, table)
        if frame.empty:
            path.unlink(missing_ok=True)
        else:
            write_parquet(frame, path)

    def read_worklist(self, shard: str, table: str) -> pd.DataFrame:
        path = self.worklist_path(shard, table)
        return read_parquet([path]) if path.exists() else pd.DataFrame()

    # A shard's results: written by its partition, merged and removed by the warehouse side.

    def results_path(self, shard: str) -> Path:
        return self.root / "results" / shard

    def shard_writer(self, shard: str) -> ShardWriter:
        return ShardWriter(self.results_path(shard))

    def finished_shards(self) -> list[str]:
        folder = self.root / "results"
        return sorted(path.name for path in folder.iterdir() if path.name in SHARD_KEYS) if folder.is_dir() else []

    def result_parts(self, shard: str, table: str) -> list[Path]:
        return sorted(self.results_path(shard).glob(f"{table}-*.parquet"))

    def remove_results(self, shard: str) -> None:
        shutil.rmtree(self.results_path(shard), ignore_errors=True)

    def clear_results(self) -> None:
        """Drop every shard's results not merged yet, and parts a killed partition left."""
        shutil.rmtree(self.root / "results", ignore_errors=True)


class ShardWriter:
    """Parts of one shard's results, written into a hidden folder that becomes the shard's
    results folder only when ``finish`` is called (an earlier unmerged result of the same shard
    is replaced: it was made from an older work list)."""

    def __init__(self, target: Path):
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
        self.parts = 0

    def write(self, frames: dict[str, pd.DataFrame]) -> None:
        for table, frame in frames.items():
            if not frame.empty:
                write_parquet(frame, self.folder / f"{table}-{self.parts:05d}.parquet")
        self.parts += 1

    def finish(self) -> None:
        if self.target.exists():
            shutil.rmtree(self.target)
        self.folder.rename(self.target)

    def abandon(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
