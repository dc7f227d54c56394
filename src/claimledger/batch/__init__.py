"""Ingest at scale: read inputs, extract, store — one transaction per document, so a killed run resumes.

Documents already in the ledger are skipped before extraction, which makes a rerun after a crash
cheap and free of duplicates (each document and its claims land together or not at all).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from sqlalchemy import select

from claimledger import __version__
from claimledger.models import Document
from claimledger.store import Ledger
from claimledger.store.schema import documents as documents_t


@dataclass
class IngestSummary:
    documents: int = 0
    claims: int = 0
    already_stored: int = 0
    skipped: list[str] = field(default_factory=list)  # "origin:line: reason" of unreadable inputs
    store_seconds: float = 0.0
    total_seconds: float = 0.0


def _is_stored(ledger: Ledger, doc_id: str) -> bool:
    with ledger.engine.connect() as conn:
        return conn.execute(select(documents_t.c.id).where(documents_t.c.id == doc_id)).first() is not None


def _new_documents(ledger: Ledger, results: Iterable[object], summary: IngestSummary,
                   resume: bool) -> Iterator[Document]:
    for item in results:
        if not isinstance(item, Document):
            summary.skipped.append(str(item))
        elif resume and _is_stored(ledger, item.id):
            summary.already_stored += 1
        else:
            yield item


def ingest(ledger: Ledger, inputs: Iterable[str], *, resume: bool = True, outlet: str | None = None,
           published: str | None = None) -> IngestSummary:
    from claimledger.api import extract_documents
    from claimledger.ingest.readers import read_inputs

    summary = IngestSummary()
    started = time.perf_counter()
    documents = _new_documents(ledger, read_inputs(list(inputs), outlet=outlet, published=published),
                               summary, resume)
    for document, claims in extract_documents(documents):
        t0 = time.perf_counter()
        ledger.add(document, claims, __version__)
        summary.store_seconds += time.perf_counter() - t0
        summary.documents += 1
        summary.claims += len(claims)
    summary.total_seconds = time.perf_counter() - started
    return summary
