"""The dashboard (orchestration/defs/publish/dashboard.py) on a small published warehouse of
invented rows in tables with the marts' contracted columns: the rows the charts get, the page, and
the page in headless Chromium (no console error, every chart drawn, the drop-down redraws; a
screenshot is saved in OGI_TEST_ARTIFACTS, default tests/artifacts/)."""
from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.defs.publish.dashboard import (EVIDENCE_SHOWN, is_up_to_date, jurisdiction_labels, load_dashboard_data,
                                                  write_dashboard)
from orchestration.settings import DBT_PROJECT_DIR

ARTIFACTS = Path(os.environ.get("OGI_TEST_ARTIFACTS") or Path(__file__).parent / "artifacts")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PUBLISHED_TABLES = ("dim_jurisdiction", "dim_report", "fct_core_measures", "mart_jurisdiction_year", "fct_check_result")

# Two invented jurisdictions, a legacy and a table year each, one report not counted (a duplicate),
# one non-default scope with a value that must not show, two findings.
JURISDICTION_COLUMNS = ("jurisdiction_code", "name", "name_en", "name_pinyin", "level", "province_name",
                        "province_name_en")
JURISDICTIONS = [("990100", "甲市", "Jia City", "Jia Shi", "prefecture", "某省", "Mou Province"),
                 ("990102", "乙区", "Yi District", "Yi Qu", "county", "某省", "Mou Province")]
REPORT_COLUMNS = ("file_sha256", "file_name", "title", "report_year", "jurisdiction_code", "jurisdiction_name",
                  "is_counted", "era")
REPORTS = [
    ("r1", "jia_2017.txt", "甲市2017年政府信息公开工作年度报告", 2017, "990100", "甲市", True, "legacy"),
    ("r2", "jia_2020.txt", "甲市2020年政府信息公开工作年度报告", 2020, "990100", "甲市", True, "trial_2019"),
    ("r3", "yi_2018.txt", "乙区2018年政府信息公开工作年度报告", 2018, "990102", "乙区", True, "legacy"),
    ("r4", "yi_2022.txt", "乙区2022年政府信息公开工作年度报告", 2022, "990102", "乙区", True, "format_2021"),
    ("r5", "jia_2017_copy.txt", "甲市2017年政府信息公开工作年度报告", 2017, "990100", "甲市", False, "legacy"),
    ("r6", "somewhere_2021.txt", None, 2021, None, None, True, "format_2021"),
]
CORE_COLUMNS = ("file_sha256", "jurisdiction_code", "report_year", "era", "measure", "value", "is_default_series")
CORE = [
    ("r1", "990100", 2017, "legacy", "requests_received", 120, True),
    ("r1", "990100", 2017, "legacy", "granted_incl_already_public", 80, True),
    ("r1", "990100", 2017, "legacy", "denied", 10, True),
    ("r2", "990100", 2020, "trial_2019", "requests_received", 150, True),
    ("r2", "990100", 2020, "trial_2019", "granted_incl_already_public", 90, True),
    ("r2", "990100", 2020, "trial_2019", "denied", 20, True),
    ("r2", "990100", 2020, "trial_2019", "requests_received", 99999, False),
    ("r3", "990102", 2018, "legacy", "requests_received", 30, True),
    ("r3", "990102", 2018, "legacy", "granted_incl_already_public", 25, True),
    ("r4", "990102", 2022, "format_2021", "requests_received", 40, True),
    ("r4", "990102", 2022, "format_2021", "granted_incl_already_public", 28, True),
    ("r4", "990102", 2022, "format_2021", "fees_collected_yuan", 5, True),
]
MART_COLUMNS = ("jurisdiction_code", "report_year", "scope", "jurisdiction_name", "jurisdiction_name_en",
                "jurisdiction_level", "source_era", "disclosure_rate_pct", "is_default_series")
MART = [
    ("990100", 2017, "whole", "甲市", "Jia City", "prefecture", "legacy", 75.0, True),
    ("990100", 2017, "government", "甲市", "Jia City", "prefecture", "legacy", 10.0, False),
    ("990100", 2020, "unspecified", "甲市", "Jia City", "prefecture", "trial_2019", 70.0, True),
    ("990102", 2018, "whole", "乙区", "Yi District", "county", "legacy", 90.0, True),
    ("990102", 2022, "unspecified", "乙区", "Yi District", "county", "format_2021", None, True),
]
# Evidence is report text: it may hold anything, here markup that must stay text, and run long.
OBSERVED_EVIDENCE = ("req_in_person=11, req_online=30: 当面申请11件，网络申请30件 </script><b>not bold</b>"
                     + "。其余申请均通过信函提交" * 20)
