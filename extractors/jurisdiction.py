"""Which administrative division is a report about?

``resolve_jurisdiction(title, text)`` turns the place name of a report (重庆市, 永州市, 曾都区 …)
into a GB/T 2260 division code and a ``JurisdictionMatch``. Both arguments are in simplified
script; the caller converts.

Where the names come from. The division table is the one shipped in the installed ``cpca``
package (``cpca/resources/adcodes.csv``: 12-digit adcode, name, longitude, latitude). We read the
file directly instead of importing ``cpca``, because importing it builds cpca's own matchers,
which we do not use. The table is loaded once per process, lazily, and every index is built
then; resolving a report afterwards is one Aho-Corasick pass over the title and over the
opening of the text, plus a few dictionary look-ups.

How a name is chosen, in order of trust:
1. the title given by the caller (``title_*`` methods);
2. title-like lines at the top of the text, for pages whose caller title is a breadcrumb or
   missing (``heading_*``);
3. the most frequent name in the opening paragraphs, weighted by how the text refers to
   itself (全区/我市/本县 …) (``text_frequency*``).

A name can stand for several divisions (朝阳区: Beijing and Changchun). The text then decides:
a parent named right before the name (随州市曾都区), the prefecture and province names the text
mentions, document-number prefixes (鄂政办发〔2016〕 → 湖北) and how the text refers to itself.
The outcome is recorded in ``method`` and ``confidence``; when nothing decides, the candidate
with the best evidence is returned with a confidence below 0.5.

``method`` is ``<stage>_<how>``: stage ``title`` | ``heading`` | ``text_frequency`` (and
``issuer`` when the pipeline resolved the issuer's or signature's name as a title); how
``unique`` | ``parent`` (a parent named before it in the title) | ``context_<evidence>``
(parent, prefecture, province, inside, docnum, selfref: the evidence that decided) |
``ambiguous``; ``_renamed`` is appended when the name only matches the table with another
suffix (梁平区 for the table's 梁平县). ``text_frequency`` alone means a unique name.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick  # pyahocorasick, installed as a dependency of cpca

from extractors.model import JurisdictionMatch

# --------------------------------------------------------------------------------------------
# Constants written by hand (the division table itself comes from the cpca package)
# --------------------------------------------------------------------------------------------

# Province-level abbreviation that opens a document number (鄂政办发〔2016〕7号) → province code
# prefix. The weight is lower where cities use the same character for their own documents
# (宁政发 is Nanjing as well as Ningxia, 青政发 Qingdao as well as Qinghai, 吉府发 Ji'an …).
DOCUMENT_PREFIX_PROVINCES: dict[str, tuple[str, float]] = {
    "京": ("11", 1.0), "津": ("12", 1.0), "冀": ("13", 1.0), "晋": ("14", 0.5),
    "蒙": ("15", 1.0), "内": ("15", 0.5), "辽": ("21", 1.0), "吉": ("22", 0.5),
    "黑": ("23", 0.5), "沪": ("31", 1.0), "苏": ("32", 1.0), "浙": ("33", 1.0),
    "皖": ("34", 1.0), "闽": ("35", 1.0), "赣": ("36", 1.0), "鲁": ("37", 1.0),
    "豫": ("41", 1.0), "鄂": ("42", 1.0), "湘": ("43", 1.0), "粤": ("44", 1.0),
    "桂": ("45", 0.5), "琼": ("46", 1.0), "渝": ("50", 1.0), "川": ("51", 1.0),
    "黔": ("52", 1.0), "云": ("53", 0.5), "滇": ("53", 1.0), "藏": ("54", 1.0),
    "陕": ("61", 1.0), "甘": ("62", 0.5), "陇": ("62", 1.0), "青": ("63", 0.5),
    "宁": ("64", 0.5), "新": ("65", 0.5),
}

# Entries of the table that are structure, not places (市辖区 under every city, the 县 group
# of Chongqing, 省直辖县级行政区划 of Hubei/Henan/Hainan/Xinjiang …). They are never matched and
# never become a parent.
PSEUDO_DIVISION_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# Suffixes stripped to get the short name of a province or prefecture (江苏省 → 江苏,
# 延边朝鲜族自治州 → 延边朝鲜族 → 延边). Longest first.
DIVISION_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")

# A county name whose stem is made only of these characters reads like an ordinary word
# (城区, 郊区, 矿区, 老城区, 新城区, 市中区, 河东区 …): accept it only at a word boundary or right after
# its own parent's name.
GENERIC_STEM_CHARACTERS = frozenset("东西南北中新老城市郊矿关江河")

# Short names of prefectures that are also everyday words (长治久安, 大同小异, 接待来宾, 日照时数,
# 四平八稳, 平安顺利 …): treated like the generic county names above.
COMMON_WORD_SHORT_NAMES = frozenset({
    "长治", "大同", "来宾", "日照", "四平", "安顺", "白银", "大庆", "阿里", "中山", "黄山", "红河",
    "北海", "安康", "朝阳", "兴安", "玉树", "黑河", "海东", "海北", "海西", "山南", "吉安", "金华",
})

# Where a weak name may start. After a CJK character only these: the year in 2016年城区…, 关于.
# Of the other characters, sentence and list separators are excluded: a weak name right after
# them is mostly the word (…改造,老城区建设; 主城区、郊区).
WEAK_NAME_OPENERS = frozenset("年于")
WEAK_NAME_NON_OPENERS = frozenset(",，、。;；:：")

# National bodies publish reports too (国务院办公厅, 国家发展改革委, 教育部): their title names no
# division, and the places their text mentions are not theirs.
NATIONAL_TITLE_PREFIXES = ("国务院", "国家", "中华人民共和国", "中国", "中央", "全国")
# 教育部, 海关总署, 国家税务总局 …; a title opening with 市/县/区 (市委宣传部) is a local body that
# left its place name out.
NATIONAL_BODY = re.compile(r"^[^省市县区州旗盟\W\d][\u4e00-\u9fff]{0,9}(部|总署|总局)")

# How much of the text is read. The subject is named in the opening paragraphs; context
# (provinces, document numbers) is read a little further.
SUBJECT_CHARS = 3000
CONTEXT_CHARS = 8000
HEADING_LINES = 40

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}

CJK = re.compile(r"[\u4e00-\u9fff]")
# A document number is an issuer abbreviation run followed by the year in brackets
# (鄂审改办发〔2016〕7号, 辽政办明电〔2017〕2号). We look for the bracketed year, which is rare and
# cheap to find, then read the run of CJK characters right before it.
BRACKETED_YEAR = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]")
ISSUER_RUN = re.compile(r"(?:^|[^\u4e00-\u9fff])([\u4e00-\u9fff]{1,10})$")
# How a report refers to its own jurisdiction: 全区, 我市, 本县, 该州 …; keyed by the suffix
# character, which is compared with the last character of a candidate's full name.
SELF_REFERENCE = re.compile(r"[我全本该]([省市区县州盟旗])")
HEADING_LINE = re.compile(r"信息公开.*(报告|年报)")


# --------------------------------------------------------------------------------------------
# The division table and its name indexes (built once)
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Division:
    code: str  # 6 digits
    name: str
    level: str  # province | prefecture | county
    parent_code: str | None
    province_code: str
    # the division itself for a prefecture; None for a province and for counties directly
    # under a province or a municipality (渝中区, 仙桃市)
    prefecture_code: str | None
    longitude: float | None
    latitude: float | None

    def lineage(self) -> tuple[str, ...]:
        """The division itself and every real division above it."""
        codes = [self.code]
        if self.prefecture_code and self.prefecture_code != self.code:
            codes.append(self.prefecture_code)
        if self.province_code != self.code:
            codes.append(self.province_code)
        return tuple(codes)


@dataclass(frozen=True)
class Surface:
    """A string that names one or more divisions."""

    text: str
    codes: tuple[str, ...]
    kind: str  # "full" (曾都区) | "short" (常州) | "variant" (梁平区 for the table's 梁平县)
    weak: bool  # an ordinary-looking word: only accepted at a boundary or after its parent


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: Surface


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str, str, str]], ethnic_names: list[str]) -> None:
        self.divisions = _build_divisions(rows)
        self.surfaces = _build_surfaces(self.divisions, ethnic_names)
        # The automaton runs over UTF-8 bytes (carried in a latin-1 str), not characters:
        # pyahocorasick searches a node's children linearly, and the root of a trie of Chinese
        # names has ~1500 children, while a byte trie has at most 64 per node. This makes a
        # scan ten times faster. Every key starts with a UTF-8 lead byte, which never occurs
        # inside a character, so matches always start and end on character boundaries.
        self.automaton = ahocorasick.Automaton()
        for text in self.surfaces:
            self.automaton.add_word(_as_bytes(text), text)
        self.automaton.make_automaton()

    def scan(self, string: str) -> list[Mention]:
        """Leftmost-longest name mentions in ``string``; weak names only where they read as
        names."""
        encoded = _as_bytes(string)
        mentions: list[Mention] = []
        characters_before = bytes_before = 0  # converts byte offsets to character offsets
        for end_byte, text in self.automaton.iter_long(encoded):
            start_byte = end_byte + 1 - len(text.encode("utf-8"))
            characters_before += len(_from_bytes(encoded[bytes_before:start_byte]))
            bytes_before = start_byte
            start = characters_before
            surface = self.surfaces[text]
            if surface.weak and not self._weak_name_accepted(string, start, surface, mentions):
                continue
            mentions.append(Mention(start, start + len(text), surface))
        return mentions

    def _weak_name_accepted(self, string: str, start: int, surface: Surface,
                            earlier: list[Mention]) -> bool:
        if start == 0:
            return True
        before = string[start - 1]
        if before in WEAK_NAME_OPENERS:
            return True
        if not CJK.match(before) and before not in WEAK_NAME_NON_OPENERS:
            return True
        # 长治市城区, 山西大同: the parent's name right before makes it a name
        if earlier and earlier[-1].end == start:
            parents = set(earlier[-1].surface.codes)
            return any(parents & set(self.divisions[code].lineage()[1:]) for code in surface.codes)
        return False


def _as_bytes(string: str) -> str:
    return string.encode("utf-8").decode("latin-1")


def _from_bytes(encoded: str) -> str:
    return encoded.encode("latin-1").decode("utf-8")


def _table_directory() -> Path:
    # find_spec locates the package without executing its __init__ (which builds cpca's own
    # matchers and costs a fifth of a second).
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package (division table) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def _read_table() -> tuple[list[tuple[str, str, str, str]], list[str]]:
    directory = _table_directory()
    with open(directory / "adcodes.csv", encoding="utf-8", newline="") as handle:
        rows = [(row["adcode"], row["name"], row["longitude"], row["latitude"])
                for row in csv.DictReader(handle)]
    ethnic_names = []
    nations_file = directory / "56_nations.csv"
    if nations_file.exists():
        lines = nations_file.read_text(encoding="utf-8").splitlines()
        ethnic_names = [line.strip() for line in lines if line.strip()]
    return rows, ethnic_names


def _level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def _coordinate(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _build_divisions(rows: list[tuple[str, str, str, str]]) -> dict[str, Division]:
    names = {}
    coordinates = {}
    for adcode, name, longitude, latitude in rows:
        if not (adcode.isdigit() and len(adcode) >= 6):
            continue
        code = adcode[:6]
        names[code] = name
        coordinates[code] = (_coordinate(longitude), _coordinate(latitude))
    real = {code for code, name in names.items() if name not in PSEUDO_DIVISION_NAMES}

    divisions = {}
    for code in sorted(real):
        level = _level_of(code)
        province_code = code[:2] + "0000"
        if province_code not in real:
            continue  # no such province in the table: not a division we can place
        if level == "province":
            parent_code, prefecture_code = None, None
        elif level == "prefecture":
            parent_code, prefecture_code = province_code, code
        else:
            # Under a pseudo group (5001xx 市辖区 and 5002xx 县 of Chongqing, 4290xx 省直辖…)
            # the county hangs directly from the province or municipality.
            city_code = code[:4] + "00"
            prefecture_code = city_code if city_code in real else None
            parent_code = prefecture_code or province_code
        longitude, latitude = coordinates[code]
        divisions[code] = Division(code, names[code], level, parent_code, province_code,
                                   prefecture_code, longitude, latitude)
    return divisions


def _ethnic_forms(ethnic_names: list[str]) -> list[str]:
    """How nations appear inside autonomous names, with and without 族 (巴音郭楞蒙古自治州),
    longest first. One-character forms (京, 水, 土) are left out: they end ordinary stems."""
    forms = set(ethnic_names) | {name.removesuffix("族") for name in ethnic_names}
    return sorted((form for form in forms if len(form) >= 2), key=len, reverse=True)


def _short_name(name: str, ethnic_forms: list[str]) -> str | None:
    """江苏省 → 江苏, 延边朝鲜族自治州 → 延边, 黔东南苗族侗族自治州 → 黔东南, 内蒙古自治区 → 内蒙古."""
    for suffix in DIVISION_SUFFIXES:
        if not name.endswith(suffix):
            continue
        stem = name[: -len(suffix)]
        if suffix.startswith("自治"):
            stripped = True
            while stripped:
                stripped = False
                for form in ethnic_forms:
                    if stem.endswith(form) and len(stem) - len(form) >= 2:
                        stem, stripped = stem[: -len(form)], True
                        break
        return stem if len(stem) >= 2 else None
    return None


def _is_generic_county_name(name: str) -> bool:
    """和县, 城区, 老城区, 河东区: names that read like ordinary words (see GENERIC_STEM_CHARACTERS)."""
    stem = name[:-1]
    return len(name) == 2 or all(character in GENERIC_STEM_CHARACTERS for character in stem)


def _build_surfaces(divisions: dict[str, Division], ethnic_names: list[str]) -> dict[str, Surface]:
    full: dict[str, list[str]] = {}
    for code in sorted(divisions):
        full.setdefault(divisions[code].name, []).append(code)

    # Short names, for provinces and prefectures only: 常州, 鞍山, 江苏, 延边. County stems
    # (曾都, 朝阳) are everyday words or parts of other names too often to be trusted alone.
    ethnic_forms = _ethnic_forms(ethnic_names)
    short: dict[str, list[str]] = {}
    for code in sorted(divisions):
        division = divisions[code]
        if division.level == "county":
            continue
        stem = _short_name(division.name, ethnic_forms)
        if stem and stem not in full:
            short.setdefault(stem, []).append(code)

    # Suffix variants of counties, for divisions renamed after the table was made (梁平县 became
    # 梁平区 in 2016; many 县 became 区 or 市 since). The code is the table's, possibly the old one.
    variants: dict[str, list[str]] = {}
    for code in sorted(divisions):
        division = divisions[code]
        if division.level != "county" or len(division.name) < 3:
            continue
        stem, suffix = division.name[:-1], division.name[-1]
        for new_suffix in {"县": "区市", "市": "区"}.get(suffix, ""):
            candidate = stem + new_suffix
            if candidate not in full and candidate not in short:
                variants.setdefault(candidate, []).append(code)

    surfaces = {}
    for kind, index in (("full", full), ("short", short), ("variant", variants)):
        for text, codes in index.items():
            county = all(divisions[code].level == "county" for code in codes)
            # Variants are guesses and can sit inside words (资源县 → 资源市 in 公共资源市场).
            weak = (kind == "variant" or (county and _is_generic_county_name(text))
                    or text in COMMON_WORD_SHORT_NAMES)
            surfaces[text] = Surface(text, tuple(codes), kind, weak)
    return surfaces


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The division table and its indexes, loaded on first use and kept for the process."""
    rows, ethnic_names = _read_table()
    return Gazetteer(rows, ethnic_names)


