"""A progress line on stderr for long commands (ingest, extract): drawn with rich only when stderr is a
terminal and the user did not ask for quiet; otherwise only the lines worth keeping (skips) are printed.

Redrawn only when the command reports, at most ten times a second (no refresh thread: worker processes are
forked, and a fork must not copy a running thread).
"""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from claimledger.cli.options import plural


def wanted(quiet: bool) -> bool:
    """Draw progress: not asked to be quiet, and stderr is a terminal (never into a file or a pipe)."""
    return not quiet and sys.stderr.isatty()


class StatusLine:
    """One line of status, redrawn in place, with lines printed above it as they come."""

    def __init__(self, enabled: bool, first: str = "reading inputs") -> None:
        self.enabled = enabled
        self._first = first
        self._bar: Any = None  # a rich Progress while drawing
        self._task: Any = None
        self._drawn = 0.0
        self._description = first

    def __enter__(self) -> StatusLine:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), auto_refresh=False)
            self._bar.start()
            self._task = self._bar.add_task(self._first)
        return self

    def note(self, line: str) -> None:
        """A line to keep (a skip): above the status line when there is one, else plainly on stderr."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)

    def show(self, description: str, force: bool = False) -> None:
        self._description = description
        if self._bar is not None and (force or time.monotonic() - self._drawn >= 0.1):
            self._bar.update(self._task, description=description)
            self._bar.refresh()
            self._drawn = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self.show(self._description, force=True)
            self._bar.stop()


class IngestProgress(StatusLine):
    """Ingest's status: documents, claims, already stored, skips (each skip printed as it happens)."""

    def __init__(self, enabled: bool) -> None:
        from claimledger.batch import IngestSummary

        super().__init__(enabled)
        self.last = IngestSummary()
        self._skips_printed = 0

    def update(self, summary) -> None:
        self.last = summary
        self.print_skips(summary)
        self.show(f"{plural(summary.documents, 'document')}, {plural(summary.claims, 'claim')}, "
                  f"{summary.already_stored:,} already stored, {len(summary.skipped):,} skipped")

    def print_skips(self, summary) -> None:
        """Skip lines not yet printed, as they happen."""
        for line in summary.skipped[self._skips_printed:]:
            self.note(line)
        self._skips_printed = len(summary.skipped)
