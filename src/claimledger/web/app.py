"""The application factory: the JSON API, the pages and their bundled assets, in one FastAPI app."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from claimledger import __version__
from claimledger.store import Ledger
from claimledger.web.errors import BodyLimit, install_handlers
from claimledger.web.extracting import FetchLimits
from claimledger.web.tokens import TokenStore
from claimledger.web.workers import ExtractLimits, shared_pool

HERE = Path(__file__).parent
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")

# Everything the page runs or shows comes from this server; no inline script or style can run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

DESCRIPTION = """\
Read the claim ledger (documents, claims, figure groups and their history, statistics) and extract claims
from a posted text, HTML page or URL.

Every response is JSON. Errors have one shape: `{"error": {"code": "...", "message": "..."}}`.

**Tokens.** Writes (`POST /api/extract`, reviews, `DELETE /api/documents`) need `Authorization: Bearer
<token>`; create a token with `claimledger token create` (reviews and deletions: `--name NAME`, which the
history records). Reads are open unless the server runs with `--require-token-for-reads`.

**Limits.** A request body over the server's limit (default 2 MiB) is refused with 413; a fetched URL has a
timeout and a size cap; pages of results hold at most 500 items.

Every web page has a JSON twin: the API route it reads, linked from the page.
"""


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response (pure ASGI: cheap per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(value: str) -> str:
    """The host of a Host header or an --allowed-hosts entry, lower case, without the port; IPv6 bracketed."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[:value.find("]") + 1] if "]" in value else value
    if value.count(":") > 1:  # a bare IPv6 address as an --allowed-hosts entry
        return f"[{value}]"
    return value.split(":", 1)[0]


class AllowedHosts:
    """ASGI middleware: answer 400 to a request whose Host header is not one this server serves.

    A page elsewhere can point a name it controls at 127.0.0.1 (DNS rebinding) and have a visitor's browser
    read this server as if it were that page's own; the browser still sends that name as the Host, so only the
    names the server is meant to be reached by are answered. "*" allows any host, "*.example.org" any
    subdomain of example.org.
    """

    def __init__(self, app: Any, hosts: Iterable[str]) -> None:
        self.app = app
        names = {host_name(h) for h in hosts if h.strip()}
        self.any = "*" in names
        self.suffixes = tuple(n[1:] for n in names if n.startswith("*."))
        self.names = {n for n in names if not n.startswith("*")}

    def allowed(self, host: str) -> bool:
        return self.any or host in self.names or (bool(self.suffixes) and host.endswith(self.suffixes))

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket"):
            raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not self.allowed(host_name(raw)):
                message = (f"host {raw!r} is not served here (start the server with --allowed-hosts to serve "
                           "it)" if raw else "the request has no Host header")
                body = json.dumps({"error": {"code": "bad_request", "message": message}}).encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)  # escape every value
    return Jinja2Templates(env=env)


def create_app(ledger_url: str | None = None, *, read_token_required: bool = False,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, tokens: TokenStore | None = None,
               fetch_limits: FetchLimits | None = None, ledger: Ledger | None = None,
               extract_limits: ExtractLimits | None = None,
               allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The claimledger web application over the ledger at `ledger_url` (or an open `ledger`).

    `allowed_hosts`: the Host header values answered (others get 400); None answers any (`claimledger
    serve` passes the loopback names, LOOPBACK_HOSTS, unless told otherwise). Extraction runs in the
    process's worker pool for `extract_limits`, started with the app.
    """
    from claimledger.web import api, deleting, pages, review

    limits = extract_limits or ExtractLimits()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        shared_pool(limits).start()  # workers load the pipeline while the first requests are read
        yield  # the pool outlives the app: other apps of this process share it; `serve` closes it at the end

    app = FastAPI(title="claimledger", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.extract_limits = limits
    app.state.ledger = ledger or Ledger.open(ledger_url)
    app.state.tokens = tokens or TokenStore()
    app.state.session_key = secrets.token_bytes(32)  # signs login sessions; a restart ends them
    app.state.read_token_required = read_token_required
    app.state.fetch_limits = fetch_limits or FetchLimits()
    app.state.templates = _templates()
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(review.pages)
    app.include_router(deleting.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if allowed_hosts is not None:
        app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app
