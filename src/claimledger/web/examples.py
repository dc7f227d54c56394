"""A fresh ledger opens on the bundled example articles, checked, so a first-time user sees something real."""

from __future__ import annotations

from claimledger.batch import IngestSummary
from claimledger.store import Ledger

EXAMPLE_FILES = ("articles.jsonl", "figures.jsonl")


def seed_examples(ledger: Ledger) -> IngestSummary:
    """Ingest the example articles and run every check (cross-source too) over the ledger."""
    from claimledger.batch import ingest
    from claimledger.check import check_ledger
    from claimledger.ingest import examples_path

    folder = examples_path()
    paths = [str(folder / name) for name in EXAMPLE_FILES if (folder / name).exists()]
    summary = ingest(ledger, paths)
    check_ledger(ledger)
    return summary
