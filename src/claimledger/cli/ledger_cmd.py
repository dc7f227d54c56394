"""Ledger commands: ingest, query, export, stats (thin wrappers over claimledger.store and .batch).

Exit statuses follow `claimledger extract`: 0 everything read, 1 some inputs skipped, 2 a fatal error (the
database cannot be opened or written) or nothing readable at all; 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

import click

from claimledger.cli import main
from claimledger.errors import ClaimledgerError
from claimledger.settings import DEFAULT_DOC_TIMEOUT
from claimledger.store import ClaimFilter, Ledger

DB_OPTION = click.option("--db", default=None, help="Database URL or SQLite path (default: CLAIMLEDGER_DB, "
                         "then a SQLite file in the user data directory).")


class Fatal(click.ClickException):
    """A fatal error: printed as "Error: ..." with exit status 2 (click's own default is 1)."""

    exit_code = 2


def _filter_options(func):
    for f in reversed(fields(ClaimFilter)):
        if f.name == "checked":
            func = click.option("--checked/--unchecked", "checked", default=None,
                                help="Only claims with (or without) a check result.")(func)
            continue
        kind = float if f.name.startswith("value_") else str
        func = click.option(f"--{f.name.replace('_', '-')}", f.name, type=kind, default=None)(func)
    return func


def _open(db: str | None) -> Ledger:
    try:
        return Ledger.open(db)
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc


def _validate_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from claimledger.models import parse_iso_date

    if value is not None and parse_iso_date(value) is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD) or datetime")
    return value


def _exit_status(summary) -> int:
    if not summary.skipped:
        return 0
    return 1 if summary.documents or summary.already_stored else 2


def _summary_line(summary) -> str:
    replaced = f" ({summary.replaced} re-extracted by a newer extractor)" if summary.replaced else ""
    return (f"stored {summary.documents} documents{replaced}, {summary.claims} claims; "
            f"{summary.already_stored} already in the ledger; {len(summary.skipped)} skipped")


@main.command()
@DB_OPTION
@click.option("--outlet", default=None, metavar="NAME", help="Outlet name for inputs that carry none.")
@click.option("--published", default=None, metavar="DATE", callback=_validate_published,
              help="Publication date (ISO) for inputs that carry none.")
@click.option("--no-resume", is_flag=True, help="Re-extract documents already in the ledger.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Local extraction processes (each loads the language pipeline once).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: this machine's processes; ray: a Ray cluster writing Parquet shards, then loaded.")
@click.option("--shards", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --engine ray: the shard directory (default: a temporary one, removed after load).")
@click.option("--ray-address", default=None, metavar="ADDR",
              help='With --engine ray: an existing cluster ("auto", "ray://host:10001"); default '
                   "RAY_ADDRESS, else a local Ray.")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_DOC_TIMEOUT,
              show_default=True,
              metavar="SECONDS", help="Seconds one document may take to extract; a slower one is skipped "
                                      "(0: no limit).")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
def ingest(db, outlet, published, no_resume, workers, quiet, engine, shards, ray_address, doc_timeout,
           inputs) -> None:
    """Read INPUTs, extract their claims and store them in the ledger.

    INPUT is a .txt, .html or .jsonl file, a directory, a glob, a .warc/.warc.gz archive, an RSS/Atom feed
    (.rss, .atom, .xml), an http(s) URL (an article or a feed), or "-" for standard input. Each document is
    stored with its claims in one transaction: run the same command again after an interruption and it
    carries on where it stopped. Exit status: 0 all read, 1 some skipped, 2 fatal or nothing readable.
    """
    if engine == "ray" and no_resume:
        raise click.UsageError("--no-resume works with --engine local only (loading shards skips documents "
                               "stored by the same extractor version)")
    ledger = _open(db)
    progress = IngestProgress(enabled=not quiet and sys.stderr.isatty())
    try:
        with progress:
            if engine == "ray":
                summary = _ingest_on_ray(ledger, inputs, shards, ray_address, outlet, published)
            else:
                from claimledger.batch import ingest as run_ingest

                summary = run_ingest(ledger, inputs, resume=not no_resume, outlet=outlet, published=published,
                                     workers=workers, progress=progress.update,
                                     doc_timeout=doc_timeout or None)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {_summary_line(progress.last)}; run the same command again to resume",
                   err=True)
        sys.exit(130)
    except ClaimledgerError as exc:
        raise Fatal(f"{exc} (documents stored before this error are kept)") from exc
    finally:
        ledger.close()
    progress.print_skips(summary)  # those the run reported at its end (the Ray engine's)
    click.echo(_summary_line(summary))
    sys.exit(_exit_status(summary))


def _ingest_on_ray(ledger: Ledger, inputs, shards: Path | None, address, outlet, published):
    """Extract on Ray into Parquet shards, then load them (see batch/ray_engine.py and batch/shards.py)."""
    import shutil
    import tempfile

    from claimledger.batch.ray_engine import extract_to_shards
    from claimledger.batch.shards import load_shards

    scratch = None if shards else Path(tempfile.mkdtemp(prefix="claimledger-shards-"))
    shard_dir = shards if shards is not None else Path(str(scratch)) / "shards"
    try:
        extracted = extract_to_shards(list(inputs), shard_dir, address=address, outlet=outlet,
                                      published=published)
        summary = load_shards(ledger, shard_dir)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    summary.skipped = list(getattr(extracted, "skipped", [])) + list(summary.skipped)
    return summary


