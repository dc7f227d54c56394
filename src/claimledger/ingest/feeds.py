"""RSS/Atom feeds (a file or a URL) → one Document per entry, via feedparser.

An entry's text is its full content, else its summary (HTML reduced to text). An entry with neither has its
link fetched (ingest/urls.py) and read as an article. The feed's title is the outlet unless the caller gives
one; the entry's date is the publication date. feedparser is only ever handed bytes, so it never fetches.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimledger.errors import InputError
from claimledger.models import Document

MIN_BODY_CHARS = 40  # a summary shorter than this ("Read more...") is no body: fetch the link instead


def read_feed(target: str, options=None) -> Iterator:
    """Documents (or Skips) of a feed file, or of a feed at an http(s) URL."""
    from claimledger.ingest import readers

    options = options or readers.ReadOptions()
    if target.startswith(("http://", "https://")):
        from claimledger.ingest.urls import fetch

        raw = fetch(target, timeout=options.timeout, max_bytes=options.max_bytes).body
    else:
        raw = _read_file(Path(target), options.max_bytes)
    yield from documents_from_feed(raw, target, options)


def _read_file(path: Path, limit: int) -> bytes:
    from claimledger.ingest.readers import read_capped

    cap = limit * 4  # a feed holds many entries; still, not unbounded (20 MB with the default limit)
    try:
        raw = None if path.stat().st_size > cap else read_capped(path, cap)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if raw is None:  # not read past the cap, whatever size the file reports
        raise InputError(str(path), f"feed file is over the {cap}-byte limit (not read further)")
    return raw


def documents_from_feed(raw: bytes, origin: str, options) -> Iterator:
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        why = f"not a readable RSS/Atom feed ({problem})" if problem else "feed has no entries"
        raise InputError(origin, why)
    outlet = options.outlet or parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, origin, number, outlet, options)


def _entry_document(entry: Any, origin: str, number: int, outlet: str | None, options):
    from claimledger.ingest import readers

    where = f"{origin} entry {number}"
    fields: dict[str, str | None] = {"url": entry.get("link") or None, "title": entry.get("title") or None,
              "published": options.published or _entry_date(entry), "outlet": outlet}
    body = _entry_body(entry)
    if len(body) < MIN_BODY_CHARS:
        return _fetched_entry(fields, origin, number, options)
    document = Document(text=body, origin=where, url=fields["url"], title=fields["title"],
                        published=fields["published"], outlet=fields["outlet"])
    return readers.checked_language(document, origin, number, "utf-8")


def _entry_body(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    html = max(contents, key=len) if contents else entry.get("summary") or ""
    return html_to_text(html).strip()


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element (feed bodies are fragments, which
    trafilatura's whole-page extraction often rejects as too short)."""
    if "<" not in html:
        return html
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds for junk; junk has no text worth keeping
        return ""
    for block in root.iter("p", "div", "li", "br", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n\n")]
    return "\n\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> str | None:
    struct = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", struct) if struct else None


def _fetched_entry(fields: dict[str, str | None], origin: str, number: int, options):
    from claimledger.ingest import readers
    from claimledger.ingest.urls import article_from_fetched, fetch

    link = fields["url"]
    if not link:
        return readers.Skip(origin, number, "entry has no text and no link to fetch")
    try:
        fetched = fetch(link, timeout=options.timeout, max_bytes=options.max_bytes)
    except InputError as exc:
        return readers.Skip(origin, number, f"entry has no text and its link failed: {exc}")
    return article_from_fetched(fetched, link, options, **fields)
