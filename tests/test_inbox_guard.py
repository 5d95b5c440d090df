"""A mistyped, missing or unreadable inbox, or one that suddenly lost most of its files, stops the
ingest before it writes anything (issue 9, item 4)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from orchestration.defs.ingest.inbox import (MASS_REMOVAL_MIN, InboxError, ingest_inbox, is_mass_removal)
from orchestration.raw_store import RawStore
from orchestration.warehouse import connect, table_counts

FILES = 30  # above MASS_REMOVAL_MIN, so losing most of them is a mass removal


def write_inbox(folder: Path, files: int = FILES) -> Path:
    (folder / "sub").mkdir(parents=True)
    for number in range(files):
        (folder / "sub" / f"file_{number:03}.txt").write_text(f"文件 {number}", encoding="utf-8")
    return folder


def current_paths(connection) -> int:
    return connection.execute("select count(*) from staging.source_files where is_current").fetchone()[0]


def test_the_threshold():
    assert not is_mass_removal(0, 100)
    assert not is_mass_removal(50, 100)  # half is not "most"
    assert is_mass_removal(51, 100)
    assert not is_mass_removal(MASS_REMOVAL_MIN - 1, MASS_REMOVAL_MIN + 5)  # most, but few files
    assert not is_mass_removal(2, 3)  # a small inbox can lose a few files
    assert is_mass_removal(3, 3)  # but not all of them at once
    assert not is_mass_removal(0, 0)


@pytest.mark.parametrize("kind", ["missing", "a_file"])
def test_a_missing_inbox_is_an_error_that_changes_nothing(tmp_path, kind):
    inbox = write_inbox(tmp_path / "inbox")
    store = RawStore(tmp_path / "raw")
    with connect(tmp_path / "w.duckdb") as connection:
        ingest_inbox(connection, inbox, store, "first")
        before = table_counts(connection)
        wrong = tmp_path / "inbx"
        if kind == "a_file":
            wrong.write_text("not a folder")
        with pytest.raises(InboxError, match="OGI_INBOX"):
            ingest_inbox(connection, wrong, store, "typo")
        assert table_counts(connection) == before
        assert current_paths(connection) == FILES


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_inbox_is_an_error_that_changes_nothing(tmp_path):
    inbox = write_inbox(tmp_path / "inbox")
    with connect(tmp_path / "w.duckdb") as connection:
        ingest_inbox(connection, inbox, RawStore(tmp_path / "raw"), "first")
        inbox.chmod(0)
        try:
            with pytest.raises(InboxError, match="cannot be read"):
                ingest_inbox(connection, inbox, RawStore(tmp_path / "raw"), "denied")
        finally:
            inbox.chmod(0o755)
        assert current_paths(connection) == FILES


def test_an_inbox_that_lost_most_files_needs_the_flag(tmp_path, monkeypatch):
    inbox = write_inbox(tmp_path / "inbox")
    other = write_inbox(tmp_path / "other", files=3)  # a mistyped inbox that holds a few files
    store = RawStore(tmp_path / "raw")
    monkeypatch.delenv("OGI_ALLOW_MASS_REMOVAL", raising=False)
    with connect(tmp_path / "w.duckdb") as connection:
        ingest_inbox(connection, inbox, store, "first")
        before = table_counts(connection)
        empty = tmp_path / "empty"
        empty.mkdir()
        for wrong in (empty, other):
            with pytest.raises(InboxError, match="OGI_ALLOW_MASS_REMOVAL=1"):
                ingest_inbox(connection, wrong, store, "typo")
            assert table_counts(connection) == before  # not even the other folder's new files
        assert current_paths(connection) == FILES

        # A few files gone is an ordinary removal.
        for number in range(5):
            (inbox / "sub" / f"file_{number:03}.txt").unlink()
        assert ingest_inbox(connection, inbox, store, "few").removed == 5

        # Most of them gone, on purpose: the flag lets the run mark them removed.
        for number in range(5, FILES - 2):
            (inbox / "sub" / f"file_{number:03}.txt").unlink()
        with pytest.raises(InboxError):
            ingest_inbox(connection, inbox, store, "most")
        assert current_paths(connection) == FILES - 5
        monkeypatch.setenv("OGI_ALLOW_MASS_REMOVAL", "1")
        summary = ingest_inbox(connection, inbox, store, "allowed")
        assert summary.removed == FILES - 7
        assert current_paths(connection) == 2
