"""Tests of extractors.jurisdiction.

The real seed reports are read from ../shared/corpus when it is there (skipped otherwise);
every other text here is invented for the test.
"""
from __future__ import annotations


import pytest

from extractors.jurisdiction import (
    division_by_code,
    divisions_named,
    gazetteer,
    resolve_jurisdiction,
)

import shared_paths

CORPUS = shared_paths.CORPUS
SEEDS = CORPUS / "seeds"
MODERN = CORPUS / "modern"


def to_simplified(text: str) -> str:
    opencc = pytest.importorskip("opencc")
    return opencc.OpenCC("t2s").convert(text)


def seed_title(text: str) -> str | None:
    """The first line that looks like a report title, as the caller does it."""
    for line in text.splitlines():
        if "政府信息公开" in line and ("报告" in line or "年报" in line):
            return line.strip()
    return None


def read_seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not available")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not available")
    return to_simplified(paths[0].read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# The five seeds
# --------------------------------------------------------------------------------------------

SEED_EXPECTATIONS = [
    # seed, code, name, level, parent code
    ("000", "500000", "重庆市", "province", None),
    ("001", "431100", "永州市", "prefecture", "430000"),
    ("002", "320400", "常州市", "prefecture", "320000"),
    ("003", "210300", "鞍山市", "prefecture", "210000"),
    ("004", "421303", "曾都区", "county", "421300"),
]


@pytest.mark.parametrize(("seed", "code", "name", "level", "parent"), SEED_EXPECTATIONS)
def test_seed_resolves(seed, code, name, level, parent):
    text = read_seed(seed)
    match = resolve_jurisdiction(seed_title(text), text)
    assert match is not None
    assert (match.code, match.name, match.level, match.parent_code) == (code, name, level, parent)
    assert match.confidence >= 0.5


@pytest.mark.parametrize(("seed", "code", "name", "level", "parent"), SEED_EXPECTATIONS)
def test_seed_resolves_without_a_title(seed, code, name, level, parent):
    text = read_seed(seed)
    match = resolve_jurisdiction(None, text)
    assert match is not None and match.code == code


def test_seed_004_county_lineage():
    text = read_seed("004")
    match = resolve_jurisdiction(seed_title(text), text)
    assert match.prefecture_code == "421300" and match.prefecture_name == "随州市"
    assert match.province_code == "420000" and match.province_name == "湖北省"
    # the seed has no title: the name comes from the opening paragraphs
    assert match.method.startswith("text_frequency")
    assert match.longitude is not None and match.latitude is not None


def test_seed_000_municipality_is_a_province():
    text = read_seed("000")
    match = resolve_jurisdiction(seed_title(text), text)
    assert match.level == "province" and match.province_code == "500000"
    assert match.prefecture_code is None and match.method == "title_unique"


def test_modern_pdf_title_split_across_lines():
    pdfplumber = pytest.importorskip("pdfplumber")
    pdfs = sorted(MODERN.glob("*.pdf")) if MODERN.is_dir() else []
    if not pdfs:
        pytest.skip("modern corpus not available")
    with pdfplumber.open(pdfs[0]) as pdf:
        text = pdf.pages[0].extract_text() or ""
    match = resolve_jurisdiction(None, text)
    assert match is not None
    assert (match.code, match.name, match.parent_code) == ("320813", "洪泽区", "320800")


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "code"), [
    ("重庆市2016年政府信息公开工作年度报告", "500000"),
    ("2014年永州市人民政府信息公开工作报告", "431100"),
    ("鞍山市2016年度政府信息公开工作报告", "210300"),
    ("2018年常州市政府信息公开年度报告", "320400"),
    ("湖北省随州市曾都区2016年政府信息公开工作年度报告", "421303"),
    ("延边朝鲜族自治州2016年政府信息公开工作年度报告", "222400"),
    ("内蒙古自治区2016年政府信息公开工作年度报告", "150000"),
])
def test_full_names_in_titles(title, code):
    match = resolve_jurisdiction(title, "")
    assert match is not None and match.code == code
    assert match.confidence >= 0.9


@pytest.mark.parametrize(("title", "code"), [
    ("常州2018年政府信息公开年度报告", "320400"),
    ("鞍山2016年度政府信息公开工作报告", "210300"),
    ("延边州2017年政府信息公开工作年度报告", "222400"),
    ("广西2016年政府信息公开工作年度报告", "450000"),
])
def test_short_names_in_titles(title, code):
    match = resolve_jurisdiction(title, "")
    assert match is not None and match.code == code
    assert match.method == "title_unique"
    # a short name is trusted a little less than the full one
    assert match.confidence < resolve_jurisdiction("常州市2018年政府信息公开年度报告", "").confidence


