"""Tables of the ledger: each record kept whole as JSON, with the fields users filter on as columns.

This module is the one definition of the tables. The Alembic revisions in ``store/migrations`` build the
same tables step by step (a migration must not import this module: it describes the schema at its own
point in history); ``tests/store/test_migrations.py`` checks that ``upgrade head`` and these tables agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # Document.id: the content hash unless the caller gave an id
    Column("outlet", String(200), index=True),
    Column("published", String(40), index=True),
    Column("extractor_version", String(40)),  # the extractor that made this document's claims
    Column("record", Text, nullable=False),  # Document.to_dict() as JSON, for an exact round trip
    Column("url", Text),
    Column("title", Text),
    Column("content_hash", String(64), index=True),  # of the text, even when the caller gave its own id
    Column("ingested_at", String(40)),  # ISO datetime (UTC) of the last write
    # a bundled example: kept apart from the user's checks, statistics and review queue
    Column("example", Boolean, nullable=False, server_default=false()),
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
    Column("high", Float),
    Column("bound", String(20)),
    Column("location", Text),
    Column("hedged", Boolean),
    Column("source_cue", Text),
    Column("source_via", Text),
    Column("conversion_of", String(80)),
    # the lowest of the record's per-field confidences (migration 0004); null when it has none (extracted
    # without a decision model): what the review queue orders by and `query --min-confidence` filters on
    Column("min_confidence", Float),
)

Index("ix_claims_published_id", claims.c.published, claims.c.id)
# One index per filter of `claimledger query` that compares for equality or range
Index("ix_claims_source_canonical", claims.c.source_canonical)
Index("ix_claims_source_type", claims.c.source_type)
Index("ix_claims_outlet", claims.c.outlet)
Index("ix_claims_time_scope", claims.c.time_scope)
Index("ix_claims_verification", claims.c.verification)
Index("ix_claims_value", claims.c.value)
Index("ix_claims_unit", claims.c.unit)
Index("ix_claims_period", claims.c.period_start, claims.c.period_end)
Index("ix_claims_min_confidence", claims.c.min_confidence)

sources = Table(
    "sources",
    metadata,
    Column("alias_key", String(300), primary_key=True),  # normalize_name(alias): what lookups compare
    Column("alias", Text, nullable=False),  # the alias as written in the table
    Column("canonical", Text, nullable=False),
    Column("type", String(40), nullable=False),
)

Index("ix_sources_canonical", sources.c.canonical)

check_results = Table(
    "check_results",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(80), ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("result", String(40), nullable=False),
    Column("detail", Text),
    Column("data", Text),  # Check.data as JSON
)

Index("ix_check_results_kind_result", check_results.c.kind, check_results.c.result)

# Reviews (migration 0003). A review follows its claim by document and span (and text): `claim_id` is the
# claim it is attached to now, null when re-extraction no longer gives that claim (an orphaned review,
# kept, never dropped). `fields` and `evidence` are JSON.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(80), unique=True),
    Column("doc_id", String(64), nullable=False, index=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Text),
    Column("fields", Text, nullable=False),
    Column("verdict", String(40)),
    Column("note", Text),
    Column("evidence", Text),
    Column("not_claim", Boolean, nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("at", String(40), nullable=False),
)

# Every change, appended, never updated: one row per field changed (field "verdict", "note", "evidence" and
# "not_claim" included), and one per event (re-attached, orphaned, document deleted).
review_history = Table(
    "review_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, index=True),
    Column("claim_id", String(80), index=True),
    Column("doc_id", String(64), index=True),
    Column("reviewer", String(200), nullable=False),
    Column("at", String(40), nullable=False),
    Column("action", String(40), nullable=False),  # set, reattached, orphaned, deleted
    Column("field", String(80)),
    Column("old_value", Text),  # JSON
    Column("new_value", Text),  # JSON
    Column("detail", Text),
)

# Every publication of a document's text: the first is the document's own outlet/url/title; a second outlet
# printing the same text adds a row here instead of being dropped.
publications = Table(
    "publications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), nullable=False, index=True),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("path", Text),
    Column("added_at", String(40)),
)
