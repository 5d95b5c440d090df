"""Runs after a crash: a killed run's pool slot is freed by the next run (issue 9, item 3), and
what runs leave on disk stays bounded (item 8)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.housekeeping import (HOST_TAG, PID_TAG, PROCESS_TAG, process_identity, process_tags,
                                        remove_per_run_targets, run_process_alive, runs_beyond)
from orchestration.settings import PROJECT_ROOT, WAREHOUSE_POOL

DAGSTER = Path(sys.executable).parent / "dagster"


def test_a_process_that_is_gone_or_reused_is_not_alive():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    tags = {HOST_TAG: socket.gethostname(), PID_TAG: str(child.pid)}
    identity = process_identity(child.pid)
    if identity:
        tags[PROCESS_TAG] = identity
    assert run_process_alive(tags) is True
    child.kill()
    if identity:  # killed, not yet reaped (a zombie): dead already
        time.sleep(0.2)
        assert run_process_alive(tags) is False
    child.wait()
    assert run_process_alive(tags) is False
    assert run_process_alive(process_tags()) is True
    if identity:  # the same pid in another process (reused, or after a restart)
        assert run_process_alive({**process_tags(), PROCESS_TAG: "another-boot:1"}) is False
    assert run_process_alive({**tags, HOST_TAG: "another-host"}) is None  # only that host can tell
    assert run_process_alive({}) is None


def test_runs_beyond_the_newest_are_pruned_but_never_the_current_run():
    assert list(runs_beyond(["e", "d", "c", "b", "a"], 2, {"a"})) == ["c", "b"]
    assert list(runs_beyond(["b", "a"], 2, set())) == []


def test_left_over_per_run_dbt_targets_are_removed(tmp_path):
    for name in ("warehouse_models-17816cb-5680803", "warehouse_models-26bdffe-4bfceb3"):
        (tmp_path / name / "run").mkdir(parents=True)
    (tmp_path / "dagster").mkdir()
    (tmp_path / "manifest.json").write_text("{}")
    assert remove_per_run_targets(tmp_path) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dagster", "manifest.json"]


def slot_holders(home: Path) -> set[str]:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        info = instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL)
        return {slot.run_id for slot in info.claimed_slots}


def run_status(home: Path, run_id: str) -> str:
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        return instance.get_run_by_id(run_id).status.value


def new_home(tmp_path: Path) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    slot_holders(home)  # the instance's tables exist before two processes open it at once
    return home


def job_command() -> list[str]:
    return [str(DAGSTER), "job", "execute", "-f", str(Path(__file__).parent / "housekeeping_job.py"), "-j", "hold"]


def job_environment(home: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, DAGSTER_HOME=str(home), **extra,
                PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]))


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def test_runs_beyond_OGI_KEEP_RUNS_are_deleted_with_their_logs(tmp_path):
    home = new_home(tmp_path)
    environment = job_environment(home, OGI_TEST_HOLD=str(tmp_path / "no-hold"), OGI_KEEP_RUNS="2")
    sizes = []
    for _ in range(6):
        subprocess.run(job_command(), env=environment, cwd=tmp_path, check=True, capture_output=True, timeout=180)
        sizes.append(folder_bytes(home))
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        kept = {run.run_id for run in instance.get_runs()}
    # The 2 kept before the last run started, and the last run.
    assert len(kept) == 3
    event_files = {path.stem for path in (home / "history" / "runs").glob("*.db")} - {"index"}
    assert event_files == kept
    assert {path.name for path in (home / "storage").iterdir() if path.is_dir()} <= kept
    # Disk use stops growing once runs are pruned (SQLite reuses the pages deleted runs free).
    assert sizes[-1] <= sizes[2] * 1.2, sizes


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_a_run_after_a_killed_run_frees_its_slot_and_completes(tmp_path):
    home = new_home(tmp_path)
    hold = tmp_path / "hold"
    hold.touch()
    environment = job_environment(home, OGI_TEST_HOLD=str(hold))
    command = job_command()
    first = subprocess.Popen(command, env=environment, cwd=tmp_path, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not (holders := slot_holders(home)):
            assert first.poll() is None and time.monotonic() < deadline, "the first run never took the slot"
            time.sleep(0.5)
        (dead_run,) = holders
        os.killpg(first.pid, signal.SIGKILL)  # kill -9: no chance to free anything
        first.wait()
        assert slot_holders(home) == {dead_run}  # the dead run still holds the only slot
        assert run_status(home, dead_run) == "STARTED"

        hold.unlink()  # the next run does not wait inside its step
        second = subprocess.run(command, env=environment, cwd=tmp_path, capture_output=True, text=True, timeout=180)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert "RUN_SUCCESS" in second.stdout + second.stderr
    assert run_status(home, dead_run) == "FAILURE"
    assert slot_holders(home) == set()
