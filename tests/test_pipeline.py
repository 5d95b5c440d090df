"""The one path from bytes to facts (extractors.pipeline)."""
from __future__ import annotations

from extractors.pipeline import extract_facts, read_report
from test_table_checks import T3_2021, balanced_report


def test_tables_are_read_even_when_the_era_was_judged_legacy():
    # a 2019/2020 report whose table wording the metadata did not recognise comes in as
    # "legacy": its tables are still read, as the trial format of those years
    report = read_report(balanced_report().encode("utf-8"), "report.md")
    facts = extract_facts(report.document, "legacy")
    received = [fact for fact in facts if fact.metric == "t3_new_received" and fact.applicant == "total"]
    assert [(fact.value, fact.format_version) for fact in received] == [(sum(T3_2021["t3_new_received"][:6]), "trial_2019")]
    assert any(fact.metric == "t4_recon_total" for fact in facts)
    narrative = [fact for fact in facts if fact.metric == "req_received"]
    assert narrative and all(fact.format_version == "legacy" for fact in narrative)


def test_a_legacy_report_yields_no_table_facts():
    text = ("永宁县2012年政府信息公开工作年度报告\n一、概述\n2012年，永宁县政府信息公开工作有序开展。"
            "全县各级行政机关认真落实《条例》，健全主动公开和依申请公开工作制度。\n"
            "二、主动公开政府信息情况\n2012年，全县主动公开政府信息3100条。\n"
            "三、依申请公开政府信息情况\n2012年，全县共受理政府信息公开申请12件，已全部答复。\n"
            "四、收费及减免情况\n全县未收取任何费用。\n五、行政复议和行政诉讼情况\n全年未发生行政复议和行政诉讼。\n") * 2
    report = read_report(text.encode("utf-8"), "report_2012.txt")
    facts = extract_facts(report.document, report.metadata.era)
    assert facts and not any(fact.metric.startswith(("t2_", "t3_", "t4_")) for fact in facts)


def test_numbers_after_a_review_heading_in_a_legacy_report_are_not_table_four():
    text = ("永宁县2013年政府信息公开工作年度报告\n一、概述\n2013年，全县政府信息公开工作有序开展，各级行政机关落实《条例》。\n"
            "二、主动公开政府信息情况\n2013年，全县主动公开政府信息2400条。\n三、依申请公开政府信息情况\n"
            "2013年，全县共受理政府信息公开申请15件，已全部答复。\n四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议 维持 纠正 其他 未结 合计 诉讼 维持 纠正 其他 未结 合计 上诉 维持 纠正\n"
            "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n") * 2
    report = read_report(text.encode("utf-8"), "report_2013.txt")
    facts = extract_facts(report.document, "legacy")
    assert not any(fact.metric.startswith(("t2_", "t3_", "t4_")) for fact in facts)


def test_in_format_is_replace_of_the_format_only():
    from dataclasses import replace

    from extractors.model import Fact
    from extractors.pipeline import in_format
    fact = Fact("req_received", 12.0, "件", "exact", "whole", "收到申请12件", 3, 10, "legacy.x", 0.9,
                flags=("derived",))
    copy = in_format(fact, "trial_2019")
    assert copy == replace(fact, format_version="trial_2019")
    assert repr(copy) == repr(replace(fact, format_version="trial_2019"))
    assert fact.format_version == ""  # the original is left as it was
    assert copy is not fact
