"""The matching twin of a report's text, and the script it was printed in.

Rules are written once, in simplified Chinese with half-width ASCII. ``to_matching`` turns any
report text into that form WITHOUT changing its length, so an offset found in the matching text
is the same offset in the verbatim text, and evidence can be cut from the verbatim text.

Speed matters (10^5..10^6 reports): the OpenCC converter is built once per process, most
reports are already simplified and skip conversion entirely, and per-character results are
cached for the life of the process.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from re import _constants as _c, _parser

from opencc import OpenCC

# Phrase-aware traditional → simplified conversion. OpenCC loads its dictionaries on first use
# and keeps them on this object, so every later call is dictionary-load free.
_T2S = OpenCC("t2s")

# Full-width ASCII (！ .. ～) sits exactly 0xFEE0 above its half-width form; the ideographic
# space becomes a plain space. Both keep the length at one code point per character.
_FOLD_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_WIDTH[0x3000] = 0x20

# character → its simplified form, filled lazily; only one-code-point results are kept so that
# per-character conversion can never change the length.
_SIMPLIFIED_CHAR: dict[str, str] = {}

# Above this share of Han characters that t2s changes, a text is traditional. Traditional
# report text changes about a third of its Han characters; simplified text changes almost
# none (an occasional 著 or 乾), so a tenth separates them with room on both sides.
TRADITIONAL_SHARE_THRESHOLD = 0.10


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


def _simplified_char(char: str) -> str:
    """The simplified form of one character (itself when t2s leaves it alone)."""
    simplified = _SIMPLIFIED_CHAR.get(char)
    if simplified is None:
        converted = _T2S.convert(char) if _is_han(char) else char
        simplified = converted if len(converted) == 1 else char
        _SIMPLIFIED_CHAR[char] = simplified
    return simplified


# Characters t2s leaves alone, met so far: a text made of them only needs no conversion.
_UNCHANGED_CHARS: set[str] = set()


def _has_traditional_chars(text: str) -> bool:
    # Checking each distinct character once is far cheaper than converting the whole text, and
    # most reports are simplified.
    for char in set(text).difference(_UNCHANGED_CHARS):
        if _simplified_char(char) != char:
            return True
        _UNCHANGED_CHARS.add(char)
    return False


def _changing_chars(dictionaries) -> frozenset[str]:
    """The characters some entry of OpenCC's dictionaries (nested lists of (longest key,
    shortest key, {key: value})) changes: where key and value differ, or the whole key when they
    differ in length. A piece of text holding none of them matches no entry that changes it."""
    if isinstance(dictionaries, tuple):
        chars: set[str] = set()
        for key, value in dictionaries[2].items():
            if len(key) != len(value):
                chars.update(key)
            else:
                chars.update(k for k, v in zip(key, value) if k != v)
        return frozenset(chars)
    return frozenset().union(*(_changing_chars(item) for item in dictionaries))


_T2S.convert("")  # loads the dictionaries
_T2S_CHANGING = _changing_chars(_T2S._dict_chain_data)


def _t2s(text: str) -> str:
    """``_T2S.convert(text)``, the same string: OpenCC converts the pieces between its separators
    one by one, and a piece holding no character any entry changes comes out as it went in, so
    only the others are converted."""
    pieces = _T2S.split_chars_re.split(text)
    for index in range(0, len(pieces), 2):  # the separators sit at the odd places
        if not _T2S_CHANGING.isdisjoint(pieces[index]):
            pieces[index] = _T2S._convert(pieces[index], _T2S._dict_chain_data)
    return "".join(pieces)


def _to_simplified(text: str) -> str:
    if not _has_traditional_chars(text):
        return text
    # Whole-text conversion lets OpenCC use its phrase table (乾隆 stays 乾, 乾淨 becomes 干净).
    converted = _t2s(text)
    if len(converted) == len(text):
        return converted
    # A phrase changed length: offsets would drift, so fall back to one character at a time.
    return "".join(_simplified_char(char) for char in text)


def to_matching(text: str) -> str:
    """Simplified, half-width twin of ``text``, exactly as long as ``text``."""
    return _to_simplified(text).translate(_FOLD_WIDTH)


def traditional_share(text: str) -> float:
    """Share of the Han characters of ``text`` (counted with repeats) that t2s changes."""
    han_total = 0
    changed = 0
    kinds = _HAN_KIND
    for char, count in Counter(text).items():
        kind = kinds.get(char)
        if kind is None:
            kind = kinds[char] = (0 if not _is_han(char) else 2 if _simplified_char(char) != char else 1)
        if kind:
            han_total += count
            if kind == 2:
                changed += count
    return changed / han_total if han_total else 0.0


# character → 0 (not Han), 1 (Han that t2s leaves alone), 2 (Han that t2s changes)
_HAN_KIND: dict[str, int] = {}


def detect_script(text: str) -> str:
    """``"traditional"`` or ``"simplified"`` (text without Han characters counts as simplified)."""
    if traditional_share(text) > TRADITIONAL_SHARE_THRESHOLD:
        return "traditional"
    return "simplified"


def _first_chars(items) -> list[str] | None:
    """Pieces of a character class (escaped) holding every character a match of the parsed
    regex ``items`` can start with; None when that is not known (an anchor, an optional start)."""
    if not items:
        return None
    op, argument = items[0]
    if op is _c.LITERAL:
        return [re.escape(chr(argument))]
    if op is _c.IN:
        pieces = []
        for item_op, item in argument:
            if item_op is _c.LITERAL:
                pieces.append(re.escape(chr(item)))
            elif item_op is _c.RANGE:
                pieces.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            elif item_op is _c.CATEGORY and item is _c.CATEGORY_DIGIT:
                pieces.append(r"\d")
            else:
                return None
        return pieces
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, pattern = argument
        return None if add_flags or del_flags else _first_chars(list(pattern))
    if op is _c.BRANCH:
        pieces = []
        for alternative in argument[1]:
            first = _first_chars(list(alternative))
            if first is None:
                return None
            pieces += first
        return pieces
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and argument[0] >= 1:
        return _first_chars(list(argument[2]))
    return None


def first_char_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` matching exactly the same, with a lookahead for the
    characters a match can start with when they are known: Python's regex engine then skips the
    other positions quickly instead of trying every alternative at each (a long case-blind
    alternation of words searches about six times faster). A pattern that opens on a literal
    prefix the engine already finds by itself gets slower: measure before using it."""
    parsed = _parser.parse(pattern, flags)
    first = _first_chars(list(parsed)) if parsed.state.flags & ~re.UNICODE == flags & ~re.UNICODE else None
    if not first:
        return re.compile(pattern, flags)
    return re.compile(f"(?=[{''.join(dict.fromkeys(first))}])(?:{pattern})", flags)


# What the content key ignores: everything but letters, digits and Han characters (layout,
# punctuation, markup's cell bars). Here, among the reader's code, so that a change to it
# re-reads the documents and their keys are computed again.
_NOT_CONTENT = re.compile(r"[\W_]+")


def content_key(matching: str) -> str:
    """The hash of a document's matching text (simplified, half-width) without layout or
    punctuation: the same report saved in another encoding, as HTML and as text, or in
    traditional script has the same key."""
    return hashlib.sha256(_NOT_CONTENT.sub("", matching).encode("utf-8")).hexdigest()[:32]
