"""The small, general code that reads the phrasing families' tables (``families/``).

A family is a table of rows. A ``Phrase`` row says when a number read in the text is a metric:
the words just before it (``before``), just after it (``after``), somewhere near it (``near``),
the unit it must carry, the topic of its clause and the part of the report it must sit in, the
words that veto it (``unless``) and a few named conditions on its clause (``when``). A
``Statement`` row says when a clause without a number fixes a value (an absence: 0; "all of
them": the total read before). Adding a phrasing is adding a row (and a test), never code here.

The matcher knows nothing of any metric; ``legacy.py`` walks the report and hands it one
``Window`` per number (and one per clause without a number, for statements). A row is tried only
when the words its patterns cannot match without (``literals``) are in the window (``RowIndex``):
the answer is the same, at a tenth of the rows tried.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from extractors.metrics import unit_of
from extractors.rules import vocabulary as words
from extractors.rules.literals import Needs, RowIndex, most_telling, required_literals

# Windows: the texts a row's patterns are matched against.
SEGMENT = "segment"  # the words since the last comma, colon or 、 before the number
LEFT = "left"  # the clause's words before the number (from the number before it on)
RIGHT = "right"  # the clause's words after the number
CLAUSE = "clause"
SENTENCE = "sentence"
SENTENCE_TO_HERE = "sentence_to_here"  # the sentence's words before the clause, and the left
SENTENCE_BEFORE_AND_CLAUSE = "sentence_before_and_clause"  # the sentence up to the clause's end
SINCE_LAST_FACT = "since_last_fact"  # the sentence's words since the last number read as a fact
REST_OF_SENTENCE = "rest_of_sentence"  # the sentence's words after the number

# Topics a clause can be about, carried from clause to clause.
REQUEST, RECON, LIT, FEE = "request", "recon", "lit", "fee"
REVIEW = "review"  # a row's topic: reconsideration or lawsuits; its metric names {review}

# How the scope of a clause was named: by its own subject, by its sentence's, or carried.
CLAUSE_SUBJECT_STRENGTH = 2.0
SENTENCE_SUBJECT_STRENGTH = 1.0
CHANNEL_OWNER_STRENGTH = 0.5
CARRIED_STRENGTH = 0.0


@dataclass
class Window:
    """What the matcher sees around one number (or, for a statement, one clause)."""

    clause: str
    sentence: str
    sentence_before: str
    left: str = ""
    right: str = ""
    since_last_fact: str = ""
    unit: str = ""
    topic: str | None = None
    request_topic: bool = False  # topic is requests and the sentence is not about letters/hotlines
    part: str = ""
    subject_strength: float = CARRIED_STRENGTH
    in_proactive_part: bool = True  # where proactive totals and channels are given
    fact_before_in_sentence: bool = False
    opening: str = ""  # the clause without its fillers (2016年, 其中, 全年 …)
    rest_of_sentence: str = ""
    cumulative: bool = False  # the clause speaks of several years (累计 since 2008, 历年)
    breakdown: bool = False  # the clause is in a breakdown (其中…) of what the sentence said before
    number_before: bool = False  # a number was read earlier in the sentence
    other_year: bool = False  # the sentence names another year than the report's before the number
    body_report: bool = False  # the report gives its issuing body's own figures (a department, a township)
    previous_metric: str | None = None  # what the number before it in the sentence was read as
    conditions: dict[str, Callable[["Window"], bool]] = field(default_factory=dict)

    @cached_property
    def segment(self) -> str:
        pieces = re.split(words.SEGMENT_END, self.left)
        return pieces[-1] if pieces else self.left

    def text(self, name: str) -> str:
        if name == SENTENCE_TO_HERE:
            return self.sentence_before + self.left
        if name == SENTENCE_BEFORE_AND_CLAUSE:
            return self.sentence_before + self.clause
        return getattr(self, name)


def _compile(pattern: str | tuple[str, ...], suffix: str = "") -> tuple[re.Pattern, ...]:
    patterns = (pattern,) if isinstance(pattern, str) else pattern
    return tuple(re.compile(f"(?:{item}){suffix}") for item in patterns if item)


@dataclass(frozen=True)
class Phrase:
    """A number is ``metric`` when every part of the row holds."""

    metric: str  # a code of metrics.csv (or <code>_pct); "{review}_upheld" takes recon/lit from the topic
    before: str = ""  # the words just before the number end with these (fillers 共/达/为… may follow)
    before_in: tuple[str, ...] = (SEGMENT,)  # windows ``before`` is tried in (any may match)
    after: str = ""  # the words just after the number and its unit start with these
    near: str | tuple[str, ...] = ()  # each of these is found somewhere in ``near_in``
    near_in: str = LEFT
    units: str | None = None  # the unit family the number must carry; default: the metric's
    topic: str | None = None  # the clause's topic: request | recon | lit | review | fee
    part: str | None = None  # the report part the paragraph must sit in
    unless: str | tuple[str, ...] = ()  # any of these found in ``unless_in`` vetoes the row
    unless_in: str = LEFT
    when: tuple[str, ...] = ()  # named conditions (conditions.CONDITIONS)
    example: str = ""  # a phrasing the row is for (the family's tests hold its variants)

    @cached_property
    def compiled(self) -> tuple:
        return (_compile(self.before, words.TAIL), _compile(self.after and "^" + self.after),
                _compile(self.near), _compile(self.unless))

    @cached_property
    def _unit_families(self) -> dict[str | None, frozenset[str]]:
        return {}

    def unit_family(self, topic: str | None) -> frozenset[str]:
        family = self._unit_families.get(topic)
        if family is None:
            family = words.UNITS_OF[self.units] if self.units else words.UNITS_OF[unit_of(self.resolve(topic))]
            self._unit_families[topic] = family
        return family

    @cached_property
    def needs(self) -> Needs:
        """The words the row cannot hold without, and the window they must be in (RowIndex)."""
        before, after, near, _unless = self.compiled
        needs = []
        if before:
            needs.append(tuple((name, required_literals(pattern)) for name in self.before_in for pattern in before))
        if after:
            needs.append(((RIGHT, required_literals(after[0])),))
        needs += [((self.near_in, required_literals(pattern)),) for pattern in near]
        return most_telling(needs)

    def resolve(self, topic: str | None) -> str:
        return self.metric.replace("{review}", topic if topic in (RECON, LIT) else RECON)


def _topic_holds(row_topic: str | None, window: Window) -> bool:
    if row_topic is None:
        return True
    if row_topic == REQUEST:
        return window.request_topic
    if row_topic == REVIEW:
        return window.topic in (RECON, LIT)
    return window.topic == row_topic


def matches(row: Phrase, window: Window) -> bool:
    if window.unit not in row.unit_family(window.topic):
        return False
    if not _topic_holds(row.topic, window) or (row.part and window.part != row.part):
        return False
    before, after, near, unless = row.compiled
    if before and not any(pattern.search(window.text(name)) for name in row.before_in for pattern in before):
        return False
    if after and not after[0].search(window.right):
        return False
    if near and not all(pattern.search(window.text(row.near_in)) for pattern in near):
        return False
    if unless and any(pattern.search(window.text(row.unless_in)) for pattern in unless):
        return False
    return all(window.conditions[name](window) for name in row.when)


def first_match(rows: tuple[Phrase, ...], window: Window) -> str | None:
    """The metric of the first row that holds for the number in ``window``."""
    for row in _index_of(rows, window.unit).possible(window.text):
        if matches(row, window):
            return row.resolve(window.topic)
    return None


_INDEXES: dict[tuple[int, str | None], RowIndex] = {}


def _index_of(rows: tuple[Phrase, ...] | tuple[Statement, ...], unit: str | None = None) -> RowIndex:
    """The index of the phrasing rows whose number may carry ``unit`` (under any topic), in their
    order: a row that counts events is never tried on a count of items (statements: every row,
    ``unit`` None). Tables of rows live as long as the process, so their identity is the key."""
    key = (id(rows), unit)
    index = _INDEXES.get(key)
    if index is None:
        if unit is not None:
            rows = tuple(row for row in rows if any(unit in row.unit_family(topic) for topic in (None, RECON, LIT)))
        index = _INDEXES[key] = RowIndex(rows, _needs_of)
    return index


# --- numberless statements --------------------------------------------------------------------
ZERO = "zero"  # an absence: the metric is 0
RECEIVED_TOTAL = "received_total"  # "all of them": the request total read before


@dataclass(frozen=True)
class Statement:
    """A clause without a number fixes ``metrics`` to ``value`` when ``pattern`` is found in it."""

    metrics: tuple[str, ...]
    pattern: str
    value: str = ZERO
    pattern_in: str = CLAUSE
    # Where the clause must be. With ``topic`` or ``part`` set, any one of the three suffices (the
    # clause's topic, the report part, the sentence saying ``sentence_has``); ``sentence_has``
    # alone is required.
    topic: str | None = None  # as for Phrase
    part: str | None = None
    sentence_has: str = ""
    unless: str = ""  # found in the sentence, vetoes the row
    confidence: float = 0.85
    rule: str = ""
    example: str = ""

    @cached_property
    def compiled(self) -> tuple[re.Pattern, re.Pattern | None, re.Pattern | None]:
        return (re.compile(self.pattern), re.compile(self.sentence_has) if self.sentence_has else None,
                re.compile(self.unless) if self.unless else None)

    @cached_property
    def needs(self) -> Needs:
        """As for Phrase: the pattern's words in its window, or the sentence's (``sentence_has``
        alone required)."""
        pattern, sentence_has, _unless = self.compiled
        needs = [((self.pattern_in, required_literals(pattern)),)]
        if sentence_has is not None and self.topic is None and self.part is None:
            needs.append(((SENTENCE, required_literals(sentence_has)),))
        return most_telling(needs)


def statement_holds(row: Statement, window: Window) -> bool:
    pattern, sentence_has, unless = row.compiled
    if row.topic is not None or row.part is not None:
        topic_ok = row.topic is not None and _topic_holds(row.topic, window)
        part_ok = row.part is not None and window.part == row.part
        sentence_ok = sentence_has is not None and bool(sentence_has.search(window.sentence))
        if not (topic_ok or part_ok or sentence_ok):
            return False
    elif sentence_has is not None and not sentence_has.search(window.sentence):
        return False
    if unless is not None and unless.search(window.sentence):
        return False
    return bool(pattern.search(window.text(row.pattern_in)))


def statements_holding(rows: tuple[Statement, ...], window: Window) -> list[Statement]:
    """The rows of ``rows`` that hold for the clause in ``window``, in their order."""
    return [row for row in _index_of(rows).possible(window.text) if statement_holds(row, window)]


def _needs_of(row: Phrase | Statement) -> Needs:
    return row.needs
