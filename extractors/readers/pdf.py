"""PDF reports (pdfplumber), laid out as paragraphs and table rows in reading order.

Each page is read once. Ruled tables (``page.find_tables()``, the "lines" strategy) that are
real data grids become one ``table_row`` block per table row: cells in column order, a ``None``
cell (covered by a merged neighbour) an empty cell with a zero-length span, line breaks inside
a cell dropped (they are layout). Everything outside those tables is text: the lines of the
text layer are joined back into paragraphs, since a PDF breaks sentences wherever the line is
full. Page numbers ("- 3 -", "第3页", a bare number at the page edge) and running headers /
footers repeated on most pages are dropped, so a paragraph running over a page break is one
paragraph again. Items of a page keep their vertical order; pages follow one another.

What counts as a data grid: Word/WPS exports draw a white, unstroked box behind every line of
body text as well as behind table cells, so the table finder (which must keep those boxes: at a
page break they are the only edges a cut table has left) also finds one-column "tables" of
prose. Rows at the top or bottom of a found table that no visible ruling line touches, or that
hold one long prose cell, are given back to the text; what is left must have a row with at
least two non-empty cells and either a numeric cell or only short cells. A page without any
visible ruling line can hold no such row, so the table finder is not run on it.

Whitespace: the text layer puts spaces between justified characters ("总 计", "号 ， 邮 编");
a space between two Chinese characters, or next to Chinese punctuation, is layout and dropped.
Spaces between Chinese characters and digits ("主动公开政府信息 1136 条") and inside numbers
("1 136") stay as printed: the rules handle them, and gluing digits could invent a number.
Full-width digits stay as printed (``to_matching`` folds them).

Rows cut in two by a page break (Word lets a row break across pages) are glued back together
when the part on the new page only continues label text.

Refusals: no pages / a broken or password-protected file -> ``unreadable_pdf``; no text layer
(a scan, or text printed as vector outlines), mostly scanned pages, or fonts without Unicode
mappings (text comes out as "(cid:123)") -> ``needs_ocr``; blank pages -> ``empty``. Nothing
is ever guessed at.

The layout helpers (``tidy_layout_text``, ``tidy_cell_text``, ``is_data_grid``) and
``BINARY_ENCODING`` are shared with the DOCX reader; both write their lines with
``writer.LineWriter``.
"""
from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber

from extractors.model import Document
from extractors.readers.registry import UnreadableFile, register_reader
from extractors.readers.sniff import PDF
from extractors.readers.writer import LineWriter

# PDF and DOCX text is not decoded with a byte codec: characters come from the format's own
# mappings (PDF font ToUnicode maps, DOCX XML in UTF-8), so the Document says "binary" rather
# than naming a codec the file was never read with.
BINARY_ENCODING = "binary"

# pdfminer logs every oddity of real-world PDFs at WARNING; one report must not flood a run.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# --- whitespace and line joining (shared with the DOCX reader) ----------------------------------
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK and full-width punctuation (full-width digits and letters excluded), quotes, … — ·
_CJK_PUNCT = ("\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
              "\u2018-\u201f\u2026\u2014\u00b7")
# Whitespace between two Han characters, or touching Chinese punctuation on either side.
_LAYOUT_SPACE = re.compile(
    rf"(?<=[{_HAN}])[ \t\u3000\u00a0]+(?=[{_HAN}])"
    rf"|(?<=[{_CJK_PUNCT}])[ \t\u3000\u00a0]+"
    rf"|[ \t\u3000\u00a0]+(?=[{_CJK_PUNCT}])"
)
_SPACE_RUN = re.compile(r"[ \t\u00a0]+")
_ASCII_WORD_END = re.compile(r"[A-Za-z0-9]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9]")
_ASCII_LETTER_BREAK = re.compile(r"(?<=[A-Za-z])\s*\n\s*(?=[A-Za-z])")

# A line ending one of these ends its sentence; a line ending anything else runs on.
_SENTENCE_END = tuple("。！？!?；;…")
# Lines that start a heading or a numbered item never continue the line before them.
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|第[一二三四五六七八九十百零〇\d]{1,5}[条章节部分项]"
    r"|\d{1,2}\s*[、.．](?!\d)"
    r"|[①-⑳]"
    r"|附[件表][一二三四五六七八九十\d]?\s*[:：]?\s*$)"
)


