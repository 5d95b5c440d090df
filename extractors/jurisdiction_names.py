"""Pinyin and English names of Chinese administrative divisions (徐州市 → Xuzhou Shi, Xuzhou City).

The practice followed is the one of China's place-name standards (GB/T 16159 and the rules for
romanising place names, 中国地名汉语拼音字母拼写规则) and of the English names the
governments use themselves:

- Pinyin: the specific part (专名) is written as one word, capitalised, without tones, with an
  apostrophe before a syllable opening with a, o or e (六安 Lu'an, 西安 Xi'an); the generic part
  (通名: 省, 市, 县, 区, 自治州 …) is a separate word (徐州市 Xuzhou Shi, 延边朝鲜族自治州 Yanbian
  Chaoxianzu Zizhizhou). ü stays ü (吕梁 Lüliang).
- English: the same specific word, then the generic translated (省 Province, 市 City, 县 County,
  区 District, 旗 Banner, 盟 League, 地区 Prefecture, 自治区 Autonomous Region, 自治州 Autonomous
  Prefecture, 自治县 Autonomous County, 自治旗 Autonomous Banner, 新区 New Area, 特别行政区 Special
  Administrative Region). A county-level city (县级市) is a City like a prefecture-level one; the
  four province-level cities (直辖市) are Municipalities (Beijing Municipality). The nations in an
  autonomous name are given their standard romanisation (GB/T 3304, data/ethnic_groups.csv:
  广西壮族自治区 Guangxi Zhuang Autonomous Region, 恩施土家族苗族自治州 Enshi Tujia and Miao
  Autonomous Prefecture).

Readings come from pypinyin, which knows most place names whose characters have several
readings (重庆 Chongqing, 蚌埠 Bengbu, 六安 Lu'an, 长沙 Changsha, 番禺 Panyu, 铅山 Yanshan). The
few it gets wrong, and the names whose official form is no plain pinyin (陕西 Shaanxi, 内蒙古
Inner Mongolia), are in data/place_name_readings.csv, looked up by full name, then by the
specific part.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin

DATA = Path(__file__).resolve().parent / "data"

# generic part (通名) → (pinyin, English), longest first so that 自治州 wins over 州-less 市 etc.
GENERICS: tuple[tuple[str, str, str], ...] = (
    ("特别行政区", "Tebie Xingzhengqu", "Special Administrative Region"),
    ("自治区", "Zizhiqu", "Autonomous Region"),
    ("自治州", "Zizhizhou", "Autonomous Prefecture"),
    ("自治县", "Zizhixian", "Autonomous County"),
    ("自治旗", "Zizhiqi", "Autonomous Banner"),
    ("新区", "Xinqu", "New Area"),
    ("地区", "Diqu", "Prefecture"),
    ("省", "Sheng", "Province"),
    ("市", "Shi", "City"),
    ("县", "Xian", "County"),
    ("区", "Qu", "District"),
    ("旗", "Qi", "Banner"),
    ("盟", "Meng", "League"),
)
MUNICIPALITY = "Municipality"  # 直辖市: a 市 at province level

# Characters whose place-name reading pypinyin misses in most names of the division table
# (长治 zhǎng, 三都 dōu, 朝阳县 zhāo): in a division name they read so, bar the names listed in
# data/place_name_readings.csv (长子 Zhangzi).
PLACE_NAME_CHARACTER_READINGS = {"长": "chang", "都": "du", "朝": "chao"}


@dataclass(frozen=True)
class RomanisedName:
    pinyin: str
    english: str


@dataclass(frozen=True)
class _Reading:
    pinyin: str
    english: str | None


@lru_cache(maxsize=1)
def _readings() -> dict[str, _Reading]:
    with open(DATA / "place_name_readings.csv", encoding="utf-8", newline="") as handle:
        return {row["name"]: _Reading(row["name_pinyin"], row["name_en"] or None) for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _nations() -> tuple[tuple[str, str], ...]:
    """Forms of the nations inside autonomous names (with and without 族: 巴音郭楞蒙古自治州) →
    English, longest first. One-character forms without 族 (回, 水, 土) are left out: they end
    ordinary stems."""
    with open(DATA / "ethnic_groups.csv", encoding="utf-8", newline="") as handle:
        rows = [(row["name_zh"], row["name_en"]) for row in csv.DictReader(handle)]
    forms = {}
    for name, english in rows:
        forms[name] = english
        if len(name.removesuffix("族")) >= 2:
            forms[name.removesuffix("族")] = english
    return tuple(sorted(forms.items(), key=lambda item: len(item[0]), reverse=True))


def _syllables(chinese: str) -> list[str]:
    """Place-name readings of each character, read in the context of the whole name (蔚县 yù,
    蔚 alone wèi)."""
    readings = lazy_pinyin(chinese, style=Style.NORMAL, v_to_u=True, errors=lambda text: [""] * len(text))
    return [PLACE_NAME_CHARACTER_READINGS.get(character, syllable) for character, syllable in zip(chinese, readings)]


def _word(chinese: str, syllables: list[str]) -> str:
    """One word of pinyin, capitalised, apostrophe before an a/o/e syllable: 六安 → Lu'an."""
    reading = _readings().get(chinese)
    if reading:
        return reading.pinyin
    word = ""
    for syllable in filter(None, syllables):
        word += ("'" if word and syllable[:1] in ("a", "o", "e") else "") + syllable
    return word[:1].upper() + word[1:]


def _split(name: str) -> tuple[str, list[tuple[str, str]], tuple[str, str, str] | None]:
    """name → (specific part, nations [(chinese, English)], generic) — 延边朝鲜族自治州 →
    (延边, [(朝鲜族, Korean)], 自治州)."""
    for generic in GENERICS:
        suffix = generic[0]
        if not name.endswith(suffix) or len(name) == len(suffix):
            continue
        stem = name[: -len(suffix)]
        nations: list[tuple[str, str]] = []
        if suffix.startswith("自治"):
            found = True
            while found:
                found = False
                for form, english in _nations():
                    if stem.endswith(form) and len(stem) - len(form) >= 2:  # 内蒙古 is no 内 + 蒙古
                        nations.insert(0, (form, english))
                        stem, found = stem[: -len(form)], True
                        break
        return stem, nations, generic
    return name, [], None


def romanise(name: str, level: str | None = None) -> RomanisedName:
    """Pinyin and English names of a division: ('徐州市', 'prefecture') → Xuzhou Shi, Xuzhou City;
    ('北京市', 'province') → Beijing Shi, Beijing Municipality."""
    whole = _readings().get(name)
    if whole and whole.english:  # an irregular generic part (神农架林区)
        return RomanisedName(whole.pinyin, whole.english)
    specific, nations, generic = _split(name)
    syllables = _syllables(name)
    reading = _readings().get(specific)
    specific_pinyin = _word(specific, syllables[: len(specific)])
    specific_english = reading.english if reading and reading.english else specific_pinyin
    if generic is None:
        return RomanisedName(specific_pinyin, specific_english)
    suffix, generic_pinyin, generic_english = generic
    if suffix == "市" and level == "province":
        generic_english = MUNICIPALITY
    nation_pinyin, start = [], len(specific)
    for form, _ in nations:
        nation_pinyin.append(_word(form, syllables[start: start + len(form)]))
        start += len(form)
    pinyin = " ".join([specific_pinyin, *nation_pinyin, generic_pinyin])
    nation_english = " and ".join(english for _, english in nations)
    english = " ".join(part for part in (specific_english, nation_english, generic_english) if part)
    return RomanisedName(pinyin, english)
