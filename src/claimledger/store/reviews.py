"""Reviews in the ledger: what people set on claims, an append-only history of every change, and the
re-attaching of reviews after re-extraction.

A claim's stored record is its effective record: the extraction with its review's fields put over it, and
``review`` set. Writing a review, re-extracting a document and saving checks all keep it so, each in one
transaction. A review is keyed to its claim by document and span (and text): re-extraction by a newer version
re-attaches it to the claim at the same span, else to a claim of the same text overlapping or nearest it in
the same sentence; a review that finds no claim is kept with ``claim_id`` null (orphaned), never dropped.

Two reviewers writing one claim at once take turns (the claim's row is locked: ``SELECT ... FOR UPDATE`` on
PostgreSQL, SQLite's write lock from ``BEGIN IMMEDIATE``): each change is read against the one before it, so
the history chains (the second change's old value is the first one's new value) and the later one wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, exists, func, insert, literal, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from claimledger.errors import NotFoundError, StoreError
from claimledger.models import Claim
from claimledger.review import LOW_CONFIDENCE, get_field, overlay
from claimledger.store.rows import claim_from_record, claim_row, now_iso
from claimledger.store.schema import check_results as checks_t
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t
from claimledger.store.schema import review_history as history_t
from claimledger.store.schema import reviews as reviews_t

UNSET: Any = object()
REVIEW_KEYS = ("verdict", "note", "evidence", "not_claim")


@dataclass
class Change:
    """What one reviewer sets on one claim; UNSET parts are left as they are."""

    fields: dict[str, Any] = field(default_factory=dict)  # parsed values (claimledger.review.parse_value)
    verdict: Any = UNSET
    note: Any = UNSET
    evidence: Any = UNSET  # a list of links: replaces the list
    not_claim: Any = UNSET


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def review_dict(row: Any) -> dict[str, Any]:
    """The `review` object of the claim record, from a reviews row."""
    return {"fields": json.loads(row.fields or "{}"), "verdict": row.verdict, "note": row.note,
            "evidence": json.loads(row.evidence or "[]"), "not_claim": bool(row.not_claim),
            "reviewer": row.reviewer, "at": row.at}


def review_row_json(row: Any) -> dict[str, Any]:
    """A stored review as JSON for listings: its claim (null when orphaned) and where it was anchored."""
    return {"id": row.id, "claim_id": row.claim_id, "doc_id": row.doc_id,
            "span": [row.span_start, row.span_end], "text": row.text, "sentence": row.sentence,
            "orphaned": row.claim_id is None, **review_dict(row)}


def _locked(conn: Connection, stmt: Any) -> Any:
    return stmt.with_for_update() if conn.dialect.name == "postgresql" else stmt


HISTORY_KEYS = ("review_id", "claim_id", "doc_id", "reviewer", "at", "action", "field", "old_value",
                "new_value", "detail")


def _history(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:  # every row with every key: one executemany needs one shape
        conn.execute(insert(history_t), [{k: row.get(k) for k in HISTORY_KEYS} for row in rows])


def write_review(engine: Engine, claim_id: str, reviewer: str, change: Change) -> Claim:
    """Apply one reviewer's change to a claim: history rows for what changed, the review, the effective
    record.

    Returns the claim's effective record after the change. NotFoundError when the claim is not there.
    """
    if not reviewer:
        raise StoreError("a review needs a reviewer's name")
    try:
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            record = conn.execute(_locked(conn, select(claims_t.c.record).where(claims_t.c.id == claim_id))
                                  ).scalar()
            if record is None:
                raise NotFoundError(f"no claim with id {claim_id!r} in the ledger")
            claim = claim_from_record(record)
            mine = select(reviews_t).where(reviews_t.c.claim_id == claim_id)
            row = conn.execute(_locked(conn, mine)).first()
            current = review_dict(row) if row is not None else {
                "fields": {}, "verdict": None, "note": None, "evidence": [], "not_claim": False}
            effective = claim.to_dict()
            at = now_iso()
            base = {"claim_id": claim_id, "doc_id": claim.doc_id, "reviewer": reviewer, "at": at,
                    "action": "set"}
            changes: list[dict[str, Any]] = []
            fields = dict(current["fields"])
            for name, value in change.fields.items():
                old = get_field(effective, name)
                if old != value or name not in fields:
                    changes.append({**base, "field": name, "old_value": _dump(old),
                                    "new_value": _dump(value)})
                fields[name] = value
            new = {**current, "fields": fields}
            for key in REVIEW_KEYS:
                value = getattr(change, key)
                if value is UNSET:
                    continue
                if value != current[key]:
                    changes.append({**base, "field": key, "old_value": _dump(current[key]),
                                    "new_value": _dump(value)})
                new[key] = value
            if not changes:
                return claim
            values = {"fields": _dump(fields), "verdict": new["verdict"], "note": new["note"],
                      "evidence": _dump(new["evidence"]), "not_claim": bool(new["not_claim"]),
                      "reviewer": reviewer, "at": at}
            if row is None:
                anchor = {"claim_id": claim_id, "doc_id": claim.doc_id, "span_start": claim.span[0],
                          "span_end": claim.span[1], "text": claim.text, "sentence": claim.sentence}
                review_id = conn.execute(insert(reviews_t).values(**anchor, **values)
                                         .returning(reviews_t.c.id)).scalar_one()
            else:
                review_id = row.id
                conn.execute(update(reviews_t).where(reviews_t.c.id == review_id).values(**values))
            _history(conn, [{**c, "review_id": review_id} for c in changes])
            reviewed = overlay(claim, {**new, "reviewer": reviewer, "at": at})
            conn.execute(update(claims_t).where(claims_t.c.id == claim_id).values(**claim_row(reviewed)))
            return reviewed
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(f"saving the review of claim {claim_id!r} failed: {reason}") from exc


# ------------------------------------------------------------------------------------------ re-attaching

def _match(review: Any, claims: list[Claim], taken: set[str]) -> Claim | None:
    """The new claim this review belongs to: same span; else same text in the same sentence or overlapping
    (the nearest); else the one claim of the document with that text; else one overlapping its old span (the
    extractor now reads the quantity wider or narrower); else None (orphaned)."""
    free = [c for c in claims if c.id not in taken]
    for c in free:
        if tuple(c.span) == (review.span_start, review.span_end):
            return c

    def distance(c: Claim) -> int:
        return abs(c.span[0] - review.span_start)

    same_text = [c for c in free if c.text == review.text]
    in_place = [c for c in same_text if c.sentence == review.sentence or _overlaps(c, review)]
    if in_place:
        return min(in_place, key=distance)
    if len(same_text) == 1:  # its sentence was edited, but the document says this figure only once
        return same_text[0]
    overlapping = [c for c in free if _overlaps(c, review)]
    return min(overlapping, key=distance) if overlapping else None


def _overlaps(claim: Claim, review: Any) -> bool:
    return claim.span[0] < review.span_end and review.span_start < claim.span[1]


def reattach(conn: Connection, doc_id: str, claims: Iterable[Claim]) -> None:
    """After a document's claims were (re)written in this transaction: put each of its reviews back on its
    claim, overlay it, and record in the history every review that moved to another claim or was orphaned."""
    rows = conn.execute(select(reviews_t).where(reviews_t.c.doc_id == doc_id).order_by(reviews_t.c.id)).all()
    if not rows:
        return
    new = list(claims)
    at = now_iso()
    taken: set[str] = set()
    placed: dict[int, Claim | None] = {}
    for row in sorted(rows, key=lambda r: r.claim_id is None):  # attached reviews choose first
        found = _match(row, new, taken)
        placed[row.id] = found
        if found is not None:
            taken.add(found.id)
    conn.execute(update(reviews_t).where(reviews_t.c.doc_id == doc_id).values(claim_id=None))
    events = []
    for row in rows:
        claim = placed[row.id]
        base = {"review_id": row.id, "doc_id": doc_id, "reviewer": row.reviewer, "at": at}
        if claim is None:
            if row.claim_id is not None:
                events.append({**base, "claim_id": row.claim_id, "action": "orphaned",
                               "detail": f"re-extraction gave no claim at {row.span_start}-{row.span_end} "
                                         f"({row.text!r})"})
            continue
        conn.execute(update(reviews_t).where(reviews_t.c.id == row.id).values(
            claim_id=claim.id, span_start=claim.span[0], span_end=claim.span[1], text=claim.text,
            sentence=claim.sentence))
        reviewed = overlay(claim, review_dict(row))
        conn.execute(update(claims_t).where(claims_t.c.id == claim.id).values(**claim_row(reviewed)))
        if row.claim_id != claim.id:
            events.append({**base, "claim_id": claim.id, "action": "reattached",
                           "old_value": _dump(row.claim_id), "new_value": _dump(claim.id),
                           "detail": f"{row.text!r} at {row.span_start}-{row.span_end} is now {claim.text!r} "
                                     f"at {claim.span[0]}-{claim.span[1]}"})
    _history(conn, events)


def reapply(conn: Connection, claim_ids: list[str]) -> None:
    """Put the current reviews back over these claims' records (after a writer that read them earlier)."""
    for i in range(0, len(claim_ids), 500):
        rows = conn.execute(select(reviews_t).where(reviews_t.c.claim_id.in_(claim_ids[i:i + 500]))).all()
        for row in rows:
            record = conn.execute(select(claims_t.c.record).where(claims_t.c.id == row.claim_id)).scalar()
            if record is not None:
                reviewed = overlay(claim_from_record(record), review_dict(row))
                conn.execute(update(claims_t).where(claims_t.c.id == row.claim_id)
                             .values(**claim_row(reviewed)))


