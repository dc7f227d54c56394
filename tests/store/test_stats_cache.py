"""The ledger's statistics are kept between calls and counted again after any committed write, on SQLite
(its data version) and PostgreSQL (the snapshot they were counted in), whoever writes and whenever."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import delete, event, insert, update

from claimledger.models import Check, Claim, Document, Period, Source
from claimledger.store import Ledger
from claimledger.store.rows import document_row
from claimledger.store.schema import check_results as checks_t
from claimledger.store.schema import claims as claims_t
from claimledger.store.schema import documents as documents_t


def _doc(n: int, outlet: str = "Reuters") -> Document:
    return Document(text=f"Report {n}: officials said 40 people died.", url=f"http://x/{n}", outlet=outlet,
                    title=f"T{n}", published=f"2024-03-{n:02d}")


def _claim(doc: Document) -> Claim:
    return Claim(id=Claim.make_id(doc.id, 10, 12), doc_id=doc.id, span=(10, 12), text="40 people",
                 sentence="Officials said 40 people died.", value=40.0, unit="people", category="casualties",
                 time_scope="cumulative", period=Period("2024-03-01", "2024-03-05"), subject="people",
                 source=Source(name="officials", canonical=None, type="official", cue="said"),
                 verification="unverified", published=doc.published, outlet=doc.outlet,
                 checks=[Check(kind="range", result="pass", detail="ok", data={"x": 1})])


@pytest.fixture
def two(ledger_url) -> Iterator[tuple[Ledger, Ledger]]:
    """The ledger that reads statistics, and another, with an engine of its own, that writes."""
    reader, writer = Ledger.open(ledger_url), Ledger.open(ledger_url)
    yield reader, writer
    reader.close()
    writer.close()


@contextmanager
def _statements(ledger: Ledger) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    event.listen(ledger.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(ledger.engine, "before_cursor_execute", record)


def test_statistics_are_not_counted_again_without_a_write(two):
    reader, writer = two
    doc = _doc(1)
    writer.add(doc, [_claim(doc)], "0.1")
    first = reader.stats()
    assert (first["documents"], first["claims"]) == (1, 1)
    # on PostgreSQL a commit anywhere on the server means a recount, and other tests share the server:
    # one call between two commits of theirs is enough
    for _ in range(100):
        with _statements(reader) as seen:
            again = reader.stats()
        if not any("count(" in s.lower() for s in seen):
            break
    else:
        pytest.fail("every call counted the ledger again")
    assert again == first
    again["by_category"]["casualties"] = 99  # the caller's copy, not the cache
    assert reader.stats() == first
    with _statements(reader) as seen:
        assert reader.stats(top=1) == first  # another `top` is another count
    assert any("count(" in s.lower() for s in seen)


def test_every_kind_of_write_by_another_connection_is_seen(two):
    reader, writer = two
    assert reader.stats()["documents"] == 0
    doc = _doc(2)
    writer.add(doc, [_claim(doc)], "0.1")
    stats = reader.stats()
    assert (stats["documents"], stats["claims"], stats["check_results"]) == (1, 1, {"pass": 1})
    with writer.engine.begin() as conn:  # what a review does to a claim
        conn.execute(update(claims_t).values(category="injuries"))
    assert reader.stats()["by_category"] == {"injuries": 1}
    with writer.engine.begin() as conn:
        conn.execute(delete(checks_t))
    assert reader.stats()["check_results"] == {}
    other = _doc(3, outlet="AP")
    writer.add(other, [_claim(other)], "0.1")
    assert reader.stats()["by_outlet"] == {"Reuters": 1, "AP": 1}


def test_a_write_committed_after_the_count_is_seen_though_it_began_before(two):
    reader, writer = two
    doc = _doc(4)
    with writer.engine.connect() as conn:
        transaction = conn.begin()
        conn.execute(insert(documents_t).values(**document_row(doc, "0.1")))
        conn.execute(update(documents_t).values(outlet="Late"))
        assert reader.stats()["documents"] == 0  # not committed yet: counted without it, and kept
        transaction.commit()
    stats = reader.stats()
    assert (stats["documents"], stats["outlets"]) == (1, 1)
    with writer.engine.connect() as conn:  # a write that is rolled back changes nothing
        transaction = conn.begin()
        conn.execute(delete(documents_t))
        transaction.rollback()
    assert reader.stats()["documents"] == 1
