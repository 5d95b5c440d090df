"""What every run does before its first step: free what dead runs hold, and keep the Dagster
instance and dbt's folders from growing run after run.

Dead runs. The warehouse pool has one slot. A run killed (kill -9, power loss) keeps its slot and
its STARTED status for ever, and `make run` (`dagster job execute`, no daemon to monitor runs)
would wait on it for ever. So each run records which process runs it (host, pid, and on Linux the
boot and the process's start time, so a pid reused after a restart is not taken for the run), and
the next run marks a run whose process is gone failed and frees its slots. A run recorded on
another host is left alone: only that host can tell whether it is alive.

Disk. Dagster keeps every run's events and captured step output; dbt writes its log and the run's
artifacts. Each run deletes the finished runs beyond the newest OGI_KEEP_RUNS with their logs,
and the per-run target folders an older dagster-dbt setup left (`target/warehouse_models-*`).
dbt's own log is bounded by its rotation (see orchestration/defs/transform/dbt.py).
"""
from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

HOST_TAG = "ogi/host"
PID_TAG = "ogi/pid"
PROCESS_TAG = "ogi/process"  # boot id and start time of the process, Linux only


def process_identity(pid: int | None = None) -> str | None:
    """``boot_id:start_ticks`` of a live process on Linux; None when it is gone, a zombie, or
    there is no /proc. Two processes with the same pid (reused, or after a restart) differ."""
    pid = os.getpid() if pid is None else pid
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: the fields after its last ")"
    # are state (3) ... starttime (22).
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in {"Z", "X"}:  # killed, not yet reaped: dead all the same
        return None
    return f"{boot}:{fields[19]}"


def process_tags() -> dict[str, str]:
    tags = {HOST_TAG: socket.gethostname(), PID_TAG: str(os.getpid())}
    identity = process_identity()
    if identity:
        tags[PROCESS_TAG] = identity
    return tags


def run_process_alive(tags: dict[str, str]) -> bool | None:
    """Whether the process a run recorded is still running: True, False, or None when this host
    cannot tell (no record, or another host)."""
    if PID_TAG not in tags or tags.get(HOST_TAG) != socket.gethostname():
        return None
    pid = int(tags[PID_TAG])
    if PROCESS_TAG in tags:
        return process_identity(pid) == tags[PROCESS_TAG]
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process with that pid
        return True
    return True


def reclaim_dead_runs(instance, own_run_id: str) -> list[str]:
    """Mark failed every unfinished run whose process is gone and free the concurrency slots it
    holds, and free slots still held by finished runs. Returns the run ids marked failed."""
    from dagster import DagsterRunStatus, RunsFilter

    unfinished = instance.get_runs(filters=RunsFilter(statuses=[
        DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING]))
    dead = []
    for run in unfinished:
        if run.run_id != own_run_id and run_process_alive(dict(run.tags)) is False:
            instance.report_run_failed(run, message=(
                f"The process of this run ({run.tags.get(PID_TAG)} on {run.tags.get(HOST_TAG)}) is gone "
                f"(killed or the machine restarted); marked failed by run {own_run_id}, which freed its slots."))
            dead.append(run.run_id)
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return dead
    for run_id in storage.get_concurrency_run_ids():
        run = instance.get_run_by_id(run_id)
        if run_id in dead or run is None or run.is_finished:
            storage.free_concurrency_slots_for_run(run_id)
    return dead


def runs_beyond(run_ids_newest_first: list[str], keep: int, protected: set[str]) -> Iterator[str]:
    """The runs to delete: every one past the newest ``keep``, except the protected ones."""
    for run_id in run_ids_newest_first[keep:]:
        if run_id not in protected:
            yield run_id


def prune_runs(instance, keep: int, own_run_id: str) -> int:
    """Delete the finished runs beyond the newest ``keep``: their records, events, captured step
    output and (SQLite) event file. Unfinished runs are never deleted here."""
    from dagster import RunsFilter
    from dagster._core.storage.dagster_run import FINISHED_STATUSES

    finished = [record.dagster_run.run_id for record in instance.get_run_records(
        filters=RunsFilter(statuses=list(FINISHED_STATUSES)), order_by="create_timestamp", ascending=False)]
    if len(finished) <= keep:
        return 0
    # The run that last materialized an asset stays (with its events), so the UI still shows when
    # each asset was last built even after many runs with nothing new (dbt skipped).
    protected = {own_run_id} | {
        record.asset_entry.last_materialization_record.run_id for record in instance.get_asset_records()
        if record.asset_entry.last_materialization_record is not None}
    deleted = 0
    for run_id in runs_beyond(finished, keep, protected):
        instance.delete_run(run_id)
        _delete_check_executions(instance.event_log_storage, run_id)
        try:
            instance.compute_log_manager.delete_logs(prefix=[run_id])
        except Exception:  # a remote log store without deletion: its own retention applies
            pass
        shard = getattr(instance.event_log_storage, "path_for_shard", None)
        if shard is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(shard(run_id) + suffix).unlink(missing_ok=True)
        deleted += 1
    return deleted


def _delete_check_executions(storage, run_id: str) -> None:
    """Dagster's delete_run leaves the run's asset-check executions in the index (about 190 rows,
    0.8 MB a run of this job); they go with the run."""
    try:
        from dagster._core.storage.event_log.schema import AssetCheckExecutionsTable

        with storage.index_connection() as connection:
            connection.execute(AssetCheckExecutionsTable.delete().where(AssetCheckExecutionsTable.c.run_id == run_id))
    except (AttributeError, ImportError):  # a storage without that table: nothing kept there
        pass


def remove_per_run_targets(dbt_target: Path) -> int:
    """dagster-dbt's default is one target folder per run (``warehouse_models-<hash>-<hash>``,
    12 MB each); these assets use one fixed folder, so any such folder is left over."""
    removed = 0
    for folder in dbt_target.glob("warehouse_models-*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
