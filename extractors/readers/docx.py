"""Word (.docx) reports (python-docx), laid out as paragraphs and table rows in document order.

The body XML is walked in order: each ``w:p`` is a paragraph (heading styles are just
paragraphs; a soft line break ``w:br`` splits it into separate lines), each ``w:tbl`` that is a
data grid gives one ``table_row`` block per ``w:tr`` with its cells in column order. Cells are
read from the XML, one per ``w:tc``, so a horizontally merged cell (``w:gridSpan``; python-docx's
``row.cells`` would repeat it, being the same ``_tc``) is one cell, and the continuation of a
vertically merged cell (``w:vMerge`` without ``restart``) is an empty cell with a zero-length
span, as a PDF reads it. A cell's own paragraphs are joined without line breaks (they are
layout: "商业" / "企业").

Nested tables are flattened into the block sequence: a table that holds other tables, or that
is not a data grid (a one-column frame, or a layout table around the whole report, which
Word-built government pages love), is unwrapped: its cells' paragraphs and inner tables are
read, cell by cell, as if they were body content, and each inner table is judged the same way.

Text comes from ``w:t`` (so deleted revisions, ``w:delText``, and field codes, ``w:instrText``,
stay out) plus tabs and breaks; the ``mc:Fallback`` copy of drawings is skipped so text boxes
are not read twice. Headers and footers (page numbers) are not part of the body. Whitespace is
tidied as in the PDF reader (no spaces between Chinese characters).

Legacy ``.doc`` (OLE) files are sniffed as ``application/msword`` and stay
``unsupported_type:doc``. A broken archive refuses with ``unreadable_docx``.
"""
from __future__ import annotations

import io
import zipfile

import docx as python_docx
from docx.oxml.parser import parse_xml
from lxml import etree

