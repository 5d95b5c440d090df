"""Report metadata on the real seeds, on the fixtures, and on invented variants."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.metadata import extract_metadata, leading_place_name, report_era
from extractors.recognition import recognize
from extractors.model import Document
from extractors.normalize import to_matching
from extractors.readers import read_document

import shared_paths

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEEDS = shared_paths.CORPUS / "seeds"

# An invented body of report text, long enough and worded like a report.
BODY = (
    "一、概述\n"
    "全年主动公开政府信息1520条,其中规范性文件26件,召开新闻发布会8场。\n"
    "二、依申请公开情况\n"
    "全年收到政府信息公开申请31件,已全部按期答复,其中予以公开22件,不予公开3件。\n"
    "三、行政复议和行政诉讼情况\n"
    "全年因政府信息公开被申请行政复议2件,提起行政诉讼1件。\n"
    "四、存在的主要问题及改进措施\n"
    "主动公开的及时性和依申请公开答复的规范性有待提高,下一步将加强培训,完善制度。\n"
)


def document_from_text(text: str) -> Document:
    return read_document(text.encode("utf-8"), "report.txt")


def metadata_of(text: str):
    return extract_metadata(document_from_text(text))


def seed_documents() -> list[Document]:
    if not SEEDS.is_dir():
        pytest.skip(f"shared corpus not available at {SEEDS}")
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, "expected the five seed reports 000..004"
    return [read_document(path.read_bytes(), path.name) for path in paths]


# --- real seeds --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_metadata():
    return [extract_metadata(document) for document in seed_documents()]


def test_seed_report_years(seed_metadata):
    # Seed 001 is a 2014 report posted in 2019.
    assert [metadata.report_year for metadata in seed_metadata] == [2016, 2014, 2018, 2016, 2016]


def test_seed_jurisdictions(seed_metadata):
    assert [metadata.jurisdiction_name for metadata in seed_metadata] == [
        "重庆市", "永州市", "常州市", "鞍山市", "曾都区"
    ]


def test_seed_scripts(seed_metadata):
    assert [metadata.script for metadata in seed_metadata] == [
        "traditional", "simplified", "traditional", "simplified", "traditional"
    ]


def test_seed_titles(seed_metadata):
    assert [metadata.title for metadata in seed_metadata] == [
        "重慶市2016年政府信息公開工作年度報告",
        "2014年永州市人民政府信息公开工作报告",
        "2018年常州市政府信息公開年度報告",
        "鞍山市2016年度政府信息公开工作报告",
        None,  # seed 004 starts with its first paragraph
    ]


def test_seed_000_issuing_body_and_date(seed_metadata):
    assert seed_metadata[0].issuing_body == "重庆市人民政府办公厅"
    assert seed_metadata[0].publication_date == "2017-03-31"


def test_seed_003_spam_never_becomes_a_name(seed_metadata):
    for value in (seed_metadata[3].title, seed_metadata[3].issuing_body,
                  seed_metadata[3].jurisdiction_name):
        assert value is None or "体育" not in value


def test_seeds_are_legacy_reports(seed_metadata):
    assert {metadata.era for metadata in seed_metadata} == {"legacy"}
    for document, metadata in zip(seed_documents(), seed_metadata):
        assert recognize(document).is_report


# --- fixtures ----------------------------------------------------------------------------------
def test_html_report_page_2021_format():
    document = read_document((FIXTURES / "report_page.html").read_bytes(), "report_page.html")
    metadata = extract_metadata(document)
    assert metadata.title == "云岭市2022年政府信息公开工作年度报告"
    assert metadata.report_year == 2022
    assert metadata.jurisdiction_name == "云岭市"
    assert metadata.issuing_body == "云岭市人民政府办公室"
    assert metadata.publication_date == "2023-03-28"
    assert metadata.script == "simplified"
    assert metadata.era == "format_2021"
    assert recognize(document).is_report


def test_traditional_report_with_chinese_numeral_years():
    document = read_document((FIXTURES / "report_traditional.txt").read_bytes(), "t.txt")
    metadata = extract_metadata(document)
    assert metadata.title == "南湖區二〇一五年度政府信息公開工作年報"
    assert metadata.report_year == 2015  # not the 2019 posting date
    assert metadata.jurisdiction_name == "南湖区"
    assert metadata.issuing_body == "南湖区人民政府办公室"
    assert metadata.publication_date == "2016-03-28"
    assert metadata.script == "traditional"
    assert metadata.era == "legacy"
    assert recognize(document).is_report


def test_markdown_report_in_2019_trial_format():
    metadata = extract_metadata(read_document((FIXTURES / "report.md").read_bytes(), "r.md"))
    assert metadata.report_year == 2019
    assert metadata.jurisdiction_name == "白石县"
    assert metadata.era == "trial_2019"
    assert metadata.publication_date == "2020-03-20"


@pytest.mark.parametrize("name", ["not_a_report.html", "index_page.html", "guide_page.html"])
def test_pages_that_are_not_reports(name):
    document = read_document((FIXTURES / name).read_bytes(), name)
    assert not recognize(document).is_report


# --- titles --------------------------------------------------------------------------------------
@pytest.mark.parametrize("title_line, title, year", [
    ("云岭市2018年政府信息公开工作年度报告", "云岭市2018年政府信息公开工作年度报告", 2018),
    ("云岭市2018年政府信息公开年报", "云岭市2018年政府信息公开年报", 2018),
    ("云岭市2018年度政府信息公开工作报告", "云岭市2018年度政府信息公开工作报告", 2018),
    ("云岭市政府信息公开年度工作报告(2018年度)", "云岭市政府信息公开年度工作报告(2018年度)", 2018),
    ("名称: 云岭市二〇一五年度政府信息公开工作年度报告", "云岭市二〇一五年度政府信息公开工作年度报告", 2015),
    ("《云岭市2017年政府信息公开工作年度报告》", "云岭市2017年政府信息公开工作年度报告", 2017),
    ("雲嶺市2016年政府信息公開工作年度報告", "雲嶺市2016年政府信息公開工作年度報告", 2016),
])
def test_title_variants(title_line, title, year):
    metadata = metadata_of(f"{title_line}\n{BODY}")
    assert metadata.title == title
    assert metadata.report_year == year


def test_breadcrumb_and_notice_lines_are_not_titles():
    text = (
        "当前位置:首页 -> 政府信息公开 -> 政府信息公开工作年度报告\n"
        "关于做好2016年政府信息公开工作年度报告编制发布工作的通知\n"
        "特编制2016年云岭市政府信息公开工作年度报告。报告包括总体情况等部分。\n"
        + BODY
    )
    assert metadata_of(text).title is None


def test_spam_title_is_rejected():
    metadata = metadata_of(f"365-体育在线2016年政府信息公开工作年度报告\n{BODY}")
    assert metadata.title is None


# --- report year ---------------------------------------------------------------------------------
def test_year_from_statistics_period_not_from_posting_date():
    text = (
        "发布日期:2019年10月30日\n"
        "本年报所列数据的统计期限自2014年1月1日至2014年12月31日。\n" + BODY
        + "2015年,我们将继续加强政府信息公开工作。\n"
    )
    assert metadata_of(text).report_year == 2014


def test_year_from_opening_paragraphs_ignores_labelled_posting_dates():
    text = (
        "发布时间:2019年5月6日 生成日期:2019年5月6日 更新时间:2019年5月6日\n"
        "本报告根据条例要求编制。\n"
        "2016年,白石县认真贯彻条例,2016年度共公开信息900条。\n" + BODY
    )
    metadata = metadata_of(text)
    assert metadata.report_year == 2016
    assert metadata.jurisdiction_name == "白石县"


def test_chinese_numeral_year_in_opening_paragraph():
    text = "本报告根据条例要求编制。\n二〇一五年度,白石县主动公开政府信息800条。\n" + BODY
    assert metadata_of(text).report_year == 2015


def test_no_year_at_all():
    assert metadata_of(BODY).report_year is None


# --- jurisdiction ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("湖南省永州市2014年政府信息公开工作报告", "永州市"),
    ("2014年永州市人民政府信息公开工作报告", "永州市"),
    ("杭州市2019年政府信息公开工作年度报告", "杭州市"),
    ("延边朝鲜族自治州2017年政府信息公开工作年度报告", "延边朝鲜族自治州"),
    ("重庆市渝中区2016年政府信息公开工作年度报告", "渝中区"),
    ("常州市政府信息公开年度报告", "常州市"),
    ("云岭市发展和改革委员会2018年政府信息公开工作年度报告", "云岭市"),
    ("2016年,曾都区认真贯彻落实条例", "曾都区"),
    ("二〇一五年度,南湖区主动公开信息", "南湖区"),
    ("全市共受理申请31件", None),
    ("我区认真贯彻落实条例", None),
    ("国务院办公厅2018年政府信息公开工作年度报告", None),
    ("根据《中华人民共和国政府信息公开条例》", None),
])
def test_leading_place_name(text, name):
    assert leading_place_name(to_matching(text)) == name


def test_jurisdiction_from_signature_when_title_has_none():
    text = "2018年政府信息公开工作年度报告\n" + BODY + "白石县人民政府办公室\n2019年3月25日\n"
    metadata = metadata_of(text)
    assert metadata.jurisdiction_name == "白石县"
    assert metadata.issuing_body == "白石县人民政府办公室"


def test_jurisdiction_is_simplified():
    metadata = metadata_of("南湖區2015年政府信息公開工作年報\n" + BODY)
    assert metadata.jurisdiction_name == "南湖区"


# --- issuing body and publication date ---------------------------------------------------------
def test_signature_with_date_on_the_same_line():
    metadata = metadata_of(BODY + "白石县人民政府办公室 2019年3月25日\n")
    assert metadata.issuing_body == "白石县人民政府办公室"
    assert metadata.publication_date == "2019-03-25"


def test_signature_date_in_chinese_numerals():
    metadata = metadata_of(BODY + "白石县人民政府办公室\n二〇一九年三月二十五日\n")
    assert metadata.publication_date == "2019-03-25"


def test_label_gives_the_issuing_body():
    text = "发布机构: 云岭市人民政府办公室 发布日期: 2019-04-02\n" + BODY
    metadata = metadata_of(text)
    assert metadata.issuing_body == "云岭市人民政府办公室"
    assert metadata.publication_date is None  # a posting date is not the printed date


def test_empty_label_falls_through_to_source():
    text = "来源: 市政府\n发布机构:\n" + BODY
    assert metadata_of(text).issuing_body == "市政府"


def test_spam_signature_is_not_an_issuing_body():
    metadata = metadata_of(BODY + "365-体育在线办公厅\n2017年3月31日\n")
    assert metadata.issuing_body is None


def test_date_line_without_signature():
    metadata = metadata_of(BODY + "2017年3月31日\n")
    assert metadata.issuing_body is None
    assert metadata.publication_date == "2017-03-31"


# --- era -----------------------------------------------------------------------------------------
def test_era_from_table_wording_and_year():
    assert report_era("信息内容 本年制发件数 本年废止件数 现行有效件数", 2022) == "format_2021"
    assert report_era("信息内容 本年制\n发件数", 2021) == "format_2021"  # PDF split the label
    assert report_era("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", None) == "format_2021"
    assert report_era("本年新制作数量 本年新公开数量 对外公开总数量", 2019) == "trial_2019"
    assert report_era("全年主动公开信息", 2020) == "legacy"  # a 2020 report without tables
    assert report_era("全年主动公开信息", 2015) == "legacy"
    assert report_era("全年主动公开信息", 2023) == "format_2021"
    assert report_era("全年主动公开信息", None) == "legacy"


# --- documents built by hand ---------------------------------------------------------------------
def test_document_without_blocks_uses_its_lines():
    text = "白石县2017年政府信息公开工作年度报告\n" + BODY
    document = Document(text=text, matching=to_matching(text))
    metadata = extract_metadata(document)
    assert metadata.title == "白石县2017年政府信息公开工作年度报告"
    assert metadata.report_year == 2017


def test_a_report_whose_statistics_are_a_table_kept_as_text_is_a_report():
    lines = ["白水县2015年政府信息公开工作年度报告",
             "本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2015年1月1日至2015年12月31日。"
             "全县政府信息公开工作围绕主动公开、依申请公开和监督保障有序推进，附表列出主要统计数据。",
             "附表：政府信息公开情况统计表"]
    lines += [f"{label}\t{unit}\t{value}" for label, unit, value in (
        ("主动公开政府信息数", "条", 2140), ("政府网站公开政府信息数", "条", 1980), ("收到申请数", "件", 31),
        ("当面申请数", "件", 9), ("网络申请数", "件", 22), ("同意公开答复数", "件", 25),
        ("行政复议数量", "件", 0), ("行政诉讼数量", "件", 0))]
    lines.append("依申请公开政府信息工作中未收取任何费用，政府信息公开申请均按时答复。")
    text = "\n".join(lines * 1)
    document = read_document(text.encode("utf-8"), "report.txt")
    assert recognize(document).is_report
