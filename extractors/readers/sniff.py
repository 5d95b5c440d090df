"""Media type of a file from its first bytes, with the file name only as a tie-breaker.

File names lie (a ``.txt`` that holds a saved web page, a ``.doc`` that is really HTML), so the
content decides: magic numbers for binary formats, markup density for HTML. The name only
separates formats that share a container (OLE: .doc / .xls / .wps) and marks Markdown.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

PLAIN_TEXT = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
PPT = "application/vnd.ms-powerpoint"
OLE = "application/x-ole-storage"
RTF = "application/rtf"
ZIP = "application/zip"
GZIP = "application/gzip"
SEVEN_ZIP = "application/x-7z-compressed"
RAR = "application/vnd.rar"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
BMP = "image/bmp"
TIFF = "image/tiff"
WEBP = "image/webp"
CSV = "text/csv"  # data in delimited rows (a spreadsheet's export): no report
BINARY = "application/octet-stream"  # binary, but no format we recognise

# The short names used in "unsupported_type:<name>" reasons.
SHORT_NAMES = {
    PLAIN_TEXT: "txt", MARKDOWN: "md", HTML: "html", PDF: "pdf", DOCX: "docx", XLSX: "xlsx",
    PPTX: "pptx", ODT: "odt", DOC: "doc", XLS: "xls", PPT: "ppt", OLE: "ole", RTF: "rtf",
    CSV: "csv", ZIP: "zip", GZIP: "gzip", SEVEN_ZIP: "7z", RAR: "rar", PNG: "png", JPEG: "jpeg", GIF: "gif",
    BMP: "bmp", TIFF: "tiff", WEBP: "webp", BINARY: "binary",
}

_MAGIC_PREFIXES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
    (b"PK\x03\x04", ZIP),
    (b"PK\x05\x06", ZIP),  # empty zip archive
    (b"{\\rtf", RTF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"\x1f\x8b", GZIP),
    (b"7z\xbc\xaf\x27\x1c", SEVEN_ZIP),
    (b"Rar!\x1a\x07", RAR),
)

# OLE compound files hold Word, Excel, PowerPoint and their WPS Office twins alike.
_OLE_BY_EXTENSION = {
    ".doc": DOC, ".dot": DOC, ".wps": DOC,
    ".xls": XLS, ".xlt": XLS, ".et": XLS,
    ".ppt": PPT, ".pps": PPT, ".dps": PPT,
}
_MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown"}
_DELIMITED_EXTENSIONS = {".csv": b",", ".tsv": b"\t"}
_MIN_DELIMITED_LINES = 0.8  # share of the first lines with the header's number of delimiters
_HTML_EXTENSIONS = {".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SNIFF_WINDOW = 8192
# Bytes that text files do not use (tab, newline, form feed, carriage return and ESC they do).
# A scraped text may carry a stray NUL or two; binary formats are full of such bytes.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CONTROL_SHARE_FOR_BINARY = 0.02

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_SKELETON = re.compile(rb"<(?:html|head|body)\b", re.IGNORECASE)
_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# A scraped text file may keep a handful of stray tags (seed 000 has eight in 20 KB); a real
# page has a tag every few dozen bytes.
_MIN_TAGS_FOR_HTML = 10
_MAX_BYTES_PER_TAG_FOR_HTML = 400


def _extension(file_name: str) -> str:
    return PurePath(file_name or "").suffix.lower()


def _zip_media_type(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        # Truncated or odd archive: member names are stored in plain bytes, so look for them.
        names = [name.decode("latin-1") for name in re.findall(rb"(?:word|xl|ppt)/[\w./-]+", data)]
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    if any(name.startswith("ppt/") for name in names):
        return PPTX
    if b"application/vnd.oasis.opendocument.text" in data[:200]:
        return ODT
    return ZIP


def utf16_byte_order(head: bytes) -> str | None:
    """Byte order ("le" or "be") of BOM-less UTF-16 text: NULs on one side of the pairs."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even_nuls = head[0:pairs * 2:2].count(0)
    odd_nuls = head[1:pairs * 2:2].count(0)
    # ASCII characters (newlines, digits) are "x\0" in little-endian and "\0x" in big-endian;
    # Chinese text has few of them, so a small one-sided share already tells.
    minimum = max(4, pairs * 0.02)
    if odd_nuls >= minimum and even_nuls <= odd_nuls * 0.1:
        return "le"
    if even_nuls >= minimum and odd_nuls <= even_nuls * 0.1:
        return "be"
    return None


def _ascii_view(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes, so tag checks also work on UTF-16 files."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    byte_order = utf16_byte_order(head)
    if byte_order:
        return head.decode(f"utf-16-{byte_order}", errors="ignore").encode("utf-8")
    return head


def looks_binary(head: bytes) -> bool:
    """True when ``head`` holds control bytes that text never has (UTF-16 excepted)."""
    if head.startswith(_BOMS) or utf16_byte_order(head):
        return False
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > len(head) * _CONTROL_SHARE_FOR_BINARY


def looks_delimited(head: bytes, file_name: str = "") -> bool:
    """A .csv/.tsv whose first lines hold the header's number of delimiters (quoted fields aside):
    rows of data, not a report saved under a wrong name."""
    delimiter = _DELIMITED_EXTENSIONS.get(_extension(file_name))
    if delimiter is None:
        return False
    lines = [re.sub(rb'"[^"]*"', b"", line) for line in head.splitlines()[:20] if line.strip()]
    if len(lines) < 2:
        return False
    columns = lines[0].count(delimiter)
    return columns >= 1 and sum(1 for line in lines if line.count(delimiter) == columns) >= len(lines) * _MIN_DELIMITED_LINES


def looks_like_html(data: bytes, file_name: str = "") -> bool:
    head = _ascii_view(data[:_SNIFF_WINDOW])
    if _HTML_START.match(head) or _HTML_SKELETON.search(head):
        return True
    tag_count = len(_TAG.findall(_ascii_view(data)))
    if tag_count == 0:
        return False
    if _extension(file_name) in _HTML_EXTENSIONS:
        return True
    return tag_count >= _MIN_TAGS_FOR_HTML and len(data) <= tag_count * _MAX_BYTES_PER_TAG_FOR_HTML


def sniff_media_type(data: bytes, file_name: str = "") -> str:
    """Media type of ``data`` (one of the constants of this module)."""
    head = data[:_SNIFF_WINDOW]
    # Some PDF writers put junk before the header; readers accept it within the first 1 KB.
    if b"%PDF-" in data[:1024]:
        return PDF
    for prefix, media_type in _MAGIC_PREFIXES:
        if head.startswith(prefix):
            if media_type == ZIP:
                return _zip_media_type(data)
            if media_type == OLE:
                return _OLE_BY_EXTENSION.get(_extension(file_name), OLE)
            return media_type
    if head.startswith(b"BM") and _extension(file_name) == ".bmp":
        return BMP
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if looks_binary(head):
        return BINARY
    if looks_like_html(data, file_name):
        return HTML
    if looks_delimited(_ascii_view(head), file_name):
        return CSV
    if _extension(file_name) in _MARKDOWN_EXTENSIONS:
        return MARKDOWN
    return PLAIN_TEXT


def short_name(media_type: str) -> str:
    return SHORT_NAMES.get(media_type, media_type.rsplit("/", 1)[-1])
