"""Bring a ledger database to the newest schema with Alembic, from code (no alembic.ini needed).

``Ledger.open`` calls ``upgrade`` on every open; when the database is already at the newest revision this
costs one small query. The migration scripts ship inside the package, so this works from an installed wheel.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"  # the tables metadata.create_all made before migrations existed
PG_LOCK_KEY = 0x636C6C67  # "cllg": one advisory lock so two processes never migrate one database at once


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, f"no migration scripts in {MIGRATIONS_DIR}"
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Upgrade to head; a database made by the old create_all is adopted at the baseline first.

    Returns what was done: "current", "created", "upgraded" or "adopted". Two processes upgrading one
    database at once take turns (a PostgreSQL advisory lock; SQLite's write lock, taken at BEGIN IMMEDIATE).
    """
    with engine.connect() as conn:  # the common case, read-only: already current (works on read-only files)
        if current_revision(conn) == head_revision():
            return "current"
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        current = current_revision(conn)  # again, under the lock: another process may have done it
        if current == head_revision():
            return "current"
        config = alembic_config()
        config.attributes["connection"] = conn
        outcome = "upgraded" if current else "created"
        if current is None and inspect(conn).has_table("documents"):
            command.stamp(config, BASELINE)  # tables from create_all, no version: they are revision 0001
            outcome = "adopted"
        command.upgrade(config, "head")
        return outcome
