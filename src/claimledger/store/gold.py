"""Reviewed claims as gold files: the format `claimledger eval` reads (docs/annotation-guide.md), so what
people corrected measures and trains the extractor.

A document with at least one review becomes ``gold/<id>.json``; its gold claims are its claims' effective
records (the extraction with every correction put over it), less those a reviewer marked not a claim. A claim
nobody reviewed is kept as extracted and says so (``"reviewed": false``, a key `eval` ignores), so a partly
reviewed article can be told from a finished one. The documents go to ``docs.jsonl`` beside ``gold/``:
``claimledger eval OUT/gold OUT`` scores the extractor against the reviews.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from claimledger.models import AUTHOR, Claim, Document
from claimledger.store.schema import reviews as reviews_t


def gold_claim(claim: Claim, document: Document, by_id: dict[str, Claim]) -> dict[str, Any]:
    """One gold claim: text and sentence as in the document, the occurrence of text in its sentence."""
    source = claim.source
    target = by_id.get(claim.conversion_of or "")
    out: dict[str, Any] = {
        "text": claim.text, "sentence": claim.sentence, "value": claim.value, "high": claim.high,
        "bound": claim.bound, "unit": claim.unit, "category": claim.category, "time_scope": claim.time_scope,
        "source": AUTHOR if source.name == AUTHOR else source.name, "source_type": source.type,
        "hedged": bool(claim.hedged), "verification": claim.verification,
        "conversion_of": target.text if target is not None else None,
        "reviewed": claim.review is not None,
    }
    sentence_at = document.text.find(claim.sentence)
    offset = claim.span[0] - sentence_at
    if sentence_at >= 0 and 0 <= offset <= len(claim.sentence):
        occurrence = claim.sentence[:offset].count(claim.text) + 1
        if occurrence > 1:
            out["occurrence"] = occurrence
    if claim.review and claim.review.get("note"):
        out["note"] = claim.review["note"]
    return out


def reviewed_documents(engine: Any) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(select(reviews_t.c.doc_id).distinct()
                                   .where(reviews_t.c.claim_id.is_not(None))).scalars())


def write_gold(ledger: Any, out_dir: str | Path, doc_ids: list[str] | None = None) -> tuple[int, int]:
    """Gold files of the reviewed documents (or of ``doc_ids``) under ``out_dir``; (documents, claims)."""
    out = Path(out_dir)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    n_docs = n_claims = 0
    with (out / "docs.jsonl").open("w", encoding="utf-8") as docs:
        for doc_id in doc_ids if doc_ids is not None else reviewed_documents(ledger.engine):
            found = ledger.document(doc_id)
            if found is None:
                continue
            document, claims = found
            by_id = {c.id: c for c in claims}
            kept = [c for c in claims if not (c.review or {}).get("not_claim")]
            gold = {"id": document.id, "claims": [gold_claim(c, document, by_id) for c in kept]}
            (out / "gold" / f"{_file_name(document.id)}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            docs.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
            n_docs += 1
            n_claims += len(kept)
    return n_docs, n_claims


def _file_name(doc_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in doc_id)
