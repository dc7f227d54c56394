"""A fresh ledger opens on the bundled example articles, checked, so a first-time user sees something real.

They are flagged as examples (``store/deleting.py``): kept apart from the user's own articles in checks,
statistics and the review queue (last), and removed with ``claimledger delete --examples``.
"""

from __future__ import annotations

from claimledger.batch import IngestSummary
from claimledger.store import Ledger

EXAMPLE_FILES = ("articles.jsonl", "figures.jsonl")


def seed_examples(ledger: Ledger) -> IngestSummary:
    """Ingest the example articles and run every check (cross-source too) over the ledger."""
    from claimledger.batch import ingest
    from claimledger.check import check_ledger
    from claimledger.ingest import examples_path
    from claimledger.ingest.readers import read_inputs
    from claimledger.models import Document
    from claimledger.store.deleting import mark_examples

    folder = examples_path()
    paths = [str(folder / name) for name in EXAMPLE_FILES if (folder / name).exists()]
    summary = ingest(ledger, paths)
    # flagged: checked only against one another, left out of the user's statistics, last in the review queue
    mark_examples(ledger.engine, [d.id for d in read_inputs(paths) if isinstance(d, Document)])
    check_ledger(ledger)
    return summary