def tidy_layout_text(text: str) -> str:
    """One line of layout text: single spaces, none between Chinese characters or punctuation."""
    text = _SPACE_RUN.sub(" ", text.replace("\u3000", " ")).strip()
    return _LAYOUT_SPACE.sub("", text)


def tidy_cell_text(text: str) -> str:
    """A table cell: its line breaks are layout (between Latin words they were spaces)."""
    text = _ASCII_LETTER_BREAK.sub(" ", text)
    return tidy_layout_text(text.replace("\r", "").replace("\n", ""))


def join_layout_lines(left: str, right: str) -> str:
    """Two wrapped lines of one paragraph; only two Latin/digit words keep a space between."""
    if not left:
        return right
    if _ASCII_WORD_END.search(left) and _ASCII_WORD_START.search(right):
        return f"{left} {right}"
    return left + right


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def starts_heading(line: str) -> bool:
    return bool(_HEADING_START.match(line))


# --- data grids ---------------------------------------------------------------------------------
_NUMERIC_CELL = re.compile(r"^[\s+\-−—－]*[\d０-９][\d０-９\s.,，．%％]*$")
_MAX_GRID_CELL_LENGTH = 40  # a grid of only-text cells must keep them short to count
_MIN_PROSE_ROW_LENGTH = 20  # a single-cell row this long at a grid's edge is body text


def is_numeric_cell(cell: str) -> bool:
    return bool(_NUMERIC_CELL.match(cell))


def is_data_grid(rows: list[list[str]]) -> bool:
    """Rows of cell texts form a data table (not a frame around prose)."""
    if not any(sum(1 for cell in row if cell) >= 2 for row in rows):
        return False
    cells = [cell for row in rows for cell in row if cell]
    return (any(is_numeric_cell(cell) for cell in cells)
            or all(len(cell) <= _MAX_GRID_CELL_LENGTH for cell in cells))


_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、\D*$")


def _is_prose_row(row: list[str]) -> bool:
    """One filled cell holding body text or a report section heading (a frame's content)."""
    filled = [cell for cell in row if cell]
    return len(filled) == 1 and (len(filled[0]) >= _MIN_PROSE_ROW_LENGTH
                                 or ends_sentence(filled[0])
                                 or bool(_SECTION_HEADING.match(filled[0])))


def grid_row_range(rows: list[list[str]], bordered: list[bool] | None = None) -> tuple[int, int]:
    """``[first, last)`` rows of the grid proper: prose rows, empty rows and rows without a
    visible border (``bordered``, when known) at either edge are left out."""
    def outside(index: int) -> bool:
        row = rows[index]
        return (not any(row) or _is_prose_row(row)
                or (bordered is not None and not bordered[index]))

    first, last = 0, len(rows)
    while first < last and outside(first):
        first += 1
    while last > first and outside(last - 1):
        last -= 1
    return first, last


