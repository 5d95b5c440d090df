"""The metric contract (metrics.csv): codes, labels, units, families and parents."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load_metrics() -> tuple[dict[str, str], ...]:
    with resources.files("extractors.data").joinpath("metrics.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=1)
def metric_units() -> dict[str, str]:
    return {row["code"]: row["unit"] for row in load_metrics()}


def metric_codes(family: str | None = None) -> set[str]:
    return {row["code"] for row in load_metrics() if family is None or row["family"] == family}


def unit_of(metric: str) -> str:
    """The unit of a metric code; shares (<code>_pct) are in percent."""
    if metric.endswith("_pct"):
        return "percent"
    return metric_units()[metric]


def label_of(metric: str) -> str:
    """The Chinese label of a metric code (label_zh)."""
    return next(row["label_zh"] for row in load_metrics() if row["code"] == metric)
