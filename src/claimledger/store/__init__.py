"""The ledger: documents and their claims in SQLite or PostgreSQL, through SQLAlchemy only.

Every filter value travels as a bound parameter; nothing the user types is pasted into SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any, Iterator

from sqlalchemy import create_engine, delete, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from claimledger.errors import StoreError
from claimledger.models import Claim, Document
from claimledger.settings import resolve_db_url
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t
from claimledger.store.schema import metadata

ORDER_COLUMNS = {"published", "value", "category", "id", "outlet", "time_scope"}


@dataclass
class ClaimFilter:
    category: str | None = None
    source: str | None = None  # substring of name or canonical name
    source_type: str | None = None
    outlet: str | None = None
    time_scope: str | None = None
    period_start: str | None = None  # claims whose period ends on/after this
    period_end: str | None = None  # claims whose period starts on/before this
    verification: str | None = None
    text: str | None = None  # substring of text or sentence
    value_min: float | None = None
    value_max: float | None = None
    doc_id: str | None = None
    unit: str | None = None
    subject: str | None = None  # substring


@dataclass
class AddResult:
    doc_id: str
    claims: int
    replaced: bool  # the document was already in the ledger and its claims were replaced


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(f: ClaimFilter) -> list[Any]:
    c = claims_t.c
    out: list[Any] = []
    equal = {"category": c.category, "source_type": c.source_type, "outlet": c.outlet,
             "time_scope": c.time_scope, "verification": c.verification, "doc_id": c.doc_id, "unit": c.unit}
    for name, column in equal.items():
        value = getattr(f, name)
        if value is not None:
            out.append(column == value)
    if f.source:
        pattern = _like(f.source.lower())
        out.append(or_(func.lower(c.source_name).like(pattern, escape="\\"),
                       func.lower(c.source_canonical).like(pattern, escape="\\")))
    if f.text:
        pattern = _like(f.text.lower())
        out.append(or_(func.lower(c.text).like(pattern, escape="\\"),
                       func.lower(c.sentence).like(pattern, escape="\\")))
    if f.subject:
        out.append(func.lower(c.subject).like(_like(f.subject.lower()), escape="\\"))
    if f.value_min is not None:
        out.append(c.value >= f.value_min)
    if f.value_max is not None:
        out.append(c.value <= f.value_max)
    if f.period_start:
        out.append(c.period_end >= f.period_start)
    if f.period_end:
        out.append(c.period_start <= f.period_end)
    return out


def _claim_row(claim: Claim) -> dict[str, Any]:
    period = claim.period
    return {
        "id": claim.id, "doc_id": claim.doc_id, "category": claim.category,
        "source_name": claim.source.name, "source_canonical": claim.source.canonical,
        "source_type": claim.source.type, "outlet": claim.outlet, "time_scope": claim.time_scope,
        "period_start": period.start if period else None, "period_end": period.end if period else None,
        "verification": claim.verification, "text": claim.text, "sentence": claim.sentence,
        "value": claim.value, "unit": claim.unit, "subject": claim.subject, "published": claim.published,
        "record": json.dumps(claim.to_dict(), ensure_ascii=False),
    }


def _document_from_record(record: str) -> Document:
    data = json.loads(record)
    known = {f.name for f in fields(Document)}
    return Document(**{k: v for k, v in data.items() if k in known})


class Ledger:
    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> "Ledger":
        resolved = resolve_db_url(url)
        try:
            engine = create_engine(resolved, future=True)
            metadata.create_all(engine)  # creates on first use; idempotent afterwards
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open ledger database {resolved!r}: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}") from exc
        return cls(engine, resolved)

    def _fail(self, what: str, exc: Exception) -> StoreError:
        return StoreError(f"{what} failed on ledger {self.url!r}: {getattr(exc, 'orig', exc)}")

    def add(self, document: Document, claims: list[Claim], extractor_version: str) -> AddResult:
        """Store a document and its claims in one transaction; adding it again replaces, never duplicates."""
        doc_row = {"id": document.id, "outlet": document.outlet, "published": document.published,
                   "extractor_version": extractor_version,
                   "record": json.dumps(document.to_dict(), ensure_ascii=False)}
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(select(documents_t.c.id).where(documents_t.c.id == document.id)).first()
                if exists:
                    conn.execute(delete(claims_t).where(claims_t.c.doc_id == document.id))
                    conn.execute(update(documents_t).where(documents_t.c.id == document.id).values(**doc_row))
                else:
                    conn.execute(insert(documents_t).values(**doc_row))
                rows = {c.id: _claim_row(c) for c in claims}  # one row per id even if extraction repeats
                if rows:
                    conn.execute(insert(claims_t), list(rows.values()))
        except SQLAlchemyError as exc:
            raise self._fail(f"storing document {document.id!r}", exc) from exc
        return AddResult(document.id, len(rows), bool(exists))

    def documents(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[Document]:
        stmt = select(documents_t.c.record).order_by(documents_t.c.published.desc(), documents_t.c.id)
        if outlet is not None:
            stmt = stmt.where(documents_t.c.outlet == outlet)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.limit(limit).offset(offset)).scalars().all()
        return [_document_from_record(r) for r in rows]

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents_t)).scalar_one())

    def document(self, doc_id: str) -> tuple[Document, list[Claim]] | None:
        with self.engine.connect() as conn:
            record = conn.execute(select(documents_t.c.record).where(documents_t.c.id == doc_id)).scalar()
            if record is None:
                return None
            rows = conn.execute(select(claims_t.c.record).where(claims_t.c.doc_id == doc_id)).scalars().all()
        claims = sorted((Claim.from_dict(json.loads(r)) for r in rows), key=lambda c: tuple(c.span))
        return _document_from_record(record), claims

    def query(self, filter: ClaimFilter, limit: int = 100, offset: int = 0,
              order_by: str = "published", descending: bool = True) -> list[Claim]:
        if order_by not in ORDER_COLUMNS:
            raise StoreError(f"cannot order claims by {order_by!r}: use one of {sorted(ORDER_COLUMNS)}")
        column = claims_t.c[order_by]
        stmt = (select(claims_t.c.record).where(*_conditions(filter))
                .order_by(column.desc() if descending else column.asc(), claims_t.c.id)
                .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).scalars().all()
        return [Claim.from_dict(json.loads(r)) for r in rows]

    def count(self, filter: ClaimFilter) -> int:
        stmt = select(func.count()).select_from(claims_t).where(*_conditions(filter))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def iter_claims(self, filter: ClaimFilter, batch: int = 1000) -> Iterator[Claim]:
        """All matching claims in a stable order, fetched in pages so memory stays flat."""
        last: str | None = None
        while True:
            stmt = select(claims_t.c.id, claims_t.c.record).where(*_conditions(filter))
            if last is not None:
                stmt = stmt.where(claims_t.c.id > last)
            with self.engine.connect() as conn:
                rows = conn.execute(stmt.order_by(claims_t.c.id).limit(batch)).all()
            for _, record in rows:
                yield Claim.from_dict(json.loads(record))
            if len(rows) < batch:
                return
            last = rows[-1][0]

    def save_checks(self, claims: list[Claim]) -> None:
        """Replace the stored records of these claims (their checks as given) in one transaction."""
        try:
            with self.engine.begin() as conn:
                for claim in claims:
                    row = _claim_row(claim)
                    conn.execute(update(claims_t).where(claims_t.c.id == claim.id).values(**row))
        except SQLAlchemyError as exc:
            raise self._fail("saving checks", exc) from exc

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            by_category = dict(conn.execute(select(claims_t.c.category, func.count())
                                            .group_by(claims_t.c.category)).all())
            claims_n = conn.execute(select(func.count()).select_from(claims_t)).scalar_one()
            outlets = conn.execute(select(func.count(func.distinct(documents_t.c.outlet)))).scalar_one()
        return {"documents": self.count_documents(), "claims": int(claims_n),
                "outlets": int(outlets), "by_category": {k: int(v) for k, v in by_category.items()}}

    def close(self) -> None:
        self.engine.dispose()


__all__ = ["AddResult", "ClaimFilter", "Ledger"]