# --------------------------------------------------------------------------------------------
# Small look-ups
# --------------------------------------------------------------------------------------------

def _to_match(division: Division, confidence: float, method: str) -> JurisdictionMatch:
    divisions = gazetteer().divisions
    province = divisions[division.province_code]
    prefecture = divisions.get(division.prefecture_code) if division.prefecture_code else None
    return JurisdictionMatch(
        code=division.code,
        name=division.name,
        level=division.level,
        parent_code=division.parent_code,
        province_code=province.code,
        province_name=province.name,
        prefecture_code=prefecture.code if prefecture else None,
        prefecture_name=prefecture.name if prefecture else None,
        longitude=division.longitude,
        latitude=division.latitude,
        confidence=round(confidence, 3),
        method=method,
    )


def division_by_code(code: str) -> JurisdictionMatch | None:
    """The division with this code (6 or 12 digits), with confidence 1 and method "code"."""
    division = gazetteer().divisions.get(str(code)[:6])
    return _to_match(division, 1.0, "code") if division else None


def divisions_named(name: str) -> list[JurisdictionMatch]:
    """Every division a name can stand for: full (朝阳区), short (常州) or renamed (梁平区)."""
    surface = gazetteer().surfaces.get(name)
    if surface is None:
        return []
    divisions = gazetteer().divisions
    return [_to_match(divisions[code], 1.0 / len(surface.codes), f"name_{surface.kind}")
            for code in surface.codes]


