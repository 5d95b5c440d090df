"""Where the shared sample corpus and scorer live: ../shared beside the project (absent on
some machines, where the tests that need it skip)."""
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score_facts.py"
