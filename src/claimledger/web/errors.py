"""One error shape for the HTTP API, ``{"error": {"code", "message"}}``, and the request size limit."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger.errors import ClaimledgerError, InputError, NotEnglishError, StoreError

STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "payload_too_large", 422: "invalid_parameters",
                500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error the API reports as it is: status, a stable code, a message a person can act on."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or STATUS_CODES.get(status, "error")
        self.message = message
        self.headers = headers


ERROR_SCHEMA = {
    "description": "An error: a stable code and a message.",
    "content": {"application/json": {"example": {"error": {"code": "not_found",
                                                           "message": "no document 'x'"}}}},
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these error statuses (all share one shape)."""
    return {s: ERROR_SCHEMA for s in statuses}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "request"
        parts.append(f"{where}: {err.get('msg')}")
    return "; ".join(parts)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else exc.headers
        return error_response(request, exc.status, exc.code, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_parameters", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, STATUS_CODES.get(exc.status_code, "error"), message)

    @app.exception_handler(NotEnglishError)
    async def not_english(request: Request, exc: NotEnglishError) -> Response:
        return error_response(request, 422, "not_english", str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return error_response(request, 400, "input_error", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, "store_error", str(exc))

    @app.exception_handler(ClaimledgerError)
    async def other_error(request: Request, exc: ClaimledgerError) -> Response:
        return error_response(request, 400, "bad_request", str(exc))


class BodyLimit:
    """ASGI middleware: refuse a request body over `max_bytes` with 413, whether or not it says its length."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0
        refused = False

        async def counting_receive() -> dict:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    raise _TooLarge()
            return message

        started = False

        async def guarded_send(message: dict) -> None:
            nonlocal started
            if refused:  # the app turned our refusal into its own error (FastAPI: 400): answer 413 instead
                if not started:
                    started = True
                    await self._refuse(send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)
        except Exception:
            if not (refused and not started):
                raise
            await self._refuse(send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({"error": {"code": "payload_too_large",
                                     "message": f"request body is over the limit of {self.max_bytes:,} "
                                                "bytes"}})
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body.encode()})


class _TooLarge(Exception):
    pass
