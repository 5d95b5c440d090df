"""Cells that a crawler glued into one run of digits, cut back into cells where only one cut fits.

A table row printed without separators becomes one digit string: table 三's "(一)予以公开
113000014" (seven cells), a legacy statistics table's "主动公开政府信息数条4173905" (this year and
the cumulative figure). A run is cut into the number of cells the template gives the row, every
part a number as tables print them (no leading zero but 0 itself). The cuts that survive the
row's own identity (总计 = the six applicant cells; this year ≤ cumulative) are then tried
together with the identities between rows (一 + 二 = （七）总计 + 四; （七）总计 = the outcome rows;
parts and their total). A row is read only when every surviving combination gives it the same
cells; otherwise it is unreadable, and nothing is emitted for it.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

# A part as a table prints it: no leading zero but 0 itself, no trailing zero after a decimal point.
_PART = re.compile(r"(?:0|[1-9]\d*)(?:\.\d*[1-9])?$")
MAX_COMBINATIONS = 200_000
# A run of digits is glued cells only when it is longer than any count a row would print alone.
_RUN = re.compile(r"^\d[\d.]*$")

Reading = tuple[str, ...]  # the printed parts, in order
Identity = Callable[[dict[Hashable, Reading]], bool]


def is_run(text: str, cells: int) -> bool:
    """True when ``text`` may be ``cells`` cells glued together (a digit run at least that long)."""
    return cells > 1 and bool(_RUN.match(text)) and len(text.replace(".", "")) >= cells


def is_one_number(text: str) -> bool:
    """True when ``text`` can be one cell as tables print it (00000 or 0123 cannot)."""
    return bool(_PART.match(text))


@lru_cache(maxsize=4096)
def readings(digits: str, cells: int) -> tuple[Reading, ...]:
    """Every way to cut ``digits`` into ``cells`` numbers printed as tables print them."""
    if cells == 1:
        return ((digits,),) if _PART.match(digits) else ()
    found = []
    for cut in range(1, len(digits)):
        head = digits[:cut]
        if not _PART.match(head):
            continue
        for rest in readings(digits[cut:], cells - 1):
            found.append((head, *rest))
    return tuple(found)


def numbers(reading: Reading) -> tuple[float, ...]:
    """The reading's numbers; a blank cell ("") adds nothing to a sum."""
    return tuple(float(part) if part else 0.0 for part in reading)


def spans(reading: Reading, start: int) -> list[tuple[int, int]]:
    """Offsets of each part of a reading of the run printed at ``start``."""
    found = []
    for part in reading:
        found.append((start, start + len(part)))
        start += len(part)
    return found


@dataclass(frozen=True)
class Resolution:
    values: dict[Hashable, Reading]  # the rows read, with their cells
    unreadable: dict[Hashable, tuple[Reading, ...]]  # the rows that keep several readings


def resolve(candidates: dict[Hashable, tuple[Reading, ...]], identities: Iterable[Identity]) -> Resolution:
    """The rows whose reading every combination satisfying ``identities`` agrees on.

    ``candidates`` holds each row's readings (one for a row printed with separators). When no
    combination satisfies the identities (the printed table does not balance), only the rows with
    a single reading are read: an identity never decides a row against the printed numbers."""
    identities = list(identities)
    keys = list(candidates)
    ambiguous = [key for key in keys if len(candidates[key]) > 1]
    total = 1
    for key in ambiguous:
        total *= len(candidates[key])
    single = {key: candidates[key][0] for key in keys if len(candidates[key]) == 1}
    if not ambiguous:
        return Resolution(single, {})
    if total > MAX_COMBINATIONS:
        return Resolution(single, {key: candidates[key] for key in ambiguous})
    surviving: dict[Hashable, set[Reading]] = {key: set() for key in ambiguous}
    any_survives = False
    for combination in itertools.product(*(candidates[key] for key in ambiguous)):
        assignment = dict(single)
        assignment.update(zip(ambiguous, combination))
        if all(identity(assignment) for identity in identities):
            any_survives = True
            for key, reading in zip(ambiguous, combination):
                surviving[key].add(reading)
    values = dict(single)
    unreadable = {}
    for key in ambiguous:
        if any_survives and len(surviving[key]) == 1:
            values[key] = next(iter(surviving[key]))
        else:
            unreadable[key] = tuple(sorted(surviving[key])) if any_survives else candidates[key]
    return Resolution(values, unreadable)


def balances(left: Iterable[Hashable], right: Iterable[Hashable], column: int) -> Identity:
    """An identity: the cells in ``column`` of the rows ``left`` add up to those of ``right``
    (a total is a one-row side). Checked only when every row it names is read."""
    left, right = tuple(left), tuple(right)

    def holds(assignment: dict[Hashable, Reading]) -> bool:
        if any(key not in assignment or len(assignment[key]) <= column for key in left + right):
            return True
        return abs(sum(float(assignment[key][column] or 0) for key in left)
                   - sum(float(assignment[key][column] or 0) for key in right)) < 1e-9

    return holds