@pytest.mark.parametrize(("title", "code", "level"), [
    ("常州市发展和改革委员会2019年政府信息公开工作年度报告", "320400", "prefecture"),
    ("曾都区教育局2016年政府信息公开工作年度报告", "421303", "county"),
    ("鞍山市人民政府办公厅2017年政府信息公开工作年度报告", "210300", "prefecture"),
    ("湖北省交通运输厅2019年政府信息公开工作年度报告", "420000", "province"),
])
def test_department_reports_belong_to_their_jurisdiction(title, code, level):
    match = resolve_jurisdiction(title, "本机关2019年政府信息公开工作稳步推进。")
    assert match is not None and (match.code, match.level) == (code, level)


def test_heading_inside_the_text_when_the_title_is_a_breadcrumb():
    text = "首页 > 政务公开 > 政府信息公开年报\n2015年常州市政府信息公开年度报告\n本年报根据……编制。"
    match = resolve_jurisdiction("首页 > 政务公开 > 政府信息公开年报", text)
    assert match is not None and match.code == "320400" and match.method == "heading_unique"


# --------------------------------------------------------------------------------------------
# Names shared by several divisions
# --------------------------------------------------------------------------------------------

def test_chaoyang_with_beijing_context():
    text = "2019年,全区按照北京市政务公开工作要点,认真落实北京市有关部署。"
    match = resolve_jurisdiction("朝阳区2019年政府信息公开工作年度报告", text)
    assert (match.code, match.parent_code, match.province_name) == ("110105", "110000", "北京市")
    assert match.prefecture_code is None  # a district of a municipality has no prefecture
    assert match.method == "title_context_province"
    assert 0.5 <= match.confidence < 0.95


def test_chaoyang_with_changchun_context():
    text = "2019年,全区按照吉林省和长春市的统一部署,扎实推进政务公开。"
    match = resolve_jurisdiction("朝阳区2019年政府信息公开工作年度报告", text)
    assert (match.code, match.parent_code, match.prefecture_name) == ("220104", "220100", "长春市")
    assert match.method == "title_context_prefecture"
    assert match.confidence >= 0.5


def test_parent_named_in_the_title_decides():
    match = resolve_jurisdiction("北京市朝阳区2019年政府信息公开工作年度报告", "")
    assert match.code == "110105" and match.method == "title_parent"
    match = resolve_jurisdiction("长春市朝阳区2019年政府信息公开工作年度报告", "")
    assert match.code == "220104" and match.method == "title_parent"


def test_parent_named_in_the_text_decides():
    text = "长治市城区人民政府办公室编制本报告。全区政府信息公开工作……"
    match = resolve_jurisdiction("城区2018年政府信息公开工作年度报告", text)
    assert match.code == "140402" and match.method == "title_context_parent"


def test_document_number_prefix_decides_the_province():
    text = "根据《关于做好政务公开工作的通知》(豫政办〔2016〕35号)要求,全区……"
    match = resolve_jurisdiction("新华区2016年政府信息公开工作年度报告", text)
    assert match.code == "410402" and match.province_name == "河南省"
    assert match.method == "title_context_docnum"


def test_gulou_with_a_jiangsu_document_number_only():
    # 苏 narrows 鼓楼区 to Jiangsu, where Nanjing and Xuzhou both have one: the city stays open
    text = "根据《关于做好政府信息公开工作的通知》(苏政办发〔2017〕12号)要求,全区……"
    match = resolve_jurisdiction("鼓楼区2017年政府信息公开工作年度报告", text)
    assert match.province_code == "320000"
    assert match.code in {"320106", "320302"}
    assert match.confidence < 0.5 and match.method == "title_ambiguous"


def test_gulou_with_a_jiangsu_document_number_and_its_city():
    text = "按照南京市统一部署和(苏政办发〔2017〕12号)要求,全区……"
    match = resolve_jurisdiction("鼓楼区2017年政府信息公开工作年度报告", text)
    assert (match.code, match.prefecture_name) == ("320106", "南京市")
    assert 0.5 <= match.confidence < 0.95


def test_no_deciding_context_gives_a_low_confidence_answer():
    match = resolve_jurisdiction("朝阳区2019年政府信息公开工作年度报告", "全区政府信息公开工作平稳推进。")
    assert match.code in {"110105", "220104"}
    assert match.confidence < 0.5 and match.method == "title_ambiguous"


def test_province_or_city_of_the_same_short_name():
    title = "吉林2016年政府信息公开工作年度报告"
    as_province = resolve_jurisdiction(title, "全省政务公开工作……我省……全省")
    as_city = resolve_jurisdiction(title, "全市政务公开工作……我市……全市")
    assert as_province.code == "220000" and as_province.level == "province"
    assert as_city.code == "220200" and as_city.level == "prefecture"
    assert as_province.method == as_city.method == "title_context_selfref"


