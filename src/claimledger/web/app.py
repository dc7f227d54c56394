"""The application factory: the JSON API, the pages and their bundled assets, in one FastAPI app."""

from __future__ import annotations

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

HERE = Path(__file__).parent
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024

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

**Tokens.** Writes (`POST /api/extract`) need `Authorization: Bearer <token>`; create a token with
`claimledger token create`. Reads are open unless the server runs with `--require-token-for-reads`.

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


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)  # escape every value
    return Jinja2Templates(env=env)


def create_app(ledger_url: str | None = None, *, read_token_required: bool = False,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, tokens: TokenStore | None = None,
               fetch_limits: FetchLimits | None = None, ledger: Ledger | None = None) -> FastAPI:
    """The claimledger web application over the ledger at `ledger_url` (or an open `ledger`)."""
    from claimledger.web import api, pages, review

    app = FastAPI(title="claimledger", version=__version__, description=DESCRIPTION,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.ledger = ledger or Ledger.open(ledger_url)
    app.state.tokens = tokens or TokenStore()
    app.state.read_token_required = read_token_required
    app.state.fetch_limits = fetch_limits or FetchLimits()
    app.state.templates = _templates()
    install_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(review.router)
    app.include_router(review.pages)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
