"""Figures in the ledger: the claims that report one quantity, found by the columns that group them.

A figure is what `check.sources.figure_key` compares, less the period (each report of a daily figure has its
own day): subject, category, unit and time scope, subject and unit compared in lower case. The web's figure
view, `claimledger figure` and the ledger-wide cross-source check all read figures through these queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from claimledger.models import Claim
from claimledger.store.rows import claim_from_record
from claimledger.store.schema import claims as claims_t

FigureParts = tuple[str, str, str, str]  # subject, category, unit, time_scope (subject and unit lower case)
MAX_FIGURE_CLAIMS = 5000


def figure_parts(claim: Claim) -> FigureParts:
    return ((claim.subject or "").lower(), claim.category, (claim.unit or "").lower(), claim.time_scope)


def group_columns() -> list[Any]:
    c = claims_t.c
    return [func.lower(func.coalesce(c.subject, "")), c.category, func.lower(func.coalesce(c.unit, "")),
            c.time_scope]


def figure_claims(engine: Engine, parts: FigureParts, limit: int | None = MAX_FIGURE_CLAIMS,
                  period: tuple[str | None, str | None] | None = None) -> list[Claim]:
    """Every claim of one figure (the first `limit`), oldest report first; only those of one `period`
    (start, end) when given."""
    subject, category, unit, scope = group_columns()
    stmt = (select(claims_t.c.record)
            .where(subject == parts[0], category == parts[1], unit == parts[2], scope == parts[3])
            .order_by(claims_t.c.published, claims_t.c.id).limit(limit))
    if period is not None:
        stmt = stmt.where(claims_t.c.period_start.is_not_distinct_from(period[0]),
                          claims_t.c.period_end.is_not_distinct_from(period[1]))
    with engine.connect() as conn:
        return [claim_from_record(r) for r in conn.execute(stmt).scalars()]


def shared_figures(engine: Engine) -> Iterator[FigureParts]:
    """The figures with a subject that more than one document reports: the ones cross_source compares."""
    cols = group_columns()
    stmt = (select(*cols).where(claims_t.c.subject.is_not(None), claims_t.c.subject != "")
            .group_by(*cols).having(func.count(func.distinct(claims_t.c.doc_id)) > 1).order_by(*cols))
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    for subject, category, unit, scope in rows:
        yield subject, category or "", unit, scope or ""
