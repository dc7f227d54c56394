"""Ledger commands: ingest, query, export, stats (thin wrappers over claimledger.store and .batch).

Exit statuses follow `claimledger extract`: 0 everything read, 1 some inputs skipped, 2 a fatal error (the
database cannot be opened or written) or nothing readable at all; 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from claimledger.cli import main
from claimledger.cli.options import allow_private_urls, db_option, filter_options, plural
from claimledger.cli.progress import IngestProgress
from claimledger.errors import ClaimledgerError
from claimledger.settings import DEFAULT_DOC_TIMEOUT
from claimledger.store import ORDER_COLUMNS, ClaimFilter, Ledger


class Fatal(click.ClickException):
    """A fatal error: printed as "Error: ..." with exit status 2 (click's own default is 1)."""

    exit_code = 2


def _open(db: str | None, create: bool = False) -> Ledger:
    try:
        return Ledger.open(db, create=create)
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
    replaced = f" ({summary.replaced:,} re-extracted by a newer extractor)" if summary.replaced else ""
    more = getattr(summary, "publications", 0)
    also = f"; {plural(more, 'more publication')} of texts already stored" if more else ""
    return (f"stored {plural(summary.documents, 'document')}{replaced}, {plural(summary.claims, 'claim')}"
            f"{also}; {summary.already_stored:,} already in the ledger; {len(summary.skipped):,} skipped")


@main.command()
@db_option(creates=True)
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
@allow_private_urls
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
    ledger = _open(db, create=True)
    progress = IngestProgress(enabled=not quiet and sys.stderr.isatty())
    try:
        with progress:
            if engine == "ray":
                summary = _ingest_on_ray(ledger, inputs, shards, ray_address, outlet, published,
                                         doc_timeout or None)
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


def _ingest_on_ray(ledger: Ledger, inputs, shards: Path | None, address, outlet, published,
                   doc_timeout: float | None = None):
    """Extract on Ray into Parquet shards, then load them (see batch/ray_engine.py and batch/shards.py)."""
    import shutil
    import tempfile

    from claimledger.batch.ray_engine import extract_to_shards
    from claimledger.batch.shards import load_shards

    scratch = None if shards else Path(tempfile.mkdtemp(prefix="claimledger-shards-"))
    shard_dir = shards if shards is not None else Path(str(scratch)) / "shards"
    try:
        extracted = extract_to_shards(list(inputs), shard_dir, address=address, outlet=outlet,
                                      published=published, doc_timeout=doc_timeout)
        summary = load_shards(ledger, shard_dir)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    summary.skipped = list(getattr(extracted, "skipped", [])) + list(summary.skipped)
    return summary


QUERY_FORMATS = ["table", "csv", "jsonl"]
PAGE = 1000  # claims fetched from the ledger at a time


@main.command()
@db_option(creates=False)
@filter_options
@click.option("--limit", default=None, type=click.IntRange(min=1), metavar="N",
              help="At most N claims (default: every match).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0), metavar="N",
              help="Skip the first N matches.")
@click.option("--order-by", default="published", show_default=True,
              type=click.Choice(sorted(ORDER_COLUMNS), case_sensitive=False), help="Column to sort on.")
@click.option("--ascending", is_flag=True, help="Smallest (or oldest) first.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS, case_sensitive=False), default=None,
              help="table for reading (the default on a terminal), csv, or jsonl (the default otherwise).")
def query(db, limit, offset, order_by, ascending, fmt, **filters) -> None:
    """Print the claims that match the filters (every match, unless --limit)."""
    from claimledger.store import export

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    ledger = _open(db)
    flt = ClaimFilter(**filters)
    try:
        total = ledger.count(flt)
        claims = _pages(ledger, flt, limit, offset, order_by, not ascending)
        if fmt == "jsonl":
            export.write_jsonl(claims, sys.stdout)
        elif fmt == "csv":
            export.write_csv(claims, sys.stdout)
        else:
            shown = list(claims)
            title = f"{len(shown):,} of {plural(total, 'matching claim')}" + (f" (offset {offset:,})"
                                                                              if offset else "")
            print_table(claims_table(shown, title))
    except BrokenPipeError:  # the reader went away (`| head`): not an error
        sys.stderr.close()
    except ClaimledgerError as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()


def _pages(ledger: Ledger, flt: ClaimFilter, limit: int | None, offset: int, order_by: str,
           descending: bool):
    """The matches in order, fetched a page at a time (memory stays flat however many there are)."""
    left = limit
    while left is None or left > 0:
        size = PAGE if left is None else min(PAGE, left)
        page = ledger.query(flt, limit=size, offset=offset, order_by=order_by, descending=descending)
        yield from page
        if len(page) < size:
            return
        offset += len(page)
        if left is not None:
            left -= len(page)


EXPORT_FORMATS = ["jsonl", "csv", "parquet", "claimreview", "gold"]


@main.command()
@db_option(creates=False)
@filter_options
@click.option("--limit", default=None, type=click.IntRange(min=1), metavar="N",
              help="At most N claims (default: every match).")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS, case_sensitive=False), default="jsonl",
              show_default=True,
              help="claimreview: schema.org ClaimReview JSON-LD of the claims that have check results or "
                   "a verdict; gold: the reviewed documents as gold files for `claimledger eval` (-o DIR).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write here (required for parquet, a directory for gold; default: standard output).")
def export(db, limit, fmt, output, **filters) -> None:
    """Write every matching claim, or the first N with --limit (streamed, never held in memory at once)."""
    from itertools import islice

    from claimledger.store import export as writers

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE (Parquet is a binary file format)")
    if fmt == "gold":
        _export_gold(db, output, filters)
        return
    ledger = _open(db)
    claims = islice(ledger.iter_claims(ClaimFilter(**filters)), limit)
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
    click.echo(f"exported {plural(n, 'claim')}" + (f" to {output}" if output else ""), err=True)


def _export_gold(db, output: Path | None, filters: dict) -> None:
    from claimledger.store.gold import reviewed_documents, write_gold

    if output is None:
        raise click.UsageError("--format gold needs -o DIR (one gold file per document, and docs.jsonl)")
    ledger = _open(db)
    try:
        doc_ids = reviewed_documents(ledger.engine)
        if filters.get("doc_id"):
            doc_ids = [d for d in doc_ids if d == filters["doc_id"]]
        n_docs, n_claims = write_gold(ledger, output, doc_ids)
    except (ClaimledgerError, OSError) as exc:
        raise Fatal(str(exc)) from exc
    finally:
        ledger.close()
    click.echo(f"exported {plural(n_docs, 'reviewed document')}, {plural(n_claims, 'gold claim')} "
               f"to {output} "
               f"(score with: claimledger eval {output / 'gold'} {output})", err=True)


def _stdout():
    import contextlib

    return contextlib.nullcontext(sys.stdout)


@main.command()
@db_option(creates=False)
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


def print_table(table) -> None:
    """On a terminal, as wide as it is; into a file or a pipe, wide enough that cells are not cut up."""
    from rich.console import Console

    Console(width=None if sys.stdout.isatty() else 160).print(table)


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
