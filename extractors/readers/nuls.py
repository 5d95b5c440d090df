"""NUL characters inside a page's text: a scraped or re-encoded file may carry a stray NUL (a
UTF-16 file cut at an odd byte, a crawler's padding) in the middle of a sentence, even inside a
number (1\\x002件), where it splits the words and the number no rule can read whole.

A NUL is never printed: it is taken out of the text like a pinyin gloss and recorded in
``Document.removed``, so the rules read 12件 and ``Document.verbatim`` puts the NUL back in the
evidence (the file's own text). A NUL stands for no character, so taking it out never joins two
numbers that were printed apart.
"""
from __future__ import annotations

import re

from extractors.model import Document
from extractors.readers.removal import document_without

NUL = "\x00"
_NUL_RUNS = re.compile(NUL + "+")


def strip_nuls(document: Document) -> Document:
    """The document without NUL characters (itself when it has none)."""
    if NUL not in document.text:
        return document
    return document_without(document, [match.span() for match in _NUL_RUNS.finditer(document.text)])
