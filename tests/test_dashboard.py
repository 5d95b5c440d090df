"""The dashboard (orchestration/defs/publish/dashboard.py) on a small published warehouse of
invented rows: the queries and the rows the charts get, the page, and the page in headless
Chromium (no console error, every chart drawn, the drop-down redraws; a screenshot is saved in
OGI_TEST_ARTIFACTS, default tests/artifacts/)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.defs.publish.dashboard import load_dashboard_data, resolved_queries, write_dashboard

ARTIFACTS = Path(os.environ.get("OGI_TEST_ARTIFACTS") or Path(__file__).parent / "artifacts")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Two invented jurisdictions, a legacy and a table year each, one report not counted (a duplicate),
# one non-default scope with a value that must not show, one finding.
JURISDICTIONS = [("990100", "甲市", "prefecture", "某省"), ("990102", "乙区", "county", "某省")]
REPORTS = [  # file_sha256, file_name, title, year, jurisdiction, counted, era
    ("r1", "jia_2017.txt", "甲市2017年政府信息公开工作年度报告", 2017, "990100", True, "legacy"),
    ("r2", "jia_2020.txt", "甲市2020年政府信息公开工作年度报告", 2020, "990100", True, "trial_2019"),
    ("r3", "yi_2018.txt", "乙区2018年政府信息公开工作年度报告", 2018, "990102", True, "legacy"),
    ("r4", "yi_2022.txt", "乙区2022年政府信息公开工作年度报告", 2022, "990102", True, "format_2021"),
    ("r5", "jia_2017_copy.txt", "甲市2017年政府信息公开工作年度报告", 2017, "990100", False, "legacy"),
]
CORE = [  # file, jurisdiction, year, era, measure, value, default series
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
MART = [  # jurisdiction, year, scope, name, level, era, rate (fraction), default series
    ("990100", 2017, "whole", "甲市", "prefecture", "legacy", 0.75, True),
    ("990100", 2017, "government", "甲市", "prefecture", "legacy", 0.10, False),
    ("990100", 2020, "unspecified", "甲市", "prefecture", "trial_2019", 0.7, True),
    ("990102", 2018, "whole", "乙区", "county", "legacy", 0.9, True),
    ("990102", 2022, "unspecified", "乙区", "county", "format_2021", None, True),
]
FINDING_MESSAGE = "requests_received: 4 parts sum to 41, stated total 40 </script><b>not bold</b>"


def build_published(path: Path, *, new_schema: bool, with_rows: bool = True) -> Path:
    """A published warehouse with the columns the dashboard reads: the schema after issue 10's mart
    changes (is_default_series, disclosure_rate_pct) or the one before (in_default_series, a fraction)."""
    flag = "is_default_series" if new_schema else "in_default_series"
    rate = "disclosure_rate_pct" if new_schema else "disclosure_rate"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create table dim_jurisdiction (jurisdiction_code varchar, name varchar, level varchar, "
                           "province_name varchar)")
        connection.execute("create table dim_report (file_sha256 varchar, file_name varchar, title varchar, "
                           "report_year integer, jurisdiction_code varchar, jurisdiction_name varchar, "
                           "is_counted boolean, era varchar)")
        connection.execute(f"create table fct_core_measures (file_sha256 varchar, jurisdiction_code varchar, "
                           f"report_year integer, era varchar, measure varchar, value double, {flag} boolean)")
        mart_flag = ", is_default_series boolean" if new_schema else ""
        connection.execute(f"create table mart_jurisdiction_year (jurisdiction_code varchar, report_year integer, "
                           f"scope varchar, jurisdiction_name varchar, jurisdiction_level varchar, "
                           f"source_era varchar, {rate} double{mart_flag})")
        connection.execute("create table fct_check_result (check_name varchar, file_sha256 varchar, "
                           "report_year integer, jurisdiction_code varchar, severity varchar, message varchar)")
        if not with_rows:
            return path
        connection.executemany("insert into dim_jurisdiction values (?, ?, ?, ?)", JURISDICTIONS)
        connection.executemany("insert into dim_report values (?, ?, ?, ?, ?, ?, ?, ?)",
                               [(sha, file, title, year, code, dict((c, n) for c, n, _, _ in JURISDICTIONS)[code],
                                 counted, era) for sha, file, title, year, code, counted, era in REPORTS])
        connection.executemany("insert into fct_core_measures values (?, ?, ?, ?, ?, ?, ?)", CORE)
        for code, year, scope, name, level, era, fraction, default in MART:
            value = None if fraction is None else (100 * fraction if new_schema else fraction)
            extra = [default] if new_schema else []
            placeholders = ", ".join("?" * (7 + len(extra)))
            connection.execute(f"insert into mart_jurisdiction_year values ({placeholders})",
                               [code, year, scope, name, level, era, value, *extra])
        connection.execute("insert into fct_check_result values ('parts_do_not_exceed_total', 'r4', 2022, '990102', "
                           "'warning', ?)", [FINDING_MESSAGE])
    return path


@pytest.fixture(params=[True, False], ids=["new_schema", "old_schema"])
def published(request, tmp_path):
    return build_published(tmp_path / "warehouse.duckdb", new_schema=request.param)


def test_the_queries_follow_the_columns_the_warehouse_has(tmp_path):
    new = build_published(tmp_path / "new.duckdb", new_schema=True)
    old = build_published(tmp_path / "old.duckdb", new_schema=False)
    with duckdb.connect(str(new), read_only=True) as connection:
        new_queries = resolved_queries(connection)
    with duckdb.connect(str(old), read_only=True) as connection:
        old_queries = resolved_queries(connection)
    assert "m.is_default_series" in new_queries["outcomes"] and "in_default_series" not in new_queries["outcomes"]
    assert "m.in_default_series" in old_queries["outcomes"]
    assert "m.disclosure_rate_pct" in new_queries["disclosure_rates"]
    assert "100 * m.disclosure_rate" in old_queries["disclosure_rates"]


def test_the_rows_each_chart_gets(published):
    with duckdb.connect(str(published), read_only=True) as connection:
        data = load_dashboard_data(connection)
    # The duplicate copy of 甲市 2017 is not counted.
    assert {(row["year"], row["level"], row["reports"]) for row in data.coverage} == {
        (2017, "Prefecture (地市级)", 1), (2020, "Prefecture (地市级)", 1),
        (2018, "County (县级)", 1), (2022, "County (县级)", 1)}
    jia = [row for row in data.outcomes if row["jurisdiction"] == "甲市 (990100)"]
    assert sorted((row["year"], row["measure"], row["value"]) for row in jia if row["measure"].startswith("Requests")) \
        == [(2017, "Requests received (收到申请)", 120.0), (2020, "Requests received (收到申请)", 150.0)]
    assert {row["era"] for row in jia} == {"Legacy narrative, to 2018 (旧版)", "Table, 2019 trial form (2019版表格)"}
    # Only the outcome measures, only the default series.
    assert len(data.outcomes) == 10 and all(row["value"] != 99999 for row in data.outcomes)
    # Percent, the default scope only, no row without a rate.
    assert sorted((row["jurisdiction"], row["year"], row["rate_pct"]) for row in data.disclosure_rates) == [
        ("乙区 (990102)", 2018, 90.0), ("甲市 (990100)", 2017, 75.0), ("甲市 (990100)", 2020, 70.0)]
    assert data.findings == [{
        "jurisdiction": "乙区 (990102)", "year": 2022, "title": "乙区2022年政府信息公开工作年度报告",
        "file": "yi_2022.txt", "check": "parts_do_not_exceed_total", "severity": "warning",
        "message": FINDING_MESSAGE}]


def test_the_page_is_self_contained_and_replaced_whole(published, tmp_path):
    out = tmp_path / "site" / "dashboard.html"
    out.parent.mkdir()
    out.write_text("previous page")
    summary = write_dashboard(published, out)
    page = out.read_text(encoding="utf-8")
    assert summary.chart_count == 3 and summary.finding_count == 1 and summary.has_data
    assert sorted(path.name for path in out.parent.iterdir()) == ["dashboard.html"]
    # Offline: no script, style or data fetched from anywhere.
    assert "<script src" not in page and "http://" not in page.split("<body>")[1].split("<script>")[0]
    assert "window.vegaEmbed" in page
    # The finding's message cannot close the script or inject markup.
    assert "</script><b>not bold</b>" not in page
    assert "&lt;/script&gt;&lt;b&gt;not bold&lt;/b&gt;" in page
    assert "Snapshot of warehouse.duckdb published" in page


def test_empty_marts_give_a_page_that_says_so(tmp_path):
    empty = build_published(tmp_path / "warehouse.duckdb", new_schema=True, with_rows=False)
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
    published = build_published(tmp_path / "warehouse.duckdb", new_schema=True)
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
            assert marks["chart-coverage"]["rects"] == 4  # one cell per level × year with reports
            # 甲市 has the most years (ties: by name): 2 years × 3 measures, one line per measure.
            assert marks["chart-outcomes"]["symbols"] == 6 and marks["chart-outcomes"]["lines"] == 3
            # Prefecture is the level with the most years of rates: 甲市 2017 and 2020.
            assert marks["chart-disclosure-rates"]["symbols"] == 2

            page.select_option("#chart-outcomes select", label="乙区 (990102)")
            page.select_option("#chart-disclosure-rates select", label="County (县级)")
            page.wait_for_function("document.querySelectorAll('#chart-outcomes g.mark-symbol.role-mark path').length == 4")
            redrawn = _mark_counts(page)
            assert redrawn["chart-outcomes"]["lines"] == 2
            assert redrawn["chart-disclosure-rates"]["symbols"] == 1
            assert page.locator("table.findings tbody tr").count() == 1
        finally:
            browser.close()
    assert errors == [], errors
    assert requests == [], f"the page fetched from outside: {requests}"


def test_the_asset_writes_the_page_beside_the_published_warehouse(tmp_path, monkeypatch):
    from dagster import AssetKey, materialize

    from orchestration.defs.publish.dashboard_asset import published_dashboard

    monkeypatch.setenv("OGI_PUBLISHED", str(tmp_path / "published"))
    (tmp_path / "published").mkdir()
    build_published(tmp_path / "published" / "warehouse.duckdb", new_schema=True)
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
