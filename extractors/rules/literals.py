"""The words a pattern cannot match without: a set of strings of which every match of the pattern
contains at least one (受理|收到 … 申请 needs 申请). A text holding none of them cannot match, so
a table of rows read in order (the phrasing families, the statistics table's row kinds) skips
the rows whose words are absent without running their patterns (``RowIndex``).

Read from the parsed pattern, conservatively: whatever the analysis does not follow (an optional
part, a negated class, a back-reference, a case-insensitive flag) requires nothing, so a pattern
is skipped only when it truly cannot match.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
# The parser behind re.compile, read for the pattern's structure (the public API only compiles).
from re import _constants as sre
from re import _parser as sre_parse
from typing import TypeVar

import ahocorasick

Literals = frozenset[str]
Row = TypeVar("Row")

_MAX_CLASS_CHARS = 16  # a character class of more (or a range) is treated as any character
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def required_literals(pattern: str | re.Pattern[str]) -> Literals | None:
    """Strings of which every match of ``pattern`` holds one, or None when the pattern may match
    without any (an empty match, a run of any characters)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    if compiled.flags & re.IGNORECASE:
        return None
    return _of_sequence(sre_parse.parse(compiled.pattern, compiled.flags))


def _better(first: Literals | None, second: Literals | None) -> Literals | None:
    """The set that rules out more texts: longer shortest word, then fewer words."""
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second, key=lambda literals: (min(map(len, literals)), -len(literals)))


def _of_sequence(items) -> Literals | None:
    best: Literals | None = None
    run = ""  # consecutive literal characters: all of them are in every match, together
    for op, argument in items:
        if op is sre.LITERAL:
            run += chr(argument)
            continue
        if run:
            best = _better(best, frozenset({run}))
            run = ""
        best = _better(best, _of_item(op, argument))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _of_item(op, argument) -> Literals | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, inner = argument
        return None if add_flags & re.IGNORECASE else _of_sequence(inner)
    if op is sre.ATOMIC_GROUP:
        return _of_sequence(argument)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in argument[1]:
            literals = _of_sequence(branch)
            if literals is None:
                return None
            union |= literals
        return frozenset(union)
    if op in _REPEATS:
        low, _high, inner = argument
        return _of_sequence(inner) if low >= 1 else None
    if op is sre.IN:
        characters = []
        for kind, value in argument:
            if kind is not sre.LITERAL:
                return None  # a negation, a range, a category: too many characters to list
            characters.append(chr(value))
        return frozenset(characters) if 0 < len(characters) <= _MAX_CLASS_CHARS else None
    return None  # anchors, lookarounds, any character, back-references: nothing required


# What a row needs to hold: one of these (window, words) pairs, a word of ``words`` found in the
# window text ``window``. None: no words rule the row out.
Needs = tuple[tuple[str, Literals], ...] | None


def most_telling(needs: list[tuple[tuple[str, Literals | None], ...]]) -> Needs:
    """Of a row's requirements (each: one of its (window, words) pairs), the one whose words are
    rarest (longest); None when none can be told by words."""
    usable = [alternatives for alternatives in needs if all(literals for _, literals in alternatives)]
    if not usable:
        return None
    return max(usable, key=lambda alternatives: (min(len(word) for _, literals in alternatives for word in literals),
                                                 -sum(len(literals) for _, literals in alternatives)))


class RowIndex:
    """The rows of a table that may hold for some texts (a matcher window's texts, by name), in
    their order: a row whose required words are absent from the text they must be in cannot hold,
    and is not tried. One Aho-Corasick pass per text finds every row's words at once."""

    def __init__(self, rows: Sequence[Row], needs: Callable[[Row], Needs]) -> None:
        self.rows = rows
        self.always: set[int] = set()  # rows no words can rule out
        positions_by_text: dict[str, dict[str, set[int]]] = {}
        for position, row in enumerate(rows):
            alternatives = needs(row)
            if alternatives is None:
                self.always.add(position)
                continue
            for name, literals in alternatives:
                for word in literals:
                    positions_by_text.setdefault(name, {}).setdefault(word, set()).add(position)
        self.automata: list[tuple[str, ahocorasick.Automaton]] = []
        for name, positions_by_word in positions_by_text.items():
            automaton = ahocorasick.Automaton()
            for word, positions in positions_by_word.items():
                automaton.add_word(word, tuple(positions))
            automaton.make_automaton()
            self.automata.append((name, automaton))

    def possible(self, text: Callable[[str], str]) -> list[Row]:
        """The rows whose words are in the texts (``text(name)``), in their order."""
        found = set(self.always)
        for name, automaton in self.automata:
            for _end, positions in automaton.iter(text(name)):
                found.update(positions)
        return [self.rows[position] for position in sorted(found)]
