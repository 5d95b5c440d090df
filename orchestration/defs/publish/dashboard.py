"""The dashboard: one static HTML page drawn from the published warehouse (marts and dimensions).

Four views: coverage (reports per jurisdiction level × year), requests and their outcomes over
the years for a jurisdiction chosen in a drop-down, disclosure rates across the jurisdictions of
a level chosen in a drop-down, and the open findings with their reports' names.

The page works offline: Vega, Vega-Lite and vega-embed are inlined (vl-convert-python ships
them) and the data is embedded in the chart specs. Kept free of Dagster; the asset is in
dashboard_asset.py.

The SQL lives in QUERIES only, on the marts' contracted columns (dbt_project/models/marts/*.yml);
everything below reads rows by the names the queries give.
"""
from __future__ import annotations

import html
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import altair as alt
import duckdb

# Core measures drawn for a jurisdiction. Granted includes "already public": from 2019 the tables
# count those requests within （一）予以公开, so only this measure runs unbroken across eras.
OUTCOME_MEASURES = ("requests_received", "granted_incl_already_public", "partly_granted", "denied",
                    "not_held", "not_processed")

QUERIES = {
    # Reports the marts count, per level of their jurisdiction and year.
    "coverage": """
        select r.report_year, j.level as jurisdiction_level, count(*) as report_count
        from main.dim_report r
        left join main.dim_jurisdiction j on j.jurisdiction_code = r.jurisdiction_code
        where r.is_counted and r.report_year is not null
        group by all
    """,
    # The names of every jurisdiction a report resolved to: one label per code for all views.
    "jurisdictions": """
        select jurisdiction_code, name, name_en
        from main.dim_jurisdiction
        where jurisdiction_code in (select jurisdiction_code from main.dim_report)
    """,
    # One value per jurisdiction × year × measure: the default series.
    "outcomes": f"""
        select jurisdiction_code, report_year, era, measure, value
        from main.fct_core_measures
        where is_default_series and jurisdiction_code is not null and report_year is not null
          and value is not null and measure in ({", ".join(f"'{measure}'" for measure in OUTCOME_MEASURES)})
    """,
    "disclosure_rates": """
        select jurisdiction_code, jurisdiction_level, report_year, source_era as era, disclosure_rate_pct
        from main.mart_jurisdiction_year
        where is_default_series and jurisdiction_level is not null and disclosure_rate_pct is not null
    """,
    # fct_check_result names each finding's report itself; errors first.
    "findings": """
        select jurisdiction_code, jurisdiction_name, report_year, report_title, file_name, issuing_body,
               check_name, check_description, severity, expected, expected_means, observed, observed_means,
               expected_evidence, observed_evidence, message
        from main.fct_check_result
        order by severity = 'error' desc, jurisdiction_name nulls last, report_year nulls last, file_name,
                 check_name, message
        limit {findings_shown}
    """,
    # All findings, of which the page shows the first FINDINGS_SHOWN (at 100,000 reports there
    # were 900,000: read whole, they took 4.5 GB of memory for a table nobody scrolls).
    "finding_count": "select count(*) as finding_count from main.fct_check_result",
}

DASHBOARD_FILE = "dashboard.html"
# Rows shown in the findings table; the rest are counted, and are in the published CSV files.
FINDINGS_SHOWN = 1000
# Characters of a finding's evidence shown in the table; the cell's tooltip has the whole text.
EVIDENCE_SHOWN = 160

LEVEL_LABELS = {
    "province": "Province (省级)",
    "prefecture": "Prefecture (地市级)",
    "county": "County (县级)",
    None: "Not resolved (未识别)",
}
ERA_LABELS = {
    "legacy": "Legacy narrative, to 2018 (旧版)",
    "trial_2019": "Table, 2019 trial form (2019版表格)",
    "format_2021": "Table, 2021 form (2021版表格)",
}
MEASURE_LABELS = {
    "requests_received": "Requests received (收到申请)",
    "granted_incl_already_public": "Granted, incl. already public (予以公开)",
    "partly_granted": "Partly granted (部分公开)",
    "denied": "Denied (不予公开)",
    "not_held": "Not held by the agency (本机关不掌握)",
    "not_processed": "Not processed (不予处理)",
}
PAGE_TITLE = "Government information disclosure annual reports — warehouse dashboard (政府信息公开工作年度报告)"
FONT = "system-ui, 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', sans-serif"


@dataclass
class DashboardData:
    """Rows of each view, with the field names the charts use (no SQL names past this point)."""
    coverage: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    disclosure_rates: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)  # the first FINDINGS_SHOWN
    finding_count: int = 0  # all of them

    @property
    def is_empty(self) -> bool:
        return not (self.coverage or self.outcomes or self.disclosure_rates or self.findings)


