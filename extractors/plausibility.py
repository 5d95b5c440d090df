"""Values that cannot be what a report means: negative counts and numbers beyond any plausible
size for their metric (10^15 requests). They are kept, with a flag, never dropped or corrected:
a finding (``values_not_negative``, ``values_plausible``) reports them and the marts leave them
out of their default series (``out_of_range`` in dbt), so a reader sees them but no series
counts them.

The ceilings are data (``data/plausible_ranges.csv``), keyed by a metric code or, for every
other metric, by its unit in metrics.csv; they are generous (an order of magnitude above the
largest real figure of their kind) because they catch misreadings, not unusual years.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from extractors.metrics import unit_of

NEGATIVE = "negative_value"
IMPLAUSIBLE = "implausible_value"


@lru_cache(maxsize=1)
def _ceilings() -> dict[str, float]:
    with resources.files("extractors.data").joinpath("plausible_ranges.csv").open(encoding="utf-8", newline="") as handle:
        return {row["key"]: float(row["plausible_max"]) for row in csv.DictReader(handle)}


def plausible_max(metric: str) -> float | None:
    """The largest plausible value of a metric (or its ``_pct`` share); None when none is set."""
    ceilings = _ceilings()
    if metric in ceilings:
        return ceilings[metric]
    try:
        return ceilings.get(unit_of(metric))
    except (KeyError, StopIteration):
        return None


def range_flags(metric: str, value: float | None) -> tuple[str, ...]:
    """The flags a value earns by its size: ``negative_value`` below zero, ``implausible_value``
    above its metric's ceiling; () for a plausible value or a blank."""
    if value is None:
        return ()
    if value < 0:
        return (NEGATIVE,)
    ceiling = plausible_max(metric)
    if ceiling is not None and value > ceiling:
        return (IMPLAUSIBLE,)
    return ()