# --------------------------------------------------------------------------------------------
# Names found in the text
# --------------------------------------------------------------------------------------------

def test_text_prefers_the_level_the_report_calls_itself():
    # the city is named as often as the district, but the text speaks of 全区
    text = ("2018年,随州市曾都区认真落实随州市政务公开工作部署,全区政府信息公开工作有序推进。"
            "曾都区人民政府办公室印发了工作要点(鄂政办发〔2018〕9号)。随州市政府对全区工作……")
    match = resolve_jurisdiction(None, text)
    assert (match.code, match.level, match.parent_code) == ("421303", "county", "421300")
    assert match.method == "text_frequency"
    assert match.confidence < 0.9


def test_traditional_script_converted_by_the_caller():
    text = to_simplified("2019年,鼓樓區認真貫徹落實《條例》,全區政府信息公開工作有序推進。"
                         "鼓樓區人民政府辦公室印發了工作要點(榕政辦〔2019〕5號)。"
                         "按照福州市和福建省的部署……")
    match = resolve_jurisdiction(None, text)
    assert (match.code, match.prefecture_name, match.province_name) == ("350102", "福州市", "福建省")
    assert match.method.startswith("text_frequency_context")

    title = to_simplified("朝陽區2019年政府信息公開工作年度報告")
    match = resolve_jurisdiction(title, to_simplified("根據北京市政務公開工作要點,全區……"))
    assert match.code == "110105"


@pytest.mark.parametrize(("title", "text"), [
    (None, ""),
    (None, "本机关2019年政府信息公开工作坚持公开为常态,全市政府信息公开工作有序推进。本市市政府……"),
    (None, "主城区建设加快推进,老城区改造、城区环境整治和郊区道路……"),
    (None, "社会长治久安,情况大同小异,接待来宾若干,日照时数……"),
    # a national body: the places in its text are not its own
    ("国家发展和改革委员会2019年政府信息公开工作年度报告", "北京市……北京市……上海市……北京市"),
    ("教育部2019年政府信息公开工作年度报告", "北京市……北京市……上海市……北京市"),
])
def test_no_jurisdiction(title, text):
    assert resolve_jurisdiction(title, text) is None


def test_single_passing_mention_is_not_a_subject():
    assert resolve_jurisdiction(None, "参照江苏省的做法,进一步完善工作机制。") is None


# --------------------------------------------------------------------------------------------
# Division structure
# --------------------------------------------------------------------------------------------

def test_municipality_districts_hang_from_the_municipality():
    match = resolve_jurisdiction("渝中区2017年政府信息公开工作年度报告", "")
    assert (match.code, match.level, match.parent_code) == ("500103", "county", "500000")
    assert (match.province_code, match.province_name) == ("500000", "重庆市")
    assert match.prefecture_code is None
    # 5002xx (the 县 group of Chongqing in the table) hangs from the municipality too
    county = division_by_code("500233")
    assert (county.name, county.parent_code, county.prefecture_code) == ("忠县", "500000", None)


def test_county_directly_under_a_province():
    match = resolve_jurisdiction("仙桃市2016年政府信息公开工作年度报告", "")
    assert (match.code, match.level, match.parent_code, match.prefecture_code) == (
        "429004", "county", "420000", None)


def test_renamed_division_found_under_its_table_name():
    # the table still has 梁平县; the report says 梁平区 (renamed in 2016)
    match = resolve_jurisdiction("梁平区2019年政府信息公开工作年度报告", "")
    assert match.code == "500228" and match.name == "梁平县"
    assert match.method == "title_unique_renamed" and match.confidence < 0.8


def test_division_by_code_and_divisions_named():
    assert division_by_code("421303000000").name == "曾都区"
    assert division_by_code("999999") is None
    # pseudo entries of the table (市辖区) are not divisions
    assert division_by_code("500100") is None
    gulou = divisions_named("鼓楼区")
    assert {m.code for m in gulou} == {"410204", "320106", "350102", "320302"}
    assert [m.code for m in divisions_named("常州")] == ["320400"]
    assert divisions_named("市政府") == []


def test_every_division_has_a_consistent_lineage():
    divisions = gazetteer().divisions
    for division in divisions.values():
        assert division.province_code in divisions
        assert division.parent_code is None or division.parent_code in divisions
        if division.level == "county":
            assert division.parent_code in (division.prefecture_code, division.province_code)


def test_ordinary_words_are_not_names():
    names = [mention.surface.text for mention in gazetteer().scan(
        "全市政府信息公开工作……本市、市政府、主城区、老城区、公共资源市场、社会长治久安")]
    assert names == []