# --- PDF pages ----------------------------------------------------------------------------------
_MIN_TEXT_CHARS = 50  # fewer characters in the whole file: nothing to read without OCR
_MIN_PAGE_CHARS = 20  # a page with fewer characters (and an image) is a scanned page
_MAX_UNMAPPED_SHARE = 0.3  # more glyphs without Unicode text than this: the text layer is junk
_MIN_OUTLINE_CURVES = 50  # a page of text printed as vector outlines has at least this many
_EDGE_ZONE = 0.12  # share of the page height at top and bottom where page numbers sit
_PAGE_NUMBER = re.compile(
    r"^[\s\-－—–~～_·•]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?"
    r"(?:\s*(?:[/／]|共)\s*[0-9０-９]{1,4}\s*页?)?[\s\-－—–~～_·•]*$"
    r"|^[\s\-－—–]*(?:第\s*[0-9０-９]{1,4}\s*页)?\s*[,，]?\s*共\s*[0-9０-９]{1,4}\s*页[\s\-－—–]*$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_HEADER_LINES = 2  # lines at the top and at the bottom of a page checked for running headers
_DIGITS = re.compile(r"[0-9０-９]+")
_WHITE_LEVEL = 0.95


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    height: float


@dataclass
class _Row:
    cells: list[str]
    top: float
    covered: tuple[bool, ...] = ()  # cells the table finder gave as None (merged neighbours)


@dataclass
class _Page:
    width: float
    height: float
    items: list = field(default_factory=list)  # _Line and _Row, in vertical order
    chars: int = 0
    unmapped: int = 0  # characters whose font gives no Unicode text
    images: int = 0
    curves: int = 0  # vector paths: text printed as outlines has many


def _is_white(color) -> bool:
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color:
        return False
    if not all(isinstance(value, (int, float)) for value in color):
        return False  # a pattern name or other exotic colour: assume visible
    if len(color) == 1:
        return color[0] >= _WHITE_LEVEL
    if len(color) == 3:
        return min(color) >= _WHITE_LEVEL
    if len(color) == 4:  # CMYK
        return max(color) <= 1 - _WHITE_LEVEL
    return False


def _is_visible(obj: dict) -> bool:
    """False for graphics nobody sees: white boxes behind text, white or unpainted lines."""
    if obj.get("object_type") not in ("rect", "line", "curve"):
        return True
    stroked = obj.get("stroke") and not _is_white(obj.get("stroking_color"))
    filled = obj.get("fill") and not _is_white(obj.get("non_stroking_color"))
    return bool(stroked or filled)


_BORDER_TOLERANCE = 2.0


def _is_bordered(box: tuple[float, float, float, float], edges: list[dict]) -> bool:
    """True when a visible ruling line runs along or through the row ``box``.

    Word/WPS exports draw a white, unstroked box behind each line of body text and behind
    table cells alike; the table finder uses every box, so it sees one-column "tables" of
    prose. Only the visible lines tell a table row from a line of text in an invisible box.
    """
    x0, top, x1, bottom = box
    tolerance = _BORDER_TOLERANCE
    ruled_top = ruled_bottom = False
    for edge in edges:
        if edge["orientation"] == "h":
            if edge["x0"] < x1 - tolerance and edge["x1"] > x0 + tolerance:
                ruled_top = ruled_top or abs(edge["top"] - top) <= tolerance
                ruled_bottom = ruled_bottom or abs(edge["top"] - bottom) <= tolerance
        elif (x0 - tolerance <= edge["x0"] <= x1 + tolerance
              and min(edge["bottom"], bottom) - max(edge["top"], top) >= (bottom - top) / 2):
            return True  # a column rule through the row
    # A line of text right above or below a table shares one of its rules, never both.
    return ruled_top and ruled_bottom


def _outside(boxes: list[tuple[float, float, float, float]]):
    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x < x1 and top <= y < bottom for x0, top, x1, bottom in boxes)
    return keep


def _page_grids(page, view) -> tuple[list[_Row], list[tuple[float, float, float, float]]]:
    """The data-grid rows of a page and the boxes they cover."""
    found_rows: list[_Row] = []
    grid_boxes = []
    visible_edges = page.filter(_is_visible).edges
    if not visible_edges:
        # No row can be bordered, so every table found would go back to the text: skip the
        # finder, the costliest step on pages of prose in white boxes.
        return found_rows, grid_boxes
    for table in view.find_tables():
        table_rows = table.rows
        raw_rows = table.extract()
        rows = [[tidy_cell_text(cell) if cell else "" for cell in row] for row in raw_rows]
        bordered = [_is_bordered(row.bbox, visible_edges) for row in table_rows]
        first, last = grid_row_range(rows, bordered)
        if first >= last or not is_data_grid(rows[first:last]):
            continue
        kept = [row.bbox for row in table_rows[first:last]]
        grid_boxes.append((min(box[0] for box in kept), min(box[1] for box in kept),
                           max(box[2] for box in kept), max(box[3] for box in kept)))
        for row, raw_row, row_box in zip(rows[first:last], raw_rows[first:last], kept):
            if any(row):
                found_rows.append(_Row(cells=row, top=float(row_box[1]),
                                       covered=tuple(cell is None for cell in raw_row)))
    return found_rows, grid_boxes


def _is_unmapped(text: str) -> bool:
    """A glyph without a Unicode mapping: pdfminer's "(cid:123)" or a private-use code."""
    return text.startswith("(cid:") or (len(text) == 1 and "\ue000" <= text <= "\uf8ff")