# --------------------------------------------------------------------------------------------
# Evidence from the text, for names that stand for several divisions
# --------------------------------------------------------------------------------------------

class Context:
    """What the title and the opening of a report say about where it comes from.

    Built for every report but read only when needed (an ambiguous name, no name in the
    title): each piece is computed on first use.
    """

    def __init__(self, title: str | None, text: str) -> None:
        self.title = title or ""
        self.head = text[:CONTEXT_CHARS]

    @cached_property
    def title_mentions(self) -> list[Mention]:
        return gazetteer().scan(self.title)

    @cached_property
    def text_mentions(self) -> list[Mention]:
        return gazetteer().scan(self.head)

    @cached_property
    def document_provinces(self) -> Counter:
        """Province code → weighted count of document numbers opened by its abbreviation."""
        counts: Counter = Counter()
        for year in BRACKETED_YEAR.finditer(self.head):
            issuer = ISSUER_RUN.search(self.head, max(0, year.start() - 11), year.start())
            province = DOCUMENT_PREFIX_PROVINCES.get(issuer.group(1)[0]) if issuer else None
            if province:
                counts[province[0] + "0000"] += province[1]
        return counts

    @cached_property
    def self_references(self) -> Counter:
        """区/市/县 … → count of 全区, 我市, 本县 … in the opening paragraphs."""
        return Counter(SELF_REFERENCE.findall(self.head[:SUBJECT_CHARS]))

    def opening_mentions(self) -> list[Mention]:
        return [mention for mention in self.text_mentions if mention.start < SUBJECT_CHARS]

    def support(self, excluded: Surface) -> Counter:
        """How often the text names each division, directly or through one below it.

        A mention supports the divisions every one of its readings lies in: 海淀区 supports
        Beijing, 吉林 (province or city) supports the province only, 朝阳区 supports nothing.
        The name being resolved is left out so it cannot vouch for itself.
        """
        divisions = gazetteer().divisions
        counts: Counter = Counter()
        for mention in self.title_mentions + self.text_mentions:
            if mention.surface is excluded:
                continue
            codes = mention.surface.codes
            if len(codes) == 1:
                counts.update(divisions[codes[0]].lineage())
                continue
            common = set.intersection(*(set(divisions[code].lineage()) for code in codes))
            counts.update(common)
        return counts

    def adjacent_parents(self, surface: Surface) -> Counter:
        """How often each reading of ``surface`` follows its own parent's name (随州市曾都区)."""
        divisions = gazetteer().divisions
        counts: Counter = Counter()
        for mentions in (self.title_mentions, self.text_mentions):
            for previous, mention in zip(mentions, mentions[1:]):
                if mention.surface is not surface or previous.end != mention.start:
                    continue
                for code in surface.codes:
                    if set(previous.surface.codes) & set(divisions[code].lineage()[1:]):
                        counts[code] += 1
        return counts


