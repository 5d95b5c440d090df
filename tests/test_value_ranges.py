"""Values no report can mean (issue 9, item 6), through the one path from bytes to facts: a
negative number, a NUL byte inside the sentence or the number, an absurd size. None of them may
make a fact vanish silently or enter a series unflagged: the fact is kept as printed (evidence
verbatim, NULs included), flagged ``negative_value`` / ``implausible_value``, and a check reports
it (the marts' side is tested by the dbt unit tests of fct_core_measures and
mart_jurisdiction_year)."""
from __future__ import annotations

import pandas as pd
import pytest

from extractors.pipeline import read_report, report_facts
from extractors.plausibility import IMPLAUSIBLE, NEGATIVE, plausible_max, range_flags
from orchestration.defs.quality.consistency import run_consistency_checks
from test_table_checks import balanced_report

LEGACY = ("永宁县2012年政府信息公开工作年度报告\n一、概述\n2012年，永宁县政府信息公开工作有序开展。"
          "全县各级行政机关认真落实《条例》，健全主动公开和依申请公开工作制度。\n"
          "二、主动公开政府信息情况\n2012年，全县主动公开政府信息3100条。\n"
          "三、依申请公开政府信息情况\n2012年，{requests}\n"
          "四、收费及减免情况\n全县未收取任何费用。\n五、行政复议和行政诉讼情况\n全年未发生行政复议和行政诉讼。\n")


def _facts(text: str, name: str = "report.txt", encoding: str = "utf-8"):
    report = read_report(text.encode(encoding), name)
    return report, report_facts(report)


def _received(facts):
    return [fact for fact in facts if fact.metric == "req_received"]


@pytest.mark.parametrize("sign", ["-", "－", "−"])
def test_a_negative_count_is_a_flagged_fact_not_a_silent_drop(sign):
    _, facts = _facts(LEGACY.format(requests=f"全年共受理政府信息公开申请{sign}5件，已全部答复。"))
    [received] = _received(facts)
    assert received.value == -5 and NEGATIVE in received.flags
    assert received.evidence.endswith(f"申请{sign}5件，已全部答复。")  # the sign as printed


@pytest.mark.parametrize("sentence, value", [
    ("全年共受理政府信息公开申请3-5件，已全部答复。", None),  # a range: no minus sign, no negative
    ("全年共受理政府信息公开申请12件，已全部答复。", 12.0),
])
def test_a_dash_after_a_digit_is_no_minus_sign(sentence, value):
    _, facts = _facts(LEGACY.format(requests=sentence))
    assert all(fact.value is None or fact.value >= 0 for fact in facts)
    if value is not None:
        assert [fact.value for fact in _received(facts)] == [value]


def test_a_negative_table_cell_is_kept_and_flagged():
    text = balanced_report().replace("| 3 | 1 | 0 | 1 | 5 |", "| 3 | -3 | 0 | 1 | 5 |")
    _, facts = _facts(text, "report.md")
    [corrected] = [fact for fact in facts if fact.metric == "t4_recon_corrected"]
    assert corrected.value == -3 and corrected.flags == (NEGATIVE,)
    assert all(NEGATIVE not in fact.flags for fact in facts if fact is not corrected and (fact.value or 0) >= 0)


@pytest.mark.parametrize("sentence", [
    "全年共受理政府信息\x00公开申请12件，已全部答复。",  # inside the words
    "全年共受理政府信息公开申请1\x002件，已全部答复。",  # inside the number
    "全年共受理政府信息公开申请12\x00\x00件，已全部答复。",  # between number and unit
])
@pytest.mark.parametrize("name, encoding", [("report.txt", "utf-8"), ("report.txt", "gb18030"),
                                            ("report.md", "utf-8"), ("report.txt", "utf-16")])
def test_a_nul_byte_hides_no_fact_and_stays_in_the_evidence(sentence, name, encoding):
    report, facts = _facts(LEGACY.format(requests=sentence), name, encoding)
    [received] = _received(facts)
    assert received.value == 12 and not received.flags
    assert "\x00" not in report.document.text  # the rules read the words whole ...
    assert sentence.rstrip("。") in received.evidence  # ... the evidence is the file's own text


def test_a_nul_byte_in_a_page_hides_no_fact():
    body = LEGACY.format(requests="全年共受理政府信息公开申请1\x002件，已全部答复。")
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>"
    _, facts = _facts(page, "report.html")
    assert [fact.value for fact in _received(facts)] == [12]


def test_an_absurd_value_is_kept_flagged():
    _, facts = _facts(LEGACY.format(requests="受理申请1000000000000000件，已全部答复。"))
    [received] = _received(facts)
    assert received.value == 1e15 and received.flags == (IMPLAUSIBLE,)
    pro = [fact for fact in facts if fact.metric == "pro_total"]
    assert pro and not pro[0].flags  # 3100 items: plausible


def test_ranges_are_data_per_metric_and_unit():
    assert plausible_max("req_received") == plausible_max("t3_new_received")  # both requests
    assert plausible_max("req_answer_rate_pct") == 100
    assert range_flags("req_received", 25_000) == ()
    assert range_flags("req_received", 1e15) == (IMPLAUSIBLE,)
    assert range_flags("req_answer_rate_pct", 250) == (IMPLAUSIBLE,)
    assert range_flags("fee_collected_yuan", -1) == (NEGATIVE,)
    assert range_flags("t3_granted", None) == ()  # a blank cell is no value


def test_flagged_values_are_findings():
    _, facts = _facts(LEGACY.format(requests="受理申请1000000000000000件，其中-2件不予公开。"))
    frame = pd.DataFrame([{"file_sha256": "r", "fact_index": index, "metric": fact.metric,
                           "applicant": fact.applicant, "scope": fact.scope, "value": fact.value,
                           "flags": ",".join(fact.flags)} for index, fact in enumerate(facts)])
    documents = pd.DataFrame({"file_sha256": ["r"], "report_year": [2012], "jurisdiction_code": ["640121"]})
    checks = {outcome.check_name: outcome.findings
              for outcome in run_consistency_checks(frame, documents, this_year=2026)}
    assert "req_received" in set(checks["values_plausible"]["metric_group"])
    assert "out_denied" in set(checks["values_not_negative"]["metric_group"])
