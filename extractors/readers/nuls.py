"""NUL characters inside a page's text: a scraped or re-encoded file may carry a stray NUL (a
UTF-16 file cut at an odd byte, a crawler's padding) in the middle of a sentence, even inside a
number (1\\x002件), where it splits the words and the number no rule can read whole.

A NUL is never printed: it is taken out of the text like a pinyin gloss and recorded in
``Document.removed``, so the rules read 12件 and ``Document.verbatim`` puts the NUL back in the
evidence (the file's own text). A NUL stands for no character, so taking it out never joins two
numbers that were printed apart.
"""
from __future__ import annotations

from extractors.model import Block, Document
from extractors.normalize import to_matching
from extractors.readers.removal import cut_spans

NUL = "\x00"


def strip_nuls(document: Document) -> Document:
    """The document without NUL characters (itself when it has none)."""
    if NUL not in document.text:
        return document
    spans = []
    position = document.text.find(NUL)
    while position >= 0:
        end = position
        while end < len(document.text) and document.text[end] == NUL:
            end += 1
        spans.append((position, end))
        position = document.text.find(NUL, end)
    cut = cut_spans(document.text, spans)
    text, moved = cut.text, cut.moved
    # (a block or cell bound that falls on a NUL moves to where the NUL was)
    blocks = [Block(block.kind, moved(block.start), moved(block.end),
                    tuple((moved(start), moved(end)) for start, end in block.cells))
              for block in document.blocks]
    # (what the reader removed before, such as a text file's wraps, is kept, at its new offset)
    removed = [*cut.removed, *((moved(offset), string) for offset, string in document.removed)]
    return Document(text=text, matching=to_matching(text), blocks=blocks, media_type=document.media_type,
                    encoding=document.encoding, removed=tuple(sorted(removed, key=lambda item: item[0])))