def _read_page(page) -> _Page:
    result = _Page(width=float(page.width), height=float(page.height))
    texts = [char["text"] for char in page.chars]
    result.chars = sum(1 for text in texts if not text.isspace())
    result.unmapped = sum(1 for text in texts if _is_unmapped(text))
    result.images = len(page.images)
    result.curves = len(page.curves)
    if result.chars == 0:
        return result
    view = page.dedupe_chars()  # fake bold: the same glyph printed twice, slightly offset
    try:
        result.items, grid_boxes = _page_grids(page, view)
    except (ValueError, KeyError, IndexError, TypeError, ZeroDivisionError):
        # The table finder choking on odd geometry must not lose the page's text.
        result.items, grid_boxes = [], []
    text_view = view.filter(_outside(grid_boxes)) if grid_boxes else view
    for line in text_view.extract_text_lines(return_chars=False):
        text = tidy_layout_text(line["text"])
        if text:
            result.items.append(_Line(text=text, x0=float(line["x0"]), x1=float(line["x1"]),
                                      top=float(line["top"]),
                                      height=float(line["bottom"] - line["top"])))
    result.items.sort(key=lambda item: item.top)
    return result


def _read_pages(data: bytes, file_name: str) -> list[_Page]:
    """Everything the PDF library has to say about the file; its failures become refusals."""
    name = file_name or "file"
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(_read_page(page))
                page.close()  # drop the page's parsed objects: long reports stay small
            return pages
    except UnreadableFile:
        raise
    except Exception as error:  # pdfminer raises a zoo of types for broken / locked files
        # pdfplumber wraps pdfminer's error (PdfminerException(PDFPasswordIncorrect())).
        cause = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
        kind = type(cause).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise UnreadableFile("unreadable_pdf", f"{name}: the PDF is encrypted (locked with a password): save an "
                                 f"unlocked copy (print to PDF) and put that in its place ({kind})") from error
        raise UnreadableFile("unreadable_pdf", f"{name}: the PDF is truncated or damaged: get a fresh copy "
                             f"or re-save it with a PDF editor ({kind}: {cause})"[:400]) from error


# --- page furniture and paragraphs ----------------------------------------------------------------
def _is_page_number(line: _Line, page: _Page, position: int, line_count: int) -> bool:
    if not _PAGE_NUMBER.match(line.text):
        return False
    at_edge = position in (0, line_count - 1)
    in_margin = line.top < page.height * _EDGE_ZONE or line.top > page.height * (1 - _EDGE_ZONE)
    return at_edge or in_margin


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.replace(" ", ""))


