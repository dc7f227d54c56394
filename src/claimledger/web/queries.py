"""Read queries the Ledger does not offer, over the store's SQLAlchemy Core tables (bound parameters only)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from claimledger.models import Claim
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t


def documents_claim_counts(engine: Engine, doc_ids: list[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    stmt = (select(claims_t.c.doc_id, func.count()).where(claims_t.c.doc_id.in_(doc_ids))
            .group_by(claims_t.c.doc_id))
    with engine.connect() as conn:
        return {doc_id: int(n) for doc_id, n in conn.execute(stmt).all()}


def count_documents(engine: Engine, outlet: str | None = None) -> int:
    stmt = select(func.count()).select_from(documents_t)
    if outlet is not None:
        stmt = stmt.where(documents_t.c.outlet == outlet)
    with engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def document_exists(engine: Engine, doc_id: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(documents_t.c.id).where(documents_t.c.id == doc_id)).first() is not None


def claim_by_id(engine: Engine, claim_id: str) -> Claim | None:
    with engine.connect() as conn:
        record = conn.execute(select(claims_t.c.record).where(claims_t.c.id == claim_id)).scalar()
    return None if record is None else Claim.from_dict(json.loads(record))
