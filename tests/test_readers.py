"""Readers: sniffing, decoding, HTML and plain-text layout, noise lines, spam spans."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors.model import Document
from extractors.readers import UnreadableFile, read_document, register_reader
from extractors.readers import registry, sniff
from extractors.readers.encoding import decode_text
from extractors.readers.noise import is_noise_line
from extractors.readers.spam import contains_spam, find_spam_spans
from extractors.readers.sniff import sniff_media_type

import shared_paths

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEEDS = shared_paths.CORPUS / "seeds"
MODERN = shared_paths.CORPUS / "modern"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def block_texts(document: Document) -> list[str]:
    return [document.text[block.start:block.end] for block in document.blocks]


def seed_paths() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"shared corpus not available at {SEEDS}")
    return sorted(SEEDS.glob("*.txt"))


def assert_offsets_consistent(document: Document) -> None:
    assert len(document.text) == len(document.matching)
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(document.text)
        assert "\n" not in document.text[block.start:block.end]
        for start, end in block.cells:
            assert block.start <= start <= end <= block.end


# --- refusals ----------------------------------------------------------------------------------
def reason_of(data: bytes, name: str) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_document(data, name)
    return caught.value.reason


def test_empty_file_is_refused():
    assert reason_of(fixture_bytes("empty.txt"), "empty.txt") == "empty"
    assert reason_of(b"  \r\n\t ", "blank.txt") == "empty"
    assert reason_of(b"\xef\xbb\xbf\n", "bom_only.txt") == "empty"


def test_binary_file_is_refused():
    assert reason_of(fixture_bytes("binary.bin"), "binary.bin") == "binary_not_text"


def test_a_broken_pdf_is_refused_by_content_not_name():
    assert reason_of(fixture_bytes("fake.pdf"), "fake.pdf") == "unreadable_pdf"
    assert reason_of(fixture_bytes("fake.pdf"), "report.txt") == "unreadable_pdf"


def make_zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_docx_and_other_containers_are_named():
    docx = make_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    assert reason_of(docx, "report.docx") == "unreadable_docx"  # a DOCX whose body is not valid
    assert reason_of(docx, "report.zip") == "unreadable_docx"
    xlsx = make_zip({"xl/workbook.xml": "<workbook/>"})
    assert reason_of(xlsx, "a.xlsx") == "unsupported_type:xlsx"
    assert reason_of(make_zip({"report.txt": "text"}), "a.zip") == "unsupported_type:zip"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert reason_of(ole, "report.doc") == "unsupported_type:doc"
    assert reason_of(ole, "report.wps") == "unsupported_type:doc"
    assert reason_of(ole, "table.xls") == "unsupported_type:xls"
    assert reason_of(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "6046ab33.png") == "unsupported_type:png"
    assert reason_of(b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo.txt") == "unsupported_type:jpeg"
    assert reason_of(b"GIF89a" + b"\x00" * 64, "x.gif") == "unsupported_type:gif"


def test_undecodable_text_is_refused():
    latin1 = "Rapport annuel: café, résumé, naïveté, déjà vu, à bientôt.\n".encode("latin-1") * 3
    assert reason_of(latin1, "rapport.txt") == "undecodable"


def test_unreadable_file_carries_reason_and_detail():
    error = UnreadableFile("unsupported_type:pdf", "a.pdf is application/pdf")
    assert error.reason == "unsupported_type:pdf"
    assert error.detail == "a.pdf is application/pdf"
    assert "unsupported_type:pdf" in str(error)


# --- sniffing and the registry -------------------------------------------------------------------
def test_sniff_text_html_markdown():
    assert sniff_media_type("一、概述\n本年度".encode(), "a.txt") == sniff.PLAIN_TEXT
    assert sniff_media_type("# 标题\n正文".encode(), "a.md") == sniff.MARKDOWN
    assert sniff_media_type(fixture_bytes("report_page.html"), "saved.txt") == sniff.HTML
    assert sniff_media_type(b"<html><body>x</body></html>", "a") == sniff.HTML
    # A scraped text with a few stray tags stays text, so its text stays verbatim.
    stray = "<label id=\"a\"></label>\n".encode() + "本年度报告根据条例编制。\n".encode() * 200
    assert sniff_media_type(stray, "a.txt") == sniff.PLAIN_TEXT


def test_delimited_data_is_no_report():
    rows = "file,metric,value,evidence\n" + "".join(f'r{n}.txt,pro_total,{n},"全年主动公开信息{n}条，其中网站{n}条"\n'
                                                      for n in range(12))
    assert sniff_media_type(rows.encode(), "facts.csv") == sniff.CSV
    assert sniff_media_type(rows.replace(",", "\t").encode(), "facts.tsv") == sniff.CSV
    # a report saved as .csv is still read: its lines do not share a number of commas
    report = "某某县2015年政府信息公开工作年度报告\n一、概述\n全年主动公开信息1820条，其中网站1500条，微博320条。\n二、其他\n无。\n"
    assert sniff_media_type(report.encode(), "report.csv") == sniff.PLAIN_TEXT
    # and a .txt holding commas is text
    assert sniff_media_type(rows.encode(), "facts.txt") == sniff.PLAIN_TEXT


def test_a_new_reader_slots_in_by_media_type(monkeypatch):
    monkeypatch.setattr(registry, "_READERS", dict(registry._READERS))

    @register_reader(sniff.PDF)
    def read_pdf(data: bytes, file_name: str) -> Document:
        return Document(text="PDF", matching="PDF", media_type=sniff.PDF)

    assert read_document(fixture_bytes("fake.pdf"), "fake.pdf").text == "PDF"


# --- encodings ---------------------------------------------------------------------------------
def test_gbk_html_page_is_decoded():
    page = fixture_bytes("report_page.html").decode("utf-8")
    document = read_document(page.encode("gbk"), "report_gbk.html")
    assert document.encoding == "gb18030"
    assert "云岭市2022年政府信息公开工作年度报告" in block_texts(document)


def test_big5_text_is_decoded():
    # Big5 has no 〇, so this variant writes the year with 零.
    text = fixture_bytes("report_traditional.txt").decode("utf-8").replace("〇", "零")
    document = read_document(text.encode("big5"), "report_big5.txt")
    assert document.encoding == "big5"
    assert document.text == text
    assert "南湖區二零一五年度政府信息公開工作年報" in block_texts(document)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"])
def test_other_encodings_round_trip(encoding):
    text = fixture_bytes("report_traditional.txt").decode("utf-8")
    decoded, used = decode_text(text.encode(encoding))
    assert decoded == text
    assert used.replace("_", "-").startswith(encoding.split("-sig")[0][:6])


def test_utf8_with_a_cut_last_character_is_still_utf8():
    data = "本年度共受理申请37件。".encode("utf-8") * 50 + "公".encode("utf-8")[:2]
    text, encoding = decode_text(data)
    assert encoding == "utf-8"
    assert text.startswith("本年度共受理申请37件。")


# --- plain text --------------------------------------------------------------------------------
def test_plain_text_is_verbatim_and_noise_lines_are_not_blocks():
    data = fixture_bytes("report_traditional.txt")
    document = read_document(data, "report_traditional.txt")
    assert document.media_type == "text/plain"
    assert document.text == data.decode("utf-8")
    assert_offsets_consistent(document)
    blocks = block_texts(document)
    assert blocks[0] == "發布日期:2019-06-01"
    assert "南湖區二〇一五年度政府信息公開工作年報" in blocks
    assert blocks[-2:] == ["南湖區人民政府辦公室", "二〇一六年三月二十八日"]
    for noise in ('<div class="clear"></div>', "您的位置:首頁 > 政務公開 > 政府信息公開年報",
                  "分享到:", "【字體:大 中 小】", "a3f9c2e1b7d64e0f9a8b7c6d5e4f3a21.jpg",
                  "掃一掃在手機打開當前頁", "版權所有:南湖區人民政府 ICP備12345678號",
                  "聯繫電話:0000-1234567", "FreeSpinsNow"):
        assert noise in document.text
        assert noise not in blocks


def test_crlf_becomes_lf_and_nothing_else_changes():
    text = "  一、概述\r\n  2015年,全区主动公开信息100条。  \r\n"
    document = read_document(text.encode("utf-8"), "a.txt")
    assert document.text == text.replace("\r\n", "\n")
    assert block_texts(document) == ["一、概述", "2015年,全区主动公开信息100条。"]


def test_tags_around_a_text_line_are_left_out_of_its_block():
    text = "<p>2015年,全区主动公开信息100条。</p>\n"
    document = read_document(text.encode("utf-8"), "a.txt")
    assert block_texts(document) == ["2015年,全区主动公开信息100条。"]


def test_markdown_tables_headings_and_bullets():
    document = read_document(fixture_bytes("report.md"), "report.md")
    assert document.media_type == "text/markdown"
    assert_offsets_consistent(document)
    blocks = block_texts(document)
    assert blocks[0] == "白石县2019年政府信息公开工作年度报告"
    assert "全年在县政府网站发布信息1203条。" in blocks
    rows = [block for block in document.blocks if block.kind == "table_row"]
    assert len(rows) == 3  # the |---| separator is not a row
    assert [document.text[start:end] for start, end in rows[2].cells] == ["规范性文件", "12", "12", "87"]


# --- HTML --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def report_page() -> Document:
    return read_document(fixture_bytes("report_page.html"), "report_page.html")


def test_html_chrome_is_dropped(report_page):
    for chrome in ("脚本里的文字", "互动交流", "网站导航", "当前位置", "分享到", "888-体育在线",
                   "网站标识码", "版权所有"):
        assert chrome not in report_page.text
    assert report_page.media_type == "text/html"
    assert_offsets_consistent(report_page)


def test_html_paragraphs_and_line_breaks(report_page):
    blocks = block_texts(report_page)
    assert blocks[1] == "云岭市2022年政府信息公开工作年度报告"
    assert "全市共收到政府信息公开申请142件,依申请公开工作平稳有序。" in blocks  # after <br>
    assert blocks[-2:] == ["云岭市人民政府办公室", "2023年3月28日"]
    # The print / close-window bar has no chrome class: it stays in the text, not in blocks.
    assert "【关闭窗口】" in report_page.text
    assert not any("关闭窗口" in block for block in blocks)


def test_html_table_rows_record_their_cells(report_page):
    rows = [block for block in report_page.blocks if block.kind == "table_row"]
    cells = [[report_page.text[start:end] for start, end in row.cells] for row in rows]
    assert ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] in cells
    assert ["行政规范性文件", "34", "5", "212"] in cells
    assert ["商业企业"] in cells  # "商业<br>企业": a break inside a cell is not a space
    assert ["三、本年度办理结果", "(一)予以公开", "80", "12", "92"] in cells
    assert ["", "", "", ""] not in cells  # empty spacer rows are dropped


def test_html_whole_page_form_wrapper_is_not_chrome():
    page = ("<html><body><form id='form1'><div class='main'>"
            "<h1>白石县2020年政府信息公开工作年度报告</h1>"
            + "<p>2020年,白石县主动公开政府信息1200条。</p>" * 5
            + "</div></form></body></html>")
    document = read_document(page.encode("utf-8"), "page.aspx")
    assert block_texts(document)[0] == "白石县2020年政府信息公开工作年度报告"


def test_layout_tables_are_read_as_paragraphs():
    long_paragraph = "全年共受理政府信息公开申请37件,已全部按期答复。" * 10
    page = ("<html><body><table><tr><td><table><tr><td>导航</td></tr></table></td></tr>"
            f"<tr><td><p>一、概述</p><p>{long_paragraph}</p></td></tr></table></body></html>")
    document = read_document(page.encode("utf-8"), "layout.html")
    assert block_texts(document)[-2:] == ["一、概述", long_paragraph]
    assert [block.kind for block in document.blocks[-2:]] == ["paragraph", "paragraph"]


def test_saved_page_with_a_txt_name_is_read_as_html():
    document = read_document(fixture_bytes("report_page.html"), "saved_page.txt")
    assert document.media_type == "text/html"
    assert "云岭市2022年政府信息公开工作年度报告" in block_texts(document)


def test_hidden_spam_is_dropped(report_page):
    assert "888" not in report_page.text


def test_deeply_nested_page_is_read():
    # 5000 levels: asking bs4 for .decomposed on such a page once took 21 s (see html.py)
    paragraph = "<p>2016年,白石县主动公开政府信息1200条。</p>"
    page = "<html><body>" + "<div><font>" * 5000 + paragraph + "</font></div>" * 5000
    document = read_document(page.encode("utf-8"), "deep.html")
    assert block_texts(document) == ["2016年,白石县主动公开政府信息1200条。"]


def test_html_page_with_no_text_is_empty():
    assert reason_of(b"<html><head><title>x</title></head><body><script>1</script></body></html>",
                     "blank.html") == "empty"


# --- noise lines and spam ------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "您现在所在的位置 : 首页 > 市人民政府信息公开年报",
    "当前位置:首页 -> 政府信息公开 -> 2016年",
    "6046397949074a29a098d7d62aafba33.png",
    "  • <em id=\"t1\"><tr id=\"t1\"></tr></em>",
    "分享到:",
    "【字体:大 中 小】",
    "打印文章 关闭窗口",
    "扫一扫在手机打开当前页",
    "网站标识码:0000000000    版权所有:某市人民政府门户网站",
    "备案序号:湘ICP备00000000号",
    "主 办:某市人民政府办公室    承 办:某市数据局",
    "StreamJAV",
    "|---|---|",
])
def test_noise_lines(line):
    assert is_noise_line(line)


@pytest.mark.parametrize("line", [
    "一、概述",
    "2016年,全市共召开新闻发布会12场,打印并发放宣传册3000份,通过扫一扫二维码等方式便利群众查询政府信息。",
    "重庆市人民政府办公厅",
    "2017年3月31日",
    "(三)推进公开平台建设。",
])
def test_content_lines_are_not_noise(line):
    assert not is_noise_line(line)


def test_spam_spans():
    text = "根据《365-体育在线办公厅关于做好年度报告工作的通知》要求"
    spans = find_spam_spans(text)
    assert [text[start:end] for start, end in spans] == ["365-体育在线"]
    assert contains_spam("StreamJAV")
    assert contains_spam("bet365娱乐城官网")
    for clean in ("全年福利彩票公益金使用情况已公开", "1.体育设施信息公开", "棋牌室治安管理",
                  "javascript", "建设全民健身体育平台"):
        assert not contains_spam(clean), clean


# --- real files ----------------------------------------------------------------------------------
def test_seeds_read_as_verbatim_text():
    for path in seed_paths():
        data = path.read_bytes()
        document = read_document(data, path.name)
        assert document.media_type == "text/plain"
        assert document.text == data.decode("utf-8").replace("\r\n", "\n")
        assert_offsets_consistent(document)
        blocks = block_texts(document)
        assert len(blocks) > 20
        assert not any(block.endswith((".png", ".jpg")) for block in blocks)
        assert not any("StreamJAV" in block or "ICP备" in block for block in blocks)


def test_modern_pdf_is_read():
    if not MODERN.is_dir():
        pytest.skip(f"shared corpus not available at {MODERN}")
    for path in sorted(MODERN.glob("*.pdf")):
        document = read_document(path.read_bytes(), path.name)
        assert document.media_type == sniff.PDF
        assert any(block.kind == "table_row" for block in document.blocks)
