"""Results computed once per document: the table parsers and the legacy statistics tables read
the same lines, and a report's facts and its table checks ask for the same tables."""
from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from extractors.model import Document

Result = TypeVar("Result")


def per_document(function: Callable[..., Result]) -> Callable[..., Result]:
    """``function(document, *arguments)`` computed once for each document and arguments, kept as
    long as the document lives. A document is not changed once read, so its identity is its key;
    what is returned is shared and must not be changed by the caller."""
    results: dict[int, dict[tuple, Result]] = {}

    @functools.wraps(function)
    def once(document: Document, *arguments) -> Result:
        kept = results.get(id(document))
        if kept is None:
            kept = results[id(document)] = {}
            weakref.finalize(document, results.pop, id(document), None)
        if arguments not in kept:
            kept[arguments] = function(document, *arguments)
        return kept[arguments]

    return once
