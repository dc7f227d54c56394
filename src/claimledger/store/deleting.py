"""Deleting documents, and the bundled examples kept apart from a user's own articles.

A deleted document goes with its claims, their check results and its publications; the deletion is recorded in
the review history (who, when, which document, how many claims). Reviews of its claims are kept, orphaned
(never dropped): ingest the document again and they re-attach.

The bundled example articles (``claimledger serve`` loads them into an empty ledger) are flagged
``documents.example``: they are cross-checked only against one another, never against the user's articles, and
left out of the statistics, and put after the user's own claims in the review queue. ``claimledger delete
--examples`` removes them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from claimledger.errors import StoreError
from claimledger.store.reviews import record_event
from claimledger.store.rows import now_iso
from claimledger.store.schema import check_results as checks_t
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t
from claimledger.store.schema import publications as publications_t
from claimledger.store.schema import review_history as history_t
from claimledger.store.schema import reviews as reviews_t


def documents_of_outlet(engine: Engine, outlet: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(documents_t.c.id).where(documents_t.c.outlet == outlet)
                                 .order_by(documents_t.c.id)).scalars())


def example_documents(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(documents_t.c.id).where(documents_t.c.example.is_(True))
                                 .order_by(documents_t.c.id)).scalars())


def delete_targets(engine: Engine, doc_ids: Iterable[str] = (), outlet: str | None = None,
                   examples: bool = False) -> tuple[list[str], list[str]]:
    """What `claimledger delete` (and DELETE /api/documents) would delete: these documents, every document of
    the outlet, the bundled examples; as (the ids in the ledger, each once, in that order; the given ids that
    are not in the ledger)."""
    given = list(doc_ids)
    targets = list(given)
    if outlet:
        targets += documents_of_outlet(engine, outlet)
    if examples:
        targets += example_documents(engine)
    targets = list(dict.fromkeys(targets))
    known: set[str] = set()
    with engine.connect() as conn:
        for i in range(0, len(targets), 500):
            known.update(conn.execute(select(documents_t.c.id).where(
                documents_t.c.id.in_(targets[i:i + 500]))).scalars())
    return [d for d in targets if d in known], [d for d in dict.fromkeys(given) if d not in known]


def mark_examples(engine: Engine, doc_ids: Iterable[str]) -> int:
    """Flag these documents as bundled examples; how many were flagged."""
    ids = list(doc_ids)
    with engine.begin() as conn:
        return int(conn.execute(update(documents_t).where(documents_t.c.id.in_(ids)).values(example=True))
                   .rowcount or 0)


def delete_documents(engine: Engine, doc_ids: Iterable[str], who: str) -> tuple[int, int]:
    """Delete these documents (ids not in the ledger are passed over); (documents, claims) deleted."""
    n_docs = n_claims = 0
    for doc_id in dict.fromkeys(doc_ids):
        try:
            with engine.begin() as conn:
                row = conn.execute(select(documents_t.c.outlet, documents_t.c.title)
                                   .where(documents_t.c.id == doc_id)).first()
                if row is None:
                    continue
                owned = select(claims_t.c.id).where(claims_t.c.doc_id == doc_id)
                claims = int(conn.execute(select(func.count()).select_from(owned.subquery())).scalar_one())
                orphaned = conn.execute(select(reviews_t.c.id, reviews_t.c.claim_id).where(
                    reviews_t.c.doc_id == doc_id, reviews_t.c.claim_id.is_not(None))).all()
                conn.execute(update(reviews_t).where(reviews_t.c.doc_id == doc_id).values(claim_id=None))
                conn.execute(delete(checks_t).where(checks_t.c.claim_id.in_(owned)))
                conn.execute(delete(claims_t).where(claims_t.c.doc_id == doc_id))
                conn.execute(delete(publications_t).where(publications_t.c.doc_id == doc_id))
                conn.execute(delete(documents_t).where(documents_t.c.id == doc_id))
                what = (f"document {doc_id!r} ({row.outlet or 'no outlet'}: {row.title or 'untitled'}) "
                        f"and its {claims} claims deleted")
                record_event(conn, reviewer=who, action="deleted", doc_id=doc_id, detail=what)
                if orphaned:
                    at = now_iso()
                    conn.execute(history_t.insert(), [
                        {"review_id": r.id, "claim_id": r.claim_id, "doc_id": doc_id, "reviewer": who,
                         "at": at, "action": "orphaned", "field": None, "old_value": None, "new_value": None,
                         "detail": "its document was deleted; the review is kept"} for r in orphaned])
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"deleting document {doc_id!r} failed: {reason}") from exc
        n_docs += 1
        n_claims += claims
    return n_docs, n_claims


__all__ = ["delete_documents", "delete_targets", "documents_of_outlet", "example_documents", "mark_examples"]
