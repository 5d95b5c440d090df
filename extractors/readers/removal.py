"""Strings a reader takes out of a page's text so that words read whole again (pinyin glosses
after characters, a text file's wraps at the page width), recorded as ``Document.removed`` so that
``Document.verbatim`` restores evidence as the page printed it."""
from __future__ import annotations

import bisect
from dataclasses import dataclass


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
