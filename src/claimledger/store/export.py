"""Claims out of the ledger: CSV, JSON Lines, Parquet and schema.org ClaimReview JSON-LD, all streamed.

Every writer takes an iterator of claims (``Ledger.iter_claims`` pages through the database), so memory
stays flat however large the ledger. The ClaimReview mapping is documented in docs/ledger.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from claimledger.models import AUTHOR, Claim

# One flat column per field of the claim record (claim-schema.md); nested parts are spelled out
FLAT_COLUMNS = [
    "id", "doc_id", "span_start", "span_end", "text", "sentence", "value", "high", "bound", "unit",
    "category", "time_scope", "period_start", "period_end", "subject", "location", "source_name",
    "source_canonical", "source_type", "source_cue", "source_via", "hedged", "verification", "conversion_of",
    "checks",
    "published", "outlet", "extractor_version",
]
FLOAT_COLUMNS = {"value", "high"}
INT_COLUMNS = {"span_start", "span_end"}
PARQUET_BATCH = 5000  # rows per record batch: a few MB of memory at most


def flat_record(claim: Claim) -> dict[str, Any]:
    """The claim as one flat row: nested source, period and span spelled out, checks as JSON text."""
    period, source = claim.period, claim.source
    return {
        "id": claim.id, "doc_id": claim.doc_id, "span_start": claim.span[0], "span_end": claim.span[1],
        "text": claim.text, "sentence": claim.sentence, "value": claim.value, "high": claim.high,
        "bound": claim.bound, "unit": claim.unit, "category": claim.category, "time_scope": claim.time_scope,
        "period_start": period.start if period else None, "period_end": period.end if period else None,
        "subject": claim.subject, "location": claim.location, "source_name": source.name,
        "source_canonical": source.canonical, "source_type": source.type, "source_cue": source.cue,
        "source_via": source.via, "hedged": claim.hedged, "verification": claim.verification,
        "conversion_of": claim.conversion_of,
        "checks": json.dumps(claim.to_dict()["checks"], ensure_ascii=False),
        "published": claim.published, "outlet": claim.outlet, "extractor_version": claim.extractor_version,
    }


def write_jsonl(claims: Iterable[Claim], stream: IO[str]) -> int:
    n = 0
    for claim in claims:
        stream.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(claims: Iterable[Claim], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for claim in claims:
        writer.writerow(flat_record(claim))
        n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    def kind(name: str):
        if name in FLOAT_COLUMNS:
            return pa.float64()
        if name in INT_COLUMNS:
            return pa.int64()
        return pa.bool_() if name == "hedged" else pa.string()

    columns = [pa.field(name, kind(name)) for name in FLAT_COLUMNS]
    return pa.schema([*columns, pa.field("record", pa.string())])


def write_parquet(claims: Iterable[Claim], path: str | Path, batch: int = PARQUET_BATCH) -> int:
    """A Parquet file with a flat column per field plus ``record`` (the claim's JSON), written in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    iterator = iter(claims)
    with pq.ParquetWriter(str(path), schema) as writer:
        while chunk := list(islice(iterator, batch)):
            rows = [flat_record(c) | {"record": json.dumps(c.to_dict(), ensure_ascii=False)} for c in chunk]
            writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


REVIEWER = {"@type": "Organization", "name": "claimledger", "url": "https://github.com/claimledger/claimledger"}


def overall_result(claim: Claim) -> str:
    """One verdict from several checks: any inconsistent wins, then any consistent, else unknown."""
    results = {check.result for check in claim.checks}
    for verdict in ("inconsistent", "consistent"):
        if verdict in results:
            return verdict
    return "unknown"


def claim_review(claim: Claim, article: dict[str, Any]) -> dict[str, Any]:
    """schema.org ClaimReview of one checked claim; ``article`` holds the document's url, title, outlet."""
    outlet = article.get("outlet") or claim.outlet
    published = claim.published or article.get("published")
    author_name = outlet if claim.source.name == AUTHOR else (claim.source.canonical or claim.source.name)
    author_type = "Person" if claim.source.type == "person" else "Organization"
    appearance = {"@type": "NewsArticle", "url": article.get("url"), "headline": article.get("title"),
                  "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
                  "datePublished": published}
    review = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "url": article.get("url"),
        "claimReviewed": claim.sentence,
        "datePublished": published,
        "author": REVIEWER,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": overall_result(claim),
            "ratingExplanation": "; ".join(f"{c.kind}: {c.result}: {c.detail}" for c in claim.checks),
        },
        "itemReviewed": {
            "@type": "Claim",
            "text": claim.text,
            "author": {"@type": author_type, "name": author_name} if author_name else None,
            "datePublished": published,
            "appearance": _without_nulls(appearance),
        },
    }
    return _without_nulls(review)


def _without_nulls(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: (_without_nulls(v) if isinstance(v, dict) else v) for k, v in mapping.items() if v is not None}


def write_claimreview(claims: Iterable[Claim], article_info, stream: IO[str], batch: int = 500) -> int:
    """A JSON-LD document {"@context", "@graph": [ClaimReview...]} of the claims that have checks.

    ``article_info(doc_ids) -> {doc_id: {url, title, outlet, published}}`` (``Ledger.document_info``).
    """
    stream.write('{"@context": "https://schema.org", "@graph": [')
    n = 0
    for chunk in _batches((c for c in claims if c.checks), batch):
        articles = article_info({c.doc_id for c in chunk})
        for claim in chunk:
            stream.write(("," if n else "") + "\n  " + json.dumps(
                claim_review(claim, articles.get(claim.doc_id, {})), ensure_ascii=False))
            n += 1
    stream.write("\n]}\n")
    return n


def _batches(items: Iterable[Claim], size: int) -> Iterator[list[Claim]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
