"""Odd paths in an inbox or on the command line: dangling and looping links, named pipes,
unreadable files, symlinked folders. Each is classified before it is opened, skipped with a
reason that says what to do, and never stops or hangs the walk, the ingest or `ogi extract`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import extractors.files as files
from extractors.files import MISSING_PATH, UnreadablePath, iter_paths, read_bytes, walk_files
from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.raw_store import RawStore
from orchestration.warehouse import connect
from test_cli import INVENTED

OGI = [sys.executable, "-m", "extractors.cli"]
# Generous: a hang is the failure these tests look for, and the machine may be busy.
TIMEOUT = 120


@pytest.fixture
def odd_inbox(tmp_path: Path) -> Path:
    """An inbox with one report and one of every odd path, the report in a linked folder too."""
    inbox = tmp_path / "inbox"
    (inbox / "real").mkdir(parents=True)
    (inbox / "real" / "report.txt").write_text(INVENTED, encoding="utf-8")
    (inbox / "dangling.txt").symlink_to(inbox / "nowhere.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "real" / "back_to_inbox").symlink_to(inbox)  # a folder loop
    (inbox / "linked").symlink_to(inbox / "real")  # a second way to the same folder
    outside = tmp_path / "elsewhere"
    (outside / "sub").mkdir(parents=True)
    (outside / "sub" / "far.txt").write_text(INVENTED, encoding="utf-8")
    (inbox / "outside").symlink_to(outside)  # a linked folder outside the inbox: followed
    (inbox / "far_link.txt").symlink_to(outside / "sub" / "far.txt")  # a linked file outside
    return inbox


def listed(root: Path) -> tuple[list[str], dict[str, str]]:
    readable, problems = [], {}
    for item in walk_files(root):
        if isinstance(item, UnreadablePath):
            problems[item.path.relative_to(root).as_posix()] = item.detail
        else:
            readable.append(item.relative_to(root).as_posix())
    return readable, problems


def test_every_odd_path_is_classified_before_it_is_opened(odd_inbox):
    readable, problems = listed(odd_inbox)
    # Linked folders are followed once, under the inbox path met first in the sorted walk
    # ("linked" before "real"); a linked file is read where it points but recorded under its
    # inbox path, inside the inbox or not.
    assert readable == ["far_link.txt", "linked/report.txt", "outside/sub/far.txt"]
    assert "does not exist" in problems["dangling.txt"] and "nowhere.txt" in problems["dangling.txt"]
    assert "loop" in problems["loop.txt"]
    assert "named pipe" in problems["pipe.txt"] and "remove it" in problems["pipe.txt"]
    assert "loop" in problems["linked/back_to_inbox"]
    assert "same folder as" in problems["real"] and "linked" in problems["real"]
    assert set(problems) == {"dangling.txt", "loop.txt", "pipe.txt", "linked/back_to_inbox", "real"}


def test_a_file_that_becomes_a_pipe_after_listing_is_refused_without_blocking(tmp_path):
    path = tmp_path / "was_a_file.txt"
    os.mkfifo(path)
    with pytest.raises(files.NotARegularFile, match="named pipe"):
        read_bytes(path)  # opened without waiting for a writer, checked before reading


def test_ingest_logs_odd_paths_and_goes_on(odd_inbox, tmp_path):
    with connect(tmp_path / "w.duckdb") as connection:
        summary = ingest_inbox(connection, odd_inbox, RawStore(tmp_path / "raw"), "run")
        again = ingest_inbox(connection, odd_inbox, RawStore(tmp_path / "raw"), "run")
        current = sorted(row[0] for row in connection.execute(
            "select source_path from staging.source_files where is_current").fetchall())
        logged = connection.execute(
            "select source_path, count(*) from staging.ingest_log "
            "where reason = 'unreadable_path' group by 1 order by 1").fetchall()
    assert current == ["far_link.txt", "linked/report.txt", "outside/sub/far.txt"]
    assert summary.new == 3 and sorted(summary.unreadable) == sorted(again.unreadable)
    assert [path for path, _ in logged] == ["dangling.txt", "linked/back_to_inbox", "loop.txt", "pipe.txt", "real"]
    assert all(count == 1 for _, count in logged)  # a path that stays unreadable is logged once


def test_ingest_goes_on_past_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    # Simulated: as root, chmod 000 does not stop reading (the real case is the next test).
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(INVENTED, encoding="utf-8")
    (inbox / "denied.txt").write_text(INVENTED + "x", encoding="utf-8")
    real_read = files.read_bytes

    def read_or_deny(path: Path) -> bytes:
        if path.name == "denied.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr("orchestration.defs.ingest.inbox.read_bytes", read_or_deny)
    with connect(tmp_path / "w.duckdb") as connection:
        summary = ingest_inbox(connection, inbox, RawStore(tmp_path / "raw"), "run")
        detail = connection.execute(
            "select detail from staging.ingest_log where source_path = 'denied.txt'").fetchall()[0][0]
    assert summary.new == 1 and summary.unreadable == ["denied.txt"]
    assert "permission denied" in detail and "read access" in detail


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root reads a chmod 000 file; the simulated test above covers the ingest")
def test_cli_goes_on_past_a_file_without_read_permission(tmp_path):
    (tmp_path / "a.txt").write_text(INVENTED, encoding="utf-8")
    denied = tmp_path / "denied.txt"
    denied.write_text(INVENTED, encoding="utf-8")
    denied.chmod(0)
    result = subprocess.run([*OGI, "extract", str(tmp_path)], capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0 and "denied.txt: unreadable_path: permission denied" in result.stderr


def test_cli_neither_hangs_nor_stops_on_odd_paths(odd_inbox):
    result = subprocess.run([*OGI, "extract", str(odd_inbox), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert "pipe.txt: unreadable_path: a named pipe" in result.stderr
    assert "dangling.txt: unreadable_path:" in result.stderr
    assert result.stdout.count('"metric": "req_received"') == 3  # the three readable copies


def test_cli_fails_on_a_path_that_does_not_exist(tmp_path):
    (tmp_path / "r.txt").write_text(INVENTED, encoding="utf-8")
    result = subprocess.run([*OGI, "extract", str(tmp_path / "r.txt"), str(tmp_path / "typo.txt")],
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 2  # (1 is for "no report found")
    assert f"typo.txt: {MISSING_PATH}: does not exist" in result.stderr
    assert "req_received" in result.stdout  # what was found is still printed


def test_cli_fails_when_every_file_is_skipped(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run([*OGI, "extract", str(tmp_path)], capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 1 and "no report read" in result.stderr


def test_named_paths_are_classified_like_walked_ones(odd_inbox):
    items = list(iter_paths([str(odd_inbox / "pipe.txt"), str(odd_inbox / "outside")]))
    assert isinstance(items[0], UnreadablePath) and "named pipe" in items[0].detail
    assert items[1:] == [odd_inbox / "outside" / "sub" / "far.txt"]  # a linked folder named is walked


def test_cli_goes_on_past_files_denied_or_gone_between_listing_and_reading(tmp_path, monkeypatch, capsys):
    # Simulated in-process, so it holds as root too.
    import extractors.cli as cli

    for name in ("a.txt", "denied.txt", "gone.txt"):
        (tmp_path / name).write_text(INVENTED, encoding="utf-8")
    real_read = files.read_bytes

    def read(path: Path) -> bytes:
        if path.name == "denied.txt":
            raise PermissionError(13, "Permission denied", str(path))
        if path.name == "gone.txt":
            path.unlink()  # removed after it was listed
        return real_read(path)

    monkeypatch.setattr(cli, "read_bytes", read)
    assert cli.main(["extract", str(tmp_path)]) == 0
    stderr = capsys.readouterr().err
    assert "denied.txt: unreadable_path: permission denied: give the user running this read access" in stderr
    assert "gone.txt: unreadable_path: does not exist" in stderr and "2 file(s) skipped" in stderr
