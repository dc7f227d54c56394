"""Tables of the ledger: each record kept whole as JSON, with the fields users filter on as columns."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("outlet", String(200), index=True),
    Column("published", String(40), index=True),
    Column("extractor_version", String(40)),
    Column("record", Text, nullable=False),  # Document.to_dict() as JSON, for an exact round trip
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), index=True),
    Column("category", String(40), index=True),
    Column("source_name", Text),
    Column("source_canonical", Text),
    Column("source_type", String(40)),
    Column("outlet", String(200)),
    Column("time_scope", String(40)),
    Column("period_start", String(40)),
    Column("period_end", String(40)),
    Column("verification", String(40)),
    Column("text", Text),
    Column("sentence", Text),
    Column("value", Float),
    Column("unit", String(80)),
    Column("subject", Text),
    Column("published", String(40), index=True),
    Column("record", Text, nullable=False),  # Claim.to_dict() as JSON
)

Index("ix_claims_published_id", claims.c.published, claims.c.id)
