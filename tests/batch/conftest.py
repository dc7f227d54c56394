"""Fixtures for ingest tests: ledgers on SQLite and, with CLAIMLEDGER_TEST_PG, PostgreSQL (a schema each)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

PG = os.environ.get("CLAIMLEDGER_TEST_PG")


def pg_base_url() -> str:
    assert PG
    return PG.replace("postgresql://", "postgresql+psycopg://", 1) if PG.startswith("postgresql://") else PG


@pytest.fixture
def pg_schema_url():
    """A URL whose search_path is a new, empty schema, dropped after the test."""
    if not PG:
        pytest.skip("CLAIMLEDGER_TEST_PG is not set")
    schema = "t_" + uuid.uuid4().hex[:10]
    admin = create_engine(pg_base_url())
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    base = pg_base_url()
    yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    return request.getfixturevalue("pg_schema_url")
