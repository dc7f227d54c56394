"""The ledger as first shipped: documents and claims (what ``metadata.create_all`` made before migrations).

A database made by that create_all has exactly these tables and no alembic_version; Ledger.open stamps it
at this revision and upgrades it from here, so its rows are kept.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("outlet", sa.String(200)),
        sa.Column("published", sa.String(40)),
        sa.Column("extractor_version", sa.String(40)),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE")),
        sa.Column("category", sa.String(40)),
        sa.Column("source_name", sa.Text),
        sa.Column("source_canonical", sa.Text),
        sa.Column("source_type", sa.String(40)),
        sa.Column("outlet", sa.String(200)),
        sa.Column("time_scope", sa.String(40)),
        sa.Column("period_start", sa.String(40)),
        sa.Column("period_end", sa.String(40)),
        sa.Column("verification", sa.String(40)),
        sa.Column("text", sa.Text),
        sa.Column("sentence", sa.Text),
        sa.Column("value", sa.Float),
        sa.Column("unit", sa.String(80)),
        sa.Column("subject", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])
    op.create_index("ix_claims_category", "claims", ["category"])
    op.create_index("ix_claims_published", "claims", ["published"])
    op.create_index("ix_claims_published_id", "claims", ["published", "id"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("documents")
