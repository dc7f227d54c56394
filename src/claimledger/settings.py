"""Typed settings: where the ledger database lives.

Resolution order: explicit --db value, then CLAIMLEDGER_DB, then SQLite in the user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CLAIMLEDGER_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("claimledger")) / "ledger.sqlite"


def resolve_db_url(explicit: str | None = None) -> str:
    """A SQLAlchemy URL; a bare path is taken as a SQLite file."""
    value = explicit or os.environ.get(DB_ENV)
    if not value:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship with; SQLAlchemy's bare scheme would ask for psycopg2
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


FETCH_TIMEOUT_ENV = "CLAIMLEDGER_FETCH_TIMEOUT"
DEFAULT_FETCH_TIMEOUT = 20.0  # seconds without an answer before a URL is given up


def fetch_timeout(explicit: float | None = None) -> float:
    """Seconds to wait for a URL: explicit value, then CLAIMLEDGER_FETCH_TIMEOUT, then 20."""
    if explicit is not None:
        return explicit
    value = os.environ.get(FETCH_TIMEOUT_ENV)
    if not value:
        return DEFAULT_FETCH_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if seconds <= 0:
        from claimledger.errors import ConfigError

        raise ConfigError(f"{FETCH_TIMEOUT_ENV}={value!r} is not a positive number of seconds")
    return seconds


DEFAULT_DOC_TIMEOUT = 60.0  # seconds one document may take to extract in `extract` and `ingest`
