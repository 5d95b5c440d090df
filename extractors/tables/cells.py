"""One table cell's text → its value.

The three fixed tables hold counts (件) and, in table 二, one amount in 万元 with decimals.
A cell is one of:

- a number: ``0`` → 0.0, ``1,234`` / ``1 234`` (thousands separators) → 1234.0, ``7730.28``;
  a signed change (``+3`` / ``-2``, the 2019 本年增/减 column); an optional unit after it (``5件``);
- blank: ``""`` → None, flagged ``blank_cell`` (a blank is not a zero: the report printed nothing);
- a dash: ``—`` ``-`` ``/`` ``－`` ``无`` (and doubled forms such as ``——``) → None, flagged
  ``dash_cell`` (the report printed "not applicable / none" rather than a number);
- anything else is a label, and ``parse_cell`` returns None.

Callers pass the MATCHING text (half-width already), but full-width digits are folded here
too, so the function is safe on verbatim text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BLANK = "blank_cell"
DASH = "dash_cell"

# Full-width ASCII sits 0xFEE0 above half-width; the ideographic space becomes a plain space.
_FOLD_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_WIDTH[0x3000] = 0x20

# After folding, － and ／ are "-" and "/". Dashes are often doubled (——, --).
DASH_TEXT = r"(?:[—–―\-/\\~]{1,3}|无)"
_DASH = re.compile(rf"^{DASH_TEXT}$")

# Thousands separated by "," or by a single space (PDF text layers space digit groups).
_NUMBER = re.compile(
    r"^(?P<sign>[+-])?\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)"
    r"(?P<fraction>\.\d+)?"
    r"\s*(?:万元|件|个|项|次|起|条|宗)?$"
)
_SEPARATORS = str.maketrans("", "", ", ")


@dataclass(frozen=True)
class CellValue:
    value: float | None
    flags: tuple[str, ...] = ()


BLANK_VALUE = CellValue(None, (BLANK,))
DASH_VALUE = CellValue(None, (DASH,))


def parse_cell(text: str) -> CellValue | None:
    """The value of a cell's text, or None when the text is a label rather than a value."""
    stripped = text.translate(_FOLD_WIDTH).strip()
    if not stripped:
        return BLANK_VALUE
    if _DASH.match(stripped):
        return DASH_VALUE
    number = _NUMBER.match(stripped)
    if number is None:
        return None
    value = float(number["digits"].translate(_SEPARATORS) + (number["fraction"] or ""))
    if number["sign"] == "-":
        value = -value
    return CellValue(value)
