"""The published copy for readers as a Dagster asset, after every dbt mart and dimension."""
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.defs.publish.snapshot import is_published, is_published_table, publish_warehouse
from orchestration.defs.transform.dbt import warehouse_models
from orchestration.defs.transform.freshness import last_built
from orchestration.settings import PUBLISHED_STORAGE_VERSION, WAREHOUSE_POOL, published_path, warehouse_path
from orchestration.warehouse import connect

PUBLISHED_WAREHOUSE = AssetKey(["published", "warehouse"])

# dbt's marts and dimensions have one-part keys (models/marts); staging and intermediate models
# are under stg/ and intermediate/.
PUBLISHED_MODELS = sorted((key for key in warehouse_models.keys
                           if len(key.path) == 1 and is_published_table(key.path[0])), key=lambda key: key.path)


@asset(
    key=PUBLISHED_WAREHOUSE, deps=PUBLISHED_MODELS, group_name="publish", pool=WAREHOUSE_POOL,
    kinds={"duckdb", "parquet", "csv"}, owners=["team:ogi-warehouse"],
    description=("The copy for readers (BI tools, Python, R), under OGI_PUBLISHED: the marts and dimensions as a "
                 f"DuckDB file with storage version {PUBLISHED_STORAGE_VERSION} (DuckDB 1.0 and later open it), one "
                 "Parquet and one CSV file per table, and manifest.json (run, time, row counts). Each file is "
                 "renamed into place: a reader holding the old file sees the previous snapshot until it reconnects."),
)
def published_warehouse(context: AssetExecutionContext) -> MaterializeResult:
    # Short connections to the warehouse, one after the other; the pool keeps other writers away.
    with connect(warehouse_path()) as connection:
        marts_build = last_built(connection)
    if is_published(published_path(), marts_build):
        context.log.info(f"{published_path()} already holds this build of the marts: nothing to publish")
        return MaterializeResult(metadata={"published": "unchanged: the marts are those of the last publication",
                                           "folder": MetadataValue.path(str(published_path()))})
    snapshot = publish_warehouse(warehouse_path(), published_path(), context.run.run_id, marts_build)
    context.log.info(f"published {len(snapshot.row_counts)} tables to {snapshot.folder}")
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(snapshot.database)),
        "folder": MetadataValue.path(str(snapshot.folder)),
        "storage_version": PUBLISHED_STORAGE_VERSION,
        "tables": MetadataValue.json(sorted(snapshot.row_counts)),
        "row_counts": MetadataValue.json(snapshot.row_counts),
        "rows": sum(snapshot.row_counts.values()),
    })