@dataclass(frozen=True)
class Resolution:
    code: str
    confidence: float
    # "unique" | "parent" (narrowed by a parent named before it in the title) |
    # "context_<the evidence that decided>" | "ambiguous" (nothing decided)
    how: str


def _resolve_surface(candidates: tuple[str, ...], surface: Surface, context: Context) -> Resolution:
    """Pick one reading of a name that may stand for several divisions."""
    if len(candidates) == 1:
        return Resolution(candidates[0], 1.0, "unique")

    divisions = gazetteer().divisions
    support = context.support(surface)
    adjacent = context.adjacent_parents(surface)
    evidence: dict[str, dict[str, float]] = {}
    for code in candidates:
        division = divisions[code]
        parts = {
            "parent": 3.0 * adjacent[code],
            # the prefecture is the more specific clue, so it counts double
            "prefecture": 2.0 * support[division.prefecture_code]
            if division.prefecture_code and division.prefecture_code != code else 0.0,
            "province": 1.0 * support[division.province_code]
            if division.province_code != code else 0.0,
            # places inside the candidate (its districts); without this a province reading
            # would lose to a city reading every time the text names a city of that province
            "inside": 1.0 * support[code],
            "docnum": 1.5 * context.document_provinces[division.province_code],
            "selfref": 0.5 * min(context.self_references[division.name[-1]], 3),
        }
        evidence[code] = parts

    def total(code: str) -> float:
        return sum(evidence[code].values())

    # Ties go to the higher level (吉林 alone is the province more often than the city), then
    # to the lower code, so the answer never depends on dictionary order.
    ranked = sorted(candidates, key=lambda c: (-total(c), LEVEL_RANK[divisions[c].level], c))
    best, runner_up = ranked[0], ranked[1]
    best_score, runner_up_score = total(best), total(runner_up)
    if best_score <= runner_up_score or best_score <= 0:
        return Resolution(best, 0.3, "ambiguous")

    margin = (best_score - runner_up_score) / best_score
    strength = min(1.0, best_score / 3.0)
    confidence = 0.5 + 0.4 * margin * strength
    deciding = max(evidence[best],
                   key=lambda part: evidence[best][part] - evidence[runner_up][part])
    return Resolution(best, confidence, f"context_{deciding}")


