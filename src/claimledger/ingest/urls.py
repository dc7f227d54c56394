"""http(s) URLs → Documents: an article page, or each entry of a feed when the URL serves one.

Fetching is bounded: a timeout (settings.fetch_timeout), a size cap (the per-article limit), a few
redirects, only http(s), and only HTML, plain text or feed content types are read. Every failure is an
InputError naming the URL and what went wrong (not a URL, HTTP status, timeout, refused connection, too
large, wrong content type); nothing is retried.

Only public addresses are fetched unless private ones are allowed (``allow_private``, else
settings.allow_private_urls(): the ``--allow-private-urls`` flag of ingest, extract and serve). A URL (or a
redirect) to a loopback, private, link-local (cloud metadata), multicast or reserved address is refused, so
neither a posted URL nor a link in a feed can reach the machine's own services or its network's. The host is
resolved once per request, every address it resolves to is checked, and the connection goes to the checked
address with the original name as Host header and TLS server name: a DNS answer that changes between the
check and the connection (DNS rebinding) changes nothing. Proxies from the environment are not used, since
they would make the connection elsewhere.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from claimledger import __version__
from claimledger.errors import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")
USER_AGENT = f"claimledger/{__version__} (+https://github.com/claimledger/claimledger)"
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower case, without parameters; "" when the server sent none
    body: bytes
    address: str = ""  # the IP address the page was fetched from (the one that was checked)

    @property
    def is_feed(self) -> bool:
        if self.content_type in FEED_TYPES:
            return True
        head = self.body[:1024].lstrip().lower()
        return self.content_type in ("", *TEXT_TYPES) and head.startswith(b"<?xml") and (
            b"<rss" in head or b"<feed" in head or b"<rdf" in head)


@dataclass(frozen=True, slots=True)
class Target:
    """One http(s) URL taken apart: what to connect to and what to call it."""

    url: str
    scheme: str
    host: str  # ASCII (IDNA) host name or IP literal, without brackets
    port: int
    netloc: str  # the Host header: host (bracketed if IPv6) and the port when the URL gives one
    path: str  # path and query, as given

    def at(self, address: str) -> str:
        """This URL with `address` in place of the host name."""
        ip = f"[{address}]" if ":" in address else address
        return urlunsplit((self.scheme, f"{ip}:{self.port}", self.path or "/", "", ""))


def parse_url(url: str) -> Target:
    """The URL's parts, or InputError saying what about it cannot be fetched."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InputError(url, f"is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    if parts.username is not None or parts.password is not None:
        raise InputError(url, "URLs with a user name or password are not fetched")
    if port == 0:
        raise InputError(url, "port 0 is not a port to fetch from")
    raw_host = parts.hostname or ""
    if not raw_host:
        raise InputError(url, "has no host name")
    host = _ascii_host(url, raw_host)
    bracketed = f"[{host}]" if ":" in host else host
    netloc = f"{bracketed}:{port}" if port is not None else bracketed
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return Target(url, scheme, host, port or (443 if scheme == "https" else 80), netloc, path)


def _ascii_host(url: str, host: str) -> str:
    if ":" in host:  # an IPv6 literal (urlsplit took it from between brackets)
        try:
            return str(ipaddress.IPv6Address(host.split("%")[0]))
        except ValueError:
            raise InputError(url, f"host [{host}] is not a valid IPv6 address") from None
    if host.isascii():
        if not all(label and len(label) < 64 for label in host.rstrip(".").split(".")) or len(host) > 253:
            raise InputError(url, f"host {host!r} is not a valid host name")
        return host
    import idna

    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        raise InputError(url, f"host {host!r} is not a valid international domain name ({exc})") from None


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address on the public internet: not loopback, private, link-local, shared, multicast or reserved."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve(target: Target, allow_private: bool) -> str:
    """The address to connect to: the host resolved once, every address checked unless private ones are
    allowed; InputError when the host cannot be resolved or any address is not public."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(target.url, f"host {target.host!r} cannot be resolved ({reason})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(target.url, f"host {target.host!r} resolves to no address")
    if not allow_private:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not is_public(ip):
                raise InputError(target.url, f"host {target.host!r} is a non-public address ({ip}); only "
                                             "public pages are fetched (--allow-private-urls lifts this)")
    return addresses[0]


def refuse_private(url: str) -> None:
    """InputError unless the URL parses and every address its host resolves to is a public one."""
    resolve(parse_url(url), allow_private=False)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None,
          allow_private: bool | None = None) -> Fetched:
    """GET ``url`` (following redirects, each checked the same way) within the time and size limits, or raise
    InputError. ``allow_private`` None: settings.allow_private_urls() (refused unless the flag is given)."""
    import httpx

    from claimledger.ingest.readers import MAX_ARTICLE_BYTES
    from claimledger.settings import allow_private_urls, fetch_timeout

    allow = allow_private_urls(allow_private)
    seconds = fetch_timeout(timeout)
    limit = max_bytes or MAX_ARTICLE_BYTES
    current = url
    try:
        with httpx.Client(timeout=seconds, follow_redirects=False, trust_env=False,
                          headers={"User-Agent": USER_AGENT}) as client:
            for _ in range(MAX_REDIRECTS + 1):
                target = parse_url(current)
                address = resolve(target, allow)
                extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
                request = client.build_request("GET", target.at(address), headers={"Host": target.netloc},
                                               extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECTS and location:
                        current = urljoin(current, location.strip())
                        continue
                    content_type = _checked_response(current, response, limit)
                    body = _read_capped(current, response, limit)
                    return Fetched(current, content_type, body, address)
                finally:
                    response.close()
    except httpx.TimeoutException:
        raise InputError(url, f"no answer within {seconds:g} s (timed out)") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise InputError(url, f"cannot be fetched: {exc.__class__.__name__}: {exc}") from None
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _checked_response(url: str, response, limit: int) -> str:
    if response.status_code >= 400:
        raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES + TEXT_TYPES + FEED_TYPES:
        raise InputError(url, f"content type {content_type!r} is not an article (HTML or text) or a feed")
    declared = str(response.headers.get("content-length", ""))
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