FINDING_COLUMNS = ("check_result_id", "check_name", "check_description", "severity", "file_sha256", "file_name",
                   "report_title", "report_year", "jurisdiction_code", "jurisdiction_name", "issuing_body",
                   "expected", "observed", "difference", "expected_means", "observed_means", "expected_evidence",
                   "observed_evidence", "message")
FINDINGS = [
    ("f1", "complete_breakdown_sums_to_total", "The parts of a breakdown given in full add up to its stated total.",
     "warning", "r4", "yi_2022.txt", "乙区2022年政府信息公开工作年度报告", 2022, "990102", "乙区", "乙区人民政府办公室",
     40.0, 41.0, 1.0, "the stated total", "the sum of the parts", "req_received=40: 共收到申请40件",
     OBSERVED_EVIDENCE, "req_received: 2 parts sum to 41, stated total 40"),
    ("f2", "report_has_jurisdiction", "The report's jurisdiction is recognised.", "error", "r6",
     "somewhere_2021.txt", None, 2021, None, None, None, None, None, None, None, None, None, None,
     "no jurisdiction code found"),
]
ROWS = {"dim_jurisdiction": (JURISDICTION_COLUMNS, JURISDICTIONS), "dim_report": (REPORT_COLUMNS, REPORTS),
        "fct_core_measures": (CORE_COLUMNS, CORE), "mart_jurisdiction_year": (MART_COLUMNS, MART),
        "fct_check_result": (FINDING_COLUMNS, FINDINGS)}


def contract_columns(model: str) -> list[tuple[str, str]]:
    """(name, data type) of every column of a mart, from its dbt contract."""
    spec = yaml.safe_load((DBT_PROJECT_DIR / "models" / "marts" / f"{model}.yml").read_text(encoding="utf-8"))
    [model_spec] = [entry for entry in spec["models"] if entry["name"] == model]
    return [(column["name"], column["data_type"]) for column in model_spec["columns"]]


def build_published(path: Path, *, with_rows: bool = True) -> Path:
    """A published warehouse whose tables have the marts' contracted columns and types, so a query
    on a column the marts do not have fails here; the invented rows fill the columns the page reads."""
    with duckdb.connect(str(path)) as connection:
        for table in PUBLISHED_TABLES:
            columns = ", ".join(f"{name} {data_type}" for name, data_type in contract_columns(table))
            connection.execute(f"create table {table} ({columns})")
            if with_rows:
                names, rows = ROWS[table]
                connection.executemany(f"insert into {table} ({', '.join(names)}) values "
                                       f"({', '.join('?' * len(names))})", rows)
    return path


@pytest.fixture
def published(tmp_path):
    return build_published(tmp_path / "warehouse.duckdb")


def test_a_jurisdiction_reads_in_chinese_and_english_and_shared_names_get_their_code():
    labels = jurisdiction_labels([
        {"jurisdiction_code": "990100", "name": "甲市", "name_en": "Jia City"},
        {"jurisdiction_code": "990201", "name": "丙区", "name_en": "Bing District"},
        {"jurisdiction_code": "990301", "name": "丙区", "name_en": "Bing District"},
        {"jurisdiction_code": "990400", "name": "丁市", "name_en": None},
    ])
    assert labels == {"990100": "甲市 Jia City", "990201": "丙区 Bing District, 990201",
                      "990301": "丙区 Bing District, 990301", "990400": "丁市"}


