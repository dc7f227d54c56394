"""The Python API: text or documents in, claim records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claimledger.models import Claim, Document


def _as_document(item: Document | dict[str, Any] | str) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item)
    from claimledger.ingest.documents import document_from_mapping

    return document_from_mapping(item, origin="<python>")


def extract(
    text: str, *, published: str | None = None, outlet: str | None = None, doc_id: str | None = None
) -> list[Claim]:
    """Claims stated in one article's plain text, in text order."""
    doc = Document(text=text, id=doc_id or "", published=published, outlet=outlet)
    for _, claims in extract_documents([doc]):
        return claims
    return []


def extract_documents(
    documents: Iterable[Document | dict[str, Any] | str], *, batch_size: int = 32
) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs; the spaCy pipeline runs batched (``nlp.pipe``)."""
    from claimledger.nlp.pipeline import get_pipeline
    from claimledger.nlp.records import claims_from_doc

    nlp = get_pipeline()
    docs = (_as_document(d) for d in documents)
    pairs = ((d.text, d) for d in docs)
    for spacy_doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, claims_from_doc(spacy_doc, document)


def find_quantities(text: str) -> list[dict[str, Any]]:
    """Every number or amount mention in ``text`` before deciding which are claims (the quantity layer)."""
    from claimledger.nlp.quantities import find_quantities as scan

    return [m.as_dict() for m in scan(text)]
