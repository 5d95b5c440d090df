"""Fault injection: bad input, typos and crashes against the real job, as a new user meets them.

    .venv/bin/python tests/fault_injection.py [--workdir DIR] [--only NAME ...]

Each scenario builds a small inbox from the project's invented reports in its own folder, does
something bad to it or to a run (a dangling symlink, a FIFO, a mistyped inbox, kill -9 at a step,
two runs at once, ...), runs `make run` with the site's folders (with a time limit, so that a
hang is a failure, not a wait) and then checks three things:

- outcome: the run did what a user should see (completed; or refused with a non-zero exit and
  nothing changed);
- data lost: every regular file the inbox held is kept in the raw store and listed in
  staging.raw_files (must be none lost);
- equal to a clean run: the marts (schema main), without the columns that say when or in which
  run a row was written, equal those of a clean run of the same final inbox.

It prints one table row per scenario and exits non-zero if any scenario failed. Not collected by
pytest (a full pass runs the job ~25 times: several minutes).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
RUN_LIMIT_S = 300
# Columns that say when or in which run a row was written: they differ between any two runs
# (a finding's id is made from when it was checked).
RUN_COLUMNS = {"processed_at", "logged_at", "run_id", "checked_at", "first_seen_at", "last_seen_at", "built_at",
               "modified_at", "check_result_id"}
STEPS = ("inbox_files", "extraction__worklists", "extraction__report_extracts", "merged_extracts",
         "staging__check_results", "warehouse_models")


@dataclass
class Played:
    """What a scenario did: the exit code of its last run (None: it hung), whether refusing was the
    right outcome, and then whether the refused run left the marts as they were."""

    code: int | None
    refusal_expected: bool = False
    unchanged: bool | None = None
    problem: str | None = None  # what a scenario's own check found wrong (None: nothing)


@dataclass
class Outcome:
    scenario: str
    outcome: str
    passed: bool
    data_lost: int
    equal_to_clean: bool | None


class Site:
    """One scenario's folder: inbox, warehouse (raw store and work folder beside it), Dagster home."""

    def __init__(self, root: Path):
        self.root = root
        self.inbox = root / "inbox"
        self.warehouse = root / "warehouse.duckdb"
        self.home = root / "dagster_home"
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", self.home / "dagster.yaml")

    def environment(self, inbox: Path | None = None, keep_runs: int | None = None) -> dict[str, str]:
        environment = dict(os.environ, OGI_INBOX=str(inbox or self.inbox), OGI_WAREHOUSE=str(self.warehouse),
                           DAGSTER_HOME=str(self.home), OGI_WORKERS="2")
        if keep_runs is not None:
            environment["OGI_KEEP_RUNS"] = str(keep_runs)
        return environment

    def start(self, inbox: Path | None = None, keep_runs: int | None = None) -> subprocess.Popen:
        """`make run`, as a user types it, on this site's inbox, warehouse and Dagster home."""
        log = open(self.root / f"run_{time.time_ns()}.log", "w")
        return subprocess.Popen(["make", "--no-print-directory", "run", f"DAGSTER_HOME={self.home}"], cwd=PROJECT,
                                env=self.environment(inbox, keep_runs), stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def run(self, inbox: Path | None = None, keep_runs: int | None = None) -> int | None:
        """The job's exit code, or None when it did not end within the limit (a hang)."""
        process = self.start(inbox, keep_runs)
        try:
            return process.wait(timeout=RUN_LIMIT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return None

    def latest_log(self) -> str:
        logs = sorted(self.root.glob("run_*.log"))
        return logs[-1].read_text(errors="replace") if logs else ""

    def latest_job_log(self) -> str:
        """The whole Dagster output of the latest `make run`, in the file its first line names."""
        named = re.search(r"full log: (.+)$", self.latest_log(), re.MULTILINE)
        path = Path(named[1]) if named else None
        return path.read_text(errors="replace") if path and path.exists() else ""


# An invented report printing a negative count, a NUL byte inside a number and an absurd count.
ODD_VALUES_REPORT = """白水县2015年政府信息公开工作年度报告
一、概述
2015年，白水县认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作稳步推进。
二、主动公开政府信息情况
2015年，全县主动公开政府信息1\x00200条。
三、依申请公开政府信息情况
2015年，全县共受理政府信息公开申请-5件。
四、行政复议和行政诉讼情况
2015年，全县发生政府信息公开行政复议案件1000000000000000件。
"""


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else 0


def write_inbox(inbox: Path) -> None:
    """A small inbox of invented reports of several kinds (text, HTML, PDF, Word, traditional)."""
    inbox.mkdir(parents=True)
    for folder in ("short_reports", "county_series"):
        shutil.copytree(FIXTURES / folder, inbox / folder, ignore=shutil.ignore_patterns("*.csv", "*.md", "*.py"))
    for name in ("report_2021.pdf", "report_2019_trial.docx"):
        shutil.copy(FIXTURES / "documents" / name, inbox / name)


def inbox_hashes(inbox: Path) -> set[str]:
    """SHA-256 of every regular file the inbox holds (through symlinks, each real folder once), as a
    user would list it."""
    hashes, seen = set(), set()
    for folder, subfolders, names in os.walk(inbox, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        for name in names:
            path = Path(folder) / name
            try:
                if path.is_file() and not name.startswith(".") and name not in ("README.md",):
                    hashes.add(hashlib.sha256(path.read_bytes()).hexdigest())
            except OSError:
                continue  # unreadable on purpose: not something the user can expect us to keep
    return hashes


def data_lost(site: Site, hashes: set[str]) -> int:
    """Contents the inbox held that neither the warehouse lists nor the raw store keeps."""
    if not site.warehouse.exists():
        return len(hashes)
    with duckdb.connect(str(site.warehouse), read_only=True) as connection:
        listed = {row[0] for row in connection.execute("select file_sha256 from staging.raw_files").fetchall()}
    store = site.warehouse.parent / "raw"
    kept = {sha for sha in listed if (store / sha[:2] / sha[2:4] / sha).is_file()}
    return len(hashes - kept)


def marts_digest(warehouse: Path) -> dict[str, str]:
    """A digest of every mart's rows (order-insensitive), run columns aside."""
    digests = {}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = [row[0] for row in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by 1").fetchall()]
        for table in tables:
            columns = [f'"{name}"' for name, in connection.execute(
                "select column_name from information_schema.columns where table_schema = 'main' and table_name = ? "
                "order by ordinal_position", [table]).fetchall() if name not in RUN_COLUMNS]
            count, rows_hash = connection.execute(
                f'select count(*), coalesce(sum(hash({", ".join(columns)})), 0) from main."{table}"').fetchone()
            digests[table] = f"{count}:{rows_hash}"
    return digests


def clean_digest(workdir: Path, inbox: Path) -> dict[str, str]:
    """The marts a clean run (empty warehouse, no faults) builds from a copy of ``inbox``."""
    site = Site(Path(tempfile.mkdtemp(dir=workdir, prefix="clean-")))
    shutil.copytree(inbox, site.inbox, symlinks=False, ignore_dangling_symlinks=True,
                    ignore=lambda folder, names: [name for name in names if _special(Path(folder) / name)])
    code = site.run()
    if code != 0:
        raise SystemExit(f"the clean run failed (exit {code}): {site.root}")
    return marts_digest(site.warehouse)


def _special(path: Path) -> bool:
    """Not something a clean inbox holds: special files, unreadable files, dangling links, and a
    link to a folder that contains it (a loop)."""
    try:
        if path.is_symlink() and path.is_dir() and path.parent.resolve().is_relative_to(path.resolve()):
            return True
        return not (path.is_dir() or path.is_file()) or not os.access(path, os.R_OK)
    except OSError:
        return True


def kill_at_step(site: Site, step: str) -> int | None:
    """Start a run, kill -9 its process group when ``step`` starts; then run again normally."""
    process = site.start()
    deadline = time.monotonic() + RUN_LIMIT_S
    while time.monotonic() < deadline and process.poll() is None:
        if f'Started execution of step "{step}"' in site.latest_job_log():
            time.sleep(0.3)  # inside the step, not at its edge
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.1)
    process.wait()
    return site.run()


def two_runs_at_once(site: Site) -> int | None:
    first, second = site.start(), site.start()
    codes = []
    for process in (first, second):
        try:
            codes.append(process.wait(timeout=RUN_LIMIT_S))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            codes.append(None)
    return 0 if codes == [0, 0] else (None if None in codes else max(codes))


def scenarios() -> dict[str, Callable[[Site], Played]]:
    """name → what to do to a site with a fresh inbox (and run the job)."""

    def dangling_symlink(site):
        (site.inbox / "gone.txt").symlink_to(site.root / "nowhere.txt")
        return Played(site.run())

    def symlink_loop(site):
        (site.inbox / "loop").symlink_to(site.inbox)
        return Played(site.run())

    def unreadable_file(site):
        path = site.inbox / "locked.txt"
        path.write_text("锁定的文件", encoding="utf-8")
        path.chmod(0)
        return Played(site.run())

    def fifo(site):
        os.mkfifo(site.inbox / "pipe.txt")
        return Played(site.run())

    def symlinked_folder(site):
        outside = site.root / "elsewhere"
        shutil.copytree(FIXTURES / "short_reports2", outside, ignore=shutil.ignore_patterns("*.csv", "*.md"))
        (site.inbox / "linked").symlink_to(outside, target_is_directory=True)
        return Played(site.run())

    def broken_docx(site):
        (site.inbox / "broken.docx").write_bytes(b"PK\x03\x04" + os.urandom(300))
        return Played(site.run())

    def mistyped_inbox(site):
        if site.run() != 0:
            return Played(site.run())  # reported as a failed run
        before = marts_digest(site.warehouse)
        code = site.run(inbox=site.root / "inbx")
        return Played(code, refusal_expected=True, unchanged=marts_digest(site.warehouse) == before)

    def same_report_in_encodings(site):
        text = (FIXTURES / "short_reports" / "03_dancheng_shuiliju_2010.txt").read_text(encoding="utf-8")
        (site.inbox / "copy_gb18030.txt").write_bytes(text.encode("gb18030"))
        (site.inbox / "copy_utf16.txt").write_bytes(text.encode("utf-16"))
        return Played(site.run())

    def two_runs(site):
        return Played(two_runs_at_once(site))

    def odd_values(site):
        (site.inbox / "odd_values_2015.txt").write_bytes(ODD_VALUES_REPORT.encode("utf-8"))
        code = site.run()
        if code != 0:
            return Played(code)
        with duckdb.connect(str(site.warehouse), read_only=True) as connection:
            flags = {row[0] for row in connection.execute(
                "select flags from main.fct_report_metric where flags <> ''").fetchall()}
            kept = connection.execute("select count(*) from main.fct_report_metric where value = 1200").fetchone()[0]
        wanted = {"negative_value", "implausible_value"} - {flag for text in flags for flag in text.split(",")}
        return Played(code, problem=(f"not flagged: {sorted(wanted)}" if wanted else None) or
                      (None if kept else "the number with a NUL byte inside is missing"))

    def inbox_lost_most_files(site):
        if site.run() != 0:
            return Played(site.run())
        before = marts_digest(site.warehouse)
        files = sorted(path for path in site.inbox.rglob("*") if path.is_file())
        for path in files[: len(files) * 4 // 5]:
            path.unlink()
        code = site.run()
        return Played(code, refusal_expected=True, unchanged=marts_digest(site.warehouse) == before)

    def disk_over_runs(site):
        sizes = []
        for _ in range(5):
            if (code := site.run(keep_runs=2)) != 0:
                return Played(code)
            sizes.append(_folder_size(site.home) + _folder_size(PROJECT / "dbt_project" / "target")
                         + _folder_size(PROJECT / "dbt_project" / "logs") + _folder_size(site.root / "logs"))
        growth = sizes[-1] - sizes[2]
        return Played(0, problem=None if growth < 4 * 2**20 else f"grew {growth / 2**20:.1f} MB over the last 2 runs")

    def cli_missing_path_and_pipe(site):
        shutil.rmtree(site.inbox)  # (no inbox, no warehouse: only the command line tool)
        site.inbox.mkdir()
        os.mkfifo(site.root / "only_a_pipe")
        codes = []
        for target in (site.root / "no_such_folder", site.root / "only_a_pipe"):
            try:
                codes.append(subprocess.run([str(Path(sys.executable).parent / "ogi"), "extract", str(target)],
                                            capture_output=True, timeout=60).returncode)
            except subprocess.TimeoutExpired:
                return Played(None)
        return Played(max(codes) if min(codes) else 0, refusal_expected=True, unchanged=True)

    named = {
        "dangling symlink": dangling_symlink, "symlink loop": symlink_loop, "unreadable file": unreadable_file,
        "FIFO in the inbox": fifo, "symlinked folder": symlinked_folder, "broken .docx": broken_docx,
        "mistyped OGI_INBOX": mistyped_inbox, "one report in three encodings": same_report_in_encodings,
        "two runs at once": two_runs, "negative, NUL and absurd values": odd_values,
        "inbox lost most of its files": inbox_lost_most_files, "disk use over 5 runs": disk_over_runs,
        "ogi extract on a missing path and a pipe": cli_missing_path_and_pipe,
    }
    for step in STEPS[:5]:
        named[f"kill -9 in {step}"] = (lambda step: lambda site: Played(kill_at_step(site, step)))(step)
    return named


def run_scenario(workdir: Path, name: str, play: Callable[[Site], Played]) -> Outcome:
    site = Site(workdir / name.replace(" ", "_").replace("/", "_"))
    write_inbox(site.inbox)
    played = play(site)
    lost = data_lost(site, inbox_hashes(site.inbox))
    if played.refusal_expected:
        passed = played.code not in (0, None) and bool(played.unchanged)
        outcome = (f"refused (exit {played.code})" if played.code not in (0, None)
                   else "hung" if played.code is None else "ran as if nothing was wrong")
        return Outcome(name, outcome, passed, lost, played.unchanged)
    if played.code is None:
        return Outcome(name, "hung (killed after the limit)", False, lost, None)
    if played.code != 0:
        return Outcome(name, f"failed (exit {played.code}), see {site.root}", False, lost, None)
    equal = marts_digest(site.warehouse) == clean_digest(workdir, site.inbox)
    outcome = "completed" + (f"; {played.problem}" if played.problem else "")
    return Outcome(name, outcome, lost == 0 and equal and not played.problem, lost, equal)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--only", nargs="*", help="scenario names to run (default: all)")
    arguments = parser.parse_args()
    workdir = arguments.workdir or Path(tempfile.mkdtemp(prefix="ogi_faults_"))
    workdir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for name, play in scenarios().items():
        if arguments.only and name not in arguments.only:
            continue
        outcome = run_scenario(workdir, name, play)
        outcomes.append(outcome)
        print(f"{outcome.scenario}: {outcome.outcome}", file=sys.stderr)
    print("| scenario | outcome | data lost | warehouse equal to a clean run | passed |")
    print("|---|---|---|---|---|")
    for outcome in outcomes:
        equal = {True: "yes", False: "no", None: "—"}[outcome.equal_to_clean]
        print(f"| {outcome.scenario} | {outcome.outcome} | {outcome.data_lost} | {equal} | "
              f"{'yes' if outcome.passed else 'NO'} |")
    print(f"work folder: {workdir}", file=sys.stderr)
    return 0 if all(outcome.passed for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