def test_the_rows_each_chart_gets(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        data = load_dashboard_data(connection)
    # The duplicate copy of 甲市 2017 is not counted.
    assert {(row["year"], row["level"], row["reports"]) for row in data.coverage} == {
        (2017, "Prefecture (地市级)", 1), (2020, "Prefecture (地市级)", 1),
        (2018, "County (县级)", 1), (2022, "County (县级)", 1), (2021, "Not resolved (未识别)", 1)}
    jia = [row for row in data.outcomes if row["jurisdiction"] == "甲市 Jia City"]
    assert sorted((row["year"], row["measure"], row["value"]) for row in jia if row["measure"].startswith("Requests")) \
        == [(2017, "Requests received (收到申请)", 120.0), (2020, "Requests received (收到申请)", 150.0)]
    assert {row["era"] for row in jia} == {"Legacy narrative, to 2018 (旧版)", "Table, 2019 trial form (2019版表格)"}
    # Only the outcome measures, only the default series.
    assert len(data.outcomes) == 10 and all(row["value"] != 99999 for row in data.outcomes)
    # Percent, the default scope only, no row without a rate.
    assert sorted((row["jurisdiction"], row["year"], row["rate_pct"]) for row in data.disclosure_rates) == [
        ("乙区 Yi District", 2018, 90.0), ("甲市 Jia City", 2017, 75.0), ("甲市 Jia City", 2020, 70.0)]
    # Errors first; each finding names its report and says the check in words.
    assert [(row["jurisdiction"], row["year"], row["title"], row["file"], row["check"], row["severity"])
            for row in data.findings] == [
        ("Not resolved (未识别)", 2021, "", "somewhere_2021.txt", "The report's jurisdiction is recognised.", "error"),
        ("乙区 Yi District", 2022, "乙区2022年政府信息公开工作年度报告", "yi_2022.txt",
         "The parts of a breakdown given in full add up to its stated total.", "warning")]
    breakdown = data.findings[1]
    assert (breakdown["issuing_body"], breakdown["expected"], breakdown["observed"]) == ("乙区人民政府办公室", "40", "41")
    assert breakdown["expected_evidence"] == "req_received=40: 共收到申请40件"
    assert breakdown["observed_evidence"] == OBSERVED_EVIDENCE


def test_the_page_is_self_contained_and_replaced_whole(published, tmp_path):
    out = tmp_path / "site" / "dashboard.html"
    out.parent.mkdir()
    out.write_text("previous page")
    summary = write_dashboard(published, out)
    page = out.read_text(encoding="utf-8")
    assert summary.chart_count == 3 and summary.finding_count == 2 and summary.has_data
    assert sorted(path.name for path in out.parent.iterdir()) == ["dashboard.html"]
    # Offline: no script, style or data fetched from anywhere.
    assert "<script src" not in page and "http://" not in page.split("<body>")[1].split("<script>")[0]
    assert "window.vegaEmbed" in page
    # The evidence cannot close the script or inject markup; it is shortened, all of it in the tooltip.
    assert "</script><b>not bold</b>" not in page
    assert f"title='{html.escape(OBSERVED_EVIDENCE)}'" in page
    assert html.escape(OBSERVED_EVIDENCE[:EVIDENCE_SHOWN - 1]) + "…" in page
    # A finding without evidence says what is wrong.
    assert "no jurisdiction code found" in page
    assert "Snapshot of warehouse.duckdb published" in page


def test_empty_marts_give_a_page_that_says_so(tmp_path):
    empty = build_published(tmp_path / "warehouse.duckdb", with_rows=False)
    summary = write_dashboard(empty, tmp_path / "dashboard.html")
    page = (tmp_path / "dashboard.html").read_text(encoding="utf-8")
    assert summary.chart_count == 0 and not summary.has_data
    assert "No data yet" in page and "class='chart'" not in page


def test_a_missing_published_warehouse_is_an_error_not_a_page(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_dashboard(tmp_path / "absent.duckdb", tmp_path / "dashboard.html")
    assert not (tmp_path / "dashboard.html").exists()


def _chromium() -> str:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); .ci/run installs it")
    return executable


def _mark_counts(page) -> dict[str, dict]:
    """Per chart container: the drawn SVG's size and how many marks of each kind it holds."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.chart')].map(chart => {
        const svg = chart.querySelector('svg.marks');
        const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
        const count = selector => chart.querySelectorAll(selector).length;
        return [chart.id, {width: box.width, height: box.height, rects: count('g.mark-rect.role-mark path'),
                           lines: count('g.mark-line.role-mark path'), symbols: count('g.mark-symbol.role-mark path')}];
    }))""")


