"""Figures in the ledger: the claims that report one quantity.

A figure is what `check.identity` compares, less the period (each report of a daily figure has its own day):
whose and where (subject and location resolved through the alias table, so "Russia" and "Russian forces" are
one), category, unit and time scope. The ledger keeps subjects and locations as written; the queries here ask
the database for the (subject, location) pairs of a category, unit and scope, resolve those few in Python, and
fetch the claims of the pairs that resolve to the figure. A claim without enough identity is a figure of its
own ("#<claim id>"), listed nowhere. The web's figure view, `claimledger figure` and the ledger-wide
cross-source check all read figures through these queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.engine import Engine

from claimledger.check.identity import identity, whose_where
from claimledger.models import Claim, Period
from claimledger.normalize.subjects import resolve_subject
from claimledger.store.rows import claim_from_record
from claimledger.store.schema import claims as claims_t

FigureParts = tuple[str, str, str, str]  # whose @ where, category, unit (lower case, /measure), time_scope
MAX_FIGURE_CLAIMS = 5000
ALONE = "#"  # parts[0] of a claim without a figure identity: "#<claim id>", a figure of one report


def figure_parts(claim: Claim) -> FigureParts:
    """The figure a claim reports; a claim without enough identity is a figure of its own ("#<id>")."""
    found = identity(claim)
    if found is not None:
        return found.whose_where, found.category, found.unit, found.time_scope
    return f"{ALONE}{claim.id}", claim.category, (claim.unit or "").lower(), claim.time_scope


def group_columns() -> list[Any]:
    c = claims_t.c
    return [func.lower(func.coalesce(c.subject, "")), c.category, func.lower(func.coalesce(c.unit, "")),
            c.time_scope]


def _target(who: str) -> str:
    """A figure's whose@where, also from a subject as written (a key made from the raw group columns)."""
    if " @ " in who or "/" in who or not who or who.startswith(ALONE):
        return who
    whose = resolve_subject(who)
    return whose.key if whose is not None else who


def _bucket(category: str, unit: str, scope: str) -> list[Any]:
    c = claims_t.c
    base = unit.split("/", 1)[0]  # "rub/defence spending": the column holds the currency
    return [c.category == category, func.lower(func.coalesce(c.unit, "")) == base, c.time_scope == scope]


Periods = set[tuple[str | None, str | None]]
DATED_SCOPES = ("daily", "period")  # their figure is one period's: its reports are of that period only


def _of_periods(scope: str, periods: Periods | None) -> list[Any]:
    """The condition "of one of these periods", for a daily or period figure (its identity holds the
    period); nothing for other scopes or no periods given."""
    if periods is None or scope not in DATED_SCOPES:
        return []
    c = claims_t.c

    def equal(column: Any, value: str | None) -> Any:
        return column.is_(None) if value is None else column == value

    return [or_(false(), *(and_(equal(c.period_start, start), equal(c.period_end, end))
                           for start, end in sorted(periods, key=str)))]


def _pairs(engine: Engine, category: str, unit: str, scope: str,
           periods: Periods | None = None) -> list[tuple[str, str]]:
    """The (subject, location) pairs of one category, unit and scope (and periods), as stored."""
    c = claims_t.c
    subj, loc = func.coalesce(c.subject, ""), func.coalesce(c.location, "")
    stmt = (select(subj, loc).where(*_bucket(category, unit, scope), *_of_periods(scope, periods))
            .group_by(subj, loc))
    with engine.connect() as conn:
        return [(sj, lc) for sj, lc in conn.execute(stmt).all()]


def _ww(subject: str, location: str) -> str:
    whose, where, enough = whose_where(subject or None, location or None)
    if not enough:
        return ""
    return f"{whose} @ {where}" if where else whose


def figure_claims(engine: Engine, parts: FigureParts, limit: int | None = MAX_FIGURE_CLAIMS,
                  periods: Periods | None = None) -> list[Claim]:
    """Every claim of one figure (the first `limit`), oldest report first. ``periods``: of a daily or period
    figure, only the reports of these periods (the others are other figures in time: storing one more
    report then reads its own period's reports, not every day's)."""
    target, category, unit, scope = _target(parts[0]), parts[1], parts[2], parts[3]
    parts = (target, category, unit, scope)
    c = claims_t.c
    if target.startswith(ALONE):
        stmt = select(c.record).where(c.id == target[len(ALONE):])
    else:
        kept = [(sj, lc) for sj, lc in _pairs(engine, category, unit, scope, periods)
                if _ww(sj, lc) == target]
        subj, loc = func.coalesce(c.subject, ""), func.coalesce(c.location, "")
        which = or_(*(and_(subj == sj, loc == lc) for sj, lc in kept)) if kept else false()
        stmt = select(c.record).where(*_bucket(category, unit, scope), *_of_periods(scope, periods), which)
    stmt = stmt.order_by(c.published, c.id)
    found: list[Claim] = []
    with engine.connect() as conn:
        for record in conn.execute(stmt).scalars():
            claim = claim_from_record(record)
            if figure_parts(claim) == parts:  # what it measures and when are read from the whole record
                found.append(claim)
                if limit is not None and len(found) >= limit:
                    break
    return found


@dataclass
class FigureSummary:
    parts: FigureParts
    claims: int = 0
    documents: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None


def figure_summaries(engine: Engine, category: str | None = None) -> list[FigureSummary]:
    """Every figure with an identity: how many claims and documents report it, first and last published.

    Reads the columns identity needs of the claims with a subject or a location (the others belong to no
    figure), one row at a time.
    """
    c = claims_t.c
    stmt = (select(c.id, c.doc_id, c.subject, c.location, c.category, c.unit, c.time_scope, c.period_start,
                   c.period_end, c.text, c.sentence, c.published)
            .where(c.subject.is_not(None) | c.location.is_not(None)))
    if category:
        stmt = stmt.where(c.category == category)
    out: dict[FigureParts, FigureSummary] = {}
    with engine.connect() as conn:
        for row in conn.execute(stmt):
            claim = Claim(id=row.id, doc_id=row.doc_id, span=(0, 0), text=row.text or "",
                          sentence=row.sentence or "", value=0.0, unit=row.unit or "",
                          category=row.category or "other", time_scope=row.time_scope or "unspecified",
                          period=Period(row.period_start, row.period_end)
                          if row.period_start or row.period_end else None,
                          subject=row.subject, location=row.location, published=row.published)
            parts = figure_parts(claim)
            if parts[0].startswith(ALONE):
                continue
            summary = out.setdefault(parts, FigureSummary(parts))
            summary.claims += 1
            summary.documents.add(row.doc_id)
            if row.published:
                summary.first = min(summary.first or row.published, row.published)
                summary.last = max(summary.last or row.published, row.published)
    return list(out.values())


def shared_figures(engine: Engine) -> Iterator[FigureParts]:
    """The figures that more than one document reports: the ones cross_source compares."""
    for summary in sorted(figure_summaries(engine), key=lambda f: f.parts):
        if len(summary.documents) > 1:
            yield summary.parts
