"""Alembic environment: run by claimledger.store.migrate with the connection it holds.

Run from the command line too: ``alembic -x url=sqlite:///ledger.sqlite upgrade head`` with an alembic.ini
whose script_location is this directory (see docs/ledger.md).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine


def _run(connection) -> None:
    # render_as_batch lets later revisions alter SQLite tables (which cannot ALTER most things in place)
    context.configure(connection=connection, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -x url=sqlite:///ledger.sqlite upgrade head")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


run()
