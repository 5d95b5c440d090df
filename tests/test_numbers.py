"""Reading the numbers of a report: extractors/numbers.py.

Numbers are read from the matching text (simplified, half-width), so full-width digits are
folded before they get here; the traditional/full-width cases go through to_matching first.
"""
from __future__ import annotations

import re

import pytest

from extractors.normalize import to_matching
from extractors.numbers import (
    NUMBER_PATTERN,
    chinese_numeral_value,
    qualifier_from_context,
    read_number,
)

_NUMBER = re.compile(NUMBER_PATTERN)


def first_number(text: str) -> float | None:
    match = _NUMBER.search(to_matching(text))
    assert match, text
    return read_number(match["digits"], match["multiplier"])


@pytest.mark.parametrize("text, value", [
    ("45678条", 45678),
    ("121.1万条", 1_211_000),
    ("1.39万余件", 13_900),
    ("4.9万余条", 49_000),
    ("2亿元", 200_000_000),
    ("1.2亿", 120_000_000),
    ("3 万条", 30_000),  # a space before the multiplier (PDF text layers)
    ("0.6%", 0.6),
    ("84.20%", 84.2),
])
def test_arabic_and_multipliers(text: str, value: float) -> None:
    assert first_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("1,234件", 1234),
    ("12,345,678条", 12_345_678),
    ("1,234.5元", 1234.5),
])
def test_thousands_separators(text: str, value: float) -> None:
    assert first_number(text) == value


@pytest.mark.parametrize("text, value", [
    ("１２３４條", 1234),
    ("８４．２０％", 84.2),
    ("１．２萬件", 12_000),
])
def test_full_width_digits_and_traditional_multiplier(text: str, value: float) -> None:
    assert first_number(text) == value


@pytest.mark.parametrize("numeral, value", [
    ("十二", 12),
    ("两", 2),
    ("十", 10),
    ("二十", 20),
    ("三十二", 32),
    ("一百零五", 105),
    ("两千", 2000),
    ("五千", 5000),
    ("〇", 0),
    ("零", 0),
    ("百", 100),  # 近百件
    ("千", 1000),  # 上千条
])
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert chinese_numeral_value(numeral) == value


@pytest.mark.parametrize("text, value", [
    ("十二场", 12),
    ("两件", 2),
    ("二十余场", 20),
    ("十万条", 100_000),
    ("三万余条", 30_000),
])
def test_chinese_numerals_in_text(text: str, value: float) -> None:
    assert first_number(text) == value


def test_malformed_numeral_is_not_a_number() -> None:
    assert chinese_numeral_value("十十十") is None
    assert read_number("十十十", None) is None


def test_multiplied_decimals_are_exact() -> None:
    assert read_number("121.1", "万") == 1_211_000
    assert read_number("1.39", "万") == 13_900
    assert read_number("0.07", "亿") == 7_000_000


@pytest.mark.parametrize("before, suffix, qualifier", [
    ("共受理", None, "exact"),
    ("共受理", "余", "over"),
    ("发布会", "多", "over"),
    ("解答", "以上", "over"),
    ("点击量", "+", "over"),
    ("超过", None, "over"),
    ("共超过 ", None, "over"),
    ("逾", None, "over"),
    ("近", None, "under"),
    ("接近", None, "under"),
    ("不足", None, "under"),
    ("不到", None, "under"),
    ("约", None, "about"),
    ("大约", None, "about"),
    ("收取费用", "左右", "about"),
    ("不少于", None, "over"),
    ("不低于", None, "over"),
    ("至少", None, "over"),
    ("不超过", None, "under"),
    ("不多于", None, "under"),
])
def test_qualifiers(before: str, suffix: str | None, qualifier: str) -> None:
    assert qualifier_from_context(before, suffix) == qualifier


def test_qualifier_word_must_touch_the_number() -> None:
    # 超过 earlier in the clause says nothing about this number.
    assert qualifier_from_context("超过上年，共受理", None) == "exact"
