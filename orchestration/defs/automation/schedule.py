"""A daily run of the warehouse job, for an inbox the sensor cannot watch (a volume whose
modification times do not change, a sensor turned off). Off by default: turn it on in the UI
(Automation → daily_build_warehouse) or with `dagster schedule start daily_build_warehouse`."""
from dagster import DefaultScheduleStatus, ScheduleDefinition
from dagster._core.definitions.unresolved_asset_job_definition import UnresolvedAssetJobDefinition

DAILY_AT = "0 3 * * *"  # 03:00 UTC, when nobody reads the warehouse


def daily_schedule(job: UnresolvedAssetJobDefinition) -> ScheduleDefinition:
    return ScheduleDefinition(
        name="daily_build_warehouse", job=job, cron_schedule=DAILY_AT, execution_timezone="UTC",
        default_status=DefaultScheduleStatus.STOPPED,
        description=f"Runs {job.name} every day at 03:00 UTC (off by default).")
