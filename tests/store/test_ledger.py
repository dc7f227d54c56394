"""The ledger on SQLite and (with CLAIMLEDGER_TEST_PG) PostgreSQL: round trips, filters, idempotence."""

from __future__ import annotations

import pytest

from claimledger.errors import StoreError
from claimledger.models import Check, Claim, Document, Period, Source
from claimledger.store import ClaimFilter, Ledger


def _doc(n: int, outlet: str = "Reuters") -> Document:
    return Document(text=f"Article {n}: officials said 40 people died.", url=f"http://x/{n}",
                    outlet=outlet, title=f"T{n}", published=f"2024-03-{n:02d}")


def _claim(doc: Document, start: int, **over) -> Claim:
    base = dict(id=Claim.make_id(doc.id, start, start + 2), doc_id=doc.id, span=(start, start + 2),
                text="40 people",
                sentence="Officials said 40 people died.", value=40.0, unit="people", category="casualties",
                time_scope="cumulative", period=Period("2024-03-01", "2024-03-05"), subject="people",
                source=Source(name="officials", canonical=None, type="official", cue="said"),
                verification="unverified", published=doc.published, outlet=doc.outlet,
                checks=[Check(kind="range", result="pass", detail="ok", data={"x": 1})])
    base.update(over)
    return Claim(**base)


def test_round_trip_is_exact(ledger):
    doc = _doc(1)
    claims = [_claim(doc, 10),
              _claim(doc, 30, value=2.5e9, unit="USD", category="money", high=3e9, bound="range")]
    ledger.add(doc, claims, "0.1")
    got_doc, got_claims = ledger.document(doc.id)
    assert got_doc.to_dict() == doc.to_dict()
    assert [c.to_dict() for c in got_claims] == [c.to_dict() for c in claims]


def test_add_twice_does_not_duplicate(ledger):
    doc = _doc(2)
    ledger.add(doc, [_claim(doc, 10)], "0.1")
    result = ledger.add(doc, [_claim(doc, 10), _claim(doc, 20)], "0.2")
    assert result.replaced and result.claims == 2
    assert ledger.count_documents() == 1
    assert ledger.count(ClaimFilter()) == 2


@pytest.mark.parametrize("flt,expected", [
    (ClaimFilter(category="money"), 1),
    (ClaimFilter(source="OFFIC"), 3),
    (ClaimFilter(outlet="AP"), 1),
    (ClaimFilter(value_min=100), 1),
    (ClaimFilter(value_max=100), 2),
    (ClaimFilter(text="died"), 3),
    (ClaimFilter(period_start="2024-03-06"), 0),
    (ClaimFilter(period_end="2024-03-01"), 3),
    (ClaimFilter(unit="people", verification="unverified"), 2),
    (ClaimFilter(text="'; DROP TABLE claims; --"), 0),
    (ClaimFilter(source="100%"), 0),
    (ClaimFilter(subject="_"), 0),
])
def test_filters(ledger, flt, expected):
    a, b = _doc(3), _doc(4, outlet="AP")
    ledger.add(a, [_claim(a, 10), _claim(a, 30, value=5e6, unit="USD", category="money")], "0.1")
    ledger.add(b, [_claim(b, 10)], "0.1")
    assert ledger.count(flt) == expected
    assert len(ledger.query(flt)) == expected
    assert len(list(ledger.iter_claims(flt, batch=1))) == expected
    assert ledger.count(ClaimFilter()) == 3  # injection strings left the tables alone


def test_query_order_and_paging(ledger):
    docs = [_doc(n) for n in range(1, 6)]
    for d in docs:
        ledger.add(d, [_claim(d, 10, value=float(d.published[-1]))], "0.1")
    page = ledger.query(ClaimFilter(), order_by="value", descending=False, limit=2, offset=1)
    values = [c.value for c in page]
    assert values == [2.0, 3.0]
    with pytest.raises(StoreError, match="order claims by"):
        ledger.query(ClaimFilter(), order_by="value; DROP")


def test_save_checks_and_stats(ledger):
    doc = _doc(7)
    claim = _claim(doc, 10)
    ledger.add(doc, [claim], "0.1")
    claim.checks = [Check(kind="fx", result="fail", detail="off by 10x")]
    ledger.save_checks([claim])
    assert ledger.document(doc.id)[1][0].to_dict() == claim.to_dict()
    stats = ledger.stats()
    assert stats["documents"] == 1 and stats["claims"] == 1 and stats["by_category"] == {"casualties": 1}
    assert [d.id for d in ledger.documents(outlet="Reuters")] == [doc.id]


def test_read_only_db_gives_store_error(tmp_path):
    path = tmp_path / "ro.sqlite"
    led = Ledger.open(f"sqlite:///{path}")
    doc = _doc(8)
    led.add(doc, [_claim(doc, 10)], "0.1")
    led.close()
    path.chmod(0o444)
    # root ignores file modes, so also ask SQLite itself to open the file read-only
    led = Ledger.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    other = _doc(9)
    with pytest.raises(StoreError, match="storing document"):
        led.add(other, [_claim(other, 10)], "0.1")
    assert led.count_documents() == 1 and led.count(ClaimFilter()) == 1


