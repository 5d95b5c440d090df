"""The whole job (`make run`'s Dagster job: ingest → documents and facts → checks → dbt) on a
synthetic inbox of N files, from an empty warehouse, then a re-run with nothing changed and a run
after adding one report.

    .venv/bin/python benchmarks/run_job.py --reports 1000 [--workdir DIR]

Prints, as a Markdown table row for benchmarks/RESULTS.md: files, wall time of the first run and
its reports per second, the time of each step (from Dagster's own step events), the peak resident
memory of the job's whole process tree (Dagster, its worker processes, dbt), the warehouse file's
size, the re-run with nothing new and the run that adds one report. The full Dagster log of each
run is kept in the work folder.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_inbox import write_inbox  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
PEAKS_BY_STEP: dict[str, dict[str, int]] = {}  # run log name → step → peak tree RSS bytes
JOB = [str(PROJECT / ".venv" / "bin" / "dagster"), "job", "execute", "-m", "orchestration.definitions",
       "-j", "build_warehouse"]
# (Dagster prints 230ms, 28.68s or 5m56s)
_STEP_DONE = re.compile(r'Finished execution of step "(?P<step>[^"]+)" in (?:(?P<minutes>\d+)m(?!s))?'
                        r'(?:(?P<seconds>[\d.]+)(?P<unit>ms|s))?')
_STEP_EVENT = re.compile(r'^(?P<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+0000 .*?(?:Started|Finished) execution of step "(?P<step>[^"]+)"',
                         re.MULTILINE)
POLL_SECONDS = 0.2


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="utf-8") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _tree_rss_bytes(root: int) -> int:
    """Resident memory of ``root`` and all its descendants (Linux /proc)."""
    tree, total, stack = _children(), 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


def step_peaks(log_text: str, samples: list[tuple[float, int]]) -> dict[str, int]:
    """The peak memory sampled while each step ran (Dagster's step events, to the second)."""
    spans: dict[str, list[float]] = {}
    for event in _STEP_EVENT.finditer(log_text):
        at = datetime.strptime(event["at"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
        spans.setdefault(event["step"], []).append(at)
    return {step: max((rss for at, rss in samples if min(times) - 1 <= at <= max(times) + 1), default=0)
            for step, times in spans.items()}


def run_job(environment: dict[str, str], log_path: Path) -> tuple[float, int, dict[str, float]]:
    """(wall seconds, peak tree RSS bytes, step → seconds) of one run of the job; the peak of
    each step is kept in ``PEAKS_BY_STEP``."""
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(JOB, cwd=PROJECT, env=environment, stdout=log, stderr=subprocess.STDOUT)
        samples: list[tuple[float, int]] = []
        stop = threading.Event()

        def watch() -> None:
            while not stop.is_set():
                samples.append((time.time(), _tree_rss_bytes(process.pid)))
                time.sleep(POLL_SECONDS)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        code = process.wait()
        stop.set()
        watcher.join()
    wall = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"the job failed (exit {code}); see {log_path}")
    peak = max((rss for _, rss in samples), default=0)
    log_text = log_path.read_text(encoding="utf-8", errors="replace")
    PEAKS_BY_STEP[log_path.name] = step_peaks(log_text, samples)
    steps = {}
    for found in _STEP_DONE.finditer(log_text):
        seconds = 60 * int(found["minutes"] or 0) + float(found["seconds"] or 0) * (0.001 if found["unit"] == "ms" else 1)
        steps[found["step"]] = steps.get(found["step"], 0) + seconds
    return wall, peak, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--keep-inbox", action="store_true",
                        help="reuse the work folder's inbox when it was written for the same N (writing 100k files takes minutes)")
    arguments = parser.parse_args()
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="ogi_bench_"))
    inbox, home = workdir / "inbox", workdir / "dagster_home"
    written = workdir / f"inbox_written_{arguments.reports}.json"
    reuse_inbox = arguments.keep_inbox and written.exists()
    # (the raw store and the work folder go beside the warehouse by default)
    for folder in ([] if reuse_inbox else [inbox]) + [home, workdir / "raw", workdir / "work"]:
        shutil.rmtree(folder, ignore_errors=True)
    if not reuse_inbox:
        written.unlink(missing_ok=True)
    home.mkdir(parents=True)
    shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    warehouse = workdir / "warehouse.duckdb"
    warehouse.unlink(missing_ok=True)
    if reuse_inbox:
        shutil.rmtree(inbox / "added", ignore_errors=True)
        kinds = json.loads(written.read_text())
    else:
        kinds = write_inbox(inbox, arguments.reports)
        written.write_text(json.dumps(kinds))
    environment = dict(os.environ, OGI_INBOX=str(inbox), OGI_WAREHOUSE=str(warehouse), DAGSTER_HOME=str(home))

    first_wall, first_peak, steps = run_job(environment, workdir / "run_1.log")
    size = warehouse.stat().st_size
    raw_size = sum(path.stat().st_size for path in (workdir / "raw").rglob("*") if path.is_file())
    again_wall, again_peak, _ = run_job(environment, workdir / "run_2_nothing_new.log")
    write_inbox(inbox / "added", 1, seed=arguments.reports + 1)
    added_wall, added_peak, added_steps = run_job(environment, workdir / "run_3_one_added.log")

    step_text = ", ".join(f"{step} {seconds:.1f}" for step, seconds in steps.items())
    print(f"inbox: {kinds}; work folder: {workdir}; raw store {raw_size / 2**20:.0f} MB beside the warehouse")
    print("| files | first run (s) | files/s | steps (s) | peak memory (MB) | warehouse (MB) | re-run, nothing new (s) "
          "| one report added (s) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {arguments.reports} | {first_wall:.0f} | {arguments.reports / first_wall:.1f} | {step_text} "
          f"| {max(first_peak, again_peak, added_peak) / 2**20:.0f} | {size / 2**20:.0f} | {again_wall:.1f} "
          f"| {added_wall:.1f} |")
    print("one report added, steps (s): " + ", ".join(f"{step} {seconds:.1f}" for step, seconds in added_steps.items()))
    print("first run, peak memory while each step ran (MB): " + ", ".join(
        f"{step} {rss / 2**20:.0f}" for step, rss in PEAKS_BY_STEP["run_1.log"].items()))


if __name__ == "__main__":
    main()
