"""A realistic synthetic inbox: N distinct files grown from the project's own invented reports.

The seeds are every report of the fixture folders (legacy text of all lengths, table-era pages
whose tables arrive as text or markup, both scripts, HTML and text, and the PDFs and Word files of
tests/fixtures/documents), and the pages of tests/fixtures/not_reports. Each file copies one
seed and gives it new figures (every run of digits redrawn at its length) and a unique marker, so
every file is new content of the seed's family and size. Mix (close to the issue's):

- 90% HTML/text reports, 10% PDF/DOCX reports with tables;
- 10% of the text files re-encoded GB18030 (simplified) or Big5 (traditional);
- 3% byte-for-byte duplicates of an earlier file under another name, 3% pages that are not reports.

    .venv/bin/python benchmarks/synthetic_inbox.py DIR --reports N [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
REPORT_FOLDERS = (
    "short_reports", "short_reports2", "short_reports3", "short_reports4", "short_reports5", "web_short6",
    "legacy_reports", "legacy_heldout2", "legacy_heldout3", "legacy_heldout4", "legacy_heldout5", "legacy_heldout6",
    "legacy_heldout7", "legacy_tables6", "county_series", "county_series2", "county_series3", "county_series4",
    "text_tables", "tables_heldout", "small_bodies_tables6", "tables",
)
BINARY_SEEDS = ("documents/report_2021.pdf", "documents/report_2019_trial.pdf", "documents/report_2021.docx",
                "documents/report_2019_trial.docx", "tables_heldout/f_word_2023.docx")
TEXT_SUFFIXES = (".txt", ".html", ".htm", ".md")
BINARY_SHARE, RE_ENCODED_SHARE, DUPLICATE_SHARE, NOT_REPORT_SHARE = 0.10, 0.10, 0.03, 0.03
_DIGITS = re.compile(r"\d+")


def _seeds(folder_names: tuple[str, ...]) -> list[Path]:
    return sorted(path for name in folder_names for path in (FIXTURES / name).glob("*")
                  if path.suffix in TEXT_SUFFIXES and path.name != "README.md")


def _redraw_digits(text: str, rng: random.Random) -> str:
    # A year stays a year (the report's own year must stay plausible); other numbers change.
    def redraw(match: re.Match) -> str:
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return digits
        if len(digits) == 1:
            return str(rng.randint(0, 9))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(len(digits) - 1))
    return _DIGITS.sub(redraw, text)


def _text_file(seed: Path, index: int, rng: random.Random) -> tuple[str, bytes]:
    text = _redraw_digits(seed.read_text(encoding="utf-8", errors="replace"), rng)
    marker = f"<!-- inbox {index} -->" if seed.suffix in (".html", ".htm") else f"\n（编号 {index}）\n"
    text += marker
    encoding = "utf-8"
    if rng.random() < RE_ENCODED_SHARE:
        encoding = "big5" if re.search(r"[這與為發於國關]", text) else "gb18030"
    data = text.encode(encoding, errors="replace")
    return f"{index:07d}_{seed.stem}{seed.suffix}", data


def _binary_file(seed: Path, index: int) -> tuple[str, bytes]:
    # Readers ignore bytes after the end of a PDF or a ZIP: a unique tail makes new content.
    return f"{index:07d}_{seed.stem}{seed.suffix}", seed.read_bytes() + f"\n% inbox {index}\n".encode()


def write_inbox(folder: Path, count: int, seed: int = 7) -> dict[str, int]:
    """Write ``count`` files into ``folder``; returns how many of each kind."""
    rng = random.Random(seed)
    reports, not_reports = _seeds(REPORT_FOLDERS), _seeds(("not_reports",))
    binaries = [FIXTURES / name for name in BINARY_SEEDS if (FIXTURES / name).exists()]
    folder.mkdir(parents=True, exist_ok=True)
    kinds = {"text": 0, "binary": 0, "duplicate": 0, "not_report": 0}
    written: list[bytes] = []
    for index in range(count):
        draw = rng.random()
        if written and draw < DUPLICATE_SHARE:
            data, kind = rng.choice(written), "duplicate"
            name = f"{index:07d}_copy{'.html' if data.lstrip()[:1] == b'<' else '.txt'}"
        elif draw < DUPLICATE_SHARE + NOT_REPORT_SHARE:
            (name, data), kind = _text_file(rng.choice(not_reports), index, rng), "not_report"
        elif draw < DUPLICATE_SHARE + NOT_REPORT_SHARE + BINARY_SHARE and binaries:
            (name, data), kind = _binary_file(rng.choice(binaries), index), "binary"
        else:
            (name, data), kind = _text_file(rng.choice(reports), index, rng), "text"
        # (a few shards of 1,000 files, as an inbox crawled by site and year is)
        shard = folder / f"shard_{index // 1000:04d}"
        shard.mkdir(exist_ok=True)
        (shard / name).write_bytes(data)
        if kind != "duplicate" and len(written) < 5000:
            written.append(data)
        kinds[kind] += 1
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(write_inbox(arguments.folder, arguments.reports, arguments.seed))


if __name__ == "__main__":
    main()
