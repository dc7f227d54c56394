"""Records ↔ table rows: the columns users filter on, plus each record whole as JSON."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from claimledger.models import Claim, Document, content_hash


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def document_row(document: Document, extractor_version: str) -> dict[str, Any]:
    return {"id": document.id, "outlet": document.outlet, "published": document.published,
            "extractor_version": extractor_version, "url": document.url, "title": document.title,
            "content_hash": content_hash(document.text), "ingested_at": now_iso(),
            "record": json.dumps(document.to_dict(), ensure_ascii=False)}


def claim_row(claim: Claim) -> dict[str, Any]:
    period, source = claim.period, claim.source
    return {
        "id": claim.id, "doc_id": claim.doc_id, "category": claim.category,
        "source_name": source.name, "source_canonical": source.canonical, "source_type": source.type,
        "source_cue": source.cue, "source_via": source.via, "outlet": claim.outlet,
        "time_scope": claim.time_scope, "period_start": period.start if period else None,
        "period_end": period.end if period else None, "verification": claim.verification,
        "text": claim.text, "sentence": claim.sentence, "value": claim.value, "high": claim.high,
        "bound": claim.bound, "unit": claim.unit, "subject": claim.subject, "location": claim.location,
        "hedged": bool(claim.hedged), "conversion_of": claim.conversion_of, "published": claim.published,
        "min_confidence": lowest_confidence(claim.confidence),
        "record": json.dumps(claim.to_dict(), ensure_ascii=False),
    }


def lowest_confidence(confidence: dict[str, Any] | None) -> float | None:
    """The lowest of a record's per-field confidences; None when it has none (the `min_confidence` column)."""
    values = [float(v) for v in (confidence or {}).values() if isinstance(v, int | float)]
    return min(values) if values else None


def check_rows(claim: Claim) -> list[dict[str, Any]]:
    return [{"claim_id": claim.id, "kind": check.kind, "result": check.result, "detail": check.detail,
             "data": json.dumps(check.data or {}, ensure_ascii=False)} for check in claim.checks]


def document_from_record(record: str) -> Document:
    data = json.loads(record)
    known = {f.name for f in fields(Document)}
    return Document(**{k: v for k, v in data.items() if k in known})


def claim_from_record(record: str) -> Claim:
    return Claim.from_dict(json.loads(record))