# --------------------------------------------------------------------------------------------
# Choosing the subject name
# --------------------------------------------------------------------------------------------

def _subject_of_heading(mentions: list[Mention]) -> tuple[Mention, tuple[str, ...]] | None:
    """The most specific name of a chain in a title: 湖北省随州市曾都区 → 曾都区.

    The first name opens the chain; a following name joins it when one of its readings lies
    inside a reading of the current one. Readings that do not fit the chain are dropped, so
    北京市朝阳区 keeps only the Beijing 朝阳区. The chain ends at the first name that does not fit
    (a department named after another place, a quoted document).
    """
    if not mentions:
        return None
    divisions = gazetteer().divisions
    subject, candidates = mentions[0], mentions[0].surface.codes
    for mention in mentions[1:]:
        inside = tuple(code for code in mention.surface.codes
                       if set(divisions[code].lineage()[1:]) & set(candidates))
        if not inside:
            break
        subject, candidates = mention, inside
    return subject, candidates


def _heading_lines(text: str) -> list[str]:
    """Lines near the top that read like the report's own title.

    PDFs often break a title after the body's name (洪泽区人民政府 / 2023年政府信息公开工作年度报告),
    so each such line is offered alone first, then joined to a short line before it.
    """
    lines = [line.strip() for line in text[:SUBJECT_CHARS].splitlines()[:HEADING_LINES]]
    headings = []
    for index, line in enumerate(lines):
        if len(line) > 100 or not HEADING_LINE.search(line):
            continue
        headings.append(line)
        previous = next((earlier for earlier in reversed(lines[:index]) if earlier), "")
        if 0 < len(previous) <= 30:
            headings.append(previous + line)
    return headings


