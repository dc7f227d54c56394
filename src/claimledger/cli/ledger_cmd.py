"""Ledger commands: ingest, query, export, stats (thin wrappers over claimledger.store and .batch)."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import fields

import click

from claimledger.cli import main
from claimledger.errors import ClaimledgerError
from claimledger.store import ClaimFilter, Ledger

DB_OPTION = click.option("--db", default=None, help="Database URL or SQLite path (default: CLAIMLEDGER_DB, "
                         "then a SQLite file in the user data directory).")


def _filter_options(func):
    for f in reversed(fields(ClaimFilter)):
        kind = float if f.name.startswith("value_") else str
        func = click.option(f"--{f.name.replace('_', '-')}", f.name, type=kind, default=None)(func)
    return func


def _open(db: str | None) -> Ledger:
    try:
        return Ledger.open(db)
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@DB_OPTION
@click.option("--outlet", default=None)
@click.option("--published", default=None)
@click.option("--no-resume", is_flag=True, help="Re-extract documents already in the ledger.")
@click.argument("inputs", nargs=-1, required=True)
def ingest(db, outlet, published, no_resume, inputs) -> None:
    """Read INPUTS, extract claims and store them in the ledger."""
    from claimledger.batch import ingest as run_ingest

    ledger = _open(db)
    try:
        summary = run_ingest(ledger, inputs, resume=not no_resume, outlet=outlet, published=published)
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        ledger.close()
    for line in summary.skipped:
        click.echo(line, err=True)
    click.echo(f"stored {summary.documents} documents, {summary.claims} claims; "
               f"{summary.already_stored} already in the ledger; {len(summary.skipped)} skipped")


@main.command()
@DB_OPTION
@_filter_options
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0)
@click.option("--order-by", default="published", show_default=True)
def query(db, limit, offset, order_by, **filters) -> None:
    """Print matching claims as JSON lines."""
    ledger = _open(db)
    try:
        for claim in ledger.query(ClaimFilter(**filters), limit=limit, offset=offset, order_by=order_by):
            click.echo(json.dumps(claim.to_dict(), ensure_ascii=False))
    except ClaimledgerError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        ledger.close()


CSV_COLUMNS = ["id", "doc_id", "outlet", "published", "text", "value", "high", "bound", "unit", "category",
               "time_scope", "subject", "verification", "hedged"]


@main.command()
@DB_OPTION
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def export(db, fmt, **filters) -> None:
    """Write every matching claim to stdout (streamed, not held in memory)."""
    ledger = _open(db)
    try:
        writer = csv.DictWriter(sys.stdout, CSV_COLUMNS + ["source"], extrasaction="ignore") if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for claim in ledger.iter_claims(ClaimFilter(**filters)):
            record = claim.to_dict()
            if writer:
                writer.writerow({**record, "source": claim.source.canonical or claim.source.name})
            else:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        ledger.close()


@main.command()
@DB_OPTION
def stats(db) -> None:
    """Counts of documents and claims in the ledger."""
    ledger = _open(db)
    try:
        click.echo(json.dumps(ledger.stats(), indent=2))
    finally:
        ledger.close()
