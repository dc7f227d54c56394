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
