"""Every asset in the UI tells what it is, who answers for it and where it belongs: a group other
than "default", kinds, owners and a description (issue 10, item 3). Assets added later are held
to the same rule."""
from dagster import AssetKey

from orchestration.definitions import defs

GRAPH = defs.get_repository_def().asset_graph


def nodes():
    return [GRAPH.get(key) for key in sorted(GRAPH.get_all_asset_keys(), key=lambda key: key.to_user_string())]


def test_every_asset_has_a_group_kinds_owners_and_a_description():
    incomplete = {
        node.key.to_user_string(): missing
        for node in nodes()
        if (missing := [name for name, present in [
            ("group", node.group_name not in (None, "", "default")),
            ("kinds", bool(node.kinds)),
            ("owners", bool(node.owners)),
            ("description", bool((node.description or "").strip())),
        ] if not present])
    }
    assert not incomplete, incomplete


def test_every_dbt_source_is_an_asset_the_python_side_writes():
    # A staging table dbt reads but no asset writes would show as an external asset, outside
    # every group and never materialized.
    assert [node.key.to_user_string() for node in nodes() if not node.is_materializable] == []


def test_groups_follow_the_stages():
    group_of = {node.key.to_user_string(): node.group_name for node in nodes()}
    assert group_of["staging/raw_files"] == "ingest"
    assert group_of["extraction/report_extracts"] == group_of["staging/facts"] == "extraction"
    assert group_of["staging/check_results"] == "quality"
    assert group_of["fct_report_metric"] == "dbt_marts"
    assert group_of["intermediate/int_facts_enriched"] == "dbt_intermediate"
    assert group_of["stg/stg_facts"] == "dbt_staging"
    assert {"dbt", "duckdb"} <= GRAPH.get(AssetKey("fct_report_metric")).kinds
