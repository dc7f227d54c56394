"""The ledger: documents and their claims in SQLite or PostgreSQL, through SQLAlchemy only.

Every filter value travels as a bound parameter; nothing the user types is pasted into SQL. The schema
is kept current by Alembic (``store/migrate.py``) each time a ledger is opened.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, delete, exists, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from claimledger.errors import StoreError
from claimledger.models import Claim, Document, content_hash
from claimledger.settings import resolve_db_url
from claimledger.store import migrate, publications, reviews
from claimledger.store.rows import (
    check_rows,
    claim_from_record,
    claim_row,
    document_from_record,
    document_row,
)
from claimledger.store.schema import check_results as checks_t
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t
from claimledger.store.schema import sources as sources_t

ORDER_COLUMNS = {"published", "value", "category", "id", "outlet", "time_scope"}


@dataclass
class ClaimFilter:
    category: str | None = None
    source: str | None = None  # substring of the name, the canonical name, or a known alias
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
    checked: bool | None = None  # True: claims with at least one check result; False: none
    min_confidence: float | None = None  # every context field at least this confident (claims with none: out)


@dataclass
class AddResult:
    doc_id: str
    claims: int
    replaced: bool  # the document was already in the ledger and its claims were replaced
    unchanged: bool = False  # already stored by this extractor version: nothing was written
    publication_added: bool = False  # the text was stored already; this outlet/URL/file is new publication


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _substring(columns: list[Any], value: str) -> Any:
    pattern = _like(value.lower())
    return or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))


def _conditions(f: ClaimFilter) -> list[Any]:
    c = claims_t.c
    out: list[Any] = []
    equal = {"category": c.category, "source_type": c.source_type, "outlet": c.outlet,
             "time_scope": c.time_scope, "verification": c.verification, "doc_id": c.doc_id, "unit": c.unit}
    out += [column == getattr(f, name) for name, column in equal.items() if getattr(f, name) is not None]
    if f.source:
        # also any alias in the sources table: --source ZSU finds the General Staff's claims
        aliased = select(sources_t.c.canonical).where(_substring([sources_t.c.alias], f.source))
        out.append(or_(_substring([c.source_name, c.source_canonical], f.source),
                       c.source_canonical.in_(aliased)))
    if f.text:
        out.append(_substring([c.text, c.sentence], f.text))
    if f.subject:
        out.append(_substring([c.subject], f.subject))
    if f.value_min is not None:
        out.append(c.value >= f.value_min)
    if f.value_max is not None:
        out.append(c.value <= f.value_max)
    if f.period_start:
        out.append(c.period_end >= f.period_start)
    if f.period_end:
        out.append(c.period_start <= f.period_end)
    if f.min_confidence is not None:  # NULL (no confidence) never compares true: left out
        out.append(c.min_confidence >= f.min_confidence)
    if f.checked is not None:
        has = exists().where(checks_t.c.claim_id == c.id)
        out.append(has if f.checked else ~has)
    return out


def _insert_ignoring_duplicate(conn: Connection, row: dict[str, Any]) -> bool:
    """Insert a document row unless its id is there; True if inserted. Race-free on PostgreSQL: a second
    writer of the same id waits for the first to commit, then inserts nothing."""
    dialect = conn.dialect.name
    if dialect in ("postgresql", "sqlite"):
        make = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = make(documents_t).values(**row).on_conflict_do_nothing(index_elements=["id"])
        # RETURNING, not rowcount: drivers disagree on the rowcount of an INSERT that ignored its row
        return conn.execute(stmt.returning(documents_t.c.id)).first() is not None
    if conn.execute(select(documents_t.c.id).where(documents_t.c.id == row["id"])).first():
        return False
    conn.execute(insert(documents_t).values(**row))
    return True


def _delete_claims_of(conn: Connection, doc_id: str) -> None:
    # explicit, not ON DELETE CASCADE: SQLite enforces foreign keys only when asked to, per connection
    owned = select(claims_t.c.id).where(claims_t.c.doc_id == doc_id)
    conn.execute(delete(checks_t).where(checks_t.c.claim_id.in_(owned)))
    conn.execute(delete(claims_t).where(claims_t.c.doc_id == doc_id))


def _write_claims(conn: Connection, claims: Iterable[Claim]) -> int:
    unique = {c.id: c for c in claims}  # one row per id even if extraction repeats
    if unique:
        conn.execute(insert(claims_t), [claim_row(c) for c in unique.values()])
        checks = [row for c in unique.values() for row in check_rows(c)]
        if checks:
            conn.execute(insert(checks_t), checks)
    return len(unique)


class Ledger:
    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        # SQLite's data version or PostgreSQL's snapshot, top, statistics
        self._stats_cache: tuple[int | str, int, dict[str, Any]] | None = None
        self._version_conn: sqlite3.Connection | None = None
        self._version_lock = threading.Lock()

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Ledger:
        """Open (and create or upgrade to the newest schema) the ledger at ``url``.

        With ``create=False`` a SQLite file that does not exist is a StoreError rather than a new empty
        ledger: a mistyped path must not look like a ledger with nothing in it.
        """
        resolved = resolve_db_url(url)
        if not create:
            _must_exist(resolved)
        try:
            engine = create_engine(resolved)
            if engine.dialect.name == "sqlite":
                _tune_sqlite(engine)
            migrate.upgrade(engine)
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"cannot open ledger {_describe(resolved)}: {reason}") from exc
        return cls(engine, resolved)

    @property
    def where(self) -> str:
        return _describe(self.url)

    def _fail(self, what: str, exc: Exception) -> StoreError:
        return StoreError(f"{what} failed on ledger {self.where}: {getattr(exc, 'orig', None) or exc}")

    def add(self, document: Document, claims: list[Claim], extractor_version: str, *,
            replace: bool = False) -> AddResult:
        """Store a document and its claims in one transaction.

        Already stored, with the same text, by the same extractor version: nothing is written (``unchanged``)
        unless ``replace``. Stored by another version, or under the same id with another text (an input's own
        id for an article that was since edited): replaced. Never duplicates, even with concurrent writers.
        """
        path = publications.origin_path(document)
        for claim in claims:
            claim.path = claim.path or path
        try:
            with self.engine.begin() as conn:
                row = document_row(document, extractor_version)
                if _insert_ignoring_duplicate(conn, row):
                    publications.first_publication(conn, document)
                    written = _write_claims(conn, claims)
                    reviews.reattach(conn, document.id, claims)  # of a document deleted and added again
                    return AddResult(document.id, written, replaced=False)
                d = documents_t.c
                stored = conn.execute(select(d.extractor_version, d.content_hash).where(
                    d.id == document.id).with_for_update()).one()
                if tuple(stored) == (extractor_version, row["content_hash"]) and not replace:
                    added = publications.add_publication(conn, document)
                    return AddResult(document.id, 0, replaced=False, unchanged=True,
                                     publication_added=added)
                _delete_claims_of(conn, document.id)
                conn.execute(update(documents_t).where(documents_t.c.id == document.id).values(**row))
                written = _write_claims(conn, claims)
                reviews.reattach(conn, document.id, claims)  # every review follows its claim, or is orphaned
                added = publications.add_publication(conn, document)
                return AddResult(document.id, written, replaced=True, publication_added=added)
        except SQLAlchemyError as exc:
            raise self._fail(f"storing document {document.id!r}", exc) from exc

    def add_publication(self, document: Document) -> bool:
        """Record another publication (outlet, URL, title, date, file) of a stored document's text; True when
        it was new. The earliest publication is the document's first (see ``store/publications.py``)."""
        try:
            with self.engine.begin() as conn:
                return publications.add_publication(conn, document)
        except SQLAlchemyError as exc:
            raise self._fail(f"adding a publication of document {document.id!r}", exc) from exc

    def is_current(self, document: Document, extractor_version: str) -> bool:
        """True when this document, with this very text, is stored by this extractor version."""
        stmt = select(documents_t.c.extractor_version, documents_t.c.content_hash).where(
            documents_t.c.id == document.id)
        with self.engine.connect() as conn:
            stored = conn.execute(stmt).first()
        return stored is not None and tuple(stored) == (extractor_version, content_hash(document.text))

    def stored_versions(self, doc_ids: Iterable[str]) -> dict[str, str | None]:
        """Extractor version of each of these documents that is in the ledger (absent ones are left out)."""
        ids = list(doc_ids)
        found: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):  # bounded IN lists
            stmt = select(documents_t.c.id, documents_t.c.extractor_version).where(
                documents_t.c.id.in_(ids[i:i + 500]))
            with self.engine.connect() as conn:
                found.update({row[0]: row[1] for row in conn.execute(stmt)})
        return found

    def documents(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[Document]:
        stmt = select(documents_t.c.record).order_by(documents_t.c.published.desc(), documents_t.c.id)
        if outlet is not None:
            stmt = stmt.where(documents_t.c.outlet == outlet)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt.limit(limit).offset(offset)).scalars().all()
        return [document_from_record(r) for r in rows]

    def document_info(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """url, title, outlet, published and extractor_version of each of these documents, by id."""
        d = documents_t.c
        stmt = select(d.id, d.url, d.title, d.outlet, d.published, d.extractor_version).where(
            d.id.in_(list(doc_ids)))
        with self.engine.connect() as conn:
            return {row.id: dict(row._mapping) for row in conn.execute(stmt)}

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents_t)).scalar_one())

    def document(self, doc_id: str) -> tuple[Document, list[Claim]] | None:
        with self.engine.connect() as conn:
            record = conn.execute(select(documents_t.c.record).where(documents_t.c.id == doc_id)).scalar()
            if record is None:
                return None
            rows = conn.execute(select(claims_t.c.record).where(claims_t.c.doc_id == doc_id)).scalars().all()
        claims = sorted((claim_from_record(r) for r in rows), key=lambda c: tuple(c.span))
        return document_from_record(record), claims

    def claim(self, claim_id: str) -> Claim | None:
        with self.engine.connect() as conn:
            record = conn.execute(select(claims_t.c.record).where(claims_t.c.id == claim_id)).scalar()
        return None if record is None else claim_from_record(record)

    def query(self, filter: ClaimFilter, limit: int = 100, offset: int = 0,
              order_by: str = "published", descending: bool = True) -> list[Claim]:
        if order_by not in ORDER_COLUMNS:
            raise StoreError(f"cannot order claims by {order_by!r}: use one of {sorted(ORDER_COLUMNS)}")
        column = claims_t.c[order_by]
        # the page's ids first, then their records: ordering and skipping ``offset`` rows by the ids alone
        # reads an index, where fetching records for them read every skipped row (30 ms at offset 4,000)
        page = (select(claims_t.c.id).where(*_conditions(filter))
                .order_by(column.desc() if descending else column.asc(), claims_t.c.id)
                .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            ids = conn.execute(page).scalars().all()
            if not ids:
                return []
            records = dict(conn.execute(select(claims_t.c.id, claims_t.c.record)
                                        .where(claims_t.c.id.in_(ids))).tuples().all())
        return [claim_from_record(records[i]) for i in ids if i in records]

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
                yield claim_from_record(record)
            if len(rows) < batch:
                return
            last = rows[-1][0]

    def save_checks(self, claims: list[Claim]) -> None:
        """Replace the stored records of these claims and their check results, in one transaction."""
        try:
            with self.engine.begin() as conn:
                for claim in claims:
                    conn.execute(update(claims_t).where(claims_t.c.id == claim.id).values(**claim_row(claim)))
                    conn.execute(delete(checks_t).where(checks_t.c.claim_id == claim.id))
                    if claim.checks:
                        conn.execute(insert(checks_t), check_rows(claim))
                # a review written since these claims were read stays on top of them
                reviews.reapply(conn, [c.id for c in claims])
        except SQLAlchemyError as exc:
            raise self._fail("saving checks", exc) from exc

    def sources(self) -> dict[str, list[str]]:
        """Canonical source names and their aliases, as the sources table holds them."""
        s = sources_t.c
        stmt = select(s.canonical, s.alias).order_by(s.canonical, s.alias)
        out: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for canonical, alias in conn.execute(stmt):
                out.setdefault(canonical, []).append(alias)
        return out

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Documents, claims, and claims by category, by source (top ``top``), by outlet, by check result.

        Counted over the whole ledger (a few hundred ms at 10,000 claims), so the figures are kept until a
        change is committed, and counted again then: on a SQLite file, until any connection commits to it
        (``PRAGMA data_version``); on PostgreSQL, until any transaction commits (``_pg_stats``)."""
        if self.engine.dialect.name == "postgresql":
            return self._pg_stats(top)
        version = self._data_version()
        cached = self._stats_cache
        if version is not None and cached is not None and cached[:2] == (version, top):
            return _copy_stats(cached[2])
        with self.engine.connect() as conn:
            result = self._count_stats(conn, top)
        if version is not None:
            self._stats_cache = (version, top, result)
        return _copy_stats(result)

    def _pg_stats(self, top: int) -> dict[str, Any]:
        """The statistics counted in one REPEATABLE READ snapshot and kept under that snapshot's text
        (``pg_current_snapshot()``: xmin, xmax and the transactions then in progress), asked first in each
        later call. Every commit changes it (one listed in progress leaves the list; one that was not
        raises xmax past its id), and two equal snapshots see the same rows, so the figures are counted
        again exactly when a transaction has committed since, whether it was running at the count or began
        later. No cost on the write path and no table to keep; the price is that a commit anywhere on the
        server, to another database too, means a recount."""
        try:
            with self.engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, \
                    conn.begin():
                snapshot = str(conn.execute(select(func.pg_current_snapshot())).scalar_one())
                cached = self._stats_cache
                if cached is not None and cached[:2] == (snapshot, top):
                    return _copy_stats(cached[2])
                result = self._count_stats(conn, top)
        except SQLAlchemyError as exc:
            raise self._fail("counting statistics", exc) from exc
        self._stats_cache = (snapshot, top, result)
        return _copy_stats(result)

    def _data_version(self) -> int | None:
        """A number that changes whenever any connection, of this process or another, commits to this
        SQLite file: its ``data_version`` read on a connection of our own that never writes. None for
        in-memory SQLite (no such cheap mark: its statistics are always counted)."""
        database = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        with self._version_lock:
            try:
                if self._version_conn is None:
                    self._version_conn = sqlite3.connect(database, check_same_thread=False)
                return int(self._version_conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    @staticmethod
    def _count_stats(conn: Connection, top: int) -> dict[str, Any]:
        c, d = claims_t.c, documents_t.c
        source = func.coalesce(c.source_canonical, c.source_name)
        # the bundled examples are left out (counted apart, as `examples`)
        mine = ~exists().where(d.id == c.doc_id, d.example.is_(True))
        checked_mine = exists().where(c.id == checks_t.c.claim_id, mine)
        claims_n = conn.execute(select(func.count()).select_from(claims_t).where(mine)).scalar_one()
        outlets = conn.execute(select(func.count(func.distinct(d.outlet))).where(d.example.is_not(True))
                               ).scalar_one()
        documents_n = conn.execute(select(func.count()).select_from(documents_t)
                                   .where(d.example.is_not(True))).scalar_one()
        examples = conn.execute(select(func.count()).select_from(documents_t).where(d.example.is_(True))
                                ).scalar_one()
        by_category = _counts(conn, c.category, where=mine)
        by_source = _counts(conn, source, limit=top, where=mine)
        by_outlet = _counts(conn, c.outlet, where=mine)
        by_check = _counts(conn, checks_t.c.result, where=checked_mine)
        return {"documents": int(documents_n), "claims": int(claims_n), "outlets": int(outlets),
                "by_category": by_category, "by_source": by_source, "by_outlet": by_outlet,
                "check_results": by_check, "examples": int(examples)}

    def close(self) -> None:
        with self._version_lock:
            if self._version_conn is not None:
                self._version_conn.close()
                self._version_conn = None
        self.engine.dispose()


def _copy_stats(stats: dict[str, Any]) -> dict[str, Any]:
    return {key: dict(value) if isinstance(value, dict) else value for key, value in stats.items()}


def _tune_sqlite(engine: Engine) -> None:
    """Write-ahead logging with synchronous=NORMAL: a commit appends to the log without waiting for the disk
    twice, which makes one transaction per document cheap. A killed process still loses nothing committed
    (only a power cut can drop the last commits, never corrupt the file). Readers no longer block the writer.

    Transactions are begun by us, not by Python's sqlite3 module, which opens one only before INSERT/UPDATE/
    DELETE and runs CREATE/ALTER outside any: with an explicit BEGIN a migration is all or nothing too.
    """
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None  # the module's own implicit transactions off
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA busy_timeout = 30000")  # wait for another writer rather than fail at once
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                try:
                    cursor.execute("PRAGMA journal_mode = WAL")
                except Exception:  # noqa: BLE001 - a read-only or in-memory database keeps its journal mode
                    pass
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # IMMEDIATE takes the write lock up front (waiting busy_timeout for it): migrations ask for it so
        # two processes opening one new file do not both build the tables
        conn.exec_driver_sql("BEGIN " + conn.get_execution_options().get("sqlite_begin", "DEFERRED"))


def _must_exist(url: str) -> None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - create_engine reports a URL it cannot parse
        return
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return
    if not Path(database).exists():
        raise StoreError(f"no ledger at {database!r}: the file does not exist (check the path; `claimledger "
                         "ingest`, `load`, `watch` and `serve` create a new ledger)")


def _counts(conn: Connection, column: Any, limit: int | None = None, where: Any = None) -> dict[str, int]:
    """Rows per value of ``column``, most first (ties by value); None shown as "(none)"."""
    n = func.count().label("n")
    stmt = select(column.label("k"), n).group_by(column).order_by(n.desc(), column)
    if where is not None:
        stmt = stmt.where(where)
    if limit is not None:
        stmt = stmt.limit(limit)
    return {("(none)" if k is None else str(k)): int(v) for k, v in conn.execute(stmt).all()}


def _describe(url: str) -> str:
    """The database file for SQLite; the URL without its password otherwise."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown as given
        return repr(url)
    if parsed.get_backend_name() == "sqlite":
        return f"file {parsed.database!r}" if parsed.database else "in-memory SQLite"
    return repr(parsed.render_as_string(hide_password=True))


__all__ = ["AddResult", "ClaimFilter", "Ledger"]
