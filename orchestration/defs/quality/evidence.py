"""The evidence of a finding in words: the sentences or table rows its facts were read from.

A finding keeps the fact_index of the facts behind its expected value (a breakdown's stated
total) and behind its observed value (the parts); this turns each side into one readable text,
the form the warehouse (staging.check_results → fct_check_result), the Dagster asset checks and
the run summary all show. Facts read from one sentence or one table row share it: the sentence
is written once, after the facts' codes and values, e.g.

    req_in_person=10, req_online=25, req_letter=8: 2015年，全县共受理政府信息公开申请40件，其中…
    t3_granted[business]=1: （一）予以公开
"""
from __future__ import annotations

import pandas as pd

EVIDENCE_FACT_COLUMNS = ["file_sha256", "fact_index", "metric", "applicant", "value", "evidence"]
LINE_SEPARATOR = "\n"


def _fact_label(fact: dict) -> str:
    # (pandas 3 gives NaN, not None, for a NULL in a text column with values)
    applicant = f"[{fact['applicant']}]" if isinstance(fact["applicant"], str) and fact["applicant"] else ""
    value = "blank" if pd.isna(fact["value"]) else f"{fact['value']:g}"
    return f"{fact['metric']}{applicant}={value}"


def evidence_text(facts: list[dict]) -> str | None:
    """One line per sentence or table row, in the report's order: the codes and values of the
    facts read from it, then the text as printed. None when there are no facts."""
    if not facts:
        return None
    lines: list[tuple[str, list[str]]] = []
    for fact in sorted(facts, key=lambda fact: fact["fact_index"]):
        sentence = " ".join(str(fact["evidence"]).split())  # one line, whatever the layout
        if lines and lines[-1][0] == sentence:
            lines[-1][1].append(_fact_label(fact))
        else:
            lines.append((sentence, [_fact_label(fact)]))
    return LINE_SEPARATOR.join(f"{', '.join(labels)}: {sentence}" for sentence, labels in lines)


def with_evidence(findings: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """The findings with expected_evidence and observed_evidence: the text of the facts named by
    their expected_fact_indexes and observed_fact_indexes (None: no fact), found in ``facts`` (columns
    EVIDENCE_FACT_COLUMNS; the facts of the findings' reports, or at least those named)."""
    by_key = {(fact["file_sha256"], int(fact["fact_index"])): fact
              for fact in facts.reindex(columns=EVIDENCE_FACT_COLUMNS).to_dict("records")}

    def text(sha: str, indexes: list[int] | None) -> str | None:
        return evidence_text([by_key[(sha, int(index))] for index in indexes or () if (sha, int(index)) in by_key])

    return findings.assign(
        expected_evidence=[text(sha, indexes) for sha, indexes in zip(findings["file_sha256"], findings["expected_fact_indexes"])],
        observed_evidence=[text(sha, indexes) for sha, indexes in zip(findings["file_sha256"], findings["observed_fact_indexes"])],
    )


def named_facts(findings: pd.DataFrame) -> pd.DataFrame:
    """(file_sha256, fact_index) of every fact the findings name, once each."""
    pairs = {(sha, int(index)) for sha, expected, observed in zip(
        findings["file_sha256"], findings["expected_fact_indexes"], findings["observed_fact_indexes"])
        for index in [*(expected or ()), *(observed or ())]}
    return pd.DataFrame(sorted(pairs), columns=["file_sha256", "fact_index"])
