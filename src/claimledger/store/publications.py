"""Every publication of a document's text: outlet, URL, title, date and the file it was read from.

A document is its text (its id is the text's hash unless the input gave one). The same text printed by a
second outlet (wire copy travelling from outlet to outlet) is another publication of the same document: it is
added here instead of being dropped as "already in the ledger". The document and its claims carry the *first*
publication (the earliest date; the first stored when dates tie or are missing): the one cross-source checks
and figure histories date and name; the others are listed beside it (the document's API and page).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Engine

from claimledger.models import Document
from claimledger.store.rows import claim_from_record, claim_row, now_iso
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t
from claimledger.store.schema import publications as publications_t

FIELDS = ("outlet", "url", "title", "published", "path")


def origin_path(document: Document) -> str | None:
    """The file (or URL) a document was read from: its origin, as the readers set it ("dir/a.txt",
    "feed.jsonl:12", "https://...")."""
    return document.origin or None


def _row(document: Document) -> dict[str, Any]:
    return {"doc_id": document.id, "outlet": document.outlet, "url": document.url, "title": document.title,
            "published": document.published, "path": origin_path(document), "added_at": now_iso()}


def _same(a: dict[str, Any], b: Any) -> bool:
    """Two publications are one when outlet and URL agree and so does the file (where both know it)."""
    if (a["outlet"], a["url"]) != (b.outlet, b.url):
        return False
    return a["path"] is None or b.path is None or a["path"] == b.path


def first_publication(conn: Connection, document: Document) -> None:
    conn.execute(insert(publications_t).values(**_row(document)))


def add_publication(conn: Connection, document: Document) -> bool:
    """Record this publication of a stored document's text unless it is known; True when added. An earlier
    publication becomes the document's first: the document and its claims take its outlet and date."""
    row = _row(document)
    known = conn.execute(select(publications_t).where(publications_t.c.doc_id == document.id)).all()
    if any(_same(row, k) for k in known):
        return False
    conn.execute(insert(publications_t).values(**row))
    stored = conn.execute(select(documents_t.c.published).where(documents_t.c.id == document.id)).scalar()
    if row["published"] and (not stored or row["published"] < stored):
        _make_first(conn, document)
    return True


def _make_first(conn: Connection, document: Document) -> None:
    first = {"outlet": document.outlet, "published": document.published, "url": document.url,
             "title": document.title}
    record = json.loads(conn.execute(select(documents_t.c.record).where(documents_t.c.id == document.id)
                                     ).scalar_one())
    conn.execute(update(documents_t).where(documents_t.c.id == document.id).values(
        **first, record=json.dumps(record | first, ensure_ascii=False)))
    rows = conn.execute(select(claims_t.c.record).where(claims_t.c.doc_id == document.id)).scalars().all()
    for record in rows:
        claim = claim_from_record(record)
        claim.outlet, claim.published = document.outlet, document.published
        conn.execute(update(claims_t).where(claims_t.c.id == claim.id).values(**claim_row(claim)))


def publications_of(engine: Engine, doc_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each document's publications, the first (earliest; then first stored) first."""
    ids = list(doc_ids)
    out: dict[str, list[dict[str, Any]]] = {}
    for i in range(0, len(ids), 500):
        stmt = (select(publications_t).where(publications_t.c.doc_id.in_(ids[i:i + 500]))
                .order_by(publications_t.c.doc_id, publications_t.c.id))
        with engine.connect() as conn:
            for row in conn.execute(stmt).all():
                out.setdefault(row.doc_id, []).append({k: getattr(row, k) for k in (*FIELDS, "added_at")})
    for items in out.values():
        items.sort(key=lambda p: (p["published"] is None, p["published"] or ""))
    return out


__all__ = ["add_publication", "first_publication", "origin_path", "publications_of"]
