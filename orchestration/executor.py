"""The executor of every run, `make run`'s job and what the UI materializes alike: Dagster's own,
in-process unless a run's config asks for `multiprocess`, preceded by the housekeeping of
orchestration/housekeeping.py.

In-process by default because a step in its own process imports the definitions again (dagster-dbt
and the dbt manifest, seconds a step) and every step writing the warehouse waits for the pool's one
slot anyway: "Materialize all" under the multiprocess default took 45 s for a re-run with nothing new,
against 12 s for the job (the extraction step spreads its own work over OGI_WORKERS processes).

It runs in the run's process after the run exists and before any step claims a slot of the
`warehouse` pool, which is the one moment a run can free a slot a dead run holds: a check inside
a step would itself wait on that slot."""
from __future__ import annotations

from dagster import ExecutorDefinition, Field, multi_or_in_process_executor
from dagster._core.executor.base import Executor

from orchestration.housekeeping import process_tags, prune_runs, reclaim_dead_runs, remove_per_run_targets
from orchestration.settings import DBT_PROJECT_DIR, runs_to_keep


class HousekeepingExecutor(Executor):
    def __init__(self, inner: Executor):
        self._inner = inner

    @property
    def retries(self):
        return self._inner.retries

    @property
    def step_dependency_config(self):
        return self._inner.step_dependency_config

    def execute(self, plan_context, execution_plan):
        instance, run_id = plan_context.instance, plan_context.run_id
        # Recorded first, so that a run starting now sees this one alive.
        instance.add_run_tags(run_id, process_tags())
        for dead in reclaim_dead_runs(instance, run_id):
            plan_context.log.warning(f"run {dead}: its process is gone; marked failed and its pool slots freed")
        pruned = prune_runs(instance, runs_to_keep(), run_id)
        if pruned:
            plan_context.log.info(f"deleted {pruned} finished runs beyond the newest {runs_to_keep()} (OGI_KEEP_RUNS)")
        remove_per_run_targets(DBT_PROJECT_DIR / "target")
        yield from self._inner.execute(plan_context, execution_plan)


def with_housekeeping(base: ExecutorDefinition, default_config: dict | None = None) -> ExecutorDefinition:
    config_schema = base.config_schema.as_field()
    if default_config is not None:
        config_schema = Field(config_schema.config_type, default_value=default_config,
                              description=config_schema.description)
    return ExecutorDefinition(
        name=base.name, config_schema=config_schema, requirements=base.get_requirements,
        executor_creation_fn=lambda init_context: HousekeepingExecutor(base.executor_creation_fn(init_context)),
        description=base.description)


# `execution: {config: {multiprocess: {}}}` in a run's config gives each step its own process.
warehouse_executor = with_housekeeping(multi_or_in_process_executor, default_config={"in_process": {}})
