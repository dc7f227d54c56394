"""Figures in the ledger: the claims that report one quantity.

A figure is what `check.identity` compares, less the period (each report of a daily figure has its own day):
whose and where (subject and location resolved through the alias table, so "Russia" and "Russian forces"
are one), category, unit and time scope. The ledger keeps subjects and locations as written; the queries
here ask the database for the (subject, location) pairs of a category, unit and scope, resolve those few in
Python, and fetch the claims of the pairs that resolve to the figure. Claims without enough identity belong
to no figure. The web's figure view, `claimledger figure` and the ledger-wide cross-source check all read
figures through these queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.engine import Engine

from claimledger.check.identity import figure_key, identity, whose_where
from claimledger.models import Claim
from claimledger.normalize.subjects import resolve_subject
from claimledger.store.rows import claim_from_record
from claimledger.store.schema import claims as claims_t

FigureParts = tuple[str, str, str, str]  # whose @ where, category, unit (lower case), time_scope
MAX_FIGURE_CLAIMS = 5000


def figure_parts(claim: Claim) -> FigureParts:
    found = identity(claim)
    if found is not None:
        return found.whose_where, found.category, found.unit, found.time_scope
    whose, where, _ = whose_where(claim.subject, claim.location)
    who = f"{whose} @ {where}" if where else whose
    return who, claim.category, (claim.unit or "").lower(), claim.time_scope


def group_columns() -> list[Any]:
    c = claims_t.c
    return [func.lower(func.coalesce(c.subject, "")), c.category, func.lower(func.coalesce(c.unit, "")),
            c.time_scope]


def _target(who: str) -> str:
    """A figure's whose@where, also from a subject as written (a key made from the raw group columns)."""
    if " @ " in who or "/" in who or not who:
        return who
    whose = resolve_subject(who)
    return whose.key if whose is not None else who


def _bucket(category: str, unit: str, scope: str) -> list[Any]:
    c = claims_t.c
    return [c.category == category, func.lower(func.coalesce(c.unit, "")) == unit, c.time_scope == scope]


def _pairs(engine: Engine, category: str, unit: str, scope: str) -> list[tuple[str, str, int, str]]:
    """(subject, location, documents, a document id) of one category, unit and scope, as stored."""
    c = claims_t.c
    subj, loc = func.coalesce(c.subject, ""), func.coalesce(c.location, "")
    stmt = (select(subj, loc, func.count(func.distinct(c.doc_id)), func.min(c.doc_id))
            .where(*_bucket(category, unit, scope)).group_by(subj, loc))
    with engine.connect() as conn:
        return [(s, lc, int(n), d) for s, lc, n, d in conn.execute(stmt).all()]


def _ww(subject: str, location: str) -> str:
    whose, where, enough = whose_where(subject or None, location or None)
    if not enough:
        return ""
    return f"{whose} @ {where}" if where else whose


def figure_claims(engine: Engine, parts: FigureParts, limit: int | None = MAX_FIGURE_CLAIMS) -> list[Claim]:
    """Every claim of one figure (the first `limit`), oldest report first."""
    target, category, unit, scope = _target(parts[0]), parts[1], parts[2], parts[3]
    if not target:
        return []
    kept = [(s, lc) for s, lc, _, _ in _pairs(engine, category, unit, scope) if _ww(s, lc) == target]
    c = claims_t.c
    subj, loc = func.coalesce(c.subject, ""), func.coalesce(c.location, "")
    which = or_(*(and_(subj == s, loc == lc) for s, lc in kept)) if kept else false()
    stmt = (select(c.record)
            .where(*_bucket(category, unit, scope), which)
            .order_by(c.published, c.id).limit(limit))
    with engine.connect() as conn:
        found = [claim_from_record(r) for r in conn.execute(stmt).scalars()]
    return [claim for claim in found if figure_key(claim) is not None]


def shared_figures(engine: Engine) -> Iterator[FigureParts]:
    """The figures that more than one document reports: the ones cross_source compares."""
    c = claims_t.c
    stmt = (select(c.category, func.lower(func.coalesce(c.unit, "")), c.time_scope).distinct()
            .where(c.subject.is_not(None) | c.location.is_not(None)))
    with engine.connect() as conn:
        buckets = conn.execute(stmt).all()
    for category, unit, scope in sorted(buckets, key=lambda r: tuple(x or "" for x in r)):
        docs: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for s, lc, n, doc in _pairs(engine, category, unit, scope):
            ww = _ww(s, lc)
            if ww:
                docs[ww].append((n, doc))
        for ww, rows in sorted(docs.items()):
            # more than one document: one pair seen in two, or pairs seen in different documents
            if any(n > 1 for n, _ in rows) or len({d for _, d in rows}) > 1:
                yield ww, category or "", unit, scope or ""
