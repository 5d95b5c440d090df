"""Strings a reader takes out of a page's text so that words read whole again (pinyin glosses
after characters, a text file's wraps at the page width), recorded as ``Document.removed`` so that
``Document.verbatim`` restores evidence as the page printed it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from extractors.model import Block, Document
from extractors.normalize import to_matching


@dataclass(frozen=True)
class Cut:
    text: str  # the text without the spans
    removed: tuple[tuple[int, str], ...]  # (offset in ``text``, removed string), in order
    span_ends: tuple[int, ...]  # end of each span in the old text
    shifts: tuple[int, ...]  # characters dropped up to that end

    def moved(self, offset: int) -> int:
        """Where an offset of the old text (outside every span) is in the new one."""
        index = bisect.bisect_right(self.span_ends, offset) - 1
        return offset - self.shifts[index] if index >= 0 else offset


def cut_spans(text: str, spans: list[tuple[int, int]]) -> Cut:
    """``text`` without the (ordered, disjoint) ``spans``."""
    pieces, removed, span_ends, shifts, kept_until, dropped = [], [], [], [], 0, 0
    for start, end in spans:
        pieces.append(text[kept_until:start])
        removed.append((start - dropped, text[start:end]))
        dropped += end - start
        span_ends.append(end)
        shifts.append(dropped)
        kept_until = end
    pieces.append(text[kept_until:])
    return Cut("".join(pieces), tuple(removed), tuple(span_ends), tuple(shifts))


def document_without(document: Document, spans: list[tuple[int, int]]) -> Document:
    """``document`` without the (ordered, disjoint) ``spans`` of its text: blocks and cells moved
    to the new offsets (a bound that falls inside a span moves to where the span was), the cut
    strings added to what the reader removed before (a text file's wraps), at their new offsets."""
    cut = cut_spans(document.text, spans)
    blocks = [Block(block.kind, cut.moved(block.start), cut.moved(block.end),
                    tuple((cut.moved(start), cut.moved(end)) for start, end in block.cells))
              for block in document.blocks]
    removed = [*cut.removed, *((cut.moved(offset), string) for offset, string in document.removed)]
    return Document(text=cut.text, matching=to_matching(cut.text), blocks=blocks, media_type=document.media_type,
                    encoding=document.encoding, removed=tuple(sorted(removed, key=lambda item: item[0])))
