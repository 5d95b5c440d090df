"""The consistency checks on standardized-format fixtures: every identity an unbalanced
fixture breaks is flagged (the expected list is computed here, independently, from the printed
numbers), and a balanced report passes."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extractors.pipeline import extract_facts, read_report
from orchestration.defs.quality.consistency import run_consistency_checks
from test_tables import APPLICANTS, T3_2019, T3_2021, T4_2019, T4_2021

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
OUTCOME_ROWS_2019 = [code for code in T3_2019 if code not in
                     ("t3_new_received", "t3_carried_over_in", "t3_handled_total", "t3_carried_over_out")]
OUTCOME_ROWS_2021 = [code for code in T3_2021 if code not in
                     ("t3_new_received", "t3_carried_over_in", "t3_handled_total", "t3_carried_over_out")]


def broken_identities(table3: dict[str, tuple], table4: dict[str, int], outcome_rows: list[str]) -> set[tuple[str, str]]:
    """(identity, applicant) of every identity the printed numbers break, by plain arithmetic."""
    broken = set()
    for column, applicant in enumerate(APPLICANTS):
        value = {code: row[column] for code, row in table3.items()}
        if value["t3_new_received"] + value["t3_carried_over_in"] != value["t3_handled_total"] + value["t3_carried_over_out"]:
            broken.add(("t3_column_balance", applicant))
        if sum(value[code] for code in outcome_rows) != value["t3_handled_total"]:
            broken.add(("t3_handled_total_is_sum_of_outcomes", applicant))
    for code, row in table3.items():
        if sum(row[:6]) != row[6]:
            broken.add((f"{code}:row_total", "total"))
    for block in ("t4_recon", "t4_lit_direct", "t4_lit_after_recon"):
        parts = sum(table4[f"{block}_{part}"] for part in ("upheld", "corrected", "other", "pending"))
        if parts != table4[f"{block}_total"]:
            broken.add((f"{block}_block_sum", ""))
    return broken


def table_findings(data: bytes, name: str) -> tuple[set[tuple[str, str]], dict[str, int]]:
    report = read_report(data, name)
    facts = extract_facts(report.document, report.metadata.era)
    frame = pd.DataFrame([{
        "file_sha256": name, "fact_index": index, "metric": fact.metric, "applicant": fact.applicant,
        "scope": fact.scope, "value": fact.value, "flags": ",".join(fact.flags),
    } for index, fact in enumerate(facts)])
    documents = pd.DataFrame({"file_sha256": [name], "report_year": [report.metadata.report_year],
                              "jurisdiction_code": ["330122"]})
    outcomes = {outcome.check_name: outcome.findings for outcome in run_consistency_checks(frame, documents, this_year=2026)}
    identities = outcomes["table_identities_hold"]
    flagged = set(zip(identities["metric_group"], identities["message"].str.extract(r"\[(.*?)\]")[0]))
    return flagged, {name: len(rows) for name, rows in outcomes.items()}


@pytest.mark.parametrize("fixture, table3, table4, outcome_rows", [
    ("report_2021.html", T3_2021, T4_2021, OUTCOME_ROWS_2021),
    ("report_2021.md", T3_2021, T4_2021, OUTCOME_ROWS_2021),
    ("report_2021.txt", T3_2021, T4_2021, OUTCOME_ROWS_2021),
    ("report_2019.html", T3_2019, T4_2019, OUTCOME_ROWS_2019),
    ("report_2019.md", T3_2019, T4_2019, OUTCOME_ROWS_2019),
])
def test_every_broken_identity_of_a_fixture_is_flagged(fixture, table3, table4, outcome_rows):
    expected = broken_identities(table3, table4, outcome_rows)
    assert expected, "the fixtures are meant to be unbalanced somewhere"
    flagged, _ = table_findings((FIXTURES / fixture).read_bytes(), fixture)
    assert flagged == expected


def balanced_report() -> str:
    """An invented 2021-format report whose tables balance everywhere."""
    rows = {code: list(values) for code, values in T3_2021.items()}
    for code, values in rows.items():
        values[6] = sum(values[:6])  # row totals
    for column in range(7):
        rows["t3_handled_total"][column] = sum(rows[code][column] for code in OUTCOME_ROWS_2021)
        rows["t3_carried_over_out"][column] = (rows["t3_new_received"][column] + rows["t3_carried_over_in"][column]
                                               - rows["t3_handled_total"][column])
    assert all(value >= 0 for values in rows.values() for value in values)
    labels = {
        "t3_new_received": "一、本年新收政府信息公开申请数量", "t3_carried_over_in": "二、上年结转政府信息公开申请数量",
        "t3_granted": "（一）予以公开", "t3_partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "t3_denied_state_secret": "1.属于国家秘密", "t3_denied_law_prohibited": "2.其他法律行政法规禁止公开",
        "t3_denied_security_stability": "3.危及“三安全一稳定”", "t3_denied_third_party": "4.保护第三方合法权益",
        "t3_denied_internal_affairs": "5.属于三类内部事务信息", "t3_denied_process_info": "6.属于四类过程性信息",
        "t3_denied_enforcement_file": "7.属于行政执法案卷", "t3_denied_query_matter": "8.属于行政查询事项",
        "t3_unable_not_held": "1.本机关不掌握相关政府信息", "t3_unable_needs_creation": "2.没有现成信息需要另行制作",
        "t3_unable_unclear": "3.补正后申请内容仍不明确", "t3_unprocessed_petition": "1.信访举报投诉类申请",
        "t3_unprocessed_duplicate": "2.重复申请", "t3_unprocessed_publication": "3.要求提供公开出版物",
        "t3_unprocessed_mass_repeat": "4.无正当理由大量反复申请",
        "t3_unprocessed_confirm_existing": "5.要求行政机关确认或重新出具已获取信息",
        "t3_other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "t3_other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "t3_other_other": "3.其他", "t3_handled_total": "（七）总计", "t3_carried_over_out": "四、结转下年度继续办理",
    }
    table3 = "\n".join(f"| {labels[code]} | " + " | ".join(map(str, values)) + " |" for code, values in rows.items())
    return f"""# 桐庐县2022年政府信息公开工作年度报告

一、总体情况

2022年，全县各级行政机关认真贯彻《条例》，主动公开政府信息，依法办理政府信息公开申请，全年共受理政府信息公开申请{rows['t3_new_received'][6]}件。

二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 3 |
| 行政规范性文件 | 4 | 1 | 27 |

三、收到和处理政府信息公开申请情况

| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
{table3}

四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 3 | 1 | 0 | 1 | 5 | 2 | 0 | 0 | 1 | 3 | 1 | 0 | 0 | 0 | 1 |

五、存在的主要问题及改进情况

下一步将继续规范政府信息公开申请办理工作。
"""


def test_a_balanced_report_passes_every_check():
    flagged, counts = table_findings(balanced_report().encode("utf-8"), "balanced.md")
    assert flagged == set()
    assert {name: count for name, count in counts.items() if count and name != "report_has_jurisdiction"} == {}
