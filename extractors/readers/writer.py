"""``Document.text`` built line by line, for readers that lay out a document themselves.

The HTML, PDF and DOCX readers walk their format in reading order and write each paragraph
and each table row here as one line of text. The writer keeps the running offsets, so every
line gets its ``Block`` as it is written: a ``paragraph``, or a ``table_row`` whose cells are
joined with tabs and each get their span (an empty cell a zero-length one), so table parsers
never have to re-split text. (The plain-text reader keeps the file's own text and finds its
blocks in it instead: ``text.py``.)
"""
from __future__ import annotations

from extractors.model import Block, Document
from extractors.normalize import to_matching
from extractors.readers.noise import footer_start, is_noise_line


class LineWriter:
    """Accumulates lines of text and their blocks, keeping offsets as it goes."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.blocks: list[Block] = []  # every line, noise included; filtered by ``document``
        self.length = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def _next_line_start(self) -> int:
        return self.length + 1 if self.lines else 0

    def add_paragraph(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        start = self._next_line_start()
        self._append(text, Block("paragraph", start, start + len(text)))

    def add_row(self, cells: list[str]) -> None:
        if not any(cells):
            return  # spacer rows carry nothing; an empty cell in a real row is kept
        start = self._next_line_start()
        spans = []
        position = start
        for cell in cells:
            spans.append((position, position + len(cell)))
            position += len(cell) + 1  # the tab that follows
        line = "\t".join(cells)
        self._append(line, Block("table_row", start, start + len(line), tuple(spans)))

    def _append(self, line: str, block: Block) -> None:
        self.lines.append(line)
        self.blocks.append(block)
        self.length = block.end

    def document(self, media_type: str, encoding: str, cut_footer: bool = False) -> Document:
        """The ``Document`` of the lines written. Lines that are chrome by their words
        (``noise.py``) stay in the text but are not blocks (table rows always are); with
        ``cut_footer``, neither is anything from a footer marker (版权所有, ICP备 ...) on."""
        text = self.text
        matching = to_matching(text)
        blocks = self.blocks
        if cut_footer:
            blocks = blocks[:footer_start([matching[block.start:block.end] for block in blocks])]
        blocks = [block for block in blocks if block.kind == "table_row"
                  or not is_noise_line(matching[block.start:block.end])]
        return Document(text=text, matching=matching, blocks=blocks, media_type=media_type,
                        encoding=encoding)
