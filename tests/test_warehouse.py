"""The warehouse end to end: ingest → documents → facts → checks → dbt star schema.

The stage functions are tested without Dagster on an inbox of invented files (and the real
sample reports when ../shared/corpus is present); one test materializes every Dagster asset,
dbt models included, and reads the marts.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from extractors.pipeline import reader_version, rules_version
from orchestration.defs.extraction.exchange import ExtractionExchange
from orchestration.defs.extraction.stages import extract_pending
from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.defs.quality.consistency import run_consistency_checks
from orchestration.defs.quality.findings import check_pending_reports
from orchestration.raw_store import RawStore
from orchestration.warehouse import connect, table_counts
from test_table_checks import T3_2021, balanced_report

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
needs_corpus = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent: sample reports not available")

# An invented county report in the legacy free-text form, GBK-encoded HTML with page furniture.
INVENTED_REPORT = """<html><head><meta charset="gbk"><title>桐庐县2015年政府信息公开工作年度报告</title></head>
<body><div class="nav">首页 &gt; 政务公开 &gt; 年度报告</div>
<h1>桐庐县2015年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自2015年1月1日至2015年12月31日。</p>
<p>一、概述</p><p>2015年，我县认真贯彻落实《条例》和上级关于政府信息公开工作的部署，健全工作机构，完善制度规范，
围绕权力运行、财政资金、公共资源配置、重大建设项目和民生事项深化主动公开，规范依申请公开办理流程，
加强保密审查和监督考核，政府信息公开工作稳步推进，公众知情权、参与权和监督权得到进一步保障。</p>
<p>县政府信息公开工作领导小组定期研究部署工作，各乡镇和县直各部门明确了分管领导和工作人员，
全年组织业务培训两次，对各单位信息公开栏目进行了三轮检查，发现问题均已督促整改到位。</p>
<p>县政府门户网站信息公开专栏按照主动公开目录分类发布信息，对重大决策草案公开征求意见，
及时发布政策解读材料，并在政务服务中心设置查阅点，方便群众查询政府信息和办理事项。</p>
<p>二、主动公开政府信息情况</p>
<p>2015年，全县主动公开政府信息4200条，其中政府网站公开政府信息3900条。</p>
<p>三、依申请公开政府信息情况</p>
<p>2015年，全县共受理政府信息公开申请40件，其中当面申请10件，网络申请25件，信函申请8件。已全部答复。</p>
<p>四、收费及减免情况</p><p>全县各级行政机关在依申请公开工作中未收取任何费用。</p>
<p>五、行政复议和行政诉讼情况</p><p>全年未发生因政府信息公开引起的行政复议和行政诉讼。</p>
<p>六、存在的问题及改进措施</p><p>2016年计划公开政府信息5000条。</p>
<div class="footer">版权所有：桐庐县人民政府 ICP备00000000号</div></body></html>"""

NOT_A_REPORT = "<html><body><h1>桐庐县举办春季招聘会</h1><p>本次招聘会共有120家企业参加。</p></body></html>"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "county").mkdir(parents=True)
    (folder / "county" / "report_2015.html").write_bytes(INVENTED_REPORT.encode("gbk"))
    (folder / "news.html").write_bytes(NOT_A_REPORT.encode("utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (folder / "image.bin").write_bytes(bytes(range(256)) * 8)
    # the same county in the 2021 format: one series across both eras
    (folder / "county" / "report_2022.md").write_text(balanced_report(), encoding="utf-8")
    if SEEDS.is_dir():
        shutil.copytree(SEEDS, folder / "seeds")
    return folder


def beside_warehouse(connection, folder: str) -> Path:
    """A folder beside the connection's warehouse file (where the raw store and the work folder
    go by default)."""
    database = connection.execute(
        "select path from duckdb_databases() where database_name = current_database()").fetchone()[0]
    return Path(database).parent / folder


def build(connection, inbox: Path, reader: str | None = None, rules: str | None = None) -> None:
    """One run of the staging stages, as the Dagster assets do it (versions can be faked)."""
    store = RawStore(beside_warehouse(connection, "raw"))
    ingest_inbox(connection, inbox, store, "test-run")
    extract_pending(connection, store, ExtractionExchange(beside_warehouse(connection, "work")),
                    reader or reader_version(), rules or rules_version(), "test-run")
    check_pending_reports(connection)


def test_bad_input_is_logged_with_a_reason_and_kept(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        reasons = dict(connection.execute(
            """select s.file_name, l.reason from staging.ingest_log l
               join staging.source_files s using (file_sha256)
               where l.stage = 'documents' and l.status = 'skipped'""").fetchall())
        stored = connection.execute("select count(*) from staging.raw_files").fetchone()[0]
    assert reasons["empty.txt"] == "empty"
    assert reasons["broken.pdf"] == "unreadable_pdf"
    assert reasons["old.doc"].startswith("unsupported_type")
    assert reasons["image.bin"] == "binary_not_text"
    assert reasons["news.html"] == "not_a_report"
    assert "report_2015.html" not in reasons
    assert stored == len(list(p for p in inbox.rglob("*") if p.is_file()))  # nothing a user gave is lost


def test_invented_gbk_report_is_read_and_extracted(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        document = connection.execute(
            """select d.report_year, d.era, d.encoding, d.title from staging.documents d
               join staging.source_files s using (file_sha256) where s.file_name = 'report_2015.html'""").fetchone()
        facts = dict(connection.execute(
            """select metric, value from staging.facts f join staging.source_files s using (file_sha256)
               where s.file_name = 'report_2015.html'""").fetchall())
    assert document[0] == 2015 and document[1] == "legacy"
    assert document[2].lower().replace("-", "") in {"gbk", "gb18030", "gb2312", "cp936"}
    assert facts["pro_total"] == 4200 and facts["pro_website"] == 3900
    assert facts["req_received"] == 40 and facts["req_in_person"] == 10
    assert facts["req_online"] == 25 and facts["req_letter"] == 8
    assert facts["fee_collected_yuan"] == 0 and facts["recon_total"] == 0 and facts["lit_total"] == 0
    assert 5000 not in facts.values()  # a target in the problems part is not a fact


def test_rerun_changes_nothing_and_a_changed_file_becomes_a_new_version(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        first = table_counts(connection)
        build(connection, inbox)
        assert table_counts(connection) == first

        report = inbox / "county" / "report_2015.html"
        report.write_bytes(INVENTED_REPORT.replace("4200", "4300").encode("gbk"))
        build(connection, inbox)
        versions = connection.execute(
            "select version, is_current from staging.source_files where source_path = 'county/report_2015.html' order by version"
        ).fetchall()
        values = connection.execute(
            """select f.value from staging.facts f join staging.source_files s using (file_sha256)
               where s.source_path = 'county/report_2015.html' and f.metric = 'pro_total' order by s.version"""
        ).fetchall()
    assert versions == [(1, False), (2, True)]
    assert [value for (value,) in values] == [4200, 4300]  # the old version stays traceable


@needs_corpus
def test_seed_reports_resolve_to_their_jurisdiction_and_year(tmp_path, inbox):
    expected = {
        "000_74fc557673c2f035.txt": ("500000", 2016, "province"),
        "001_d6c79e41a455363d.txt": ("431100", 2014, "prefecture"),
        "002_2a976d30b9813b33.txt": ("320400", 2018, "prefecture"),
        "003_5acefc0efa0aee63.txt": ("210300", 2016, "prefecture"),
        "004_b12f5e72f3d5153d.txt": ("421303", 2016, "county"),
    }
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        rows = connection.execute(
            "select file_name, jurisdiction_code, report_year, jurisdiction_level, prefecture_code, province_code "
            "from staging.documents").fetchall()
    found = {name: (code, year, level) for name, code, year, level, _, _ in rows}
    for name, answer in expected.items():
        assert found[name] == answer, name
    zengdu = next(row for row in rows if row[0] == "004_b12f5e72f3d5153d.txt")
    assert zengdu[4:] == ("421300", "420000")


@needs_corpus
def test_checks_flag_seed_002_request_channels_and_nothing_consistent(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        facts = connection.execute("select file_sha256, fact_index, metric, applicant, scope, value, flags from staging.facts").df()
        documents = connection.execute("select file_sha256, file_name, report_year, jurisdiction_code from staging.documents").df()
    names = dict(zip(documents["file_sha256"], documents["file_name"]))
    findings = [row for outcome in run_consistency_checks(facts, documents) for _, row in outcome.findings.iterrows()]
    seed_findings = [(names[row["file_sha256"]], row["check_name"], row["metric_group"], row["expected"], row["observed"])
                     for row in findings if names[row["file_sha256"]][:3].isdigit()]
    assert ("002_2a976d30b9813b33.txt", "complete_breakdown_sums_to_total", "req_received", 2425.0, 2415.0) in seed_findings
    assert len(seed_findings) == 1, seed_findings


@pytest.fixture(scope="module")
def dbt_manifest():
    """dagster-dbt reads the manifest when the definitions load (`make test` parses first too)."""
    import subprocess

    from orchestration.defs.transform.dbt import dbt_executable
    from orchestration.settings import DBT_PROJECT_DIR

    subprocess.run([dbt_executable(), "parse", "--profiles-dir", ".", "--quiet"], cwd=DBT_PROJECT_DIR, check=True)


def all_table_counts(warehouse: Path) -> dict[str, int]:
    import duckdb

    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = connection.execute(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE'").fetchall()
        return {f"{schema}.{name}": connection.execute(f"select count(*) from {schema}.{name}").fetchone()[0]
                for schema, name in tables}
    finally:
        connection.close()


def test_every_dagster_asset_materializes_and_the_star_schema_answers(tmp_path, inbox, monkeypatch, dbt_manifest):
    import duckdb
    from dagster import materialize
    from dagster_duckdb import DuckDBResource

    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("OGI_INBOX", str(inbox))
    monkeypatch.setenv("OGI_WAREHOUSE", str(warehouse))
    from orchestration.defs.extraction.assets import EVERY_SHARD_TAGS
    from orchestration.definitions import defs
    from orchestration.settings import DUCKDB_CONFIG

    def materialize_all():
        result = materialize(list(defs.assets), resources={
            "warehouse": DuckDBResource(database=str(warehouse), connection_config=dict(DUCKDB_CONFIG)),
            "dbt": defs.resources["dbt"],
        }, tags=EVERY_SHARD_TAGS)  # every extraction shard in this run, as the job does
        assert result.success
        return result

    result = materialize_all()
    checks = {evaluation.check_name: evaluation.passed for evaluation in result.get_asset_check_evaluations()}
    assert checks["values_not_negative"] and checks["report_has_year"]
    # the invented 2015 report's channels (10 + 25 + 8) exceed its 40 requests: the check names it
    [exceeding] = [evaluation for evaluation in result.get_asset_check_evaluations()
                   if evaluation.check_name == "parts_do_not_exceed_total"]
    failing = exceeding.metadata["failing_reports"].value
    assert not exceeding.passed
    for shown in ("report_2015.html", "桐庐县2015年政府信息公开工作年度报告", "330122", "| 2015 |", "| 40 | 43 | 3 |",
                  "req_received=40: ", "req_in_person=10, req_online=25, req_letter=8: "):
        assert shown in failing, (shown, failing)
    first = all_table_counts(warehouse)
    rerun = materialize_all()
    assert all_table_counts(warehouse) == first  # a second run with the same inbox changes nothing
    # dbt did not run, and each model says so (the steps after it run; a backfill counts it done)
    assert "not run" in next(event.materialization.metadata["dbt"].value for event in rerun.get_asset_materialization_events()
                             if event.asset_key.to_user_string() == "fct_report_metric")

    report = inbox / "county" / "report_2015.html"
    report.write_bytes(report.read_bytes().replace("4200".encode("gbk"), "4300".encode("gbk")))
    changed = materialize_all()
    # dbt's models carry the standard row count and column schema (types from the table)
    metric_metadata = next(event.materialization.metadata for event in changed.get_asset_materialization_events()
                           if event.asset_key.to_user_string() == "fct_report_metric")
    schema = {column.name: column for column in metric_metadata["dagster/column_schema"].schema.columns}
    assert schema["metric_code"].type == "VARCHAR" and schema["metric_code"].description  # from the model's yml

    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {row[0] for row in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        for model in ("dim_jurisdiction", "dim_year", "dim_metric", "dim_report", "fct_report_metric",
                      "mart_jurisdiction_year", "dim_applicant_type", "fct_core_measures"):
            assert model in tables
        assert metric_metadata["dagster/row_count"].value == connection.execute(
            "select count(*) from fct_report_metric").fetchone()[0]
        assert {name: column.type for name, column in schema.items()} == dict(connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'main' and table_name = 'fct_report_metric'").fetchall())
        received = connection.execute(
            """select distinct value from fct_report_metric f join dim_report r using (file_sha256)
               where r.file_name = 'report_2015.html' and f.metric_code = 'req_received'""").fetchall()
        assert received == [(40,)]
        versions = connection.execute(
            "select is_current from dim_report where file_name = 'report_2015.html' order by is_current").fetchall()
        assert versions == [(False,), (True,)]  # the old version stays, marked
        published = connection.execute(
            """select m.pro_total, m.report_count from mart_jurisdiction_year m
               join dim_report r on r.jurisdiction_code = m.jurisdiction_code and r.report_year = m.report_year
               where r.file_name = 'report_2015.html' and r.is_current and m.scope = 'whole'""").fetchall()
        assert published == [(4300, 1)]  # the mart reads the current version only
        series = connection.execute(
            """select report_year, value, era from fct_core_measures
               where jurisdiction_code = '330122' and measure = 'requests_received' and is_default_series
               order by report_year""").fetchall()
        assert series == [(2015, 40, "legacy"), (2022, sum(T3_2021["t3_new_received"][:6]), "format_2021")]
        finding = connection.execute(
            """select f.jurisdiction_code, f.report_year, f.check_description, f.expected, f.observed, f.difference,
                      f.expected_evidence, f.observed_evidence
               from fct_check_result f join dim_report r using (file_sha256)
               where r.file_name = 'report_2015.html' and r.is_current and f.check_name = 'parts_do_not_exceed_total'"""
        ).fetchone()
        assert finding[:6] == ("330122", 2015, "The parts of a breakdown add up to no more than its stated total.", 40, 43, 3)
        assert finding[6].startswith("req_received=40: ") and "申请40件" in finding[6]
        assert finding[7].startswith("req_in_person=10, req_online=25, req_letter=8: ")
    finally:
        connection.close()


def test_new_rules_re_extract_facts_without_re_reading_and_a_revert_re_extracts_again(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox, reader="r1", rules="v1")
        read_log = connection.execute("select count(*) from staging.ingest_log where stage = 'documents'").fetchone()[0]
        build(connection, inbox, reader="r1", rules="v2")
        assert connection.execute("select count(*) from staging.ingest_log where stage = 'documents'").fetchone()[0] == read_log
        assert {row[0] for row in connection.execute("select distinct extractor_version from staging.facts").fetchall()} == {"v2"}
        build(connection, inbox, reader="r1", rules="v1")
        assert {row[0] for row in connection.execute("select distinct extractor_version from staging.facts").fetchall()} == {"v1"}
        stale = connection.execute(
            "select count(*) from staging.extraction_state where read_status = 'report' "
            "and (rules_version <> 'v1' or not checks_current)").fetchone()[0]
    assert stale == 0


def test_a_report_that_a_new_reader_skips_loses_its_facts_and_findings(tmp_path, inbox, monkeypatch):
    import orchestration.defs.extraction.stages as stages
    from extractors.pipeline import SkippedFile

    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox, reader="r1", rules="v1")
        sha = connection.execute(
            "select file_sha256 from staging.source_files where file_name = 'report_2015.html'").fetchone()[0]
        original = stages.read_report

        def stricter_reader(data: bytes, name: str):
            if name == "report_2015.html":
                raise SkippedFile("not_a_report", "a stricter reader")
            return original(data, name)

        monkeypatch.setattr(stages, "read_report", stricter_reader)
        monkeypatch.setenv("OGI_WORKERS", "1")  # the patched reader lives in this process only
        build(connection, inbox, reader="r2", rules="v1")
        left = [connection.execute(f"select count(*) from staging.{table} where file_sha256 = ?", [sha]).fetchone()[0]
                for table in ("documents", "facts", "check_results")]
        kept = connection.execute("select count(*) from staging.raw_files where file_sha256 = ?", [sha]).fetchone()[0]
    assert left == [0, 0, 0] and kept == 1


def test_removed_touched_and_restored_files(tmp_path, inbox):
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        counts = table_counts(connection)
        report = inbox / "county" / "report_2015.html"
        content = report.read_bytes()
        os.utime(report, (1_700_000_000, 1_700_000_000))  # touched: same bytes, new mtime
        build(connection, inbox)
        assert table_counts(connection) == counts

        report.unlink()
        build(connection, inbox)
        current = connection.execute(
            "select is_current from staging.source_files where source_path = 'county/report_2015.html'").fetchall()
        assert current == [(False,)]
        assert connection.execute(
            "select count(*) from staging.raw_files r join staging.source_files s using (file_sha256) "
            "where s.source_path = 'county/report_2015.html'").fetchone()[0] == 1  # bytes kept

        report.write_bytes(content)
        build(connection, inbox)
        versions = connection.execute(
            "select version, is_current from staging.source_files where source_path = 'county/report_2015.html' "
            "order by version").fetchall()
    assert versions == [(1, False), (2, True)]


def test_a_reader_or_rule_bug_on_one_file_is_logged_and_the_run_goes_on(tmp_path, inbox, monkeypatch, capsys):
    import extractors.pipeline as pipeline
    import orchestration.defs.extraction.stages as stages

    original_read, original_extract = stages.read_report, pipeline.extract_facts

    def failing_read(data: bytes, name: str):
        if name == "report_2015.html":
            raise ValueError("a reader bug")
        return original_read(data, name)

    def failing_extract(document, era, *args):
        if "主动公开政府信息3100条" in document.text:
            raise KeyError("a rule bug")
        return original_extract(document, era, *args)

    monkeypatch.setenv("OGI_WORKERS", "1")  # the patched functions live in this process only
    monkeypatch.setattr(stages, "read_report", failing_read)
    # (the rules, wherever the stages call them: on a report just read and on a stored one)
    monkeypatch.setattr(pipeline, "extract_facts", failing_extract)
    monkeypatch.setattr(stages, "extract_facts", failing_extract)
    (inbox / "county" / "report_2012.txt").write_text(
        ("永宁县2012年政府信息公开工作年度报告\n一、概述\n2012年，全县政府信息公开工作有序开展，各级行政机关落实《条例》。\n"
         "二、主动公开政府信息情况\n2012年，全县主动公开政府信息3100条。\n"
         "三、依申请公开政府信息情况\n2012年，全县共受理政府信息公开申请12件，已全部答复。\n") * 2, encoding="utf-8")
    with connect(tmp_path / "w.duckdb") as connection:
        build(connection, inbox)
        errors = dict(connection.execute(
            "select stage, reason from staging.ingest_log where reason in ('reader_error', 'rules_error')").fetchall())
        reports = connection.execute("select count(*) from staging.documents").fetchone()[0]
        counts = table_counts(connection)
        build(connection, inbox)
        assert table_counts(connection) == counts  # logged once, not again on every run
    assert errors == {"documents": "reader_error", "facts": "rules_error"}
    assert reports >= 1  # the other files went on
    # and the summary says so: a report without facts is never left to the log alone
    from orchestration import summary
    monkeypatch.setenv("OGI_WAREHOUSE", str(tmp_path / "w.duckdb"))
    capsys.readouterr()
    assert summary.main() == 0
    assert "reports without facts: 1 (the rules failed on them" in capsys.readouterr().out


def test_one_report_in_several_encodings_formats_and_scripts_counts_once(tmp_path):
    """The same invented report as UTF-8 text, GB18030 text, Big5 traditional text and HTML, and
    one of the files changed (an old version stays): one report in every mart, the other copies
    and the old version kept in dim_report, the copies pointing to the counted one."""
    import duckdb
    import opencc

    from test_dbt_project import _run_dbt
    from test_value_ranges import LEGACY

    text = LEGACY.format(requests="全年共受理政府信息公开申请12件，已全部答复。")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "report.txt").write_bytes(text.encode("utf-8"))
    (folder / "report_gb.txt").write_bytes(text.encode("gb18030"))
    (folder / "report_big5.txt").write_bytes(opencc.OpenCC("s2t").convert(text).encode("big5"))
    (folder / "report.html").write_bytes(
        ("<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>").encode())
    warehouse = tmp_path / "warehouse.duckdb"
    with connect(warehouse) as connection:
        build(connection, folder)
        (folder / "report.txt").write_bytes((text + "\n\n").encode("utf-8"))  # new bytes, same report
        build(connection, folder)
    result = _run_dbt(["build"], warehouse, tmp_path / "dbt")
    assert result.returncode == 0, result.stdout[-6000:]
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        reports = connection.execute(
            "select file_sha256, is_current, duplicate_of, is_counted from dim_report order by all").fetchall()
        assert len(reports) == 5 and sum(not current for _, current, _, _ in reports) == 1  # nothing dropped
        [counted] = [sha for sha, _, _, is_counted in reports if is_counted]
        assert counted == min(sha for sha, current, _, _ in reports if current)  # the rule, fixed
        assert [duplicate for _, current, duplicate, _ in reports if current].count(counted) == 3
        assert connection.execute("select list(distinct file_sha256) from fct_report_metric").fetchone()[0] == [counted]
        assert connection.execute(
            "select count(*) from fct_report_metric where metric_code = 'req_received'").fetchone()[0] == 1
        assert connection.execute(
            "select count(*) from fct_check_result where file_sha256 is not null and file_sha256 <> ?",
            [counted]).fetchone()[0] == 0
        assert connection.execute(
            "select report_count, requests_received from mart_jurisdiction_year where scope = 'whole'").fetchall() == [(1, 12)]
        assert connection.execute(
            "select count(*) from fct_core_measures where measure = 'requests_received' and is_default_series"
        ).fetchone()[0] == 1
        assert connection.execute("select sum(current_report_count) from dim_issuing_body").fetchone()[0] == 1
    finally:
        connection.close()
