"""Extraction for the web: a posted text, HTML page or URL → Document and checked claims (optionally stored).

What happens to a posted article; where it happens (a pool of worker processes) is web/workers.py.
A URL is fetched by the ingest fetcher (http(s) only, a timeout, a size cap) and, unless the server was
started with --allow-private-urls, only from public addresses: whoever posts a URL must not reach the
server's own network through it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.errors import InputError, NotEnglishError
from claimledger.models import Claim, Document
from claimledger.store import Ledger


@dataclass
class FetchLimits:
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    allow_private: bool = False  # fetch loopback and private-network addresses too (a server for one person)


def fetch_html(url: str, limits: FetchLimits) -> str:
    """The page at `url` as text; InputError naming the URL when it cannot be had within the limits."""
    from claimledger.ingest.readers import decode_text
    from claimledger.ingest.urls import fetch

    fetched = fetch(url, timeout=limits.timeout, max_bytes=limits.max_bytes,
                    allow_private=limits.allow_private)
    return decode_text(fetched.body, url)[0]


def build_document(*, text: str | None, html: str | None, url: str | None, fields: dict[str, str | None],
                   limits: FetchLimits) -> Document:
    """A Document from exactly one of text, html or url; caller fields (id, title, outlet, published) win."""
    from claimledger.ingest.documents import document_from_html, document_from_mapping

    given = [name for name, value in (("text", text), ("html", html), ("url", url)) if value]
    if len(given) != 1:
        raise InputError("request", "give exactly one of 'text', 'html' or 'url'"
                         + (f" (got {', '.join(given)})" if given else ""))
    if url:
        page = fetch_html(url, limits)
        document = document_from_html(page, url, url=fields.get("url") or url,
                                      **{k: v for k, v in fields.items() if k != "url"})
    else:
        mapping: dict[str, str] = {k: v for k, v in fields.items() if v is not None}
        mapping["text" if text else "html"] = text or html or ""
        document = document_from_mapping(mapping, origin="request")
    return english(document, url or "request")


def english(document: Document, origin: str) -> Document:
    """The document, unless it is not in English: then NotEnglishError, as the CLI's readers skip it."""
    from claimledger.ingest.language import not_english_reason

    reason = not_english_reason(document.text)
    if reason:
        raise NotEnglishError(origin, f"{reason}; claimledger reads English articles only")
    return document


def extract_checked(document: Document) -> list[Claim]:
    """Claims of one document with the checks that need no other document (rates, reference series)."""
    from claimledger.api import extract_documents
    from claimledger.check import check_claims

    claims = next(iter(extract_documents([document])))[1]
    return check_claims(claims)


def recheck_cross_source(ledger: Ledger, claims: list[Claim]) -> list[Claim]:
    """After storing `claims`, redo the cross-source check of every figure they report (see
    `claimledger.check.recheck_figures`, which `claimledger watch` uses too)."""
    from claimledger.check import recheck_figures

    return recheck_figures(ledger, claims)


def store(ledger: Ledger, document: Document, claims: list[Claim]) -> bool:
    """Store into the ledger; True when the document was already there and has been replaced.

    A posted article replaces a stored one of the same id even from the same extractor version: the poster
    may have changed its text or metadata. The version is `ingest`'s, so a later ingest of the same
    document finds it current.
    """
    from claimledger.nlp.pipeline import extractor_version

    return ledger.add(document, claims, extractor_version(), replace=True).replaced


def store_checked(ledger: Ledger, document: Document, claims: list[Claim]) -> tuple[bool, list[Claim]]:
    """Store, then redo the cross-source check of the figures the claims report: (replaced, claims)."""
    replaced = store(ledger, document, claims)
    return replaced, recheck_cross_source(ledger, claims)
