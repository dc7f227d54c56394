"""Sources (canonical names and aliases), check results, every schema field of a claim as a column, and an
index for each query filter. Existing rows are filled in from the JSON records they already hold.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CLAIM_COLUMNS = [
    sa.Column("high", sa.Float), sa.Column("bound", sa.String(20)), sa.Column("location", sa.Text),
    sa.Column("hedged", sa.Boolean), sa.Column("source_cue", sa.Text), sa.Column("source_via", sa.Text),
    sa.Column("conversion_of", sa.String(80)),
]
DOCUMENT_COLUMNS = [
    sa.Column("url", sa.Text), sa.Column("title", sa.Text), sa.Column("content_hash", sa.String(64)),
    sa.Column("ingested_at", sa.String(40)),
]
CLAIM_INDEXES = {
    "ix_claims_source_canonical": ["source_canonical"], "ix_claims_source_type": ["source_type"],
    "ix_claims_outlet": ["outlet"], "ix_claims_time_scope": ["time_scope"],
    "ix_claims_verification": ["verification"], "ix_claims_value": ["value"], "ix_claims_unit": ["unit"],
    "ix_claims_period": ["period_start", "period_end"],
}


def upgrade() -> None:
    for column in DOCUMENT_COLUMNS:
        op.add_column("documents", column)
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    for column in CLAIM_COLUMNS:
        op.add_column("claims", column)
    for name, columns in CLAIM_INDEXES.items():
        op.create_index(name, "claims", columns)
    sources = op.create_table(
        "sources",
        sa.Column("alias_key", sa.String(300), primary_key=True),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("canonical", sa.Text, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
    )
    op.create_index("ix_sources_canonical", "sources", ["canonical"])
    checks = op.create_table(
        "check_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(80), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("result", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("data", sa.Text),
    )
    op.create_index("ix_check_results_claim_id", "check_results", ["claim_id"])
    op.create_index("ix_check_results_kind_result", "check_results", ["kind", "result"])
    _fill_sources(sources)
    _backfill_documents()
    _backfill_claims(checks)


def _fill_sources(sources: sa.Table) -> None:
    """The shipped alias table (data/sources.toml) only: a user's own aliases stay in their own files."""
    from claimledger.nlp.lexicon import load_table
    from claimledger.normalize.sources import normalize_name

    rows: dict[str, dict[str, str]] = {}
    for item in load_table("sources", extra_dirs=()).get("source", []):
        for alias in [item["canonical"], *item.get("aliases", [])]:
            key = normalize_name(alias)
            rows.setdefault(key, {"alias_key": key, "alias": alias, "canonical": item["canonical"],
                                  "type": item["type"]})
    if rows:
        op.bulk_insert(sources, list(rows.values()))


def _backfill_documents() -> None:
    bind = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("record"), sa.column("url"),
                         sa.column("title"), sa.column("content_hash"), sa.column("ingested_at"))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for doc_id, record in bind.execute(sa.select(documents.c.id, documents.c.record)).all():
        data = json.loads(record)
        digest = hashlib.sha256((data.get("text") or "").encode("utf-8")).hexdigest()[:16]
        bind.execute(documents.update().where(documents.c.id == doc_id).values(
            url=data.get("url"), title=data.get("title"), content_hash=digest, ingested_at=now))


def _backfill_claims(checks: sa.Table) -> None:
    bind = op.get_bind()
    columns: list[sa.ColumnClause] = [sa.column(c.name) for c in CLAIM_COLUMNS]
    claims = sa.table("claims", sa.column("id"), sa.column("record"), *columns)
    for claim_id, record in bind.execute(sa.select(claims.c.id, claims.c.record)).all():
        data = json.loads(record)
        source = data.get("source") or {}
        bind.execute(claims.update().where(claims.c.id == claim_id).values(
            high=data.get("high"), bound=data.get("bound"), location=data.get("location"),
            hedged=bool(data.get("hedged")), source_cue=source.get("cue"), source_via=source.get("via"),
            conversion_of=data.get("conversion_of")))
        rows = [{"claim_id": claim_id, "kind": c.get("kind"), "result": c.get("result"),
                 "detail": c.get("detail"), "data": json.dumps(c.get("data") or {})}
                for c in data.get("checks") or []]
        if rows:
            op.bulk_insert(checks, rows)


def downgrade() -> None:
    op.drop_table("check_results")
    op.drop_table("sources")
    for name in CLAIM_INDEXES:
        op.drop_index(name, "claims")
    op.drop_index("ix_documents_content_hash", "documents")
    with op.batch_alter_table("claims") as batch:
        for column in CLAIM_COLUMNS:
            batch.drop_column(column.name)
    with op.batch_alter_table("documents") as batch:
        for column in DOCUMENT_COLUMNS:
            batch.drop_column(column.name)
