"""Readers: raw report files (bytes + file name) to ``Document``.

``read_document`` sniffs the media type from the bytes (``sniff.py``), picks the reader
registered for it (``registry.py``) and returns its ``Document``, or raises ``UnreadableFile``
with a short stable ``reason``:

- ``empty``: no bytes, or no text once decoded / stripped of markup
- ``binary_not_text``: binary data of no format we recognise
- ``undecodable``: text in no encoding we can read as Chinese
- ``unsupported_type:<name>``: a known format without a reader yet (doc, png, zip ...)
- ``unreadable_pdf`` / ``unreadable_docx``: a broken, truncated or password-protected file
- ``needs_ocr``: a PDF without a text layer (scanned pages)

To add a reader (XLSX, ODT ...): write a module with a function ``(data, file_name) -> Document``
decorated with ``@register_reader(sniff.XLSX)`` and import it below.
"""
from __future__ import annotations

from extractors.model import Document
from extractors.readers import docx as _docx_reader  # noqa: F401  (registers DOCX)
from extractors.readers import html as _html_reader  # noqa: F401  (registers text/html)
from extractors.readers import pdf as _pdf_reader  # noqa: F401  (registers application/pdf)
from extractors.readers import text as _text_reader  # noqa: F401  (registers text/plain, markdown)
from extractors.readers.glosses import strip_glosses
from extractors.readers.inline_headings import split_inline_headings
from extractors.readers.nuls import strip_nuls
from extractors.readers.registry import UnreadableFile, reader_for, register_reader
from extractors.readers.sniff import BINARY, short_name, sniff_media_type

__all__ = ["UnreadableFile", "read_document", "register_reader", "sniff_media_type"]

# Bytes that make a file "empty" when they are all it holds: whitespace, NULs and BOMs.
_EMPTY_BYTES = b" \t\r\n\x0b\x0c\x00\xef\xbb\xbf\xfe\xff"


def read_document(data: bytes, file_name: str = "") -> Document:
    """The ``Document`` of a raw report file; raises ``UnreadableFile``."""
    if not data or not data.strip(_EMPTY_BYTES):
        raise UnreadableFile("empty", f"{file_name or 'file'} holds no content")
    media_type = sniff_media_type(data, file_name)
    reader = reader_for(media_type)
    if reader is not None:
        return split_inline_headings(strip_glosses(strip_nuls(reader(data, file_name))))
    if media_type == BINARY:
        raise UnreadableFile("binary_not_text", f"{file_name or 'file'}: binary of unknown format")
    raise UnreadableFile(f"unsupported_type:{short_name(media_type)}",
                         f"{file_name or 'file'} is {media_type}; no reader for it yet")
