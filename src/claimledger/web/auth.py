"""Who may do what: writes need an API token; reads too when the server is started so.

The token travels as `Authorization: Bearer <token>`. For reading pages in a browser (which cannot add that
header to a link) a token given on /login is kept in an HttpOnly cookie; the cookie opens reads only, never
writes, so a page elsewhere cannot make the browser write with it.
"""

from __future__ import annotations

from fastapi import Request

from claimledger.web.errors import ApiError

COOKIE = "claimledger_token"


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _valid(request: Request, token: str | None) -> bool:
    return bool(token) and request.app.state.tokens.verify(token) is not None


def may_read(request: Request) -> bool:
    if not request.app.state.read_token_required:
        return True
    return _valid(request, bearer_token(request)) or _valid(request, request.cookies.get(COOKIE))


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