def _check_rows(ledger, claim_id=None):
    from sqlalchemy import select

    from claimledger.store.schema import check_results

    t = check_results.c
    stmt = select(t.claim_id, t.kind, t.result, t.data)
    if claim_id:
        stmt = stmt.where(check_results.c.claim_id == claim_id)
    with ledger.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt.order_by(check_results.c.id))]


def test_same_version_changes_nothing_and_newer_version_replaces(ledger):
    doc = _doc(10)
    first = ledger.add(doc, [_claim(doc, 10)], "1.0")
    assert not first.replaced and not first.unchanged and first.claims == 1
    again = ledger.add(doc, [_claim(doc, 10), _claim(doc, 20)], "1.0")
    assert again.unchanged and ledger.count(ClaimFilter()) == 1
    newer = ledger.add(doc, [_claim(doc, 20), _claim(doc, 30)], "1.1")
    assert newer.replaced and not newer.unchanged
    assert sorted(c.span[0] for c in ledger.document(doc.id)[1]) == [20, 30]
    assert ledger.stored_versions([doc.id, "absent"]) == {doc.id: "1.1"}
    forced = ledger.add(doc, [_claim(doc, 40)], "1.1", replace=True)
    assert forced.replaced and [c.span[0] for c in ledger.document(doc.id)[1]] == [40]
    assert len(_check_rows(ledger)) == 1  # the replaced claims' check results went with them


def test_same_id_with_new_text_is_replaced(ledger):
    """An input's own id for an article that was edited since: the new text replaces the old."""
    old = Document(id="story-1", text="Officials said 40 people died.")
    new = Document(id="story-1", text="Officials said 41 people died, updating an earlier toll.")
    ledger.add(old, [_claim(old, 15)], "1.0")
    assert ledger.is_current(old, "1.0") and not ledger.is_current(new, "1.0")
    result = ledger.add(new, [_claim(new, 15, text="41 people")], "1.0")
    assert result.replaced and not result.unchanged
    stored_doc, stored_claims = ledger.document("story-1")
    assert stored_doc.text == new.text and [c.text for c in stored_claims] == ["41 people"]
    assert ledger.is_current(new, "1.0") and not ledger.is_current(new, "1.1")


def test_check_results_follow_add_and_save_checks(ledger):
    doc = _doc(11)
    claim = _claim(doc, 10)
    ledger.add(doc, [claim], "1.0")
    assert _check_rows(ledger, claim.id) == [(claim.id, "range", "pass", '{"x": 1}')]
    claim.checks = [Check(kind="fx_conversion", result="consistent", detail="ok"),
                    Check(kind="cross_source", result="inconsistent", detail="x", data={"n": 2})]
    ledger.save_checks([claim])
    assert [(k, r) for _, k, r, _ in _check_rows(ledger, claim.id)] == [
        ("fx_conversion", "consistent"), ("cross_source", "inconsistent")]
    assert ledger.count(ClaimFilter(checked=True)) == 1
    other = _doc(12)
    ledger.add(other, [_claim(other, 10, checks=[])], "1.0")
    assert ledger.count(ClaimFilter(checked=False)) == 1
    assert ledger.stats()["check_results"] == {"consistent": 1, "inconsistent": 1}


def test_stats_by_source_and_outlet(ledger):
    a, b = _doc(13), _doc(14, outlet="AP")
    gs = Source(name="Ukraine's Armed Forces", canonical="General Staff of the Armed Forces of Ukraine",
                type="military")
    ledger.add(a, [_claim(a, 10, source=gs), _claim(a, 20, source=gs), _claim(a, 30)], "1.0")
    ledger.add(b, [_claim(b, 10, outlet="AP")], "1.0")
    stats = ledger.stats(top=1)
    assert stats["by_source"] == {"General Staff of the Armed Forces of Ukraine": 2}
    assert stats["by_outlet"] == {"Reuters": 3, "AP": 1}
    assert stats["documents"] == 2 and stats["claims"] == 4 and stats["outlets"] == 2


def test_source_filter_knows_aliases(ledger):
    doc = _doc(15)
    gs = Source(name="Ukraine's Armed Forces", canonical="General Staff of the Armed Forces of Ukraine",
                type="military")
    ledger.add(doc, [_claim(doc, 10, source=gs), _claim(doc, 20)], "1.0")
    assert [c.source.canonical for c in ledger.query(ClaimFilter(source="zsu"))] == [gs.canonical]
    assert ledger.count(ClaimFilter(source="armed forces of ukraine")) == 1
    assert ledger.count(ClaimFilter(source="kremlin")) == 0


def test_sources_table_holds_shipped_aliases(ledger):
    sources = ledger.sources()
    aliases = sources["General Staff of the Armed Forces of Ukraine"]
    assert "Ukraine's Armed Forces" in aliases and "General Staff of the Armed Forces of Ukraine" in aliases


def test_unopenable_database_names_the_file(tmp_path):
    missing = tmp_path / "no-such-dir" / "ledger.sqlite"
    with pytest.raises(StoreError, match="no-such-dir"):
        Ledger.open(f"sqlite:///{missing}")