from extractors.model import Document
from extractors.readers.pdf import (
    BINARY_ENCODING,
    is_data_grid,
    tidy_cell_text,
    tidy_layout_text,
)
from extractors.readers.registry import UnreadableFile, register_reader
from extractors.readers.sniff import DOCX
from extractors.readers.writer import LineWriter

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "officeDocument")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR = (_w(tag) for tag in
                                          ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
_SDT, _SDT_CONTENT, _TC_PR, _V_MERGE = _w("sdt"), _w("sdtContent"), _w("tcPr"), _w("vMerge")
_CUSTOM_XML, _NO_BREAK_HYPHEN = _w("customXml"), _w("noBreakHyphen")
_FALLBACK = f"{{{_MC}}}Fallback"
_VAL = _w("val")
# Property elements never hold visible text (a w:rPr can hold w:t-less marks only anyway).
_SKIP = {_FALLBACK, _w("rPr"), _w("pPr"), _w("tblPr"), _w("trPr"), _TC_PR, _w("tblGrid"),
         _w("sectPr"), _w("delText"), _w("instrText"), _w("del"), _w("moveFrom")}


def _paragraph_lines(paragraph) -> list[str]:
    """The text of a ``w:p`` split at line breaks (nested text-box paragraphs break too)."""
    fragments: list[str] = []
    stack = [paragraph]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            fragments.append(node)
            continue
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments, processing instructions, properties, deletions
        if tag == _T:
            fragments.append(node.text or "")
        elif tag == _TAB:
            fragments.append(" ")
        elif tag in (_BR, _CR):
            fragments.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            fragments.append("-")
        else:
            if tag == _P and node is not paragraph:  # a text box's paragraph: its own line
                fragments.append("\n")
                stack.append("\n")  # popped once the nested paragraph's content is done
            stack.extend(reversed(node))
    return "".join(fragments).split("\n")


def _children(node, wanted: tuple[str, ...]) -> list:
    """Children of ``node`` with a tag in ``wanted``, looking through content controls
    (``w:sdt``) and custom-XML wrappers, which may wrap paragraphs, tables, rows or cells."""
    found = []
    stack = list(reversed(node))
    while stack:
        child = stack.pop()
        tag = child.tag
        if tag in wanted:
            found.append(child)
        elif tag in (_SDT, _SDT_CONTENT, _CUSTOM_XML):
            stack.extend(reversed(child))
    return found


def _cell_blocks(cell) -> list:
    """The block-level content of a ``w:tc`` or of the body: paragraphs and tables."""
    return _children(cell, (_P, _TBL))


def _cell_text(cell) -> str:
    lines: list[str] = []
    for child in _cell_blocks(cell):
        if child.tag == _P:
            lines.extend(_paragraph_lines(child))
    return tidy_cell_text("\n".join(line for line in lines if line.strip()))


def _is_merge_continuation(cell) -> bool:
    properties = cell.find(_TC_PR)
    if properties is None:
        return False
    merge = properties.find(_V_MERGE)
    return merge is not None and merge.get(_VAL, "continue") != "restart"


def _table_rows(table) -> list[list[str]]:
    return [["" if _is_merge_continuation(cell) else _cell_text(cell)
             for cell in _children(row, (_TC,))]
            for row in _children(table, (_TR,))]


def _write_body(body, writer: LineWriter) -> None:
    stack = list(reversed(_cell_blocks(body)))
    while stack:
        node = stack.pop()
        if node.tag == _P:
            for line in _paragraph_lines(node):
                writer.add_paragraph(tidy_layout_text(line))
            continue
        has_nested = any(inner is not node for inner in node.iter(_TBL))
        rows = None if has_nested else _table_rows(node)
        if rows is not None and is_data_grid(rows):  # (cells only ever hold paragraphs here)
            for row in rows:
                writer.add_row(row)
            continue
        # A layout table: its cells' content is read as body content, in row order.
        content = []
        for row in _children(node, (_TR,)):
            for cell in _children(row, (_TC,)):
                content.extend(_cell_blocks(cell))
        stack.extend(reversed(content))


_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _main_document_xml(data: bytes) -> bytes:
    """``word/document.xml`` (or wherever the package points) of a package python-docx refuses
    by content type (macro-enabled .docm, templates)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        target = "word/document.xml"
        try:
            relationships = etree.fromstring(archive.read("_rels/.rels"), _SAFE_PARSER)
            for relationship in relationships.iter(f"{{{_REL}}}Relationship"):
                if relationship.get("Type") == _OFFICE_DOCUMENT:
                    target = relationship.get("Target", target).lstrip("/")
                    break
        except KeyError:
            pass
        return archive.read(target)


def _body(data: bytes, name: str):
    try:
        body = python_docx.Document(io.BytesIO(data)).element.body
    except ValueError:
        body = None  # not a plain .docx content type: read the main part directly below
    except Exception as error:  # BadZipFile, KeyError (missing part), XMLSyntaxError, a wrong root ...
        raise UnreadableFile("unreadable_docx", _broken(name, error)) from error
    else:
        if body is None:
            raise UnreadableFile("unreadable_docx", f"{name}: {_NO_BODY}")
        return body
    try:
        root = parse_xml(_main_document_xml(data))  # python-docx's parser: no entity expansion
    except Exception as error:
        raise UnreadableFile("unreadable_docx", _broken(name, error)) from error
    body = root.find(_w("body"))
    if body is None:
        raise UnreadableFile("unreadable_docx", f"{name}: {_NO_BODY}")
    return body


_RESAVE = "open it in Word or WPS and save it again as .docx, or get a fresh copy"
_NO_BODY = f"the Word file has no document body (its main part is not a Word document): {_RESAVE}"


def _broken(name: str, error: Exception) -> str:
    """What is wrong with a Word file a library refused, in words; the library's own message
    follows in brackets for whoever debugs it."""
    if isinstance(error, zipfile.BadZipFile):
        what = "the Word file is truncated or damaged (its zip archive cannot be opened)"
    elif isinstance(error, KeyError):
        what = "the Word file lacks a part every Word document has"
    elif isinstance(error, etree.XMLSyntaxError):
        what = "the Word file's text (its XML) is damaged"
    elif isinstance(error, AttributeError):
        what = _NO_BODY.split(":")[0]
    else:
        what = "the Word file could not be read"
    return f"{name}: {what}: {_RESAVE} ({type(error).__name__}: {error})"[:400]


@register_reader(DOCX)
def read_docx(data: bytes, file_name: str = "") -> Document:
    name = file_name or "file"
    body = _body(data, name)
    writer = LineWriter()
    _write_body(body, writer)
    if not writer.lines:
        raise UnreadableFile("empty", f"{name}: the document body holds no text")
    return writer.document(DOCX, BINARY_ENCODING)
