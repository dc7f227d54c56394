"""The review queue orders by the claim's lowest field confidence (the indexed `claims.min_confidence` column,
migration 0004), and a ledger file made by the version before that column upgrades with it filled in from the
stored records (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, insert, inspect, select, text

from claimledger.models import Check, Claim, Document, Source
from claimledger.store import ClaimFilter, Ledger, migrate
from claimledger.store import reviews as R
from claimledger.store.deleting import mark_examples

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ledgers" / "ledger-0003.sqlite"
COPIED = ("documents", "claims", "check_results", "reviews", "review_history", "publications")


def _confidence(time_scope: float, source_type: float = 0.9, category: float = 0.95) -> dict[str, float]:
    return {"time_scope": time_scope, "category": category, "source_type": source_type, "hedged": 0.99}


def _claims(doc: Document, specs: dict[str, dict]) -> list[Claim]:
    out = []
    for word, over in specs.items():
        start = doc.text.index(word)
        base = dict(id=Claim.make_id(doc.id, start, start + len(word)), doc_id=doc.id,
                    span=(start, start + len(word)), text=word, sentence=doc.text, value=float(word),
                    unit="troop", category="troops", time_scope="point",
                    source=Source(name="the ministry", type="government", cue="said"),
                    published=doc.published, outlet=doc.outlet)
        out.append(Claim(**(base | over)))
    return out


def test_the_queue_puts_failed_checks_then_the_least_confident_first(ledger):
    own = Document(id="own", text="Counts: 11, 22, 33, 44, 55, 66, 77.", outlet="Wire",
                   published="2024-11-26")
    claims = _claims(own, {
        "11": {"confidence": _confidence(0.9), "checks": [Check("reference_series", "inconsistent", "off")]},
        "22": {"confidence": _confidence(0.42, source_type=0.55)},
        "33": {"confidence": _confidence(0.8)},
        "44": {"confidence": _confidence(0.8), "source": Source(name="someone", type="unknown")},
        "55": {"source": Source(name="someone", type="unknown")},  # extracted without a decision model
        "66": {},
        "77": {"confidence": _confidence(0.1)},
    })
    ledger.add(own, claims, "test")
    example = Document(id="ex", text="Example: 88.", outlet="Examples", published="2024-11-26")
    ledger.add(example, _claims(example, {"88": {"confidence": _confidence(0.05)}}), "test")
    mark_examples(ledger.engine, ["ex"])
    by_text = {c.text: c for c in ledger.query(ClaimFilter(), limit=50)}
    R.write_review(ledger.engine, by_text["77"].id, "ana", R.Change(verdict="accurate"))

    total, items = R.queue(ledger.engine)
    assert total == 7
    assert [i["claim"].text for i in items] == ["11", "22", "44", "33", "55", "66", "88"]
    reasons = {i["claim"].text: i["reasons"] for i in items}
    assert reasons["11"] == ["unreviewed", "failed check"]
    assert reasons["22"] == ["unreviewed", "low confidence: time scope 0.42, source type 0.55"]
    assert reasons["33"] == reasons["44"] == ["unreviewed"]  # confident enough: nothing to name
    assert reasons["55"] == ["unreviewed", "unknown source type"]  # the old signs, without a confidence
    assert reasons["88"] == ["unreviewed", "low confidence: time scope 0.05", "bundled example"]
    assert [i["min_confidence"] for i in items] == [0.9, 0.42, 0.8, 0.8, None, None, 0.05]
    needs = [i["need"] for i in items if "bundled example" not in i["reasons"]]
    assert needs == sorted(needs, reverse=True) and needs[:2] == [2.1, 0.58]
    _, everything = R.queue(ledger.engine, include_reviewed=True)
    assert [i["claim"].text for i in everything][-1] == "77"  # reviewed last, however unsure
    assert "unreviewed" not in everything[-1]["reasons"]
    # query --min-confidence reads the same column: claims without a confidence never pass
    confident = ledger.query(ClaimFilter(min_confidence=0.8), limit=50)
    assert sorted(c.text for c in confident) == ["11", "33", "44"]
    assert ledger.count(ClaimFilter(min_confidence=0.0)) == 6


def _at_0003(kind: str, tmp_path: Path, request) -> str:
    """The fixture ledger file (made at schema 0003) as it is, or its rows in a PostgreSQL schema built by the
    migrations up to 0003."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    if kind == "sqlite":
        return f"sqlite:///{path}"
    from alembic import command

    url = request.getfixturevalue("pg_schema_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        config = migrate.alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    source = create_engine(f"sqlite:///{path}")
    old, new = MetaData(), MetaData()
    old.reflect(source)
    new.reflect(engine)
    with source.connect() as read, engine.begin() as write:
        for name in COPIED:
            rows = [dict(r._mapping) for r in read.execute(select(old.tables[name]))]
            if rows:
                write.execute(insert(new.tables[name]), rows)
            if "id" in new.tables[name].c and name not in ("documents", "claims"):
                write.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                   f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"))
    source.dispose()
    engine.dispose()
    return url


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_ledger_made_before_min_confidence_upgrades_with_it_filled_in(kind, tmp_path, request):
    with sqlite3.connect(FIXTURE) as old:
        assert old.execute("select version_num from alembic_version").fetchone() == ("0003",)
        records = dict(old.execute("select id, record from claims"))
        reviewed = old.execute("select claim_id, verdict from reviews").fetchall()
        history_n = old.execute("select count(*) from review_history").fetchone()[0]
    lowest = {i: min(json.loads(r)["confidence"].values()) for i, r in records.items()}
    assert len(records) == 47 and len(set(lowest.values())) > 5
    url = _at_0003(kind, tmp_path, request)
    ledger = Ledger.open(url)
    try:
        with ledger.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            kept = dict(conn.execute(text("select id, record from claims")).all())
            filled = dict(conn.execute(text("select id, min_confidence from claims")).all())
        assert kept == records  # not one record rewritten
        assert filled == pytest.approx(lowest)
        indexes = {ix["name"] for ix in inspect(ledger.engine).get_indexes("claims")}
        assert "ix_claims_min_confidence" in indexes
        assert [(r["claim_id"], r["verdict"]) for r in R.list_reviews(ledger.engine)] == [tuple(reviewed[0])]
        assert len(R.history(ledger.engine)) == history_n

        total, items = R.queue(ledger.engine, limit=100)
        assert total == 46  # one is reviewed
        failed = [i for i in items if "failed check" in i["reasons"]]
        assert items[:len(failed)] == failed
        rest = [i["min_confidence"] for i in items[len(failed):]]
        assert rest == sorted(rest) and rest[0] == min(lowest[i["claim"].id] for i in items[len(failed):])
        assert any(r.startswith("low confidence: ") for i in items for r in i["reasons"])
        bar = sorted(lowest.values())[len(lowest) // 2]
        assert {c.id for c in ledger.query(ClaimFilter(min_confidence=bar), limit=100)} \
            == {i for i, v in lowest.items() if v >= bar}
        # and the upgraded ledger keeps the column up to date on a review
        target = items[0]["claim"].id
        R.write_review(ledger.engine, target, "cara", R.Change(note="looked at it"))
        with ledger.engine.connect() as conn:
            assert conn.execute(text("select min_confidence from claims where id = :i"), {"i": target}
                                ).scalar() == pytest.approx(lowest[target])
    finally:
        ledger.close()
