"""How far `ogi extract` has got through many files, on standard error.

By default a bar, and only on a terminal for more than BAR_FROM_FILES files: a script reading
standard error (the `skipped PATH: …` and `note PATH: …` lines) sees nothing new. Forced on
(`--progress`), a terminal gets the bar whatever the count and anything else a plain line every
PLAIN_EVERY files; forced off (`--no-progress`), nothing. While the bar shows, the other lines of
standard error are printed above it, whole."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

BAR_FROM_FILES = 50
PLAIN_EVERY = 100


class FileProgress:
    """Progress over ``total`` files; ``forced``: True (always), False (never), None (a bar for
    many files on a terminal). ``stdout_terminal``: standard output shows on a terminal too."""

    def __init__(self, total: int, forced: bool | None, stream: TextIO, stdout_terminal: bool = False):
        self.total, self.stream = total, stream
        self.done = self.reports = 0
        terminal = stream.isatty()
        show_bar = forced is not False and terminal and (forced or total > BAR_FROM_FILES)
        self.plain = bool(forced) and not terminal
        self.bar = Progress(
            TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("files, {task.fields[reports]} reports"),
            TimeRemainingColumn(), console=Console(file=stream), transient=True,
            # The facts go above the bar when they go to the same terminal, never into a file or pipe.
            redirect_stdout=stdout_terminal, redirect_stderr=False) if show_bar else None
        self._task = self.bar.add_task("reading", total=total, reports=0) if self.bar else None

    def __enter__(self) -> FileProgress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exception) -> None:
        if self.bar:
            self.bar.stop()

    def say(self, line: str) -> None:
        """A line of standard error (above the bar when it shows, never cut or wrapped)."""
        if self.bar:
            self.bar.console.print(Text(line), soft_wrap=True)
        else:
            print(line, file=self.stream)

    def advance(self, was_report: bool) -> None:
        self.done += 1
        self.reports += was_report
        if self.bar:
            self.bar.update(self._task, completed=self.done, reports=self.reports)
        elif self.plain and (self.done % PLAIN_EVERY == 0 or self.done == self.total):
            print(f"progress: {self.done}/{self.total} files, {self.reports} reports", file=self.stream, flush=True)
