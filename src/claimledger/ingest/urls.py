"""http(s) URLs → Documents: an article page, or each entry of a feed when the URL serves one.

Fetching is bounded: a timeout (settings.fetch_timeout), a size cap (the per-article limit), a few
redirects, only http(s), and only HTML, plain text or feed content types are read. Every failure is an
InputError naming the URL and what went wrong (HTTP status, timeout, refused connection, too large, wrong
content type); nothing is retried. The web server fetches for whoever posts a URL, so it passes
``allow_private=False``: then a URL (or a redirect) to a loopback, private, link-local or other
non-public address is refused, and the server cannot be used to reach the machine's own services or its
network's.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimledger import __version__
from claimledger.errors import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")
USER_AGENT = f"claimledger/{__version__} (+https://github.com/claimledger/claimledger)"
MAX_REDIRECTS = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower case, without parameters; "" when the server sent none
    body: bytes

    @property
    def is_feed(self) -> bool:
        if self.content_type in FEED_TYPES:
            return True
        head = self.body[:1024].lstrip().lower()
        return self.content_type in ("", *TEXT_TYPES) and head.startswith(b"<?xml") and (
            b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None,
          allow_private: bool = True) -> Fetched:
    """GET ``url`` (following redirects) within the time and size limits, or raise InputError."""
    import httpx

    from claimledger.ingest.readers import MAX_ARTICLE_BYTES
    from claimledger.settings import fetch_timeout

    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    seconds = fetch_timeout(timeout)
    limit = max_bytes or MAX_ARTICLE_BYTES
    # The hook sees every request, redirects included, so a public page cannot bounce the fetch inwards.
    hooks = {"request": [] if allow_private else [lambda request: refuse_private(str(request.url))]}
    try:
        with httpx.Client(timeout=seconds, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                          headers={"User-Agent": USER_AGENT}, event_hooks=hooks) as client:
            with client.stream("GET", url) as response:
                content_type = _checked_response(url, response, limit)
                body = _read_capped(url, response, limit)
                return Fetched(str(response.url), content_type, body)
    except httpx.TimeoutException:
        raise InputError(url, f"no answer within {seconds:g} s (timed out)") from None
    except httpx.TooManyRedirects:
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot be fetched: {exc.__class__.__name__}: {exc}") from None


def refuse_private(url: str) -> None:
    """InputError unless every address the URL's host resolves to is a public one."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        raise InputError(url, f"host {host!r} cannot be resolved") from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global:
            raise InputError(url, f"host {host!r} is a non-public address ({ip}); this server fetches only "
                                  "public pages (start it with --allow-private-urls to lift this)")


def _checked_response(url: str, response, limit: int) -> str:
    if response.status_code >= 400:
        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES + TEXT_TYPES + FEED_TYPES:
        raise InputError(url, f"content type {content_type!r} is not an article (HTML or text) or a feed")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(url, f"response is {int(declared)} bytes, over the {limit}-byte article limit")
    return content_type


def _read_capped(url: str, response, limit: int) -> bytes:
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise InputError(url, f"response is over the {limit}-byte limit for one article")
    return bytes(body)


def read_url(url: str, options=None) -> Iterator:
    """Documents (or Skips) from one URL: the entries of a feed, or one article."""
    from claimledger.ingest import readers

    options = options or readers.ReadOptions()
    fetched = fetch(url, timeout=options.timeout, max_bytes=options.max_bytes)
    if fetched.is_feed:
        from claimledger.ingest.feeds import documents_from_feed

        yield from documents_from_feed(fetched.body, url, options)
        return
    yield article_from_fetched(fetched, url, options)


def article_from_fetched(fetched: Fetched, origin: str, options, **fields: str | None):
    """One Document (or Skip) from a fetched page; ``fields`` (title, published...) fill in what it lacks."""
    from claimledger.ingest import readers

    kind = "text" if fetched.content_type in TEXT_TYPES else "html"
    result = readers.article_from_bytes(fetched.body, origin, kind, options)
    if isinstance(result, readers.Skip):
        return result
    result.url = result.url or fetched.url
    for name, value in fields.items():
        if value and not getattr(result, name):
            setattr(result, name, value)
    return result