QUERY_FORMATS = ["table", "csv", "jsonl"]


@main.command()
@DB_OPTION
@_filter_options
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
@click.option("--order-by", default="published", show_default=True)
@click.option("--ascending", is_flag=True, help="Smallest (or oldest) first.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default=None,
              help="table for reading (the default on a terminal), csv, or jsonl (the default otherwise).")
def query(db, limit, offset, order_by, ascending, fmt, **filters) -> None:
    """Print the claims that match the filters."""
    from claimledger.store import export

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    ledger = _open(db)
    try:
        claims = ledger.query(ClaimFilter(**filters), limit=limit, offset=offset, order_by=order_by,
                              descending=not ascending)
        total = ledger.count(ClaimFilter(**filters))
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    if fmt == "jsonl":
        export.write_jsonl(claims, sys.stdout)
    elif fmt == "csv":
        export.write_csv(claims, sys.stdout)
    else:
        print_table(claims_table(claims, f"{len(claims)} of {total} matching claims (offset {offset})"))


EXPORT_FORMATS = ["jsonl", "csv", "parquet", "claimreview"]


@main.command()
@DB_OPTION
@_filter_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="claimreview: schema.org ClaimReview JSON-LD of the claims that have check results.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here (required for parquet; default: standard output).")
def export(db, fmt, output, **filters) -> None:
    """Write every matching claim (streamed, never held in memory at once)."""
    from claimledger.store import export as writers

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE (Parquet is a binary file format)")
    ledger = _open(db)
    claims = ledger.iter_claims(ClaimFilter(**filters))
    try:
        if fmt == "parquet":
            n = writers.write_parquet(claims, output)
        else:
            with (output.open("w", encoding="utf-8", newline="") if output else _stdout()) as stream:
                if fmt == "claimreview":
                    n = writers.write_claimreview(claims, ledger.document_info, stream)
                elif fmt == "csv":
                    n = writers.write_csv(claims, stream)
                else:
                    n = writers.write_jsonl(claims, stream)
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        sys.stderr.close()
        return
    except (ClaimledgerError, OSError) as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    click.echo(f"exported {n} claims" + (f" to {output}" if output else ""), err=True)


def _stdout():
    import contextlib

    return contextlib.nullcontext(sys.stdout)


@main.command()
@DB_OPTION
@click.option("--top", default=10, show_default=True, help="How many sources to list.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default=None,
              help="table for reading (the default on a terminal), or json (the default otherwise).")
def stats(db, top, fmt) -> None:
    """Counts of documents and claims: by category, by source (top N), by outlet, by check result."""
    ledger = _open(db)
    try:
        figures = ledger.stats(top=top)
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    if (fmt or ("table" if sys.stdout.isatty() else "json")) == "json":
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    for table in stats_tables(figures):
        print_table(table)


class IngestProgress:
    """A rich progress line on stderr: documents, claims, already stored, skips. Redrawn only when ingest
    reports (no refresh thread: worker processes are forked, and a fork must not copy a running thread)."""

    def __init__(self, enabled: bool) -> None:
        from claimledger.batch import IngestSummary

        self.enabled = enabled
        self.last = IngestSummary()
        self._bar: Any = None  # a rich Progress while drawing
        self._task: Any = None
        self._drawn = 0.0
        self._skips_printed = 0

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), auto_refresh=False)
            self._bar.start()
            self._task = self._bar.add_task("reading inputs")
        return self

    def update(self, summary) -> None:
        self.last = summary
        self.print_skips(summary)
        if self._bar is not None and time.monotonic() - self._drawn >= 0.1:
            self._draw()

    def print_skips(self, summary) -> None:
        """Skip lines not yet printed, as they happen (above the progress line when there is one)."""
        for line in summary.skipped[self._skips_printed:]:
            if self._bar is not None:
                self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:
                click.echo(line, err=True)
        self._skips_printed = len(summary.skipped)

    def _draw(self) -> None:
        s = self.last
        self._bar.update(self._task, description=f"{s.documents} documents, {s.claims} claims, "
                         f"{s.already_stored} already stored, {len(s.skipped)} skipped")
        self._bar.refresh()
        self._drawn = time.monotonic()

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._draw()
            self._bar.stop()


def print_table(table) -> None:
    from rich.console import Console

    Console().print(table)


def claims_table(claims, title: str):
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for name in ("published", "outlet", "text", "category", "time scope", "source", "verification"):
        table.add_column(name, overflow="fold")
    for c in claims:
        source = c.source.canonical or c.source.name
        table.add_row((c.published or "")[:10], c.outlet or "", c.text, c.category, c.time_scope, source,
                      c.verification or "")
    return table


def stats_tables(figures: dict) -> list:
    from rich.table import Table

    totals = Table(title="Ledger")
    totals.add_column("")
    totals.add_column("count", justify="right")
    for key in ("documents", "claims", "outlets"):
        totals.add_row(key, str(figures[key]))
    tables = [totals]
    for key, title in (("by_category", "Claims by category"), ("by_source", "Claims by source (top)"),
                       ("by_outlet", "Claims by outlet"), ("check_results", "Check results")):
        table = Table(title=title)
        table.add_column(key.removeprefix("by_").replace("_", " "))
        table.add_column("claims", justify="right")
        for name, count in figures[key].items():
            table.add_row(name, str(count))
        tables.append(table)
    return tables