# ------------------------------------------------------------------------------------------ reading

def history(engine: Engine, *, claim_id: str | None = None, doc_id: str | None = None,
            reviewer: str | None = None, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """History rows, oldest first, of a claim, a document or a reviewer (or the whole ledger)."""
    h = history_t.c
    stmt = select(history_t).order_by(h.id).limit(limit).offset(offset)
    for column, value in ((h.claim_id, claim_id), (h.doc_id, doc_id), (h.reviewer, reviewer)):
        if value is not None:
            stmt = stmt.where(column == value)
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [{"id": r.id, "review_id": r.review_id, "claim_id": r.claim_id, "doc_id": r.doc_id,
             "reviewer": r.reviewer, "at": r.at, "action": r.action, "field": r.field,
             "old_value": None if r.old_value is None else json.loads(r.old_value),
             "new_value": None if r.new_value is None else json.loads(r.new_value), "detail": r.detail}
            for r in rows]


def list_reviews(engine: Engine, *, doc_id: str | None = None, orphaned: bool | None = None,
                 limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    stmt = select(reviews_t).order_by(reviews_t.c.id).limit(limit).offset(offset)
    if doc_id is not None:
        stmt = stmt.where(reviews_t.c.doc_id == doc_id)
    if orphaned is not None:
        stmt = stmt.where(reviews_t.c.claim_id.is_(None) if orphaned else reviews_t.c.claim_id.is_not(None))
    with engine.connect() as conn:
        return [review_row_json(r) for r in conn.execute(stmt).all()]


def record_event(conn: Connection, *, reviewer: str, action: str, doc_id: str | None = None,
                 claim_id: str | None = None, detail: str | None = None) -> None:
    """One history row for an event that is not a field change (a document deleted)."""
    _history(conn, [{"reviewer": reviewer, "at": now_iso(), "action": action, "doc_id": doc_id,
                     "claim_id": claim_id, "detail": detail}])


# ------------------------------------------------------------------------------------------ the queue

def _sign_terms() -> list[tuple[Any, int, str]]:
    """Stand-ins for low confidence, for claims extracted without a decision model (no ``confidence``), with
    their weights: the context fields the rules are least sure of (an unknown source type, no time scope, no
    category). They also break ties between claims of equal confidence."""
    c = claims_t.c
    return [(c.source_type == "unknown", 4, "unknown source type"),
            (c.time_scope == "unspecified", 2, "no time scope"), (c.category == "other", 1, "no category")]


def _flag(condition: Any) -> Any:
    return case((condition, literal(1)), else_=literal(0))


def queue(engine: Engine, *, limit: int = 50, offset: int = 0, include_reviewed: bool = False,
          include_examples: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """Claims ordered by what most needs a person: unreviewed first, the user's own before the bundled
    examples, then failed checks, then the lowest field confidence (``claims.min_confidence``) first, claims
    without a confidence after those with one and ordered by the stand-in signs (`_sign_terms`).

    Each item has `need`, a score that falls as the queue goes (2 for a failed check, plus 1 minus the lowest
    confidence), `min_confidence`, and `reasons` ("failed check", "low confidence: time scope 0.42", or the
    signs of a claim without confidence). Ordered in one query. Returns (how many there are, this page)."""
    c = claims_t.c
    signs = _sign_terms()
    failed = exists().where(and_(checks_t.c.claim_id == c.id, checks_t.c.result == "inconsistent"))
    sign_score = sum((case((cond, literal(weight)), else_=literal(0)) for cond, weight, _ in signs),
                     literal(0))
    need = (case((failed, literal(2.0)), else_=literal(0.0))
            + func.coalesce(literal(1.0) - c.min_confidence, literal(0.0)))
    reviewed = exists().where(reviews_t.c.claim_id == c.id)
    example = exists().where(and_(documents_t.c.id == c.doc_id, documents_t.c.example.is_(True)))
    keys = {"reviewed": _flag(reviewed).label("reviewed"), "example": _flag(example).label("example"),
            "failed": _flag(failed).label("failed"),
            "no_confidence": _flag(c.min_confidence.is_(None)).label("no_confidence"),
            "signs": sign_score.label("signs")}
    # the page is ordered by the labels (each subquery computed once a row) and carries ids, not records: the
    # sort moves small rows; the page's records are read afterwards by id
    stmt = select(c.id, c.min_confidence, need.label("need"), *keys.values(),
                  *[_flag(cond).label(f"s{i}") for i, (cond, _, _) in enumerate(signs)])
    conditions = []
    if not include_reviewed:
        conditions.append(~reviewed)
    if not include_examples:
        conditions.append(~example)
    stmt = stmt.where(*conditions)
    total_stmt = select(func.count()).select_from(claims_t).where(*conditions)
    page = stmt.order_by(keys["reviewed"].asc(), keys["example"].asc(), keys["failed"].desc(),
                         keys["no_confidence"].asc(), c.min_confidence.asc(), keys["signs"].desc(),
                         c.published.desc(), c.id)
    with engine.connect() as conn:
        total = int(conn.execute(total_stmt).scalar_one())
        rows = conn.execute(page.limit(limit).offset(offset)).all()
        records = dict(conn.execute(select(c.id, c.record).where(c.id.in_([r.id for r in rows]))).all())
    out = []
    for row in rows:
        claim = claim_from_record(records[row.id])
        reasons = [] if row.reviewed else ["unreviewed"]
        if row.failed:
            reasons.append("failed check")
        if row.min_confidence is not None:
            reasons += low_confidence_reasons(claim.confidence)
        else:
            reasons += [label for i, (_, _, label) in enumerate(signs) if row._mapping[f"s{i}"]]
        if row.example:
            reasons.append("bundled example")
        out.append({"claim": claim, "need": round(float(row.need), 3), "min_confidence": row.min_confidence,
                    "reasons": reasons})
    return total, out


def low_confidence_reasons(confidence: dict[str, Any] | None) -> list[str]:
    """"low confidence: time scope 0.42, source type 0.5": the fields under LOW_CONFIDENCE, lowest first."""
    low = sorted((float(v), name) for name, v in (confidence or {}).items()
                 if isinstance(v, int | float) and v < LOW_CONFIDENCE)
    if not low:
        return []
    return ["low confidence: " + ", ".join(f"{name.replace('_', ' ')} {value:.2f}" for value, name in low)]


__all__ = ["UNSET", "Change", "history", "list_reviews", "low_confidence_reasons", "queue", "reapply",
           "reattach", "record_event", "write_review"]
