"""The inbox sensor and the daily schedule (orchestration/defs/automation/): a run for every new,
changed or removed file of the inbox, none while one is in progress (issue 10, item 3)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from dagster import (
    DagsterRun, DagsterRunStatus, DefaultScheduleStatus, DefaultSensorStatus, build_sensor_context, instance_for_test,
)

from orchestration.defs.automation.listing import list_inbox
from orchestration.defs.automation.sensor import inbox_sensor
from orchestration.definitions import build_warehouse, defs

REPOSITORY = defs.get_repository_def()
MTIME_NS = 1_700_000_000 * 10**9


def write(path: Path, text: str, mtime_ns: int = MTIME_NS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


@pytest.fixture
def inbox(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "inbox"
    write(folder / "2023" / "a.txt", "年度报告 甲")
    write(folder / "b.html", "<p>年度报告 乙</p>")
    monkeypatch.setenv("OGI_INBOX", str(folder))
    return folder


def test_the_listing_changes_with_a_new_changed_or_removed_file_only(inbox):
    first = list_inbox(inbox)
    assert first.files == 2 and list_inbox(inbox) == first
    # What the ingest never reads does not count: hidden files, a folder's README, gold/ answers.
    write(inbox / ".DS_Store", "x")
    write(inbox / "2023" / "README.md", "about")
    write(inbox / "gold" / "answers.json", "{}")
    assert list_inbox(inbox) == first
    added = write(inbox / "2024" / "c.txt", "年度报告 丙")
    assert list_inbox(inbox).files == 3 and list_inbox(inbox).fingerprint != first.fingerprint
    added.unlink()
    assert list_inbox(inbox) == first
    write(inbox / "b.html", "<p>年度报告 丁</p>", MTIME_NS + 1000)  # same size, new content and time
    assert list_inbox(inbox).fingerprint != first.fingerprint


def test_no_listing_for_an_inbox_that_is_not_a_folder(tmp_path):
    assert list_inbox(tmp_path / "missing") is None
    assert list_inbox(write(tmp_path / "a_file", "x")) is None


def evaluate(sensor, instance, cursor):
    result = sensor.evaluate_tick(build_sensor_context(instance=instance, cursor=cursor))
    return result.run_requests, result.skip_message, result.cursor or cursor


def test_the_sensor_requests_a_run_for_each_change_of_the_inbox(inbox):
    sensor = REPOSITORY.get_sensor_def("inbox_sensor")
    first_listing = list_inbox(inbox)
    with instance_for_test() as instance:
        requests, skipped, cursor = evaluate(sensor, instance, None)
        assert len(requests) == 1 and skipped is None
        first_key = requests[0].run_key
        assert requests[0].tags["ogi/inbox_files"] == "2"

        requests, skipped, cursor = evaluate(sensor, instance, cursor)
        assert requests == [] and "no file" in skipped

        added = write(inbox / "2024" / "c.txt", "年度报告 丙")
        requests, _, cursor = evaluate(sensor, instance, cursor)
        assert len(requests) == 1 and requests[0].run_key != first_key
        keys = {first_key, requests[0].run_key}

        write(inbox / "b.html", "<p>年度报告 丁</p>", MTIME_NS + 1000)
        requests, _, cursor = evaluate(sensor, instance, cursor)
        assert len(requests) == 1 and requests[0].run_key not in keys
        keys.add(requests[0].run_key)

        # Removed, and back to an earlier listing: still a run key of its own (Dagster drops a
        # request whose key it has seen).
        added.unlink()
        write(inbox / "b.html", "<p>年度报告 乙</p>")
        assert list_inbox(inbox) == first_listing
        requests, _, cursor = evaluate(sensor, instance, cursor)
        assert len(requests) == 1 and requests[0].run_key not in keys

        requests, skipped, _ = evaluate(sensor, instance, cursor)
        assert requests == [] and skipped


def test_the_sensor_waits_while_a_run_of_the_job_is_in_progress(inbox):
    sensor = REPOSITORY.get_sensor_def("inbox_sensor")
    with instance_for_test() as instance:
        _, _, cursor = evaluate(sensor, instance, None)
        write(inbox / "2024" / "c.txt", "年度报告 丙")
        run = instance.add_run(DagsterRun(job_name=build_warehouse.name, status=DagsterRunStatus.STARTED))
        requests, skipped, cursor_while_running = evaluate(sensor, instance, cursor)
        assert requests == [] and run.run_id in skipped
        assert cursor_while_running == cursor  # the change is still to be seen
        instance.report_run_failed(run)
        requests, _, _ = evaluate(sensor, instance, cursor)
        assert len(requests) == 1


def test_no_run_for_a_missing_or_new_empty_inbox(tmp_path, monkeypatch):
    sensor = REPOSITORY.get_sensor_def("inbox_sensor")
    with instance_for_test() as instance:
        monkeypatch.setenv("OGI_INBOX", str(tmp_path / "missing"))
        requests, skipped, _ = evaluate(sensor, instance, None)
        assert requests == [] and "OGI_INBOX" in skipped
        (tmp_path / "empty").mkdir()
        monkeypatch.setenv("OGI_INBOX", str(tmp_path / "empty"))
        requests, skipped, _ = evaluate(sensor, instance, None)
        assert requests == [] and "empty" in skipped


def test_the_sensor_is_on_and_the_schedule_off_by_default(monkeypatch):
    sensor = REPOSITORY.get_sensor_def("inbox_sensor")
    assert sensor.default_status == DefaultSensorStatus.RUNNING
    assert sensor.job_name == build_warehouse.name and sensor.minimum_interval_seconds == 60
    schedule = REPOSITORY.get_schedule_def("daily_build_warehouse")
    assert schedule.default_status == DefaultScheduleStatus.STOPPED
    assert schedule.job_name == build_warehouse.name and schedule.cron_schedule == "0 3 * * *"
    monkeypatch.setenv("OGI_SENSOR_INTERVAL", "15")
    assert inbox_sensor(build_warehouse).minimum_interval_seconds == 15
