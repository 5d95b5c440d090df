"""The candidates of a report's free text merged into its facts: a number restated later in the
report is the same fact, its scope given by the mention that names its subject best."""
from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.model import Document, Fact
from extractors.rules.matcher import SENTENCE_SUBJECT_STRENGTH


@dataclass
class Candidate:
    fact: Fact
    scope_strength: float  # how the scope was named (matcher: CLAUSE_SUBJECT_STRENGTH …)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends (a sentence's evidence starts with its words)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def merge(candidates: list[Candidate], document: Document) -> list[Fact]:
    """One fact per metric, applicant and value: a number restated later in the report is the
    same fact. Of its mentions, the one whose clause names the subject gives the scope; mentions
    as sure of different scopes (州本级…重复申请3件 and, in the government's paragraph, 另有3件属于
    重复申请) are different facts."""
    kept_by_key: dict[tuple[str, str, float | None], list[Candidate]] = {}
    for candidate in candidates:
        kept = kept_by_key.setdefault((candidate.fact.metric, candidate.fact.applicant, candidate.fact.value), [])
        for index, earlier in enumerate(kept):
            if earlier.fact.scope == candidate.fact.scope or earlier.scope_strength != candidate.scope_strength:
                if (candidate.scope_strength >= SENTENCE_SUBJECT_STRENGTH
                        and candidate.scope_strength > earlier.scope_strength):
                    kept[index] = candidate
                break
        else:
            kept.append(candidate)
    return [candidate.fact if candidate.fact.evidence
            else replace(candidate.fact, evidence=document.verbatim(candidate.fact.start, candidate.fact.end))
            for kept in kept_by_key.values() for candidate in kept]
