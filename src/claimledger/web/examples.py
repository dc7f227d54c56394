"""A fresh ledger opens on the bundled example articles, checked, so a first-time user sees something real."""

from __future__ import annotations

from claimledger.batch import IngestSummary
from claimledger.store import ClaimFilter, Ledger

EXAMPLE_FILES = ("articles.jsonl", "figures.jsonl")


def seed_examples(ledger: Ledger) -> IngestSummary:
    """Ingest the example articles and run every check (cross-source too) over the ledger."""
    from claimledger.batch import ingest
    from claimledger.check import check_claims
    from claimledger.ingest import examples_path

    folder = examples_path()
    paths = [str(folder / name) for name in EXAMPLE_FILES if (folder / name).exists()]
    summary = ingest(ledger, paths)
    ledger.save_checks(check_claims(list(ledger.iter_claims(ClaimFilter()))))
    return summary
