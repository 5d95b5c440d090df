"""Pinyin glosses that some mirror sites print after characters: 鎮(zhèn), 報(bào)告, 數(shù)量為46件.

A glossed page breaks every word of the report apart (報(bào)告 is no longer 报告), so no rule and
no recogniser can read it. The glosses are taken out of the document's text like markup is, and
recorded in ``Document.removed`` so that evidence is restored as the page printed it.

A gloss is a bracketed lowercase Latin syllable right after a Han character; a page counts as
glossed only when several of them carry tone marks (a bracketed (PDF) or (a) in a report is no
gloss).
"""
from __future__ import annotations

import re

from extractors.model import Document
from extractors.readers.removal import document_without

_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ"
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-z" + _TONE_MARKS + r"]{1,6}[)）]")
_TONED = re.compile(r"[" + _TONE_MARKS + r"]")
MIN_GLOSSES = 3  # toned glosses that make a page a glossed mirror


def _glosses(text: str) -> list[re.Match]:
    found = list(_GLOSS.finditer(text))
    if sum(1 for match in found if _TONED.search(match.group())) < MIN_GLOSSES:
        return []
    return found


def strip_glosses(document: Document) -> Document:
    """The document without pinyin glosses (itself when it has none)."""
    found = _glosses(document.text)
    if not found:
        return document
    # (a gloss never holds a line break, so no block or cell bound falls inside one)
    return document_without(document, [match.span() for match in found])
