"""Section headings printed inside a paragraph: a page whose line breaks were lost keeps a whole
report on one line ("…报告如下: 一、政府信息主动公开情况 2009年度我镇…。 二、政府依申请公开…").

Rules follow a report part by part (a count in the part on requests means something else than in
the part on problems), so such a paragraph is cut into blocks at its headings. A heading is a
top-level number (一、) after white space or a sentence end, followed by a short title that ends
like a section title does (…情况, …措施); a paragraph must hold two of them, so a sentence that
merely enumerates (一是…, 一、…二、… in prose) is left whole.
"""
from __future__ import annotations

import re

from extractors.model import Block, Document

_INLINE_HEADING = re.compile(
    r"(?<=[\s。:;；：])[一二三四五六七八九十]{1,2}[、.．]\s*"
    r"[^\s。；;,，]{2,36}?(?:情况|措施|问题|事项|概述|概况|打算|计划)(?=[\s。:：]|$)"
)
MIN_HEADINGS = 2


def split_inline_headings(document: Document) -> Document:
    """The document with each paragraph holding several inline headings cut at them."""
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        if block.kind != "paragraph":
            blocks.append(block)
            continue
        # (The look-behind sees the line break before the block, so a heading opening it counts.)
        headings = [match.start() for match in _INLINE_HEADING.finditer(document.matching, block.start, block.end)]
        if len(headings) < MIN_HEADINGS:
            blocks.append(block)
            continue
        starts = [start for start in headings if start > block.start]
        changed = True
        bounds = [block.start, *starts, block.end]
        for start, end in zip(bounds, bounds[1:]):
            while end > start and document.text[end - 1].isspace():
                end -= 1
            if end > start:
                blocks.append(Block("paragraph", start, end))
    if not changed:
        return document
    return Document(text=document.text, matching=document.matching, blocks=blocks,
                    media_type=document.media_type, encoding=document.encoding, removed=document.removed)
