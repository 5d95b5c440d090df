"""The matching twin of a report's text, and the script it was printed in.

Rules are written once, in simplified Chinese with half-width ASCII. ``to_matching`` turns any
report text into that form WITHOUT changing its length, so an offset found in the matching text
is the same offset in the verbatim text, and evidence can be cut from the verbatim text.

Speed matters (10^5..10^6 reports): the OpenCC converter is built once per process, most
reports are already simplified and skip conversion entirely, and per-character results are
cached for the life of the process.
"""
from __future__ import annotations

from collections import Counter

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


def _has_traditional_chars(text: str) -> bool:
    # Checking each distinct character once is far cheaper than converting the whole text, and
    # most reports are simplified.
    return any(_simplified_char(char) != char for char in set(text))


def _to_simplified(text: str) -> str:
    if not _has_traditional_chars(text):
        return text
    # Whole-text conversion lets OpenCC use its phrase table (乾隆 stays 乾, 乾淨 becomes 干净).
    converted = _T2S.convert(text)
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
    for char, count in Counter(text).items():
        if _is_han(char):
            han_total += count
            if _simplified_char(char) != char:
                changed += count
    return changed / han_total if han_total else 0.0


def detect_script(text: str) -> str:
    """``"traditional"`` or ``"simplified"`` (text without Han characters counts as simplified)."""
    if traditional_share(text) > TRADITIONAL_SHARE_THRESHOLD:
        return "traditional"
    return "simplified"