@dataclass(frozen=True)
class DashboardSummary:
    path: Path
    chart_count: int
    finding_count: int
    has_data: bool


def _records(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def jurisdiction_labels(rows: list[dict]) -> dict[str, str]:
    """Code -> "常州市 Changzhou City"; the code is added to the names two jurisdictions share (鼓楼区
    is a district of several cities), since the drop-down and the legend tell jurisdictions apart by label."""
    names = {row["jurisdiction_code"]: " ".join(part for part in (row["name"], row["name_en"]) if part)
             or row["jurisdiction_code"] for row in rows}
    shared = {name for name, count in Counter(names.values()).items() if count > 1}
    return {code: f"{name}, {code}" if name in shared else name for code, name in names.items()}


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def load_dashboard_data(connection: duckdb.DuckDBPyConnection) -> DashboardData:
    labels = jurisdiction_labels(_records(connection, QUERIES["jurisdictions"]))

    def label(code: str | None, fallback: str | None = None) -> str:
        if code is None:
            return LEVEL_LABELS[None]
        return labels.get(code) or fallback or code

    coverage = [
        {"year": row["report_year"], "level": LEVEL_LABELS.get(row["jurisdiction_level"], row["jurisdiction_level"]),
         "reports": int(row["report_count"])}
        for row in _records(connection, QUERIES["coverage"])
    ]
    outcomes = [
        {"jurisdiction": label(row["jurisdiction_code"]), "year": row["report_year"],
         "era": ERA_LABELS.get(row["era"], row["era"]), "measure": MEASURE_LABELS[row["measure"]],
         "value": float(row["value"])}
        for row in _records(connection, QUERIES["outcomes"])
    ]
    disclosure_rates = [
        {"jurisdiction": label(row["jurisdiction_code"]),
         "level": LEVEL_LABELS.get(row["jurisdiction_level"], row["jurisdiction_level"]),
         "year": row["report_year"], "era": ERA_LABELS.get(row["era"], row["era"]),
         "rate_pct": round(float(row["disclosure_rate_pct"]), 2)}
        for row in _records(connection, QUERIES["disclosure_rates"])
    ]
    findings = [
        {"jurisdiction": label(row["jurisdiction_code"], row["jurisdiction_name"]), "year": row["report_year"],
         "title": row["report_title"] or "", "file": row["file_name"] or "", "issuing_body": row["issuing_body"] or "",
         "check": row["check_description"] or row["check_name"], "check_name": row["check_name"],
         "severity": row["severity"] or "",
         "expected": _number(row["expected"]), "expected_means": row["expected_means"] or "",
         "observed": _number(row["observed"]), "observed_means": row["observed_means"] or "",
         "expected_evidence": row["expected_evidence"] or "", "observed_evidence": row["observed_evidence"] or "",
         "message": row["message"] or ""}
        for row in _records(connection, QUERIES["findings"].format(findings_shown=FINDINGS_SHOWN))
    ]
    [finding_count] = _records(connection, QUERIES["finding_count"])
    for rows in (coverage, outcomes, disclosure_rates):
        rows.sort(key=lambda row: tuple(str(value) for value in row.values()))
    return DashboardData(coverage, outcomes, disclosure_rates, findings, int(finding_count["finding_count"]))


def _year_axis(rows: list[dict]) -> alt.X:
    """Every year from the first to the last, so a year without reports shows as a gap."""
    first, last = min(row["year"] for row in rows), max(row["year"] for row in rows)
    return alt.X("year:O", title="Report year (报告年度)", axis=alt.Axis(labelAngle=0),
                 scale=alt.Scale(domain=list(range(first, last + 1))))


def _year_line_axis(rows: list[dict]) -> alt.X:
    """A quantitative year axis for lines, fitted to the chosen jurisdiction or level, with a tick on
    whole years only (left to itself Vega-Lite ticks half years, labelled 2017, 2017 with format d)."""
    first, last = min(row["year"] for row in rows), max(row["year"] for row in rows)
    return alt.X("year:Q", title="Report year (报告年度)", scale=alt.Scale(zero=False, nice=False, padding=12),
                 axis=alt.Axis(format="d", values=list(range(first, last + 1))))


def _count_legend(most: int) -> alt.Legend:
    """Whole numbers on the colour scale: a gradient's own labels are fractions (1, 1.5, 2) for few reports."""
    return alt.Legend(format="d", values=list(range(1, most + 1))) if most <= 8 else alt.Legend(format="d")


def coverage_chart(rows: list[dict]) -> alt.Chart:
    levels = [label for label in LEVEL_LABELS.values() if any(row["level"] == label for row in rows)]
    levels += sorted({row["level"] for row in rows} - set(levels))
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=_year_axis(rows), y=alt.Y("level:N", title="Jurisdiction level (行政级别)", sort=levels))
    cells = base.mark_rect().encode(
        color=alt.Color("reports:Q", title="Reports (报告数)", scale=alt.Scale(scheme="blues"),
                        legend=_count_legend(max(row["reports"] for row in rows))),
        tooltip=[alt.Tooltip("level:N", title="Level"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("reports:Q", title="Reports")])
    counts = base.mark_text(baseline="middle").encode(
        text="reports:Q",
        color=alt.condition(alt.datum.reports > max(row["reports"] for row in rows) / 2,
                            alt.value("white"), alt.value("black")))
    return (cells + counts).properties(width="container", height=max(90, 45 * len(levels)))


def _most_covered(rows: list[dict], key: str) -> str:
    """The drop-down's first choice: the value of `key` with the most years, then the most rows."""
    years: dict[str, set] = {}
    row_counts: dict[str, int] = {}
    for row in rows:
        years.setdefault(row[key], set()).add(row["year"])
        row_counts[row[key]] = row_counts.get(row[key], 0) + 1
    return sorted(years, key=lambda value: (-len(years[value]), -row_counts[value], value))[0]


def outcomes_chart(rows: list[dict]) -> alt.Chart:
    jurisdictions = sorted({row["jurisdiction"] for row in rows})
    chosen = alt.param(name="jurisdiction", value=_most_covered(rows, "jurisdiction"),
                       bind=alt.binding_select(options=jurisdictions, name="Jurisdiction (行政区) "))
    measures = [label for label in MEASURE_LABELS.values() if any(row["measure"] == label for row in rows)]
    eras = [label for label in ERA_LABELS.values() if any(row["era"] == label for row in rows)]
    base = alt.Chart(alt.Data(values=rows)).transform_filter(alt.datum.jurisdiction == chosen).encode(
        x=_year_line_axis(rows),
        y=alt.Y("value:Q", title="Requests (申请数)"),
        color=alt.Color("measure:N", title="Measure (指标)", sort=measures),
    )
    lines = base.mark_line()
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("era:N", title="Report format (格式时期)", sort=eras),
        tooltip=[alt.Tooltip("jurisdiction:N", title="Jurisdiction"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("measure:N", title="Measure"), alt.Tooltip("value:Q", title="Value", format=",.0f"),
                 alt.Tooltip("era:N", title="Format")])
    return (lines + points).add_params(chosen).properties(width="container", height=320)


def disclosure_rate_chart(rows: list[dict]) -> alt.Chart:
    levels = [label for label in LEVEL_LABELS.values() if any(row["level"] == label for row in rows)]
    levels += sorted({row["level"] for row in rows} - set(levels))
    chosen = alt.param(name="level", value=_most_covered(rows, "level"),
                       bind=alt.binding_select(options=levels, name="Jurisdiction level (行政级别) "))
    eras = [label for label in ERA_LABELS.values() if any(row["era"] == label for row in rows)]
    base = alt.Chart(alt.Data(values=rows)).transform_filter(alt.datum.level == chosen).encode(
        x=_year_line_axis(rows),
        y=alt.Y("rate_pct:Q", title="Disclosure rate, % (公开率)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("jurisdiction:N", title="Jurisdiction (行政区)"),
    )
    lines = base.mark_line()
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("era:N", title="Report format (格式时期)", sort=eras),
        tooltip=[alt.Tooltip("jurisdiction:N", title="Jurisdiction"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("rate_pct:Q", title="Disclosure rate %", format=".1f"),
                 alt.Tooltip("era:N", title="Format")])
    return (lines + points).add_params(chosen).properties(width="container", height=320)


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    explanation: str


SECTIONS = (
    Section("coverage", "Coverage (覆盖范围)",
            "Reports counted in the warehouse (current, not duplicates), per level of the issuing "
            "jurisdiction and report year."),
    Section("outcomes", "Requests and their outcomes (申请及办理结果)",
            "Requests received and how they were answered, year by year, for the jurisdiction chosen "
            "in the list; the point shape tells the report's format, legacy narrative reports and the 2019/2021 "
            "tables in one series."),
    Section("disclosure-rates", "Disclosure rates (公开率)",
            "Share of answered requests granted in full or in part, per year, for every jurisdiction of "
            "the level chosen in the list (default series: one report and scope per jurisdiction-year)."),
)
CHART_BUILDERS = {"coverage": (coverage_chart, "coverage"), "outcomes": (outcomes_chart, "outcomes"),
                  "disclosure-rates": (disclosure_rate_chart, "disclosure_rates")}


def chart_specs(data: DashboardData) -> dict[str, dict]:
    """Vega-Lite specs by section anchor, for the sections that have rows."""
    specs = {}
    for anchor, (build, rows_name) in CHART_BUILDERS.items():
        rows = getattr(data, rows_name)
        if rows:
            chart = (build(rows).configure(font=FONT).configure_view(stroke=None)
                     .configure_legend(labelLimit=320, titleLimit=320))
            specs[anchor] = chart.to_dict()
    return specs


def _javascript_bundle() -> str:
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    return vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())


def _shortened(text: str) -> str:
    """At most EVIDENCE_SHOWN characters of `text`, the rest behind an ellipsis (the cell's title holds it all)."""
    return text if len(text) <= EVIDENCE_SHOWN else text[:EVIDENCE_SHOWN - 1].rstrip() + "…"


def _finding_cells(finding: dict) -> list[str]:
    escape = html.escape
    jurisdiction = escape(finding["jurisdiction"]) + (
        f"<div class='sub'>{escape(finding['issuing_body'])}</div>" if finding["issuing_body"] else "")
    report = (f"{escape(finding['title'])}<div class='sub file'>{escape(finding['file'])}</div>" if finding["title"]
              else f"<span class='file'>{escape(finding['file'])}</span>")
    check = (f"{escape(finding['check'])}<div class='sub'><span class='severity'>{escape(finding['severity'])}</span>"
             f" · {escape(finding['check_name'])}</div>")
    evidence = "".join(
        f"<div class='evidence' title='{escape(finding[key])}'><b>{side}:</b> {escape(_shortened(finding[key]))}</div>"
        for key, side in (("expected_evidence", "Expected"), ("observed_evidence", "Observed")) if finding[key])
    # A finding without evidence (a report without a jurisdiction) still says what is wrong.
    evidence = evidence or escape(finding["message"])
    return [
        f"<td class='jurisdiction'>{jurisdiction}</td>",
        f"<td class='year'>{escape('' if finding['year'] is None else str(finding['year']))}</td>",
        f"<td class='report'>{report}</td>",
        f"<td class='check'>{check}</td>",
        f"<td class='number' title='{escape(finding['expected_means'])}'>{escape(finding['expected'])}</td>",
        f"<td class='number' title='{escape(finding['observed_means'])}'>{escape(finding['observed'])}</td>",
        f"<td class='evidence'>{evidence}</td>",
    ]


# Heading and width (percent of the table) of each column: the evidence is the longest text.
FINDING_COLUMNS = (("Jurisdiction (行政区)", 11), ("Year (年度)", 5), ("Report (报告)", 15), ("Check (校验)", 20),
                   ("Expected (期望值)", 7), ("Observed (实际值)", 7), ("Evidence (证据)", 35))


def _findings_table(findings: list[dict], finding_count: int) -> str:
    if not findings:
        return "<p class='empty'>No open findings (无待处理问题).</p>"
    widths = "".join(f"<col style='width: {width}%'>" for _, width in FINDING_COLUMNS)
    head = "".join(f"<th>{html.escape(title)}</th>" for title, _ in FINDING_COLUMNS)
    body = "".join(f"<tr class='{html.escape(finding['severity'])}'>{''.join(_finding_cells(finding))}</tr>"
                   for finding in findings)
    shown = (f"<p class='note'>Showing {len(findings)} of {finding_count}; all are in fct_check_result.</p>"
             if finding_count > len(findings) else "")
    return (f"{shown}<table class='findings'><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


STYLE = """
body { font-family: %s; margin: 1.5rem auto; max-width: 1150px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.45rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
p.explain, p.snapshot, p.note { margin: .2rem 0 .6rem; color: #555; font-size: .92rem; }
p.empty { color: #777; font-style: italic; }
.chart { width: 100%%; }
/* The drop-down above its chart, where it is seen first. */
.chart.vega-embed { display: flex; flex-direction: column; }
.chart .vega-bindings { order: -1; margin: .2rem 0 .5rem; font-size: .95rem; }
.chart .vega-bindings select { font-size: .95rem; padding: .1rem .3rem; }
table.findings { border-collapse: collapse; width: 100%%; font-size: .85rem; table-layout: fixed; }
table.findings th, table.findings td { border: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }
table.findings th { background: #f3f3f3; }
table.findings .sub { color: #777; font-size: .75rem; margin-top: .1rem; }
table.findings .file { color: #777; font-size: .75rem; word-break: break-all; }
table.findings tr.error .severity { color: #b00020; font-weight: bold; }
table.findings td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.findings td.evidence { font-size: .8rem; word-break: break-word; }
table.findings div.evidence + div.evidence { margin-top: .25rem; }
""" % FONT


def render_page(data: DashboardData, specs: dict[str, dict], snapshot: str, javascript: str) -> str:
    sections = []
    for section in SECTIONS:
        body = (f"<div class='chart' id='chart-{section.anchor}'></div>" if section.anchor in specs
                else "<p class='empty'>No data yet (暂无数据).</p>")
        sections.append(f"<section id='{section.anchor}'><h2>{html.escape(section.heading)}</h2>"
                        f"<p class='explain'>{html.escape(section.explanation)}</p>{body}</section>")
    sections.append(
        "<section id='findings'><h2>Open findings (待处理问题)</h2><p class='explain'>Consistency checks the "
        "reports fail (parts that do not add up to their total, unreadable table rows, reports without a "
        "jurisdiction), errors first; checks flag a report, they never change its data. Point at an "
        "expected or observed value for what it is, at the evidence for its whole text.</p>"
        f"{_findings_table(data.findings, data.finding_count)}</section>")
    empty_banner = ("<p class='empty' id='no-data'>No data yet (暂无数据): the published warehouse has no "
                    "counted report. Run the pipeline (make run) to fill it.</p>" if data.is_empty else "")
    # "</" would close the script element early if a title or message held it.
    specs_json = json.dumps({f"chart-{anchor}": spec for anchor, spec in specs.items()},
                            ensure_ascii=False, default=str).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(PAGE_TITLE)}</title>
<style>{STYLE}</style>
<script>{javascript}</script>
</head>
<body>
<h1>{html.escape(PAGE_TITLE)}</h1>
<p class="snapshot">{html.escape(snapshot)}</p>
{empty_banner}
{''.join(sections)}
<script>
(function () {{
  const specs = {specs_json};
  const drawn = Object.keys(specs).map(function (id) {{
    return vegaEmbed('#' + id, specs[id], {{actions: false, renderer: 'svg'}}).then(function () {{
      document.getElementById(id).dataset.drawn = 'true';
    }});
  }});
  window.dashboardDrawn = Promise.all(drawn).then(
    function () {{ document.body.dataset.drawn = 'true'; }},
    function (error) {{ document.body.dataset.drawn = 'failed'; console.error(error); }});
}})();
</script>
</body>
</html>
"""


def _snapshot_line(published_db_path: Path, data: DashboardData) -> str:
    published_at = datetime.fromtimestamp(published_db_path.stat().st_mtime, tz=timezone.utc)
    generated_at = datetime.now(tz=timezone.utc)
    counted = sum(row["reports"] for row in data.coverage)
    return (f"Snapshot of {published_db_path.name} published {published_at:%Y-%m-%d %H:%M} UTC "
            f"(数据快照时间); {counted} reports with a year; page generated {generated_at:%Y-%m-%d %H:%M} UTC.")


def is_up_to_date(page: Path, published_manifest: Path) -> bool:
    """Whether ``page`` was drawn, by this code, after the published copy named by its manifest was
    put in place (a run with nothing new keeps the copy, so the page stays too)."""
    if not (page.is_file() and published_manifest.is_file()):
        return False
    return page.stat().st_mtime >= max(published_manifest.stat().st_mtime, Path(__file__).stat().st_mtime)


def write_dashboard(published_db_path: str | os.PathLike, out_html_path: str | os.PathLike) -> DashboardSummary:
    """Write the page for the published DuckDB file: under a temporary name, then renamed over the
    previous page, so a reader never sees half a page."""
    published_db_path, out_html_path = Path(published_db_path), Path(out_html_path)
    if not published_db_path.is_file():
        raise FileNotFoundError(f"published warehouse not found: {published_db_path}")
    with duckdb.connect(str(published_db_path), read_only=True) as connection:
        data = load_dashboard_data(connection)
    specs = chart_specs(data)
    page = render_page(data, specs, _snapshot_line(published_db_path, data), _javascript_bundle())
    out_html_path.parent.mkdir(parents=True, exist_ok=True)
    # Named like the publication's own temporary files, which it removes when a killed run left them.
    handle, temporary = tempfile.mkstemp(prefix=f".{out_html_path.name}.publishing-", dir=out_html_path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out_html_path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return DashboardSummary(out_html_path, len(specs), data.finding_count, not data.is_empty)
