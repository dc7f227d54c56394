"""`claimledger load SHARD_DIR`: bring Parquet claim shards (from `ingest --engine ray`) into the ledger."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from claimledger.cli import main
from claimledger.cli.options import db_option, plural
from claimledger.errors import ClaimledgerError


def _exit_status(documents: int, already_stored: int, skipped: int) -> int:
    """0 all loaded, 1 some skipped, 2 nothing usable (same convention as `extract`)."""
    if skipped == 0:
        return 0
    return 1 if documents or already_stored else 2


@main.command("load")
@click.argument("shard_dir", metavar="SHARD_DIR", type=click.Path(path_type=Path))
@db_option(creates=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
def load_command(shard_dir: Path, db: str | None, as_json: bool) -> None:
    """Load the claim shards in SHARD_DIR into the ledger.

    Every *.parquet file in SHARD_DIR is read; documents already stored by the same extractor
    version are left alone, so loading again is safe and an interrupted load resumes. A file that
    is not a claimledger shard is reported on stderr as "skipped ..." and the rest are loaded.
    Exit status: 0 all loaded, 1 some skipped, 2 nothing loaded or a fatal error.
    """
    from claimledger.batch.shards import load_shards
    from claimledger.store import Ledger

    try:
        ledger = Ledger.open(db)
        try:
            summary = load_shards(ledger, shard_dir)
        finally:
            ledger.close()
    except ClaimledgerError as exc:
        click.echo(f"Error: {exc}", err=True)  # as click prints the other commands' fatal errors
        sys.exit(2)
    for line in summary.skipped:
        click.echo(line, err=True)
    if as_json:
        click.echo(json.dumps(asdict(summary)))
    else:
        click.echo(f"loaded {plural(summary.documents, 'document')}, {plural(summary.claims, 'claim')}; "
                   f"{summary.already_stored:,} already in the ledger; {len(summary.skipped):,} skipped")
    sys.exit(_exit_status(summary.documents, summary.already_stored, len(summary.skipped)))
