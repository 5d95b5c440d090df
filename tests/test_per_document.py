"""Results kept per document (``per_document``): computed once for each document and arguments,
dropped with the document."""
from __future__ import annotations

import gc

from extractors.model import Document
from extractors.per_document import per_document


def test_once_per_document_and_arguments() -> None:
    calls = []

    @per_document
    def length(document: Document, extra: int) -> int:
        calls.append((document.text, extra))
        return len(document.text) + extra

    first, second = Document("一二三", "一二三"), Document("一二三", "一二三")  # equal, yet two documents
    assert [length(first, 0), length(first, 0), length(first, 1), length(second, 0)] == [3, 3, 4, 3]
    assert calls == [("一二三", 0), ("一二三", 1), ("一二三", 0)]


def test_dropped_with_the_document() -> None:
    @per_document
    def text(document: Document) -> str:
        return document.text

    document = Document("甲", "甲")
    text(document)
    kept = next(cell.cell_contents for cell in text.__closure__ if isinstance(cell.cell_contents, dict))
    assert len(kept) == 1
    del document
    gc.collect()
    assert kept == {}
