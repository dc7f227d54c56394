"""Who may do what: writes need an API token; reads too when the server is started so.

The token travels as `Authorization: Bearer <token>`. For reading pages in a browser (which cannot add that
header to a link) a token given on /login becomes a session in an HttpOnly cookie. The cookie holds the
token's id and an HMAC of it under a key this server process drew at random, never the token itself: it opens
reads only, never writes (a page elsewhere cannot make the browser write with it), it is worthless as a
Bearer token, it stops working when its token is revoked, and a restarted server asks for the token again.
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import Request

from claimledger.web.errors import ApiError

COOKIE = "claimledger_session"


def _session_mac(request: Request, token_id: str) -> str | None:
    entry = request.app.state.tokens.get(token_id)
    if entry is None:
        return None
    message = f"{entry.id}:{entry.salt}:{entry.sha256}".encode()
    return hmac.new(request.app.state.session_key, message, hashlib.sha256).hexdigest()


def session_for(request: Request, token: str) -> str | None:
    """The cookie value for a valid token ("<id>.<hmac>"); None when the token is not valid."""
    entry = request.app.state.tokens.verify(token)
    if entry is None:
        return None
    return f"{entry.id}.{_session_mac(request, entry.id)}"


def _valid_session(request: Request, value: str | None) -> bool:
    token_id, _, mac = (value or "").partition(".")
    expected = _session_mac(request, token_id) if token_id and mac else None
    return expected is not None and hmac.compare_digest(expected, mac)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _valid(request: Request, token: str | None) -> bool:
    return bool(token) and request.app.state.tokens.verify(token) is not None


def may_read(request: Request) -> bool:
    if not request.app.state.read_token_required:
        return True
    return _valid(request, bearer_token(request)) or _valid_session(request, request.cookies.get(COOKIE))


def require_read(request: Request) -> None:
    if not may_read(request):
        raise ApiError(401, "this server requires an API token for reading: send 'Authorization: Bearer "
                            "<token>' (create one with `claimledger token create`)")


def require_write(request: Request) -> None:
    token = bearer_token(request)
    if token is None:
        raise ApiError(401, "writing needs an API token: send 'Authorization: Bearer <token>' "
                            "(create one with `claimledger token create`)")
    if not _valid(request, token):
        raise ApiError(401, "the API token is not valid (unknown or revoked); see `claimledger token list`")
