"""Hard-wrapped plain text: a PDF's lines pasted into a text file break sentences, words and even
a number from its unit at the page width (通过衢州市政府 / 信息公开平台, 政务微信公开64 / 条).

A line break is a wrap, not a paragraph's end, when the file is laid out at a fixed width (several
lines fill it and stop mid-sentence) and the line stops mid-sentence: it fills the width, or it
ends on a mark no sentence ends with (，、). A line that ends a sentence, a heading, a title
(…年度报告) or a label, a blank line, and a next line that opens a heading or a list item keep
their breaks. The wraps are taken out of the text like markup, and recorded in
``Document.removed`` so that evidence is restored as the file printed it.
"""
from __future__ import annotations

import re
import unicodedata

from extractors.readers.removal import cut_spans

# A line ending with these ends its sentence (or labels what follows: 主要问题：).
_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:）)」』”\"》】]\s*$")
# …and these never end one.
_CONTINUES = re.compile(r"[，,、（(“《【]\s*$")
_TITLE_END = re.compile(r"(?:报告|年度|工作|情况|[统计]表)\s*$")
# Columns (a tab, a run of spaces inside the line) make a table row; prose has its marks (，。、；)
# in one of the two lines a wrap splits, where a table's glued header (信息内容本年新制作数量…)
# or a run of digits has none.
# (a space between two Chinese words, or a pipe, is a column too: 自然人 商业 科研, | 申请人情况 |)
_COLUMNS = re.compile(r"\S(?:\t|[ \u3000]{2,})\S|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]|\|")
_PROSE_MARK = re.compile(r"[，。、；]")
# A heading or a list item opening the next line: 一、 （一） (1) 1. 1、 第二部分 ■ 附件
_OPENS_BLOCK = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[.．、](?!\d)"
                          r"|第[一二三四五六七八九十\d]+[章节部分条]|[■●◆▲★☆○◎•·]|附件|附表|—\s*\d)")
_MIN_WRAPPED_LINES = 3  # full lines stopping mid-sentence that make a file hard-wrapped
# A full line: pasted PDF lines fall short of the page width by a word or a number's digits, so
# "full" is generous; a short line stopping mid-sentence (涉及商业秘密：3件, a signature) is a
# label or a list item.
_FULL_SHARE = 0.6
_WIDTH_SLACK = 6  # …but a file is wrapped only when such lines reach the width (within ~3 characters)
_MIN_WIDTH = 30  # narrower "widths" are lists, not a page


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in "WF"


class _Widths(dict):
    """character → the columns it takes (2 wide, 1 otherwise), filled as characters are met."""

    def __missing__(self, character: str) -> int:
        width = self[character] = 2 if _is_wide(character) else 1
        return width


_WIDTHS = _Widths()


def display_width(line: str) -> int:
    if line.isascii():
        return len(line)
    return sum(map(_WIDTHS.__getitem__, line))


def wrap_breaks(text: str) -> list[tuple[int, int]]:
    """The spans (the whitespace around a line break) that only wrap a paragraph at the page width."""
    raw_lines = text.split("\n")
    starts = [0]
    for line in raw_lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    lines = [line.strip() for line in raw_lines]
    widths = [display_width(line) for line in lines]
    filled = sorted(width for width in widths if width)
    if len(filled) < _MIN_WRAPPED_LINES:
        return []
    page_width = filled[int(len(filled) * 0.9)]
    if page_width < _MIN_WIDTH:
        return []
    mid_sentence = [bool(line) and not _ENDS_SENTENCE.search(line) and not _TITLE_END.search(line) for line in lines]
    # The file is laid out at a width when several lines stopping mid-sentence reach it (label
    # lines, 发布信息：61条, stop mid-sentence too, at any width).
    at_the_width = sum(1 for stops, width in zip(mid_sentence, widths) if stops and width >= page_width - _WIDTH_SLACK)
    if at_the_width < _MIN_WRAPPED_LINES:
        return []
    breaks = []
    for index, (line, following) in enumerate(zip(lines, lines[1:])):
        if not following or not mid_sentence[index] or _OPENS_BLOCK.match(following):
            continue
        if (heading := _OPENS_BLOCK.match(line)) and not _PROSE_MARK.search(line, heading.end()):
            continue  # a heading (六、存在的主要问题和改进措施)
        if _COLUMNS.search(line) or _COLUMNS.search(following) or not _PROSE_MARK.search(line + following):
            continue
        if not (widths[index] >= page_width * _FULL_SHARE or _CONTINUES.search(line)):
            continue
        if not (_is_wide(line[-1]) or _is_wide(following[0])):
            continue  # two Latin words or numbers: their break is a space
        raw, raw_following = raw_lines[index], raw_lines[index + 1]
        break_start = starts[index] + len(raw.rstrip())
        break_end = starts[index + 1] + len(raw_following) - len(raw_following.lstrip())
        breaks.append((break_start, break_end))
    return breaks


def unwrap(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text without its wraps, and what was removed: (offset in the new text, removed string)."""
    cut = cut_spans(text, wrap_breaks(text))
    return cut.text, cut.removed
