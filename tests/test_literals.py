"""The words a pattern cannot match without (``rules.literals``), and the row index built on them
(``RowIndex``): a row is skipped only when it could not have held."""
from __future__ import annotations

import re

import pytest

from extractors.rules import appendix, statements
from extractors.rules.families import fees, outcomes, proactive, requests, reviews
from extractors.rules.literals import required_literals
from extractors.rules.mentions import clause_spans, sentence_spans
from tests.test_families import CASES, report


@pytest.mark.parametrize(("pattern", "literals"), [
    ("受理(?:了)?[^,，]{0,16}?(?:公开|申请)", {"受理"}),
    ("(?:当面|网上)申请", {"申请"}),  # the longer of two required words
    ("当面|网上", {"当面", "网上"}),
    ("[，,]", {"，", ","}),
    ("(?:x|)y", {"y"}),
    ("(?:申请)+件", {"申请"}),
    ("ab?c", {"a"}),  # 'a' and 'c' are each required, not 'ac'
])
def test_required_words(pattern: str, literals: set[str]) -> None:
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", ["a*", "(?:x|)", "[^,]", "[一-龥]", ".", "^$", r"(?i)abc", r"(a)?\1", "a|\\d"])
def test_nothing_required(pattern: str) -> None:
    assert required_literals(pattern) is None


def _table_patterns() -> list[re.Pattern[str]]:
    patterns = []
    for rows in (reviews.PHRASES, requests.PHRASES, requests.RATES, outcomes.PHRASES, outcomes.SHARES_FIRST,
                 outcomes.SHARE_LABELS, proactive.PHRASES, fees.PHRASES):
        for row in rows:
            for compiled in row.compiled:
                patterns += compiled
    for row in statements.ROWS:
        patterns += [pattern for pattern in row.compiled if pattern is not None]
    return patterns + [kind.pattern for kind in appendix._KINDS]


def _texts() -> list[str]:
    """Every report text of the family tests, cut into the pieces the rules read."""
    texts = []
    for item in CASES:
        text = report(item.section, item.paragraphs)
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            texts.append(sentence)
            texts += [sentence[clause_start:clause_end] for clause_start, clause_end in clause_spans(sentence)]
    return texts


def test_no_family_pattern_matches_without_its_words() -> None:
    texts = _texts()
    checked = 0
    for pattern in _table_patterns():
        literals = required_literals(pattern)
        if literals is None:
            continue
        for text in texts:
            if pattern.search(text):
                checked += 1
                assert any(word in text for word in literals), (pattern.pattern, text, literals)
    assert checked > 1000


def test_the_index_changes_no_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every family phrasing read with the index and with every row tried gives the same facts."""
    from extractors.rules.literals import RowIndex
    from tests.test_families import facts_of

    texts = [report(item.section, item.paragraphs) for item in CASES]
    indexed = [facts_of(text) for text in texts]
    monkeypatch.setattr(RowIndex, "possible", lambda index, text: list(index.rows))
    assert [facts_of(text) for text in texts] == indexed
