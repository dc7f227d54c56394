"""Fixtures for the web tests: a ledger (SQLite, or PostgreSQL in its own schema) and a token store."""

from __future__ import annotations

import pytest
from webdata import open_ledger


@pytest.fixture
def ledger(tmp_path):
    led, drop = open_ledger("sqlite", tmp_path)
    yield led
    drop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_ledger(request, tmp_path):
    led, drop = open_ledger(request.param, tmp_path)
    yield led
    drop()


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    path = tmp_path / "config"
    monkeypatch.setenv("CLAIMLEDGER_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def tokens(config_dir):
    from claimledger.web.tokens import TokenStore

    return TokenStore()
