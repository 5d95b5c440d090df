"""The bytes of every file the inbox ever held, outside the warehouse, by SHA-256.

The warehouse keeps one row per content (staging.raw_files: hash, size, first seen); the bytes
live here, one file per content under ``<root>/<2 hex>/<2 hex>/<64 hex>``, so the DuckDB file BI
users open stays small, and any process that can see the folder (a reader worker, a cluster
node) can read a report without a warehouse connection. A content is written once (to a
temporary name, then renamed, so a crash never leaves half a file under a real name), made
read-only, and never changed or removed: nothing a user gave is lost. The writer calls ``sync``
before the warehouse lists what it wrote (one flush for a whole batch: a flush per file cost
3 ms, more than reading and hashing it). Reading checks the bytes against their name, so a
damaged file is reported, never read as a report.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path


class RawStoreError(Exception):
    """A content the warehouse lists is missing from the store, or its bytes do not match."""


class RawStore:
    def __init__(self, root: Path | str):
        self.root = Path(root)

    def path_of(self, file_sha256: str) -> Path:
        # Two levels of 256 folders keep every folder small at 10^6 contents.
        return self.root / file_sha256[:2] / file_sha256[2:4] / file_sha256

    def put(self, file_sha256: str, data: bytes) -> bool:
        """Keep ``data`` under its hash; False when the store already holds it."""
        target = self.path_of(file_sha256)
        if target.exists() and target.stat().st_size == len(data):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return True

    @staticmethod
    def sync() -> None:
        """Everything put so far is on disk (before the warehouse may list it)."""
        os.sync()

    def get(self, file_sha256: str) -> bytes:
        try:
            data = self.path_of(file_sha256).read_bytes()
        except OSError as error:
            raise RawStoreError(f"the raw store {self.root} has no readable copy of {file_sha256}: {error}") from error
        if hashlib.sha256(data).hexdigest() != file_sha256:
            raise RawStoreError(f"the copy of {file_sha256} in the raw store {self.root} is damaged "
                                f"(its bytes hash to something else); put the original file back in the inbox")
        return data

    def __contains__(self, file_sha256: str) -> bool:
        return self.path_of(file_sha256).is_file()


def move_contents_out(connection, store: RawStore, batch: int = 500) -> int:
    """Warehouses made before the store kept the bytes in staging.raw_files.content: copy every
    content into the store, check it reads back, then drop the column (one transaction)."""
    columns = {row[0] for row in connection.execute(
        "select column_name from information_schema.columns "
        "where table_schema = 'staging' and table_name = 'raw_files'").fetchall()}
    if "content" not in columns:
        return 0
    hashes = [row[0] for row in connection.execute("select file_sha256 from staging.raw_files order by 1").fetchall()]
    for start in range(0, len(hashes), batch):
        for file_sha256, content in connection.execute(
                "select file_sha256, content from staging.raw_files where file_sha256 in (select unnest($hashes))",
                {"hashes": hashes[start:start + batch]}).fetchall():
            store.put(file_sha256, bytes(content))
            store.get(file_sha256)  # raises unless the copy is whole
    store.sync()
    connection.execute("alter table staging.raw_files drop column content")
    connection.execute("checkpoint")
    return len(hashes)
