"""`claimledger extract INPUT...`: read articles, write their claims (jsonl, json or a table)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator

import click

from claimledger.cli import main
from claimledger.cli.options import allow_private_urls, plural
from claimledger.cli.progress import StatusLine, wanted
from claimledger.models import Claim, Document, parse_iso_date
from claimledger.output import FORMATS, write_json, write_jsonl, write_table
from claimledger.settings import DEFAULT_DOC_TIMEOUT


class RunTally:
    """Counts for the progress line, the summary line and the exit status."""

    def __init__(self) -> None:
        self.documents = 0
        self.claims = 0
        self.skipped = 0

    def summary(self) -> str:
        return (f"{plural(self.documents, 'document')}, {plural(self.claims, 'claim')}, "
                f"{self.skipped:,} skipped")

    def exit_status(self) -> int:
        if self.skipped == 0:
            return 0
        return 1 if self.documents else 2


def _validate_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and parse_iso_date(value) is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD) or datetime")
    return value


def _documents(inputs: tuple[str, ...], published: str | None, outlet: str | None,
               tally: RunTally, status: StatusLine) -> Iterator[Document]:
    from claimledger.ingest.readers import Skip, read_inputs

    for result in read_inputs(inputs, published=published, outlet=outlet):
        if isinstance(result, Skip):
            tally.skipped += 1
            status.note(str(result))
            status.show(tally.summary())
        else:
            yield result


def _claims(documents: Iterator[Document], tally: RunTally, status: StatusLine,
            workers: int, timeout: float | None) -> Iterator[Claim]:
    from claimledger.batch import extract_stream

    first = next(documents, None)
    if first is None:  # nothing readable: don't pay for loading the language pipeline
        return
    for item in extract_stream(itertools.chain([first], documents), workers=workers, timeout=timeout):
        if isinstance(item, str):  # a document that broke the pipeline or ran past the time limit: a skip
            tally.skipped += 1
            status.note(item)
        else:
            tally.documents += 1
            tally.claims += len(item[1])
            yield from item[1]
        status.show(tally.summary())


DOC_TIMEOUT_HELP = "Seconds one document may take to extract; a slower one is skipped (0: no limit)."


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write claims here (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True,
              help="jsonl: one claim record per line; json: one array; table: for reading.")
@click.option("--published", callback=_validate_published, metavar="DATE",
              help="Publication date (ISO) for inputs that carry none; anchors relative times.")
@click.option("--outlet", metavar="NAME", help="Outlet name for inputs that carry none.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), metavar="N",
              help="Extraction processes (each loads the language pipeline once); with N > 1 documents "
                   "come out in the order they finish.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line (it is drawn only when stderr is a "
              "terminal anyway).")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_DOC_TIMEOUT, show_default=True,
              metavar="SECONDS", help=DOC_TIMEOUT_HELP)
@allow_private_urls
def extract_command(inputs: tuple[str, ...], output, fmt: str, published: str | None,
                    outlet: str | None, workers: int, quiet: bool, doc_timeout: float) -> None:
    """Extract numeric claims from articles.

    INPUT is a .txt, .html or .jsonl file, a directory, a glob pattern, a .warc/.warc.gz archive,
    an RSS/Atom feed, a URL, or "-" for standard input. Unreadable inputs are reported on stderr
    as "skipped ..." and the rest are read. Exit status: 0 all read, 1 some skipped, 2 none read.
    """
    tally = RunTally()
    with StatusLine(wanted(quiet)) as status:
        claims = _claims(_documents(inputs, published, outlet, tally, status), tally, status, workers,
                         doc_timeout or None)
        if fmt == "jsonl":
            write_jsonl(claims, output)
        elif fmt == "json":
            write_json(claims, output)
        else:
            write_table(claims, output)
    click.echo(tally.summary(), err=True)
    sys.exit(tally.exit_status())