def _looks_national(title: str) -> bool:
    """A title of a national body (国务院办公厅…, 2019年国家统计局…, 教育部…)."""
    organ = re.sub(r"^[\s\d]*(年度?)?", "", title).strip()
    return organ.startswith(NATIONAL_TITLE_PREFIXES) or bool(NATIONAL_BODY.match(organ))


def _frequent_subject(context: Context) -> tuple[Surface, float] | None:
    """The name the opening paragraphs use most, favouring the level the text calls itself.

    Returns the surface and a confidence for the choice of name (not of its reading).
    """
    mentions = context.opening_mentions()
    if not mentions:
        return None
    divisions = gazetteer().divisions
    counts: Counter = Counter(mention.surface.text for mention in mentions)
    surfaces = {mention.surface.text: mention.surface for mention in mentions}
    own_suffix, own_suffix_count = (context.self_references.most_common(1) or [("", 0)])[0]

    def score(text_of_surface: str) -> float:
        surface = surfaces[text_of_surface]
        calls_itself_so = own_suffix_count > 0 and any(
            divisions[code].name.endswith(own_suffix) for code in surface.codes)
        # a renamed-division guess or a weak word counts for less than a plain name
        trust = 0.5 if surface.kind == "variant" or surface.weak else 1.0
        return trust * counts[text_of_surface] + (2.0 if calls_itself_so else 0.0)

    def depth(text_of_surface: str) -> int:
        return max(LEVEL_RANK[divisions[code].level] for code in surfaces[text_of_surface].codes)

    first_seen = {}
    for mention in mentions:
        first_seen.setdefault(mention.surface.text, mention.start)
    # Ties go to the more specific name (a county report names its city as often as itself),
    # then to the earlier one.
    ranked = sorted(counts, key=lambda t: (-score(t), -depth(t), first_seen[t]))
    best = ranked[0]
    best_score = score(best)
    runner_up_score = score(ranked[1]) if len(ranked) > 1 else 0.0
    if best_score < 2.0:
        return None  # one passing mention is not a subject
    share = best_score / (best_score + runner_up_score)
    confidence = min(0.8, 0.35 + 0.5 * share * min(1.0, best_score / 4.0))
    return surfaces[best], confidence


