"""The dashboard page as a Dagster asset, drawn after every publication of the warehouse."""
from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.defs.publish.assets import PUBLISHED_WAREHOUSE
from orchestration.defs.publish.dashboard import DASHBOARD_FILE, is_up_to_date, write_dashboard
from orchestration.defs.publish.snapshot import MANIFEST_FILE
from orchestration.settings import published_database_path, published_path

PUBLISHED_DASHBOARD = AssetKey(["published", "dashboard"])


@asset(
    key=PUBLISHED_DASHBOARD, deps=[PUBLISHED_WAREHOUSE], group_name="publish",
    kinds={"html", "altair"}, owners=["team:ogi-warehouse"],
    description=(f"{DASHBOARD_FILE} beside the published warehouse (OGI_PUBLISHED): one static page that works "
                 "offline — reports per jurisdiction level × year, requests and outcomes over the years for a "
                 "jurisdiction chosen in a list, disclosure rates across the jurisdictions of a level, and the "
                 "open findings with their reports' names. Reads the published copy, never the warehouse."),
)
def published_dashboard(context: AssetExecutionContext) -> MaterializeResult:
    page = published_path() / DASHBOARD_FILE
    if is_up_to_date(page, published_path() / MANIFEST_FILE):
        context.log.info(f"{page} was drawn from the copy now published: nothing to redraw")
        return MaterializeResult(metadata={"path": MetadataValue.path(str(page)),
                                           "drawn": "unchanged: the published copy is the one it was drawn from"})
    summary = write_dashboard(published_database_path(), page)
    context.log.info(f"dashboard written to {summary.path} ({summary.chart_count} charts)")
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(summary.path)),
        "chart_count": summary.chart_count,
        "finding_count": summary.finding_count,
        "has_data": summary.has_data,
    })
