"""Row counts and column types of the tables dbt built (orchestration/defs/transform/table_metadata.py),
read for the dbt assets' materializations (issue 10, item 3)."""
import duckdb

from orchestration.defs.transform.table_metadata import describe_tables


def test_tables_get_their_count_and_columns_views_their_columns_only(tmp_path):
    connection = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    odd = 'marts."odd ""name"""'  # a name that needs quoting
    connection.execute("create schema marts")
    connection.execute(f"create table {odd} (code varchar, received bigint, share decimal(5, 2))")
    connection.execute(f"insert into {odd} values ('a', 1, 0.5), ('b', 2, 1.5), ('c', null, null)")
    connection.execute(f"create view marts.recent as select code from {odd} where received > 1")
    connection.execute("create table main.other (x integer)")

    described = describe_tables(connection, [("marts", 'odd "name"'), ("marts", "recent"), ("marts", "missing"),
                                             ("marts", "recent")])

    assert set(described) == {("marts", 'odd "name"'), ("marts", "recent")}
    table = described[("marts", 'odd "name"')]
    assert table.row_count == 3
    assert table.columns == (("code", "VARCHAR"), ("received", "BIGINT"), ("share", "DECIMAL(5,2)"))
    view = described[("marts", "recent")]
    assert view.row_count is None and view.columns == (("code", "VARCHAR"),)
    assert describe_tables(connection, []) == {}
