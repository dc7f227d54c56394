"""PostgreSQL for tests: each test gets a schema of its own in the server CLAIMLEDGER_TEST_PG names, so tests
running in parallel never meet. Imported by tests/conftest.py (fixtures) and by test data helpers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

PG = os.environ.get("CLAIMLEDGER_TEST_PG")


def pg_base_url() -> str:
    assert PG
    return PG.replace("postgresql://", "postgresql+psycopg://", 1) if PG.startswith("postgresql://") else PG


@contextmanager
def pg_schema(prefix: str = "t_") -> Iterator[str]:
    """A URL whose search_path is a new, empty schema, dropped afterwards; skips the test without a server."""
    if not PG:
        pytest.skip("CLAIMLEDGER_TEST_PG is not set")
    schema = prefix + uuid.uuid4().hex[:10]
    base = pg_base_url()
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
