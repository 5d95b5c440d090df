"""A one-asset job in the `warehouse` pool that waits while a file exists, with the project's
executor: a run of it can be killed while it holds the pool's slot (tests/test_housekeeping.py)."""
import os
import time
from pathlib import Path

from dagster import Definitions, asset, define_asset_job

from orchestration.executor import warehouse_executor
from orchestration.settings import WAREHOUSE_POOL


@asset(pool=WAREHOUSE_POOL)
def holds_the_warehouse() -> None:
    hold = Path(os.environ["OGI_TEST_HOLD"])
    while hold.exists():
        time.sleep(0.1)


defs = Definitions(assets=[holds_the_warehouse], jobs=[define_asset_job(
    "hold", selection=[holds_the_warehouse], executor_def=warehouse_executor)])
