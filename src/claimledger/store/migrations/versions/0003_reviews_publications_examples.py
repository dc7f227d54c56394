"""Reviews and their append-only history, every publication of a document's text, and the examples flag.

Nothing existing is rewritten: each stored document gets one publication row (its own outlet, URL, title and
date) and `example` false; reviews and history start empty.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("example", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(80), unique=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(40)),
        sa.Column("note", sa.Text),
        sa.Column("evidence", sa.Text),
        sa.Column("not_claim", sa.Boolean, nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_reviews_doc_id", "reviews", ["doc_id"])
    op.create_table(
        "review_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("review_id", sa.Integer),
        sa.Column("claim_id", sa.String(80)),
        sa.Column("doc_id", sa.String(64)),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("field", sa.String(80)),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("detail", sa.Text),
    )
    for column in ("review_id", "claim_id", "doc_id"):
        op.create_index(f"ix_review_history_{column}", "review_history", [column])
    publications = op.create_table(
        "publications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("outlet", sa.String(200)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("path", sa.Text),
        sa.Column("added_at", sa.String(40)),
    )
    op.create_index("ix_publications_doc_id", "publications", ["doc_id"])
    _first_publications(publications)


def _first_publications(publications: sa.Table) -> None:
    bind = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("outlet"), sa.column("url"),
                         sa.column("title"), sa.column("published"), sa.column("ingested_at"))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [{"doc_id": r.id, "outlet": r.outlet, "url": r.url, "title": r.title, "published": r.published,
             "path": None, "added_at": r.ingested_at or now}
            for r in bind.execute(sa.select(documents)).all()]
    if rows:
        op.bulk_insert(publications, rows)


def downgrade() -> None:
    op.drop_table("publications")
    op.drop_table("review_history")
    op.drop_table("reviews")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("example")
