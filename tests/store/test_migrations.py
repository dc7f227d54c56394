"""Migrations: upgrade head builds exactly the tables of store/schema.py; a database made by the old
create_all (tables, no alembic_version) is adopted with its rows kept and the new columns filled in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
    text,
)

import claimledger
from claimledger.models import Check, Claim, Document, Source
from claimledger.store import ClaimFilter, Ledger, migrate
from claimledger.store.schema import metadata


def _legacy_metadata() -> MetaData:
    """The tables as store/schema.py defined them before migrations (commit 7725c37), made by create_all."""
    md = MetaData()
    Table("documents", md,
          Column("id", String(64), primary_key=True),
          Column("outlet", String(200), index=True),
          Column("published", String(40), index=True),
          Column("extractor_version", String(40)),
          Column("record", Text, nullable=False))
    text_columns = ["source_name", "source_canonical", "text", "sentence", "subject"]
    short_columns = {"source_type": 40, "outlet": 200, "time_scope": 40, "period_start": 40, "period_end": 40,
                     "verification": 40, "unit": 80}
    claims = Table(
        "claims", md,
        Column("id", String(80), primary_key=True),
        Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True),
        Column("category", String(40), index=True),
        *[Column(name, Text) for name in text_columns],
        *[Column(name, String(n)) for name, n in short_columns.items()],
        Column("value", Float),
        Column("published", String(40), index=True),
        Column("record", Text, nullable=False))
    Index("ix_claims_published_id", claims.c.published, claims.c.id)
    return md


def _schema_differences(url: str) -> list:
    engine = create_engine(url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), metadata)
    engine.dispose()
    return diffs


def test_upgrade_head_builds_exactly_the_schema_module(ledger_url):
    Ledger.open(ledger_url).close()
    assert _schema_differences(ledger_url) == []
    engine = create_engine(ledger_url)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    assert migrate.upgrade(engine) == "current"  # a second open does nothing
    engine.dispose()


def test_old_create_all_database_is_adopted_and_kept(ledger_url):
    legacy = _legacy_metadata()
    engine = create_engine(ledger_url)
    legacy.create_all(engine)
    doc = Document(text="Officials said 40 people died.", url="http://x/1", title="T", outlet="AP",
                   published="2024-03-01")
    claim = Claim(id="c1", doc_id=doc.id, span=(15, 17), text="40 people", sentence=doc.text, value=40,
                  bound="about", hedged=True, source=Source(name="officials", type="government", cue="said"),
                  checks=[Check(kind="cross_source", result="consistent", detail="same as AP")])
    with engine.begin() as conn:
        conn.execute(insert(legacy.tables["documents"]).values(
            id=doc.id, outlet="AP", published=doc.published, extractor_version="0.0.9",
            record=json.dumps(doc.to_dict())))
        conn.execute(insert(legacy.tables["claims"]).values(
            id="c1", doc_id=doc.id, category="other", value=40, record=json.dumps(claim.to_dict())))
    assert migrate.upgrade(engine) == "adopted"
    with engine.connect() as conn:
        row = conn.execute(text("SELECT bound, hedged, source_cue FROM claims WHERE id = 'c1'")).one()
        doc_row = conn.execute(text("SELECT url, title, content_hash FROM documents")).one()
        check = conn.execute(text("SELECT claim_id, kind, result FROM check_results")).one()
    engine.dispose()
    assert tuple(row) == ("about", True, "said")
    assert tuple(doc_row) == ("http://x/1", "T", doc.id)
    assert tuple(check) == ("c1", "cross_source", "consistent")
    led = Ledger.open(ledger_url)
    assert led.count_documents() == 1 and led.count(ClaimFilter(checked=True)) == 1
    assert led.document(doc.id)[1][0].to_dict() == claim.to_dict()
    assert led.stored_versions([doc.id]) == {doc.id: "0.0.9"}
    led.close()
    assert _schema_differences(ledger_url) == []


def test_migrations_ship_inside_the_package():
    package = Path(claimledger.__file__).resolve().parent
    assert migrate.MIGRATIONS_DIR.is_relative_to(package)
    scripts = sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert scripts[0].startswith("0001") and (migrate.MIGRATIONS_DIR / "env.py").exists()
    assert migrate.alembic_config().get_main_option("script_location") == str(migrate.MIGRATIONS_DIR)


def test_downgrade_to_baseline_and_back(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'l.sqlite'}"
    Ledger.open(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        config = migrate.alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, migrate.BASELINE)
    missing = {d[1].name for d in _schema_differences(url) if isinstance(d, tuple) and d[0] == "add_table"}
    assert missing == {"sources", "check_results", "reviews", "review_history", "publications"}
    assert migrate.upgrade(engine) == "upgraded"
    engine.dispose()
    assert _schema_differences(url) == []


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path):
    """Migrations run in one transaction (on SQLite too, where DDL is transactional only when asked): an
    upgrade that fails halfway keeps none of its changes, so the next open tries again from the start."""
    from claimledger.errors import StoreError

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    _legacy_metadata().create_all(engine)
    with engine.begin() as conn:  # a table in the way of revision 0002, which first adds columns
        conn.execute(text("CREATE TABLE check_results (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="old.sqlite"):
        Ledger.open(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        columns = {row[1] for row in conn.execute(text("PRAGMA table_info(claims)"))}
        tables = {row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    engine.dispose()
    assert "hedged" not in columns and "sources" not in tables and "alembic_version" not in tables


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_many_processes_opening_one_new_database_at_once(kind, tmp_path, request):
    """Four ledgers open one new database at the same moment: one builds it, the others wait and find it."""
    import threading

    url = (f"sqlite:///{tmp_path / 'new.sqlite'}" if kind == "sqlite"
           else request.getfixturevalue("pg_schema_url"))
    barrier, outcomes, errors = threading.Barrier(4), [], []

    def open_it() -> None:
        engine = create_engine(url)
        if kind == "sqlite":
            from claimledger.store import _tune_sqlite

            _tune_sqlite(engine)
        barrier.wait()
        try:
            outcomes.append(migrate.upgrade(engine))
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        engine.dispose()

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(outcomes) == ["created", "current", "current", "current"]
    assert _schema_differences(url) == []
