"""The inbox sensor: a run of the warehouse job when a file of the inbox is new, changed or removed.

Each evaluation lists the inbox once (orchestration/defs/automation/listing.py: names, sizes and
modification times, no file opened, no warehouse connection) and compares the listing's hash with
the cursor. While a run of the job is queued or running it waits (the change is looked at again
after that run), so runs never pile up behind the warehouse pool. On by default: `dagster dev`
(`make dev`) starts the daemon that evaluates it every OGI_SENSOR_INTERVAL seconds.
"""
from __future__ import annotations

import json

from dagster import (
    DagsterRunStatus, DefaultSensorStatus, RunRequest, RunsFilter, SensorDefinition, SensorEvaluationContext,
    SkipReason, sensor,
)
from dagster._core.definitions.unresolved_asset_job_definition import UnresolvedAssetJobDefinition

from orchestration.defs.automation.listing import list_inbox
from orchestration.settings import inbox_path, sensor_interval_seconds

IN_PROGRESS = [DagsterRunStatus.QUEUED, DagsterRunStatus.NOT_STARTED, DagsterRunStatus.STARTING,
               DagsterRunStatus.STARTED]


def inbox_sensor(job: UnresolvedAssetJobDefinition) -> SensorDefinition:
    @sensor(
        name="inbox_sensor", job=job, default_status=DefaultSensorStatus.RUNNING,
        minimum_interval_seconds=sensor_interval_seconds(),
        description=f"Starts {job.name} when a file of the inbox (OGI_INBOX) is new, changed or removed: "
                    "one listing of names, sizes and modification times per evaluation, every "
                    "OGI_SENSOR_INTERVAL seconds; waits while a run of the job is queued or running.",
    )
    def inbox_changes(context: SensorEvaluationContext):
        inbox = inbox_path()
        listing = list_inbox(inbox)
        if listing is None:
            return SkipReason(f"the inbox {inbox} is not a folder: check OGI_INBOX")
        # The cursor counts the run requests, so that an inbox back to an earlier listing (a file
        # removed, then put back) gets a run key of its own: Dagster drops a request whose key it saw.
        last = json.loads(context.cursor) if context.cursor else {"listing": None, "requests": 0}
        if listing.fingerprint == last["listing"]:
            return SkipReason(f"no file of {inbox} is new, changed or removed ({listing.files} files)")
        if last["listing"] is None and listing.files == 0:
            return SkipReason(f"the inbox {inbox} is empty")
        running = context.instance.get_runs(RunsFilter(job_name=job.name, statuses=IN_PROGRESS), limit=1)
        if running:
            return SkipReason(f"the inbox changed, but run {running[0].run_id} of {job.name} is "
                              f"{running[0].status.value.lower()}: looked at again after it")
        requests = last["requests"] + 1
        context.update_cursor(json.dumps({"listing": listing.fingerprint, "requests": requests}))
        return RunRequest(run_key=f"inbox-{requests}-{listing.fingerprint[:16]}",
                          tags={"ogi/inbox_files": str(listing.files)})

    return inbox_changes
