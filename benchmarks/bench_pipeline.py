"""Per-report cost of the warehouse stages, on a synthetic inbox of distinct invented reports.

    .venv/bin/python benchmarks/bench_pipeline.py [--reports N]

Prints milliseconds per report for ingest, documents, facts and checks, and the time of a re-run with
nothing new (which must not grow with work already done: only stat calls per file).
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from extractors.pipeline import reader_version
from orchestration.defs.extraction.exchange import ExtractionExchange
from orchestration.defs.extraction.stages import extract_pending, stage_rules_version
from orchestration.defs.ingest.inbox import ingest_inbox
from orchestration.defs.quality.findings import check_pending_reports
from orchestration.raw_store import RawStore
from orchestration.warehouse import connect

PARAGRAPH = (
    "{year}年，{place}认真贯彻落实《条例》要求，健全政府信息公开工作机制，完善主动公开目录，规范依申请公开办理流程，"
    "加强保密审查和监督考核，政府信息公开工作取得新进展，公众知情权、参与权和监督权得到进一步保障。"
)
TEMPLATE = """<html><body><div class="nav">首页 &gt; 政务公开</div>
<h1>{place}{year}年政府信息公开工作年度报告</h1>
<p>一、概述</p>{overview}
<p>二、主动公开政府信息情况</p><p>{year}年，全{level}主动公开政府信息{total}条，其中政府网站公开政府信息{web}条，政务微博公开政府信息{weibo}条。</p>
<p>三、依申请公开政府信息情况</p><p>{year}年，全{level}共受理政府信息公开申请{received}件，其中当面申请{person}件，网络申请{online}件，信函申请{letter}件。
其中，同意公开{granted}件，同意部分公开{partial}件，不予公开{denied}件，信息不存在{missing}件。</p>
<p>四、收费及减免情况</p><p>全{level}各级行政机关在依申请公开工作中未收取任何费用。</p>
<p>五、行政复议和行政诉讼情况</p><p>全{level}发生政府信息公开行政复议案件{recon}件，行政诉讼案件{lit}件。</p>
<p>六、存在的问题及改进措施</p><p>下一步将继续深化政务公开。</p></body></html>"""


def synthetic_report(index: int, rng: random.Random) -> str:
    person, online, letter = rng.randint(0, 50), rng.randint(0, 300), rng.randint(0, 80)
    received = person + online + letter
    granted = rng.randint(0, received)
    return TEMPLATE.format(
        place=f"样例{'市县'[index % 2]}{index}", level="市县"[index % 2], year=2010 + index % 9,
        overview="".join(f"<p>{PARAGRAPH.format(year=2010 + index % 9, place='我市')}</p>" for _ in range(6)),
        total=rng.randint(1000, 90000), web=rng.randint(100, 900), weibo=rng.randint(10, 90), received=received,
        person=person, online=online, letter=letter, granted=granted, partial=0, denied=0, missing=received - granted,
        recon=rng.randint(0, 9), lit=rng.randint(0, 5),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    count = parser.parse_args().reports
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        inbox = Path(folder) / "inbox"
        inbox.mkdir()
        for index in range(count):
            (inbox / f"report_{index:06d}.html").write_text(synthetic_report(index, rng), encoding="utf-8")
        store = RawStore(Path(folder) / "raw")
        exchange = ExtractionExchange(Path(folder) / "work")
        with connect(Path(folder) / "warehouse.duckdb") as connection:
            timings = {}
            for stage, work in (
                ("ingest", lambda: ingest_inbox(connection, inbox, store)),
                ("documents with facts",
                 lambda: extract_pending(connection, store, exchange, reader_version(), stage_rules_version())),
                ("checks", lambda: check_pending_reports(connection)),
            ):
                started = time.perf_counter()
                work()
                timings[stage] = time.perf_counter() - started
            started = time.perf_counter()
            ingest_inbox(connection, inbox, store)
            extract_pending(connection, store, exchange, reader_version(), stage_rules_version())
            check_pending_reports(connection)
            rerun = time.perf_counter() - started
            facts = connection.execute("select count(*) from staging.facts").fetchone()[0]
    print(f"{count} reports, {facts} facts")
    for stage, seconds in timings.items():
        print(f"  {stage:<10} {seconds * 1000 / count:7.2f} ms/report  ({seconds:.1f} s)")
    print(f"  re-run with nothing new: {rerun:.2f} s ({rerun * 1000 / count:.3f} ms/report)")


if __name__ == "__main__":
    main()
