"""The raw store: bytes kept once by hash, outside the warehouse, read back only when whole."""
import hashlib
import os

import duckdb
import pytest

from orchestration.defs.extraction.exchange import ExtractionExchange
from orchestration.defs.extraction.stages import extract_pending, stage_rules_version
from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.raw_store import RawStore, RawStoreError, move_contents_out
from orchestration.warehouse import connect
from extractors.pipeline import reader_version
from test_table_checks import balanced_report


def sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_content_is_written_once_read_only_and_read_back(tmp_path):
    store = RawStore(tmp_path / "raw")
    data = "二〇二三年 政府信息公开".encode("gb18030")
    sha = sha_of(data)
    assert store.put(sha, data) is True
    assert store.put(sha, data) is False  # already there: not rewritten
    path = store.path_of(sha)
    assert path.relative_to(store.root).parts == (sha[:2], sha[2:4], sha)
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # root may write anything
    assert path.stat().st_mode & 0o222 == 0
    assert store.get(sha) == data and sha in store
    assert not list(path.parent.glob(".incoming-*"))


def test_a_missing_or_damaged_copy_is_an_error_never_a_report(tmp_path):
    store = RawStore(tmp_path / "raw")
    with pytest.raises(RawStoreError, match="no readable copy"):
        store.get("ab" * 32)
    data = b"report bytes"
    sha = sha_of(data)
    store.put(sha, data)
    path = store.path_of(sha)
    path.chmod(0o644)
    path.write_bytes(b"report bytez")
    with pytest.raises(RawStoreError, match="damaged"):
        store.get(sha)


def test_the_warehouse_lists_contents_the_store_holds(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = balanced_report().encode("utf-8")
    (inbox / "a.md").write_bytes(report)
    (inbox / "copy_of_a.md").write_bytes(report)
    store = RawStore(tmp_path / "raw")
    with connect(tmp_path / "w.duckdb") as connection:
        ingest_inbox(connection, inbox, store)
        listed = connection.execute("select file_sha256, size_bytes from staging.raw_files").fetchall()
        columns = [row[0] for row in connection.execute("describe staging.raw_files").fetchall()]
    assert listed == [(sha_of(report), len(report))] and "content" not in columns
    assert store.get(sha_of(report)) == report
    assert len([path for path in store.root.rglob("*") if path.is_file()]) == 1


def test_a_report_whose_bytes_the_store_lost_is_logged_and_read_once_they_are_back(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    report = balanced_report().encode("utf-8")
    (inbox / "a.md").write_bytes(report)
    store = RawStore(tmp_path / "raw")
    with connect(tmp_path / "w.duckdb") as connection:
        ingest_inbox(connection, inbox, store)
        exchange = ExtractionExchange(tmp_path / "work")
        kept = store.path_of(sha_of(report))
        kept.rename(tmp_path / "aside")
        summary = extract_pending(connection, store, exchange, reader_version(), stage_rules_version(), workers=1)
        assert summary.skipped == {"raw_missing": 1}
        (tmp_path / "aside").rename(kept)
        summary = extract_pending(connection, store, exchange, reader_version(), stage_rules_version(), workers=1)
        assert summary.rows_written == 1 and not summary.skipped


def test_a_warehouse_that_kept_bytes_inside_moves_them_to_the_store(tmp_path):
    contents = [b"first report", "第二份报告".encode("utf-8")]
    warehouse = tmp_path / "old.duckdb"
    with duckdb.connect(str(warehouse)) as old:
        old.execute("create schema staging")
        old.execute("create table staging.raw_files (file_sha256 varchar primary key, size_bytes bigint not null, "
                    "content blob not null, first_seen_at timestamp not null)")
        for data in contents:
            old.execute("insert into staging.raw_files values (?, ?, ?, now())", [sha_of(data), len(data), data])
    store = RawStore(tmp_path / "raw")
    with connect(warehouse) as connection:
        assert move_contents_out(connection, store) == 2
        assert move_contents_out(connection, store) == 0  # done once
        columns = [row[0] for row in connection.execute("describe staging.raw_files").fetchall()]
        assert connection.execute("select count(*) from staging.raw_files").fetchone()[0] == 2
    assert "content" not in columns
    assert [store.get(sha_of(data)) for data in contents] == contents
