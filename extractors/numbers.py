"""Reading the numbers of a report: digits or Chinese numerals, 万/亿 multipliers, qualifiers.

Works on the *matching* text (simplified, half-width), so 1.39万余件, 十二场 and 两件 are all
read here, and the caller keeps offsets into the verbatim text.
"""
from __future__ import annotations

import re
from functools import lru_cache

import cn2an

# A number as printed: Arabic digits (thousands separators allowed) or a run of Chinese numeral
# characters, then an optional 万/亿 multiplier.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# 一万二千 (12000) holds 万 inside the numeral: the part after it is read with it, never on its
# own (a match may not start inside a numeral, so 一万二千 is never read as 二千).
_NUMERAL = r"[零〇一二两三四五六七八九十百千]"
_CHINESE = rf"(?<![零〇一二两三四五六七八九十百千万亿]){_NUMERAL}+(?:[万亿]{_NUMERAL}+)*"
NUMBER_PATTERN = rf"(?P<digits>{_ARABIC}|{_CHINESE})\s*(?P<multiplier>万|亿)?"

# Words around a number that say it is approximate or a bound. The suffixes follow the number
# (1.39万余件, 900余场, 30万+), the prefixes precede it (超过35万条, 近百件).
OVER_SUFFIX = r"余|多|以上|\+"
ABOUT_SUFFIX = r"左右"
_PREFIX_QUALIFIERS = (
    # Negated bounds first: 不少于/不低于 are lower bounds, 不超过/不多于 upper bounds.
    (re.compile(r"(不少于|不低于|不下于|至少)$"), "over"),
    (re.compile(r"(不超过|不超|不多于|不高于|最多)$"), "under"),
    # (以上 before a number is "the above": 以上15件申请均已办结; after it, a bound: 15件以上)
    (re.compile(r"(超过|超|逾|多于|高于)$"), "over"),
    (re.compile(r"(近|接近|不足|不到|少于|低于|未满)$"), "under"),
    (re.compile(r"(约|大约|大概|约为)$"), "about"),
)

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}


@lru_cache(maxsize=4096)
def chinese_numeral_value(numeral: str) -> float | None:
    """十二 → 12, 两 → 2, 百 (近百件) → 100; None for a run that is not a well-formed numeral."""
    if numeral[0] in "百千":
        # 近百件, 上千条: a bare 百/千 means one hundred / one thousand, which cn2an rejects.
        numeral = "一" + numeral
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def read_number(digits: str, multiplier: str | None) -> float | None:
    if digits[0].isdigit():
        value = float(digits.replace(",", ""))
    elif multiplier and ("万" in digits or "亿" in digits):
        # 一亿二千万: the multiplier closes a numeral that already holds one; read it whole.
        return chinese_numeral_value(digits + multiplier)
    else:
        value = chinese_numeral_value(digits)
        if value is None:
            return None
    if multiplier:
        value *= _MULTIPLIERS[multiplier]
    # 121.1万 is 1211000 exactly, not 1211000.0000000002.
    return round(value, 6)


def qualifier_from_context(before: str, suffix: str | None) -> str:
    """The qualifier of a number from the words just before it and its suffix (余/多/左右)."""
    if suffix:
        return "about" if re.fullmatch(ABOUT_SUFFIX, suffix) else "over"
    trimmed = before.rstrip()
    for pattern, qualifier in _PREFIX_QUALIFIERS:
        if pattern.search(trimmed):
            return qualifier
    return "exact"
