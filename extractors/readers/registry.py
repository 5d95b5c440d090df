"""Which reader handles which media type, and the one error every reader raises.

A reader is a plain function ``(data: bytes, file_name: str) -> Document``. Each reader module
registers itself for the media types it understands (see ``sniff.py`` for the names) and is
imported from ``extractors/readers/__init__.py``. Types no reader is registered for (legacy
.doc, images, archives ...) fail with a stable ``unsupported_type:<short name>`` reason, so a
run can count what it skipped and why.
"""
from __future__ import annotations

from typing import Callable

from extractors.model import Document

Reader = Callable[[bytes, str], Document]

_READERS: dict[str, Reader] = {}


class UnreadableFile(Exception):
    """A file that yields no report text.

    ``reason`` is a short stable code meant for counting and filtering ("empty",
    "binary_not_text", "undecodable", "unsupported_type:pdf", ...); ``detail`` is for humans.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def register_reader(*media_types: str) -> Callable[[Reader], Reader]:
    """Decorator: make the decorated function the reader for ``media_types``."""

    def register(reader: Reader) -> Reader:
        for media_type in media_types:
            _READERS[media_type] = reader
        return reader

    return register


def reader_for(media_type: str) -> Reader | None:
    return _READERS.get(media_type)
