"""The Python API: text or documents in, claim records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claimledger.errors import ExtractionTimeout
from claimledger.models import Claim, Document

if TYPE_CHECKING:
    from claimledger.nlp.runner import Skipped


def _as_document(item: Document | dict[str, Any] | str) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item)
    from claimledger.ingest.documents import document_from_mapping

    return document_from_mapping(item, origin="<python>")


def extract(
    text: str, *, published: str | None = None, outlet: str | None = None, doc_id: str | None = None,
    timeout: float | None = None,
) -> list[Claim]:
    """Claims stated in one article's plain text, in text order. ``timeout``: seconds the article may
    take; past it, ExtractionTimeout is raised (the work stops at the next figure, not at once)."""
    from claimledger.nlp.runner import Skipped

    doc = Document(text=text, id=doc_id or "", published=published, outlet=outlet)
    for result in extract_results([doc], timeout=timeout):
        if isinstance(result, Skipped):
            raise ExtractionTimeout(doc_id or "<text>", result.reason)
        return result[1]
    return []


def extract_documents(
    documents: Iterable[Document | dict[str, Any] | str], *, batch_size: int = 32
) -> Iterator[tuple[Document, list[Claim]]]:
    """Stream (document, claims) pairs; the spaCy pipeline runs batched (``nlp.pipe``). A document of any
    length is read (a long one in pieces, with spans into its whole text)."""
    for result in extract_results(documents, batch_size=batch_size):
        assert isinstance(result, tuple)  # no time limit, so nothing is skipped
        yield result


def extract_results(
    documents: Iterable[Document | dict[str, Any] | str], *, batch_size: int = 32,
    timeout: float | None = None,
) -> Iterator[tuple[Document, list[Claim]] | Skipped]:
    """Like ``extract_documents``, with a time limit per document: a document that takes longer than
    ``timeout`` seconds comes out as a ``Skipped`` (its document and why) and the rest go on."""
    from claimledger.nlp.pipeline import get_pipeline
    from claimledger.nlp.runner import run

    nlp = get_pipeline()
    yield from run(nlp, (_as_document(d) for d in documents), batch_size=batch_size, timeout=timeout)


def find_quantities(text: str) -> list[dict[str, Any]]:
    """Every number or amount mention in ``text`` before deciding which are claims (the quantity layer)."""
    from claimledger.nlp.quantities import find_quantities as scan

    return [m.as_dict() for m in scan(text)]
