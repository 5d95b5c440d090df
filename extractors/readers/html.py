"""HTML report pages (including ``.txt`` files that really hold a saved page).

The page is parsed with BeautifulSoup + lxml, site chrome is removed, and what is left is laid
out as lines: one per paragraph-like element (p, div, li, h1-h6, a ``<br>`` ends a line) and
one per table row. ``Document.text`` is those lines joined with newlines; a table row's cells
are joined with tabs and each cell's span is recorded on its block, so table parsers never
have to re-split text. Row/column spans are not expanded: a row holds the cells it has.

Chrome: script/style and friends, nav/header/footer/form/button, elements whose id or class
says nav, menu, breadcrumb, share, footer, copyright or sidebar, and hidden elements (where
injected spam likes to sit). Many government pages wrap the whole page in a ``<form>`` or a
"main-nav-content" div, so an element holding more than half of the page's text is never
treated as chrome.

Lines that are chrome by their words (noise.py), and everything after a footer marker such as
版权所有 or ICP备 near the end, stay in the text but are not blocks, as in the plain-text reader.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from extractors.model import Document
from extractors.readers.encoding import decode_text
from extractors.readers.registry import UnreadableFile, register_reader
from extractors.readers.sniff import HTML
from extractors.readers.writer import LineWriter

_NEVER_CONTENT = {"head", "script", "style", "noscript", "template", "iframe", "object", "embed",
                  "svg", "canvas", "select", "textarea", "input"}
_CHROME_TAGS = {"nav", "header", "footer", "form", "button", "aside"}
_CHROME_NAME = re.compile(
    r"(?<![a-z])nav|menu|breadcrumb|crumb|share|footer|(?<![a-z])foot(?!note)|copyright"
    r"|sidebar|(?<![a-z])side(?:nav|bar)|dqwz",  # dqwz: 当前位置, a common breadcrumb id
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WRAPPER_SHARE = 0.5

_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
    "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
_TEXT_NODE_TYPES = (NavigableString, CData)  # not comments, doctypes or processing instructions

# Data-table cells hold labels and numbers; a "cell" holding a long text is page layout.
_MAX_DATA_CELL_LENGTH = 200

_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
# A source line break between two Chinese characters is not a space (CSS Text: segment breaks
# between wide characters are removed); Word-exported pages wrap lines mid-sentence.
_BREAK_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_END_OF_BLOCK = object()


def _collapse_whitespace(raw: str) -> str:
    return " ".join(_BREAK_BETWEEN_CJK.sub("", raw).split())


def _is_chrome(tag: Tag) -> bool:
    if tag.name in _CHROME_TAGS:
        # An article's own header/footer carries its title and date.
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]):
            return False
        return True
    if tag.has_attr("hidden") or _HIDDEN_STYLE.search(tag.get("style") or ""):
        return True
    classes = tag.get("class") or []
    names = " ".join(classes) if isinstance(classes, list) else str(classes)
    return bool(_CHROME_NAME.search(f"{names} {tag.get('id') or ''}"))


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.contents if isinstance(child, Tag)]


def _remove_chrome(soup: BeautifulSoup) -> None:
    # Top-down walks that do not descend into what they remove: never ask bs4 whether a tag
    # was decomposed (on a live tag that attribute lookup searches its whole subtree).
    stack: list[Tag] = [soup]
    while stack:
        for child in _child_tags(stack.pop()):
            if child.name in _NEVER_CONTENT:
                child.decompose()
            else:
                stack.append(child)
    page_text_length = len(soup.get_text())
    stack = [soup]
    while stack:
        for child in _child_tags(stack.pop()):
            if (child.name not in ("html", "body") and _is_chrome(child)
                    and len(child.get_text()) <= page_text_length * _WRAPPER_SHARE):
                child.decompose()
            else:
                stack.append(child)


def _inline_text(tag: Tag) -> str:
    """Text of ``tag`` on one line; inner block boundaries act as source line breaks."""
    fragments: list[str] = []
    stack: list = [tag]
    while stack:
        node = stack.pop()
        if node is _END_OF_BLOCK:
            fragments.append("\n")
        elif isinstance(node, NavigableString):
            if type(node) in _TEXT_NODE_TYPES:
                fragments.append(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                fragments.append("\n")
                continue
            if node.name in _BLOCK_TAGS:
                fragments.append("\n")
                stack.append(_END_OF_BLOCK)
            stack.extend(reversed(node.contents))
    return _collapse_whitespace("".join(fragments))


def _is_layout_table(table: Tag) -> bool:
    if table.find("table") is not None:
        return True
    return any(len(cell.get_text(strip=True)) > _MAX_DATA_CELL_LENGTH
               for cell in table.find_all(["td", "th"]))


class _LineWriter(LineWriter):
    """A ``LineWriter`` that also takes a line in pieces: text fragments until ``end_line``."""

    def __init__(self) -> None:
        super().__init__()
        self._fragments: list[str] = []

    def add_fragment(self, fragment: str) -> None:
        self._fragments.append(fragment)

    def end_line(self) -> None:
        if not self._fragments:
            return
        line = _collapse_whitespace("".join(self._fragments))
        self._fragments = []
        self.add_paragraph(line)


def _write_table(table: Tag, writer: _LineWriter) -> None:
    caption = table.find("caption")
    if caption is not None:
        writer.add_fragment(_inline_text(caption))
        writer.end_line()
    rows = [[(cell, _inline_text(cell)) for cell in row.find_all(["td", "th"], recursive=False)]
            for row in table.find_all("tr")]
    spacers = _spacer_cells(rows)
    for row in rows:
        writer.add_row([text for cell, text in row if id(cell) not in spacers])


def _span(cell: Tag, name: str) -> int:
    try:
        return max(1, min(int(str(cell.get(name, "1")).strip() or 1), 100))
    except ValueError:
        return 1


def _spacer_cells(rows: list[list[tuple[Tag, str]]]) -> set[int]:
    """Cells of a spacer column: CMS editors leave an empty column (a narrow gap) through a
    table. A column that no cell with text covers, in any row, is layout, not data; the cells
    that lie only in such columns are dropped, so the row's values keep their positions. Spans
    are expanded only to find those columns; the cells written stay the cells printed."""
    occupied: dict[tuple[int, int], bool] = {}
    placed: list[tuple[int, list[int]]] = []
    for r, row in enumerate(rows):
        column = 0
        for cell, text in row:
            while (r, column) in occupied:
                column += 1
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            columns = list(range(column, column + width))
            for dr in range(height):
                for c in columns:
                    occupied[(r + dr, c)] = occupied.get((r + dr, c), False) or bool(text)
            placed.append((id(cell), columns))
            column += width
    if len(rows) < 2:
        return set()
    filled: dict[int, bool] = {}
    for (_, c), has_text in occupied.items():
        filled[c] = filled.get(c, False) or has_text
    empty = {c for c, has_text in filled.items() if not has_text}
    if not empty or len(empty) == len(filled):
        return set()
    return {cell for cell, columns in placed if all(c in empty for c in columns)}


def _write_lines(root: Tag, writer: _LineWriter) -> None:
    # An explicit stack rather than recursion: broken pages nest thousands of unclosed tags.
    stack: list = [root]
    while stack:
        node = stack.pop()
        if node is _END_OF_BLOCK:
            writer.end_line()
        elif isinstance(node, NavigableString):
            if type(node) in _TEXT_NODE_TYPES:
                writer.add_fragment(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                writer.end_line()
            elif node.name == "table" and not _is_layout_table(node):
                writer.end_line()
                _write_table(node, writer)
            else:
                if node.name in _BLOCK_TAGS:
                    writer.end_line()
                    stack.append(_END_OF_BLOCK)
                stack.extend(reversed(node.contents))
    writer.end_line()


def html_document(markup: str, encoding: str = "utf-8") -> Document:
    """A ``Document`` from decoded HTML ``markup``."""
    soup = BeautifulSoup(markup, "lxml")
    _remove_chrome(soup)
    writer = _LineWriter()
    _write_lines(soup, writer)
    if not writer.text.strip():
        raise UnreadableFile("empty", "the page has no text outside markup and site chrome")
    return writer.document(HTML, encoding, cut_footer=True)


@register_reader(HTML)
def read_html(data: bytes, file_name: str = "") -> Document:
    markup, encoding = decode_text(data)
    # A NUL in a page is no printed character (a browser shows none); the parser would turn it
    # into U+FFFD, which splits a number (1\x002件) as a printed character would. Markup is not
    # the text evidence quotes, so the NULs go before parsing (readers/nuls.py for other files).
    return html_document(markup.replace("\x00", ""), encoding)
