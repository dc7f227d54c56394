"""A claim's lowest field confidence as its own indexed column, ``claims.min_confidence``: the review queue
orders by it and ``query --min-confidence`` filters on it, without reading each record.

Existing rows are filled in from the ``confidence`` of the records they hold (null where a record has none:
claims extracted before the decision model). Nothing else is rewritten.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PAGE = 1000


def upgrade() -> None:
    op.add_column("claims", sa.Column("min_confidence", sa.Float))
    op.create_index("ix_claims_min_confidence", "claims", ["min_confidence"])
    _backfill()


def _lowest(record: str) -> float | None:
    confidence = json.loads(record).get("confidence") or {}
    values = [float(v) for v in confidence.values() if isinstance(v, int | float)]
    return min(values) if values else None


def _backfill() -> None:
    """Page through the claims by id (memory stays flat on a large ledger); one UPDATE statement per page,
    executed for the rows that have a confidence."""
    bind = op.get_bind()
    claims = sa.table("claims", sa.column("id"), sa.column("record"), sa.column("min_confidence"))
    fill = (claims.update().where(claims.c.id == sa.bindparam("claim_id"))
            .values(min_confidence=sa.bindparam("lowest")))
    last: Any = None
    while True:
        stmt = sa.select(claims.c.id, claims.c.record).order_by(claims.c.id).limit(PAGE)
        if last is not None:
            stmt = stmt.where(claims.c.id > last)
        rows = bind.execute(stmt).all()
        values = [{"claim_id": claim_id, "lowest": lowest} for claim_id, record in rows
                  if (lowest := _lowest(record)) is not None]
        if values:
            bind.execute(fill, values)
        if len(rows) < PAGE:
            return
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_claims_min_confidence", "claims")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("min_confidence")
