"""PDF and DOCX readers: table rows with their cells, joined paragraphs, refusals.

Fixtures (tests/fixtures/documents) are invented reports built by build_fixtures.py; the PDFs
were converted from the DOCX files with LibreOffice and are committed, so nothing here needs
LibreOffice. expected_cells.json holds every number they print.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from extractors.model import Document
from extractors.normalize import to_matching
from extractors.readers import UnreadableFile, read_document
from extractors.readers.pdf import join_layout_lines, tidy_cell_text, tidy_layout_text
from extractors.readers.pdf import _PAGE_NUMBER
from extractors.readers.sniff import DOCX, PDF

import shared_paths

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
REAL_PDF = shared_paths.CORPUS / "modern" / "hzq2023_working.pdf"
EXPECTED = json.loads((FIXTURES / "expected_cells.json").read_text(encoding="utf-8"))
RUNNING_HEADER = "青禾县政务公开工作专刊"


def read(name: str) -> Document:
    return read_document((FIXTURES / name).read_bytes(), name)


_CACHE: dict[str, Document] = {}


def cached(name: str) -> Document:
    if name not in _CACHE:
        _CACHE[name] = read(name)
    return _CACHE[name]


def reason_of(data: bytes, name: str) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_document(data, name)
    return caught.value.reason


def rows(document: Document) -> list[list[str]]:
    return [[document.text[start:end] for start, end in block.cells]
            for block in document.blocks if block.kind == "table_row"]


def paragraphs(document: Document) -> list[str]:
    return [document.text[block.start:block.end]
            for block in document.blocks if block.kind == "paragraph"]


def filled(cells: list[str]) -> list[str]:
    return [cell for cell in cells if cell]


def row_starting(document: Document, *labels: str) -> list[str]:
    """The first table row whose non-empty cells begin with ``labels``."""
    for cells in rows(document):
        if filled(cells)[:len(labels)] == list(labels):
            return cells
    raise AssertionError(f"no table row starts with {labels}")


def assert_consistent(document: Document) -> None:
    assert document.matching == to_matching(document.text)
    previous_end = -1
    for block in document.blocks:
        assert previous_end < block.start < block.end <= len(document.text)
        assert "\n" not in document.text[block.start:block.end]
        previous_end = block.end
        if block.kind == "table_row":
            assert block.cells[0][0] == block.start and block.cells[-1][1] == block.end
            for start, end in block.cells:
                assert block.start <= start <= end <= block.end
                assert "\t" not in document.text[start:end]
        else:
            assert block.kind == "paragraph" and not block.cells


def label_and_numbers(cells: list[str]) -> tuple[str, list[str]]:
    """The last label cell of a table 三 row and its seven applicant cells (blank kept)."""
    labels = [cell for cell in cells[:-7] if cell]
    return (labels[-1] if labels else ""), cells[-7:]


REPORTS = [("report_2021.pdf", "report_2021"), ("report_2021.docx", "report_2021"),
           ("report_2019_trial.pdf", "report_2019_trial"),
           ("report_2019_trial.docx", "report_2019_trial")]


# --- both formats, both report eras ---------------------------------------------------------------
@pytest.mark.parametrize("name,report", REPORTS)
def test_document_is_consistent(name, report):
    document = cached(name)
    assert document.media_type == (PDF if name.endswith(".pdf") else DOCX)
    assert document.encoding == "binary"
    assert_consistent(document)


@pytest.mark.parametrize("name,report", REPORTS)
def test_every_table3_number_comes_out_in_its_row(name, report):
    document = cached(name)
    by_label = {}
    for cells in rows(document):
        if len(cells) >= 8:
            label, numbers = label_and_numbers(cells)
            by_label.setdefault(label, numbers)
    for row in EXPECTED[report]["table3"]["rows"]:
        printed = ["" if value is None else str(value) for value in row["values"]]
        assert by_label.get(row["row"]) == printed, row["row"]


@pytest.mark.parametrize("name,report", REPORTS)
def test_every_table2_and_table4_number_comes_out(name, report):
    document = cached(name)
    expected_rows: dict[str, list[str]] = {}
    for cell in EXPECTED[report]["table2"]:
        expected_rows.setdefault(cell["row"], []).append(cell["printed"])
    for label, printed in expected_rows.items():
        assert filled(row_starting(document, label))[1:] == printed, label
    table4 = [str(cell["value"]) for cell in EXPECTED[report]["table4"]]
    assert table4 in [filled(cells) for cells in rows(document)]


@pytest.mark.parametrize("name,report", REPORTS)
def test_narrative_numbers_are_in_paragraphs(name, report):
    text = "\n".join(paragraphs(cached(name)))
    received = EXPECTED[report]["narrative"]["req_received"]
    assert re.search(rf"(?:受理|收到)政府信息公开申请\s*{received}\s*件", text)
    proactive = EXPECTED[report]["narrative"]["pro_total"]
    assert re.search(rf"主动公开政府信息\s*{proactive}\s*条", text)


@pytest.mark.parametrize("name,report", REPORTS)
def test_sections_and_tables_keep_reading_order(name, report):
    document = cached(name)
    lines = [document.text[block.start:block.end] for block in document.blocks]
    order = [lines.index("二、主动公开政府信息情况"),
             next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项")),
             lines.index("三、收到和处理政府信息公开申请情况"),
             next(i for i, line in enumerate(lines) if line.startswith("一、本年新收")),
             lines.index("四、政府信息公开行政复议、行政诉讼情况"),
             next(i for i, line in enumerate(lines) if line.startswith("行政复议")),
             lines.index("五、存在的主要问题及改进情况")]
    assert order == sorted(order)
    for heading in ("二、主动公开政府信息情况", "五、存在的主要问题及改进情况"):
        assert heading in paragraphs(document)  # headings are paragraphs, not table rows


# --- PDF ------------------------------------------------------------------------------------------
def test_pdf_table_rows_keep_their_grid_columns():
    document = cached("report_2021.pdf")
    table_rows = rows(document)
    assert ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"] in table_rows
    assert ["规章", "2", "1", "15"] in table_rows
    # A merged cell leaves empty cells (zero-length spans) in the columns it covers.
    assert ["行政许可", "3275", "", ""] in table_rows
    assert ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""] \
        in table_rows
    assert ["一、本年新收政府信息公开申请数量", "", "", "48", "6", "1", "0", "2", "0", "57"] \
        in table_rows
    # A vertically merged label sits in the first of its rows; the next ones leave it empty.
    assert ["三、本年度办理结果", "（一）予以公开", "", "20", "3", "1", "0", "0", "0", "24"] \
        in table_rows
    assert ["", "（三）不予公开", "1.属于国家秘密", "1", "0", "0", "0", "0", "0", "1"] \
        in table_rows
    assert ["", "", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] \
        in table_rows
    # Line breaks inside cells are layout: the wrapped header reads as one word.
    assert ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
            "", "", "", "", "复议后起诉", "", "", "", ""] in table_rows


def test_pdf_row_cut_by_a_page_break_is_joined():
    table_rows = rows(cached("report_2021.pdf"))
    assert ["", "", "5.要求行政机关确认或重新出具已获取信息", "1", "0", "0", "0", "0", "0", "1"] \
        in table_rows
    # No label-only fragment row is left behind in table 三.
    assert not any(len(cells) == 10 and not any(cells[3:]) for cells in table_rows)


def test_pdf_paragraphs_are_joined_across_line_breaks():
    texts = paragraphs(cached("report_2021.pdf"))
    proactive = next(text for text in texts if text.startswith("（一）主动公开。"))
    assert proactive.endswith("召开新闻发布会9场。")
    assert "2468" in proactive and "\n" not in proactive
    received = next(text for text in texts if text.startswith("（二）依申请公开。"))
    assert received.endswith("引发的行政争议。")
    # Section 五 runs over a page break (footer, page number, running header in between).
    problems = next(text for text in texts if text.startswith("本年度政府信息公开工作取得"))
    assert problems.endswith("推动政务公开工作质量持续提升。")
    # Every narrative paragraph ends its sentence: none was cut at a line or page end.
    assert all(text.endswith("。") for text in texts if len(text) > 40)


def test_pdf_page_numbers_and_running_headers_are_gone():
    for name in ("report_2021.pdf", "report_2019_trial.pdf"):
        document = cached(name)
        assert RUNNING_HEADER not in document.text
        assert not re.search(r"-\s*\d+\s*-", document.text)
        assert all(not _PAGE_NUMBER.match(text) for text in paragraphs(document))


def test_pdf_trial_format_tables():
    document = cached("report_2019_trial.pdf")
    table_rows = rows(document)
    assert ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"] in table_rows
    assert ["行政许可", "45", "+3", "612"] in table_rows
    assert ["政府集中采购", "14", "326.5", ""] in table_rows
    # The single （六）其他处理 row, and a 总计 printed blank (empty cell, not a zero).
    assert ["", "（六）其他处理", "", "0", "0", "0", "0", "0", "0", "0"] in table_rows
    assert ["", "（七）总计", "", "14", "2", "0", "0", "0", "0", ""] in table_rows
    # Table 四 sits in a framed layout table: its heading and section 五 stay paragraphs.
    assert "四、政府信息公开行政复议、行政诉讼情况" in paragraphs(document)
    assert any(text.startswith("一是部分业务科室") for text in paragraphs(document))


def test_pdf_full_width_digits_stay_as_printed():
    document = cached("report_2019_trial.pdf")
    position = document.text.index("办理网上留言１２件")
    assert document.matching[position:position + 9] == "办理网上留言12件"


def test_pdf_title_lines_stay_apart():
    texts = paragraphs(cached("report_2019_trial.pdf"))
    assert texts[:2] == ["青禾县农业农村局", "2019 年政府信息公开工作年度报告"]


def test_image_only_pdf_needs_ocr():
    assert reason_of((FIXTURES / "scanned_report.pdf").read_bytes(), "scan.pdf") == "needs_ocr"


def test_encrypted_and_broken_pdfs_are_unreadable():
    with pytest.raises(UnreadableFile) as caught:
        read_document((FIXTURES / "encrypted.pdf").read_bytes(), "locked.pdf")
    assert caught.value.reason == "unreadable_pdf"
    assert "encrypted" in caught.value.detail
    data = (FIXTURES / "report_2021.pdf").read_bytes()
    assert reason_of(data[:len(data) // 2], "cut.pdf") == "unreadable_pdf"
    assert reason_of(b"%PDF-1.4\n%%EOF\n", "stub.pdf") == "unreadable_pdf"


def tiny_pdf(content: bytes = b"", font: bool = False, helvetica: bool = False) -> bytes:
    """A one-page PDF written by hand; with ``font``, its text uses an Identity-H CID font
    without a ToUnicode map (glyph ids, no characters); with ``helvetica``, the standard
    Latin font."""
    resources = b"/Font << /F1 5 0 R >>" if font or helvetica else b""
    font_object = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>" if helvetica else
                   b"<< /Type /Font /Subtype /Type0 /BaseFont /Invented /Encoding /Identity-H "
                   b"/DescendantFonts [6 0 R] >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << " + resources + b" >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font_object,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Invented /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


def test_blank_pdf_is_empty_and_unmapped_fonts_need_ocr():
    assert reason_of(tiny_pdf(), "blank.pdf") == "empty"
    glyph_ids = b"".join(b"%04X" % (0x4E00 + index) for index in range(80))
    content = b"BT /F1 12 Tf 72 720 Td <" + glyph_ids + b"> Tj ET"
    assert reason_of(tiny_pdf(content, font=True), "cid.pdf") == "needs_ocr"


def boxed_pdf(paint: bytes) -> bytes:
    """A one-page PDF of three rows of two cells, each a box painted with ``paint`` (``f``
    after a white fill colour: invisible; ``S``: a black ruled table) and a Helvetica label
    and number in it, plus a line of prose under the grid (the file needs 50 characters)."""
    content = b""
    for row, (label, number) in enumerate([(b"Cases", b"12"), (b"Appeals", b"3"),
                                           (b"Total", b"15")]):
        top = 700 - row * 24
        for column, text in enumerate((label, number)):
            x = 72 + column * 120
            content += b"1 g 0 G %d %d 120 24 re %s " % (x, top, paint)
            content += b"0 g BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x + 4, top + 8, text)
    content += b"BT /F1 10 Tf 72 600 Td (The office received fifteen cases this year.) Tj ET"
    return tiny_pdf(content, helvetica=True)


def test_pdf_boxes_without_a_visible_rule_are_text_and_ruled_boxes_a_table():
    invisible = read_document(boxed_pdf(b"f"), "white.pdf")
    assert rows(invisible) == []
    assert "Cases 12" in invisible.text and "Total 15" in invisible.text
    ruled = read_document(boxed_pdf(b"S"), "ruled.pdf")
    assert rows(ruled) == [["Cases", "12"], ["Appeals", "3"], ["Total", "15"]]


# --- DOCX -----------------------------------------------------------------------------------------
def test_docx_merged_cells_are_one_cell():
    table_rows = rows(cached("report_2021.docx"))
    assert ["第二十条第（一）项"] in table_rows  # gridSpan 4: one cell, not four copies
    assert ["行政许可", "3275"] in table_rows
    assert ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"] \
        in table_rows
    assert ["", "自然人", "法人或其他组织", "总计"] in table_rows
    assert ["一、本年新收政府信息公开申请数量", "48", "6", "1", "0", "2", "0", "57"] in table_rows
    assert ["三、本年度办理结果", "（一）予以公开", "20", "3", "1", "0", "0", "0", "24"] \
        in table_rows
    # vMerge continuations are empty cells, as a PDF reads them.
    assert ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "5", "1", "0", "0", "1", "0", "7"] in table_rows
    assert ["", "", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] in table_rows
    assert ["行政复议", "行政诉讼"] in table_rows
    assert ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
            "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] in table_rows


def test_docx_paragraphs_are_verbatim():
    texts = paragraphs(cached("report_2021.docx"))
    assert texts[0] == "青禾县人民政府2021年政府信息公开工作年度报告"  # a heading style
    assert "一、总体情况" in texts
    assert ("（二）依申请公开。全县受理政府信息公开申请57件，其中当面申请11件、网络申请39件、"
            "信函申请7件，均在法定期限内予以答复，未发生因答复不及时引发的行政争议。") in texts
    assert RUNNING_HEADER not in cached("report_2021.docx").text  # headers are not body


def test_docx_soft_break_layout_table_and_nested_table():
    document = cached("report_2019_trial.docx")
    texts = paragraphs(document)
    assert texts[:2] == ["青禾县农业农村局", "2019年政府信息公开工作年度报告"]
    assert "四、政府信息公开行政复议、行政诉讼情况" in texts
    assert ["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"] \
        in rows(document)
    assert texts[-1].startswith("一是部分业务科室") and texts[-1].endswith("提升公开实效。")
    assert "办理网上留言１２件" in document.text


def test_docx_with_a_macro_content_type_is_still_read():
    source = zipfile.ZipFile(FIXTURES / "report_2019_trial.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml")
            target.writestr(item, data)
    document = read_document(buffer.getvalue(), "report.docm")
    assert ["规章", "0", "0", "3"] in rows(document)


def test_broken_docx_is_unreadable_and_doc_stays_unsupported():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert reason_of(buffer.getvalue(), "report.docx") == "unreadable_docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert reason_of(ole, "report.doc") == "unsupported_type:doc"


# --- layout helpers -------------------------------------------------------------------------------
def test_layout_whitespace_rules():
    assert tidy_layout_text("总 计") == "总计"
    assert tidy_layout_text("办结 ， 其中 ： 答复") == "办结，其中：答复"
    assert tidy_layout_text("收到申请 35 件") == "收到申请 35 件"  # CJK-digit spaces stay
    assert tidy_layout_text("共 1 136 条") == "共 1 136 条"  # never glue a split number
    assert tidy_cell_text("结果\n维持") == "结果维持"
    assert tidy_cell_text("Open\nData") == "Open Data"
    assert join_layout_lines("全年共", "收到") == "全年共收到"
    assert join_layout_lines("页码 12", "34 行") == "页码 12 34 行"


@pytest.mark.parametrize("line", ["- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "3/10", "12",
                                  "－ ４ －"])
def test_page_number_forms(line):
    assert _PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2021年", "一、总体情况", "- 3 件 -", "第三条"])
def test_not_page_numbers(line):
    assert not _PAGE_NUMBER.match(line)


# --- the real report ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_pdf() -> Document:
    if not REAL_PDF.is_file():
        pytest.skip(f"shared corpus not available at {REAL_PDF}")
    return read_document(REAL_PDF.read_bytes(), REAL_PDF.name)


def test_real_pdf_table3_first_row(real_pdf):
    assert_consistent(real_pdf)
    cells = row_starting(real_pdf, "一、本年新收政府信息公开申请数量")
    assert filled(cells)[1:] == ["21", "0", "0", "0", "0", "0", "21"]


def test_real_pdf_narrative(real_pdf):
    texts = paragraphs(real_pdf)
    assert any("主动公开政府信息" in text and "1136" in text for text in texts)
    assert all(not _PAGE_NUMBER.match(text) for text in texts)
    assert not re.search(r"-\s*\d+\s*-", real_pdf.text)
    # Paragraphs that ran over a page break are whole again: each ends its sentence.
    assert all(text.endswith("。") for text in texts if len(text) > 40)


def test_real_pdf_body_text_boxes_are_not_tables(real_pdf):
    # The exporter put a white box behind every line of body text; those are not rows.
    assert all(len(filled(cells)) >= 2 or len("".join(cells)) < 20 for cells in rows(real_pdf))
    table4 = [filled(cells) for cells in rows(real_pdf) if len(filled(cells)) == 15]
    assert table4 and all(cell.isdigit() for cell in table4[-1])
