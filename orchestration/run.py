"""`make run` (`python -m orchestration.run`): the job build_warehouse, shown step by step, then
the summary (orchestration/summary.py).

The job runs as `dagster job execute` in a child process whose whole output (Dagster's events,
dbt's lines, tracebacks) goes to a log file, `logs/run-<time>.log` beside the warehouse; the
newest OGI_KEEP_RUNS logs are kept, like the runs the Dagster instance keeps. The steps shown
are read from the run's events in the Dagster instance (DAGSTER_HOME), not from the log's text:
each step's duration, the counts its assets reported and its checks, and on failure the failing
step and its error. On a terminal a spinner shows the running step; elsewhere (CI, a pipe) one
plain line per step. The exit code is the job's (1 when it failed without saying).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from dagster import DagsterInstance, DagsterRunStatus, IntMetadataValue, RunsFilter
from dagster._core.events import DagsterEventType
from dagster._utils.error import SerializableErrorInfo
from rich.console import Console
from rich.text import Text
from sqlalchemy.exc import OperationalError

from orchestration import summary
from orchestration.run_progress import (
    CHECK, MATERIALIZATION, RUN_FAILURE, STEP_FAILURE, STEP_START, STEP_SUCCESS, JobEvent, RunProgress, StepProgress,
    failure_lines, format_duration, step_line,
)
from orchestration.settings import PROJECT_ROOT, runs_to_keep, warehouse_path

JOB = "build_warehouse"
# The run carries its log's path: this runner finds its run by it, and the UI shows it.
LOG_TAG = "ogi/console_log"
POLL_SECONDS = 0.5
FOLLOWED = {
    DagsterEventType.STEP_START: STEP_START, DagsterEventType.STEP_SUCCESS: STEP_SUCCESS,
    DagsterEventType.STEP_FAILURE: STEP_FAILURE, DagsterEventType.ASSET_MATERIALIZATION: MATERIALIZATION,
    DagsterEventType.ASSET_CHECK_EVALUATION: CHECK, DagsterEventType.RUN_FAILURE: RUN_FAILURE,
}


def logs_folder() -> Path:
    return warehouse_path().parent / "logs"


def new_log_path(folder: Path, keep: int) -> Path:
    """A new empty log file in ``folder`` (made before its path is printed), after deleting all
    but the newest ``keep - 1`` logs."""
    folder.mkdir(parents=True, exist_ok=True)
    old = sorted(folder.glob("run-*.log"), key=lambda path: path.stat().st_mtime)
    for path in old[: max(0, len(old) - (keep - 1))]:
        path.unlink(missing_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    attempt = 1
    while True:
        path = folder / (f"run-{stamp}.log" if attempt == 1 else f"run-{stamp}-{attempt}.log")
        try:
            path.touch(exist_ok=False)
            return path
        except FileExistsError:
            attempt += 1


def error_lines(error: SerializableErrorInfo | None) -> tuple[str, ...]:
    """The innermost cause of a Dagster error (Dagster wraps the asset's own exception), and
    where it was raised."""
    if error is None:
        return ()
    while error.cause is not None:
        error = error.cause
    lines = [line.rstrip() for line in error.message.splitlines() if line.strip()]
    if error.stack:
        lines.append(error.stack[-1].strip().splitlines()[0])
    return tuple(lines)


def job_event(record) -> JobEvent | None:
    """The part of a Dagster event record `make run` shows."""
    entry = record.event_log_entry
    event = entry.dagster_event
    kind = FOLLOWED.get(event.event_type) if event else None
    if kind is None:
        return None
    data = event.event_specific_data
    if kind == MATERIALIZATION:
        materialization = data.materialization
        counts = {name: value.value for name, value in materialization.metadata.items()
                  if isinstance(value, IntMetadataValue)}
        return JobEvent(kind, entry.step_key, entry.timestamp, asset=materialization.asset_key.to_user_string(),
                        counts=counts)
    if kind == CHECK:
        return JobEvent(kind, entry.step_key, entry.timestamp, passed=data.passed)
    if kind in (STEP_FAILURE, RUN_FAILURE):
        error = error_lines(getattr(data, "error", None)) or (entry.message,)
        return JobEvent(kind, entry.step_key, entry.timestamp, error=error)
    return JobEvent(kind, entry.step_key, entry.timestamp)


class RunEvents:
    """The events of the run tagged with ``log_path``, as they are written."""

    def __init__(self, instance: DagsterInstance, log_path: Path):
        self.instance, self.log_path = instance, log_path
        self.run_id: str | None = None
        self.cursor: str | None = None

    def new(self) -> list[JobEvent]:
        try:
            if self.run_id is None:
                runs = self.instance.get_runs(RunsFilter(tags={LOG_TAG: str(self.log_path)}), limit=1)
                if not runs:
                    return []
                self.run_id = runs[0].run_id
            events = []
            while True:
                page = self.instance.get_records_for_run(self.run_id, self.cursor, of_type=set(FOLLOWED), limit=500)
                self.cursor = page.cursor
                events += [event for event in map(job_event, page.records) if event]
                if not page.has_more:
                    return events
        except OperationalError:
            return []  # SQLite busy while the job writes: read again at the next poll

    def succeeded(self) -> bool:
        run = self.instance.get_run_by_id(self.run_id) if self.run_id else None
        return run is not None and run.status == DagsterRunStatus.SUCCESS


class Display:
    """Finished steps as lines; on a terminal, the running step on a spinner line below them."""

    def __init__(self, terminal: bool):
        self.console = Console(highlight=False) if terminal else None
        self.status = None

    def line(self, text: str, style: str | None = None) -> None:
        if self.console:
            self.console.print(Text(text, style=style or ""))
        else:
            print(text, flush=True)

    def step(self, step: StepProgress) -> None:
        self.line(step_line(step, step.finished_at or time.time()), "red" if step.failed else "green")

    def running(self, progress: RunProgress) -> None:
        if not self.console:
            return
        now, steps = time.time(), progress.running()
        text = (" | ".join(step_line(step, now) for step in steps) if steps
                else "waiting for Dagster" if progress.steps else "starting Dagster (loading the definitions)")
        if self.status is None:
            self.status = self.console.status(text)
            self.status.start()
        else:
            self.status.update(text)

    def stop(self) -> None:
        if self.status is not None:
            self.status.stop()
            self.status = None


def log_tail(path: Path, lines: int = 40) -> list[str]:
    with open(path, "rb") as log:
        log.seek(max(0, log.seek(0, os.SEEK_END) - 64 * 1024))
        text = log.read().decode("utf-8", errors="replace")
    return [line.rstrip() for line in text.splitlines() if line.strip()][-lines:]


def show_new_events(events: RunEvents, progress: RunProgress, display: Display) -> None:
    for event in events.new():
        finished = progress.apply(event)
        if finished:
            display.step(finished)


def job_command(log_path: Path) -> list[str]:
    return [sys.executable, "-m", "dagster", "job", "execute", "-m", "orchestration.definitions", "-j", JOB,
            "--tags", json.dumps({LOG_TAG: str(log_path)})]


def main() -> int:
    # As the Makefile sets it: the runner must read the same instance the job writes.
    os.environ.setdefault("DAGSTER_HOME", str(PROJECT_ROOT / ".dagster_home"))
    Path(os.environ["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    log_path = new_log_path(logs_folder(), runs_to_keep())
    display = Display(sys.stdout.isatty())
    display.line(f"{JOB} started; full log: {log_path}")
    started = time.time()
    # Opened (so created, when DAGSTER_HOME is new) before the job's process opens it: two
    # processes creating one instance at once fail on its tables.
    with DagsterInstance.get() as instance:
        events, progress = RunEvents(instance, log_path), RunProgress()
        with open(log_path, "wb") as log:
            process = subprocess.Popen(job_command(log_path), stdout=log, stderr=subprocess.STDOUT)
        try:
            while True:
                ended = process.poll() is not None
                show_new_events(events, progress, display)
                if ended:
                    break
                display.running(progress)
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            # Ctrl-C reached the job's process too: Dagster stops the run, or (seen inside a
            # step) finishes it; what it did is told as for any run.
            display.stop()
            print("interrupted: waiting for Dagster to stop or finish the run", file=sys.stderr)
            process.wait()
            show_new_events(events, progress, display)
        finally:
            display.stop()
        succeeded = process.returncode == 0 and events.succeeded()
    if not succeeded:
        for line in failure_lines(progress, log_tail(log_path), str(log_path)):
            print(line, file=sys.stderr)
        return process.returncode or 1
    display.line(f"{JOB} succeeded in {format_duration(time.time() - started)}")
    return summary.main()


if __name__ == "__main__":
    sys.exit(main())
