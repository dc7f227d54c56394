"""Shared fixtures: paths to shared data and the (expensive) extraction pipeline, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "seed" / "rosgvardia-bonus-article.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"seed article not present at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    from claimledger.nlp.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture
def pg_schema_url():
    """A URL whose search_path is a new, empty PostgreSQL schema, dropped after the test."""
    from pgschema import pg_schema

    with pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def ledger(ledger_url):
    from claimledger.store import Ledger

    led = Ledger.open(ledger_url)
    yield led
    led.close()
