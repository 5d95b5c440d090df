"""Asset keys of the staging tables: the Python assets that write them and the dbt sources
that read them use these same keys, so Dagster shows one lineage graph."""
from dagster import AssetKey

STAGING_SCHEMA = "staging"


def staging_key(table: str) -> AssetKey:
    return AssetKey([STAGING_SCHEMA, table])


RAW_FILES = staging_key("raw_files")
SOURCE_FILES = staging_key("source_files")
INGEST_LOG = staging_key("ingest_log")
DOCUMENTS = staging_key("documents")
FACTS = staging_key("facts")
EXTRACTION_NOTES = staging_key("extraction_notes")
CHECK_RESULTS = staging_key("check_results")