def _match(surface: Surface, candidates: tuple[str, ...], stage: str, stage_confidence: float,
           context: Context) -> JurisdictionMatch:
    """The match for a chosen name; ``candidates`` are the readings still open."""
    if len(candidates) == 1:
        narrowed_by_parent = len(surface.codes) > 1
        resolution = Resolution(candidates[0], 1.0, "parent" if narrowed_by_parent else "unique")
    else:
        resolution = _resolve_surface(candidates, surface, context)
    confidence = min(stage_confidence, resolution.confidence)
    if stage == "text":
        method = "text_frequency" + ("" if resolution.how == "unique" else f"_{resolution.how}")
    else:
        method = f"{stage}_{resolution.how}"
    if surface.kind == "variant":
        # the table has the division under its former name (and possibly its former code)
        confidence *= 0.8
        method += "_renamed"
    return _to_match(gazetteer().divisions[resolution.code], confidence, method)


# How far a name found in a title is trusted before any ambiguity: a short name (常州) leaves a
# little more room for error than a full one (常州市).
HEADING_CONFIDENCE = {"full": 0.95, "short": 0.9, "variant": 0.9}
# Caller titles longer than this are paragraphs picked by mistake, not titles.
TITLE_MAX_CHARS = 80


def resolve_jurisdiction(title: str | None, text: str, title_only: bool = False) -> JurisdictionMatch | None:
    """The division a report is about, or None when the report names none.

    ``title`` and ``text`` are in simplified script. See the module docstring for the order in
    which the title, title-like lines and the opening paragraphs are tried. ``title_only`` tries
    the title alone (the text still decides between divisions of the same name), so that a caller
    holding several names (title, issuer, signature) can try each before the text's guesses.
    """
    text = text or ""
    context = Context(title, text)

    headings = [(title, "title")] if title else []
    if not title_only:
        headings += [(line, "heading") for line in _heading_lines(text)]
    for heading, stage in headings:
        mentions = context.title_mentions if stage == "title" else gazetteer().scan(heading)
        chain = _subject_of_heading(mentions)
        if chain is not None:
            subject, candidates = chain
            confidence = HEADING_CONFIDENCE[subject.surface.kind]
            if stage == "heading":
                confidence -= 0.05  # a line of the page may be a breadcrumb, not the title
            return _match(subject.surface, candidates, stage, confidence, context)

    if title_only:
        return None
    if title and len(title) <= TITLE_MAX_CHARS and _looks_national(title):
        return None  # a national body: the places its text mentions are not its own

    frequent = _frequent_subject(context)
    if frequent is None:
        return None
    surface, confidence = frequent
    return _match(surface, surface.codes, "text", confidence, context)
