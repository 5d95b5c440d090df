"""What `make run` shows (orchestration/run.py): one line per step from the run's events, the
failing step with its error, the log file kept whole and bounded in number; and one real run of
`python -m orchestration.run` on an invented inbox, then one that fails on a missing inbox."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from orchestration.run import new_log_path
from orchestration.run_progress import (
    CHECK, MATERIALIZATION, RUN_FAILURE, STEP_FAILURE, STEP_START, STEP_SUCCESS, JobEvent, RunProgress,
    failure_lines, format_duration, step_line,
)
from test_cli import INVENTED
from test_table_checks import balanced_report
from test_warehouse import INVENTED_REPORT, dbt_manifest  # noqa: F401 (a fixture)

PROJECT = Path(__file__).resolve().parents[1]
RUN_LIMIT_S = 600


def shown(events: list[JobEvent]) -> tuple[RunProgress, list[str]]:
    """The lines a run shows as ``events`` arrive (a line when a step finishes)."""
    progress, lines = RunProgress(), []
    for event in events:
        finished = progress.apply(event)
        if finished:
            lines.append(step_line(finished, event.at))
    return progress, lines


def test_a_line_per_step_with_its_duration_counts_and_checks():
    counts = {"files_seen": 12, "new": 3, "changed": 0}
    events = [
        JobEvent(STEP_START, "ingest", 100.0),
        # a multi-asset repeats its counts on each of its assets: told once
        *[JobEvent(MATERIALIZATION, "ingest", 100.2, asset=name, counts=counts) for name in ("raw", "paths")],
        JobEvent(STEP_SUCCESS, "ingest", 100.4),
        JobEvent(STEP_START, "models", 101.0),
        *[JobEvent(MATERIALIZATION, "models", 102.0, asset=f"model_{index}", counts={"dagster/row_count": 5})
          for index in range(7)],
        *[JobEvent(CHECK, "models", 103.0, passed=index != 2) for index in range(10)],
        JobEvent(STEP_SUCCESS, "models", 185.6),
    ]
    progress, lines = shown(events)
    assert lines == [
        "ok     ingest                            0.4s  files_seen 12, new 3",
        "ok     models                           1m25s  7 assets; checks 9 passed, 1 failed",
    ]
    assert not progress.running() and not progress.failed_steps()


def test_counts_all_zero_are_shown_and_a_running_step_has_its_time_so_far():
    _, lines = shown([JobEvent(STEP_START, "plan", 0.0),
                      JobEvent(MATERIALIZATION, "plan", 0.1, asset="plan", counts={"to_process": 0}),
                      JobEvent(STEP_SUCCESS, "plan", 0.2)])
    assert lines == ["ok     plan                              0.2s  to_process 0"]
    progress, _ = shown([JobEvent(STEP_START, "extract", 10.0)])
    assert step_line(progress.running()[0], 72.0) == "...    extract                          1m02s"


def test_a_failed_step_is_named_with_its_error_and_the_log():
    progress, lines = shown([
        JobEvent(STEP_START, "ingest", 0.0),
        JobEvent(STEP_FAILURE, "ingest", 1.5, error=("InboxError: the inbox /x does not exist", 'File "a.py", line 3')),
        JobEvent(RUN_FAILURE, None, 1.6, error=("Execution of run failed.",)),
    ])
    assert lines == ["FAILED ingest                            1.5s"]
    assert failure_lines(progress, ["log line"], "/logs/run.log") == [
        "step ingest failed:", "  InboxError: the inbox /x does not exist", '  File "a.py", line 3',
        "full log: /logs/run.log"]


def test_a_run_that_fails_before_any_step_shows_the_end_of_its_log():
    tail = [f"line {index}" for index in range(30)]
    lines = failure_lines(RunProgress(), tail, "/logs/run.log")
    assert lines[0] == "the run failed before its first step:"
    assert lines[1:-1] == [f"  line {index}" for index in range(18, 30)]
    assert lines[-1] == "full log: /logs/run.log"


def test_durations_read_at_a_glance():
    assert [format_duration(seconds) for seconds in (0.04, 12.34, 59.94, 61, 3599.6)] == [
        "0.0s", "12.3s", "59.9s", "1m01s", "60m00s"]


def test_only_the_newest_logs_are_kept(tmp_path):
    for index in range(5):
        path = tmp_path / f"run-2020010{index}-000000.log"
        path.write_text("old")
        os.utime(path, (1_000_000 + index, 1_000_000 + index))
    (tmp_path / "notes.txt").write_text("not a run log")
    path = new_log_path(tmp_path, keep=3)
    path.write_text("new")
    assert sorted(file.name for file in tmp_path.iterdir()) == [
        "notes.txt", "run-20200103-000000.log", "run-20200104-000000.log", path.name]
    assert new_log_path(tmp_path, keep=3) != path  # a second log in the same second gets its own name


def run_make_run(tmp_path: Path, inbox: Path) -> tuple[subprocess.CompletedProcess, Path | None]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    environment = dict(os.environ, DAGSTER_HOME=str(home), OGI_INBOX=str(inbox),
                       OGI_WAREHOUSE=str(tmp_path / "warehouse.duckdb"), OGI_WORKERS="1")
    result = subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=PROJECT, env=environment,
                            capture_output=True, text=True, timeout=RUN_LIMIT_S)
    named = re.search(r"full log: (.+)$", result.stdout, re.MULTILINE)
    return result, Path(named[1]) if named else None


def test_make_run_shows_each_step_and_the_summary_and_keeps_the_whole_log(tmp_path, dbt_manifest):  # noqa: F811
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "county_2015.html").write_bytes(INVENTED_REPORT.encode("gbk"))
    (inbox / "county_2022.md").write_text(balanced_report(), encoding="utf-8")
    (inbox / "city_2017.txt").write_text(INVENTED, encoding="utf-8")
    result, log_path = run_make_run(tmp_path, inbox)
    shown_lines = (result.stdout + result.stderr).splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert log_path is not None and log_path.parent == tmp_path / "logs"
    log = log_path.read_text(encoding="utf-8")
    steps = re.findall(r'Started execution of step "([^"]+)"', log)
    assert len(steps) >= 5 and "RUN_SUCCESS" in log and "Running with dbt=" in log  # Dagster's and dbt's output
    for step in steps:
        assert any(line.startswith("ok") and f" {step} " in line for line in shown_lines), step
    assert "reports:          3" in result.stdout  # the summary
    assert len(shown_lines) <= 40 and "DEBUG" not in result.stdout + result.stderr


def test_a_failed_run_names_the_failing_step_and_its_log(tmp_path, dbt_manifest):  # noqa: F811
    result, log_path = run_make_run(tmp_path, tmp_path / "no_such_inbox")
    assert result.returncode != 0
    assert log_path is not None and log_path.exists()
    failed = re.findall(r'Execution of step "([^"]+)" failed', log_path.read_text(encoding="utf-8"))
    assert failed and f"step {failed[0]} failed:" in result.stderr
    assert "does not exist: check OGI_INBOX" in result.stderr and f"full log: {log_path}" in result.stderr