def test_the_page_in_headless_chromium(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (requirements.lock) not installed")
    executable = _chromium()
    published = build_published(tmp_path / "warehouse.duckdb")
    out = tmp_path / "dashboard.html"
    write_dashboard(published, out)
    errors, requests = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: request.url.startswith("file:") or requests.append(request.url))
            page.goto(out.as_uri())
            page.wait_for_selector("body[data-drawn]", timeout=60_000)
            assert page.get_attribute("body", "data-drawn") == "true"
            marks = _mark_counts(page)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

            assert set(marks) == {"chart-coverage", "chart-outcomes", "chart-disclosure-rates"}
            assert all(chart["width"] > 100 and chart["height"] > 50 for chart in marks.values()), marks
            assert marks["chart-coverage"]["rects"] == 5  # one cell per level × year with reports
            # 甲市 has the most years (ties: by name): 2 years × 3 measures, one line per measure.
            assert marks["chart-outcomes"]["symbols"] == 6 and marks["chart-outcomes"]["lines"] == 3
            # Prefecture is the level with the most years of rates: 甲市 2017 and 2020.
            assert marks["chart-disclosure-rates"]["symbols"] == 2

            assert page.locator("#chart-outcomes select option").all_inner_texts() == ["乙区 Yi District",
                                                                                        "甲市 Jia City"]
            page.select_option("#chart-outcomes select", label="乙区 Yi District")
            page.select_option("#chart-disclosure-rates select", label="County (县级)")
            page.wait_for_function("document.querySelectorAll('#chart-outcomes g.mark-symbol.role-mark path').length == 4")
            redrawn = _mark_counts(page)
            assert redrawn["chart-outcomes"]["lines"] == 2
            assert redrawn["chart-disclosure-rates"]["symbols"] == 1
            assert page.locator("table.findings tbody tr").count() == 2
            assert page.locator("table.findings tbody tr").nth(1).locator("td").all_inner_texts()[4:6] == ["40", "41"]
        finally:
            browser.close()
    assert errors == [], errors
    assert requests == [], f"the page fetched from outside: {requests}"


def test_the_asset_writes_the_page_beside_the_published_warehouse(tmp_path, monkeypatch):
    from dagster import AssetKey, materialize

    from orchestration.defs.publish.dashboard_asset import published_dashboard

    monkeypatch.setenv("OGI_PUBLISHED", str(tmp_path / "published"))
    (tmp_path / "published").mkdir()
    build_published(tmp_path / "published" / "warehouse.duckdb")
    result = materialize([published_dashboard])
    assert result.success
    key = AssetKey(["published", "dashboard"])
    [materialization] = result.asset_materializations_for_node("published__dashboard")
    assert materialization.asset_key == key
    assert materialization.metadata["path"].value == str(tmp_path / "published" / "dashboard.html")
    assert materialization.metadata["chart_count"].value == 3
    assert (tmp_path / "published" / "dashboard.html").is_file()
    spec = published_dashboard.specs_by_key[key]
    assert spec.group_name == "publish" and spec.owners == ["team:ogi-warehouse"]
    assert AssetKey(["published", "warehouse"]) in {dep.asset_key for dep in spec.deps}


def test_a_page_is_redrawn_only_when_the_published_copy_is_newer(tmp_path):
    page, manifest = tmp_path / "dashboard.html", tmp_path / "manifest.json"
    assert not is_up_to_date(page, manifest)  # nothing drawn yet
    manifest.write_text("{}")
    page.write_text("<html></html>")
    assert is_up_to_date(page, manifest)
    os.utime(manifest, (page.stat().st_mtime + 10,) * 2)  # a new copy published after the page
    assert not is_up_to_date(page, manifest)
    manifest.unlink()
    assert not is_up_to_date(page, manifest)


def test_only_the_first_findings_are_read_and_the_page_counts_the_rest(published, tmp_path, monkeypatch):
    import orchestration.defs.publish.dashboard as dashboard

    monkeypatch.setattr(dashboard, "FINDINGS_SHOWN", 1)
    with duckdb.connect(str(published), read_only=True) as connection:
        data = load_dashboard_data(connection)
    assert len(data.findings) == 1 and data.finding_count == 2  # read from the warehouse: one row
    summary = write_dashboard(published, tmp_path / "dashboard.html")
    assert summary.finding_count == 2
    assert "Showing 1 of 2; all are in fct_check_result." in (tmp_path / "dashboard.html").read_text(encoding="utf-8")
