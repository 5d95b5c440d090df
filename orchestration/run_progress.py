"""What `make run` shows of a run: one line per step of the job (its duration, the counts its
assets reported, its checks), the failing step with its error, from the run's events.

Plain Python, no Dagster: orchestration/run.py turns Dagster's event records into ``JobEvent``s,
so that what is shown can be tested from a sequence of invented events. The steps are whatever
the events name (nothing here lists the job's steps)."""
from __future__ import annotations

from dataclasses import dataclass, field

STEP_START, STEP_SUCCESS, STEP_FAILURE = "step_start", "step_success", "step_failure"
MATERIALIZATION, CHECK, RUN_FAILURE = "materialization", "check", "run_failure"
# A step that materializes more assets than this (the dbt step: one per model and seed) is told
# by how many; a step with fewer, by the counts its assets reported (files seen, reports read...).
COUNTS_UP_TO_ASSETS = 3
ERROR_LINES = 12
STEP_COLUMN = 30


@dataclass(frozen=True)
class JobEvent:
    kind: str
    step: str | None
    at: float  # seconds since the epoch
    asset: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # the integer metadata of a materialization
    passed: bool | None = None  # a check's outcome
    error: tuple[str, ...] = ()  # a failure's lines: what went wrong, innermost cause last


@dataclass
class StepProgress:
    name: str
    started_at: float
    finished_at: float | None = None
    failed: bool = False
    assets: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    checks_passed: int = 0
    checks_failed: int = 0
    error: tuple[str, ...] = ()

    def seconds(self, now: float) -> float:
        return (self.finished_at if self.finished_at is not None else now) - self.started_at

    def details(self) -> str:
        if len(self.assets) > COUNTS_UP_TO_ASSETS:
            told = [f"{len(self.assets)} assets"]
        else:
            # Zeros say little on a line read at a glance (0 changed, 0 removed...), unless all
            # are zero (a run with nothing new to do).
            shown = {name: value for name, value in self.counts.items() if value} or self.counts
            told = [", ".join(f"{name} {value}" for name, value in shown.items())]
        if self.checks_passed or self.checks_failed:
            told.append(f"checks {self.checks_passed} passed, {self.checks_failed} failed")
        return "; ".join(part for part in told if part)


def format_duration(seconds: float) -> str:
    """``0.4s``, ``12.3s``, ``3m05s``: as long a run takes, read at a glance."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest:02d}s"


class RunProgress:
    """The steps of one run as its events arrive, in the order they started."""

    def __init__(self) -> None:
        self.steps: dict[str, StepProgress] = {}
        self.run_error: tuple[str, ...] = ()

    def apply(self, event: JobEvent) -> StepProgress | None:
        """Take one event; return the step it finished (to be shown), else None."""
        if event.kind == RUN_FAILURE:
            self.run_error = event.error
            return None
        if event.step is None:
            return None
        if event.kind == STEP_START:
            self.steps[event.step] = StepProgress(event.step, event.at)
            return None
        step = self.steps.setdefault(event.step, StepProgress(event.step, event.at))
        if event.kind == MATERIALIZATION:
            if event.asset not in step.assets:
                step.assets.append(event.asset)
            for name, value in event.counts.items():
                step.counts.setdefault(name, value)  # a multi-asset repeats its counts on each asset
        elif event.kind == CHECK:
            if event.passed:
                step.checks_passed += 1
            else:
                step.checks_failed += 1
        elif event.kind in (STEP_SUCCESS, STEP_FAILURE):
            step.finished_at = event.at
            step.failed = event.kind == STEP_FAILURE
            step.error = event.error
            return step
        return None

    def running(self) -> list[StepProgress]:
        return [step for step in self.steps.values() if step.finished_at is None]

    def failed_steps(self) -> list[StepProgress]:
        return [step for step in self.steps.values() if step.failed]


def step_line(step: StepProgress, now: float) -> str:
    mark = "FAILED" if step.failed else "ok" if step.finished_at is not None else "..."
    line = f"{mark:<6} {step.name:<{STEP_COLUMN}} {format_duration(step.seconds(now)):>7}"
    details = step.details()
    return f"{line}  {details}" if details else line


def failure_lines(progress: RunProgress, log_tail: list[str], log_path: str) -> list[str]:
    """What to read when a run fails: the failing step and its error, else how the run ended
    (the last lines of its log when it never started a step), and where the whole log is."""
    lines: list[str] = []
    failed = progress.failed_steps()
    for step in failed:
        lines.append(f"step {step.name} failed:")
        lines.extend(f"  {line}" for line in step.error[-ERROR_LINES:])
    if not failed:
        error = progress.run_error or tuple(log_tail[-ERROR_LINES:])
        lines.append("the run failed before or between its steps:" if progress.steps else "the run failed before its first step:")
        lines.extend(f"  {line}" for line in error[-ERROR_LINES:])
    lines.append(f"full log: {log_path}")
    return lines
