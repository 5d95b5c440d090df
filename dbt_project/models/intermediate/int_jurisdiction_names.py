"""行政区划名称拼音与英文 (pinyin and English names of the divisions the reports name): one row per
division name × level read on a report (the jurisdiction, its province, its prefecture), romanised
by extractors.jurisdiction_names (pypinyin with the place-name readings it misses). A Python model
because pypinyin is Python; a table rebuilt whole each run (a few hundred names: milliseconds),
like dim_jurisdiction, which joins it."""
import pandas

from extractors.jurisdiction_names import romanise


def model(dbt, session):
    dbt.config(materialized="table")
    documents = dbt.ref("stg_documents")
    rows = documents.filter("jurisdiction_code is not null").project(
        "jurisdiction_name, jurisdiction_level, province_name, prefecture_name").distinct().fetchall()
    names = set()
    for name, level, province_name, prefecture_name in rows:
        names.update({(name, level), (province_name, "province"), (prefecture_name, "prefecture")})
    names = sorted(pair for pair in names if pair[0] and pair[1])
    romanised = [romanise(name, level) for name, level in names]
    return pandas.DataFrame({
        "name": pandas.Series([name for name, _ in names], dtype="string"),
        "level": pandas.Series([level for _, level in names], dtype="string"),
        "name_pinyin": pandas.Series([r.pinyin for r in romanised], dtype="string"),
        "name_en": pandas.Series([r.english for r in romanised], dtype="string"),
    })