def _remove_page_furniture(pages: list[_Page]) -> None:
    """Drop page numbers and running headers/footers (in place)."""
    for page in pages:
        lines = [item for item in page.items if isinstance(item, _Line)]
        numbers = {id(line) for position, line in enumerate(lines)
                   if _is_page_number(line, page, position, len(lines))}
        page.items = [item for item in page.items if id(item) not in numbers]
    text_pages = [page for page in pages if any(isinstance(item, _Line) for item in page.items)]
    if len(text_pages) < 2:
        return
    edge_keys = []
    for page in text_pages:
        lines = [item for item in page.items if isinstance(item, _Line)]
        edges = lines[:_HEADER_LINES] + lines[-_HEADER_LINES:]
        edge_keys.append({_furniture_key(line.text) for line in edges})
    counts = Counter(key for keys in edge_keys for key in keys)
    needed = max(2, (len(text_pages) + 1) // 2)
    running = {key for key, count in counts.items() if count >= needed}
    if not running:
        return
    for page in text_pages:
        lines = [item for item in page.items if isinstance(item, _Line)]
        edges = {id(line) for line in lines[:_HEADER_LINES] + lines[-_HEADER_LINES:]
                 if _furniture_key(line.text) in running}
        page.items = [item for item in page.items if id(item) not in edges]


def _continues_row(previous: _Row, row: _Row) -> bool:
    """True when ``row``, first on its page, is the rest of ``previous``, last on the page
    before: a table row the page break cut in two. Only label text may continue (no numbers,
    nothing under a number, no merged cells the cut row did not have)."""
    if len(previous.cells) != len(row.cells) or not any(row.cells):
        return False
    for before, after, covered_before, covered_after in zip(
            previous.cells, row.cells, previous.covered, row.covered):
        if covered_after and not covered_before:
            return False  # a row with its own merged cells: a title, not a fragment
        if after and (not before or is_numeric_cell(before) or is_numeric_cell(after)):
            return False
    return True


def _join_split_rows(pages: list[_Page]) -> None:
    """Glue table rows cut by a page break back together (in place)."""
    previous_page = None
    for page in pages:
        if not page.items:
            continue
        if previous_page is not None:
            last, first = previous_page.items[-1], page.items[0]
            if isinstance(last, _Row) and isinstance(first, _Row) and _continues_row(last, first):
                last.cells = [join_layout_lines(before, after)
                              for before, after in zip(last.cells, first.cells)]
                page.items.pop(0)
        if page.items:
            previous_page = page


@dataclass
class _Margins:
    left: float
    right: float
    slack: float  # about one and a half characters


def _margins(pages: list[_Page]) -> dict[float, _Margins]:
    """Text margins per page width (portrait and landscape pages differ)."""
    by_width: dict[float, list[_Line]] = {}
    for page in pages:
        lines = [item for item in page.items if isinstance(item, _Line)]
        by_width.setdefault(round(page.width), []).extend(lines)
    margins = {}
    for width, lines in by_width.items():
        if not lines:
            continue
        lefts = sorted(line.x0 for line in lines)
        rights = sorted(line.x1 for line in lines)
        slack = 1.5 * statistics.median(line.height for line in lines)
        margins[width] = _Margins(left=lefts[len(lefts) // 10],
                                  right=rights[min(len(rights) - 1, len(rights) * 9 // 10)],
                                  slack=slack)
    return margins


def _runs_on(previous: _Line, previous_margins: _Margins, line: _Line,
             margins: _Margins) -> bool:
    """True when ``line`` continues the paragraph that ``previous`` is part of."""
    if ends_sentence(previous.text) or starts_heading(line.text):
        return False
    if previous.x1 < previous_margins.right - previous_margins.slack:
        return False  # a short line ends its paragraph (titles, last lines)
    return line.x0 <= margins.left + margins.slack * 2 / 3  # an indented line starts one


def _write_pages(pages: list[_Page]) -> LineWriter:
    margins = _margins(pages)
    writer = LineWriter()
    paragraph = ""
    previous: tuple[_Line, _Margins] | None = None
    for page in pages:
        page_margins = margins.get(round(page.width))
        for item in page.items:
            if isinstance(item, _Row):
                writer.add_paragraph(paragraph)
                paragraph, previous = "", None
                writer.add_row(item.cells)
                continue
            if previous is not None and _runs_on(previous[0], previous[1], item, page_margins):
                paragraph = join_layout_lines(paragraph, item.text)
            else:
                writer.add_paragraph(paragraph)
                paragraph = item.text
            previous = (item, page_margins)
    writer.add_paragraph(paragraph)
    return writer


def _check_text_layer(pages: list[_Page], name: str) -> None:
    total = sum(page.chars for page in pages)
    if total < _MIN_TEXT_CHARS:
        if not any(page.images or page.curves >= _MIN_OUTLINE_CURVES for page in pages):
            raise UnreadableFile("empty", f"{name}: {len(pages)} page(s), {total} characters "
                                          "and nothing drawn")
        raise UnreadableFile("needs_ocr", f"{name}: {len(pages)} page(s) but only {total} "
                                          "characters of text; scanned images need OCR")
    unmapped = sum(page.unmapped for page in pages)
    if unmapped > total * _MAX_UNMAPPED_SHARE:
        raise UnreadableFile("needs_ocr", f"{name}: {unmapped} of {total} characters have no "
                                          "Unicode mapping in their fonts")
    scanned = sum(1 for page in pages if page.chars < _MIN_PAGE_CHARS and page.images)
    if scanned * 2 > len(pages):
        raise UnreadableFile("needs_ocr", f"{name}: {scanned} of {len(pages)} pages are images "
                                          "without a text layer")


@register_reader(PDF)
def read_pdf(data: bytes, file_name: str = "") -> Document:
    name = file_name or "file"
    pages = _read_pages(data, file_name)
    if not pages:
        raise UnreadableFile("unreadable_pdf", f"{name}: the PDF has no pages")
    _check_text_layer(pages, name)
    _remove_page_furniture(pages)
    _join_split_rows(pages)
    writer = _write_pages(pages)
    if not writer.lines:
        raise UnreadableFile("needs_ocr", f"{name}: no text outside page furniture")
    return writer.document(PDF, BINARY_ENCODING)
