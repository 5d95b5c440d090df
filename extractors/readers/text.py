"""Plain-text and Markdown reports.

``Document.text`` is the decoded file VERBATIM (only ``\\r\\n`` becomes ``\\n``), so any evidence
cut from it can be found in the file as is; a file hard-wrapped at a page width (a PDF's lines
pasted as text) has its wraps taken out and recorded in ``Document.removed`` (``wraps.py``). Each non-blank line is a block, trimmed of
surrounding whitespace, bullets and stray tags, unless it is site chrome (``noise.py``) or part
of the page footer: such lines stay in the text but are not blocks. Markdown adds pipe tables,
read as table rows with one recorded span per cell, and heading / quote / bullet markers, which
blocks leave out.
"""
from __future__ import annotations

import re

from extractors.model import Block, Document
from extractors.normalize import to_matching
from extractors.readers.encoding import decode_text
from extractors.readers.noise import content_bounds, footer_start, is_noise_line
from extractors.readers.registry import UnreadableFile, register_reader
from extractors.readers.sniff import MARKDOWN, PLAIN_TEXT
from extractors.readers.wraps import unwrap

_LINE = re.compile(r"[^\n]+")
_MARKDOWN_MARKER = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+)")
_MARKDOWN_TABLE_ROW = re.compile(r"^\|.*\|$")


def _cell_spans(line: str, line_start: int) -> tuple[tuple[int, int], ...]:
    """Spans (in document offsets) of the cells of a ``| a | b |`` row; empty cells included."""
    spans = []
    inner_start = line.index("|") + 1
    inner_end = line.rindex("|")
    position = inner_start
    for cell_text in line[inner_start:inner_end].split("|"):
        stripped = cell_text.strip()
        offset = cell_text.find(stripped) if stripped else 0
        start = line_start + position + offset
        spans.append((start, start + len(stripped)))
        position += len(cell_text) + 1
    return tuple(spans)


def text_blocks(text: str, matching: str, markdown: bool = False) -> list[Block]:
    """The content blocks of a line-oriented text (``matching`` is its matching twin)."""
    blocks: list[Block] = []
    line_spans = [line_match.span() for line_match in _LINE.finditer(text)]
    footer = footer_start([matching[start:end] for start, end in line_spans])
    for line_start, line_end in line_spans[:footer]:
        if is_noise_line(matching[line_start:line_end]):
            continue
        line = text[line_start:line_end]
        start, end = content_bounds(line)
        if start == end:
            continue
        content = line[start:end]
        if markdown and _MARKDOWN_TABLE_ROW.match(content):
            cells = _cell_spans(content, line_start + start)
            blocks.append(Block("table_row", line_start + start, line_start + end, cells))
            continue
        if markdown:
            marker = _MARKDOWN_MARKER.match(content)
            if marker:
                start += marker.end()
                if start >= end:
                    continue
        blocks.append(Block("paragraph", line_start + start, line_start + end))
    return blocks


def _read(data: bytes, media_type: str) -> Document:
    decoded, encoding = decode_text(data)
    text = decoded.replace("\r\n", "\n")
    if not text.strip():
        raise UnreadableFile("empty", "the file holds only whitespace")
    removed: tuple[tuple[int, str], ...] = ()
    if media_type == PLAIN_TEXT:
        text, removed = unwrap(text)
    matching = to_matching(text)
    blocks = text_blocks(text, matching, markdown=media_type == MARKDOWN)
    return Document(text=text, matching=matching, blocks=blocks, media_type=media_type,
                    encoding=encoding, removed=removed)


@register_reader(PLAIN_TEXT)
def read_plain_text(data: bytes, file_name: str = "") -> Document:
    return _read(data, PLAIN_TEXT)


@register_reader(MARKDOWN)
def read_markdown(data: bytes, file_name: str = "") -> Document:
    return _read(data, MARKDOWN)
