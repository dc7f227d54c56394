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
    "review", "path",
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
        "review": json.dumps(claim.review, ensure_ascii=False) if claim.review else None, "path": claim.path,
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


def reviewer(organisation: dict[str, str] | None = None) -> dict[str, Any]:
    """ClaimReview `author`: the reviewing organisation (default: ``settings.reviewing_organisation``)."""
    if organisation is None:
        from claimledger.settings import reviewing_organisation

        organisation = reviewing_organisation()
    return {"@type": "Organization", **organisation}


def overall_result(claim: Claim) -> str:
    """One verdict from several checks: any inconsistent wins, then any consistent, else unknown."""
    results = {check.result for check in claim.checks}
    for verdict in ("inconsistent", "consistent"):
        if verdict in results:
            return verdict
    return "unknown"


def review_rating(claim: Claim) -> dict[str, Any]:
    """A person's verdict when there is one (on ClaimReview's 1..5 scale), else the checks' overall result."""
    from claimledger.review import VERDICTS

    checks = "; ".join(f"{c.kind}: {c.result}: {c.detail}" for c in claim.checks)
    verdict = (claim.review or {}).get("verdict")
    if verdict in VERDICTS:
        value, name = VERDICTS[verdict]
        note = (claim.review or {}).get("note")
        return {"@type": "Rating", "ratingValue": value, "bestRating": 5 if value else None,
                "worstRating": 1 if value else None, "alternateName": name,
                "ratingExplanation": "; ".join(x for x in (note, checks) if x) or None}
    return {"@type": "Rating", "alternateName": overall_result(claim), "ratingExplanation": checks}


def claim_review(claim: Claim, article: dict[str, Any],
                 organisation: dict[str, str] | None = None) -> dict[str, Any]:
    """schema.org ClaimReview of one checked or reviewed claim; ``article`` holds the document's url, title,
    outlet; ``organisation`` (name, url) is the reviewer, by default the one in the settings."""
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
        "author": reviewer(organisation),
        "reviewRating": review_rating(claim),
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
    """A JSON-LD document {"@context", "@graph": [ClaimReview...]} of the claims that have checks or a
    person's verdict (a claim a reviewer marked not a claim is left out).

    ``article_info(doc_ids) -> {doc_id: {url, title, outlet, published}}`` (``Ledger.document_info``).
    """
    from claimledger.settings import reviewing_organisation

    organisation = reviewing_organisation()
    stream.write('{"@context": "https://schema.org", "@graph": [')
    n = 0
    rated = (c for c in claims if (c.checks or (c.review or {}).get("verdict"))
             and not (c.review or {}).get("not_claim"))
    for chunk in _batches(rated, batch):
        articles = article_info({c.doc_id for c in chunk})
        for claim in chunk:
            stream.write(("," if n else "") + "\n  " + json.dumps(
                claim_review(claim, articles.get(claim.doc_id, {}), organisation), ensure_ascii=False))
            n += 1
    stream.write("\n]}\n")
    return n


def _batches(items: Iterable[Claim], size: int) -> Iterator[list[Claim]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
