"""One input document (a JSON Lines object, or a page of HTML) → Document.

The body of an HTML page is found by trafilatura, which drops navigation, footers and other page
furniture; the caller's own fields (title, published, outlet, url) always win over what it extracts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimledger.errors import InputError
from claimledger.models import Document, parse_iso_date

_STRING_FIELDS = ("id", "url", "outlet", "title", "published")


def html_metadata(html: str, origin: str) -> dict[str, str | None]:
    """Body text, title, date and site name of one HTML page (keys: text, title, published, outlet, url)."""
    import trafilatura  # imported here: reading .txt and .jsonl must stay cheap

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=False
    )
    if extracted is None:
        raise InputError(origin, "no article body could be found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(origin, "no article body could be found in the HTML")
    return {
        "text": text,
        "title": data.get("title") or None,
        "published": data.get("date") or None,
        "outlet": data.get("sitename") or None,
        "url": data.get("url") or None,
    }


def document_from_html(html: str, origin: str, **caller: str | None) -> Document:
    """A Document from an HTML page; non-empty caller fields override the extracted metadata."""
    fields = html_metadata(html, origin)
    fields.update({k: v for k, v in caller.items() if v})
    return Document(
        text=fields["text"] or "",
        id=caller.get("id") or "",
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        title=fields.get("title"),
        published=fields.get("published"),
        origin=origin,
    )


def _checked_fields(mapping: Mapping[str, Any], origin: str, line: int | None) -> dict[str, str | None]:
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = mapping.get(name)
        if value is None or value == "":
            fields[name] = None
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # numeric ids are common in exports; keep them as their digits
        if not isinstance(value, str):
            raise InputError(origin, f"field {name!r} must be a string, got {type(value).__name__}", line)
        fields[name] = value
    published = fields["published"]
    if published is not None and parse_iso_date(published) is None:
        raise InputError(origin, f"field 'published' is not an ISO date or datetime: {published!r}", line)
    return fields


def document_from_mapping(mapping: Mapping[str, Any], origin: str, line: int | None = None) -> Document:
    """Validate one input document (schema: id, url, outlet, title, published, text | html) → Document."""
    if not isinstance(mapping, Mapping):
        raise InputError(origin, f"expected a JSON object, got {type(mapping).__name__}", line)
    fields = _checked_fields(mapping, origin, line)
    where = f"{origin}:{line}" if line is not None else origin
    text, html = mapping.get("text"), mapping.get("html")
    if isinstance(text, str) and text.strip():
        return Document(text=text, id=fields["id"] or "", url=fields["url"], outlet=fields["outlet"],
                        title=fields["title"], published=fields["published"], origin=where)
    if isinstance(html, str) and html.strip():
        try:
            return document_from_html(html, where, **fields)
        except InputError as exc:
            raise InputError(origin, exc.reason, line) from None
    if text is not None and not isinstance(text, str):
        raise InputError(origin, f"field 'text' must be a string, got {type(text).__name__}", line)
    raise InputError(origin, "needs a non-empty 'text' or 'html' field", line)
