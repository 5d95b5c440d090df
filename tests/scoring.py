"""Scoring extracted facts with the shared scorer (../shared/tools/score_facts.py), as the
evaluation does: the tests that hold a score floor all go through here."""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from shared_paths import SCORER

_SCORE_LINE = re.compile(
    r"precision (?P<precision>[\d.]+) recall (?P<recall>[\d.]+)"
    r".*?scope right (?:(?P<scope_right>\d+)/(?P<scope_total>\d+)|n/a)"
    r"(?:; evidence verbatim (?P<verbatim>\d+)/(?P<evidence_total>\d+))?"
)

needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/score_facts.py is absent")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    scope_right: int
    scope_total: int
    verbatim: int
    evidence_total: int
    line: str  # the scorer's own summary, for assertion messages


def extract_csv(*paths: Path | str) -> str:
    """What `ogi extract PATH... --format csv` prints."""
    return subprocess.run([sys.executable, "-m", "extractors.cli", "extract", *map(str, paths), "--format", "csv"],
                          capture_output=True, text=True, check=True).stdout


def score_csv(gold: Path, predictions: Path, sources: Path | None = None) -> Score:
    command = [sys.executable, str(SCORER), str(gold), str(predictions)]
    if sources is not None:
        command += ["--sources", str(sources)]
    line = subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    found = _SCORE_LINE.search(line)
    assert found, line
    count = lambda name: int(found[name] or 0)  # noqa: E731
    return Score(float(found["precision"]), float(found["recall"]), count("scope_right"), count("scope_total"),
                 count("verbatim"), count("evidence_total"), line)


def score_folder(folder: Path, gold: Path, workdir: Path, check_evidence: bool = True) -> Score:
    """Extract every file of ``folder`` with the CLI and score it against ``gold``."""
    predictions = workdir / "predictions.csv"
    predictions.write_text(extract_csv(folder), encoding="utf-8")
    return score_csv(gold, predictions, folder if check_evidence else None)
