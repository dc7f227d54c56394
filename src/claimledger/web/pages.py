"""The web pages: ledger, documents, article, paste box and figure chart, each linking to its JSON twin.

Pages render on the server with Jinja2 (autoescaped); the bundled scripts in static/ add details on click,
the paste box and the chart, reading the same API routes the pages link to.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimledger.models import CATEGORIES, SOURCE_TYPES, TIME_SCOPES, VERIFICATIONS
from claimledger.store import ORDER_COLUMNS, ClaimFilter
from claimledger.web import api, figures, marks
from claimledger.web.auth import COOKIE, may_read, session_for
from claimledger.web.errors import ApiError

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    if not may_read(request):
        return _login_page(request, status=401)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, {"twin": None, **context}, status_code=status)


def _login_page(request: Request, status: int = 200, message: str | None = None) -> Response:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "login.html", {"message": message, "twin": None},
                                      status_code=status)


def _next_order(column: str, order_by: str, order: str) -> str:
    """Clicking the sorted column flips its direction; another column starts descending."""
    return "asc" if (column == order_by and order == "desc") else "desc"


def _query_string(params: dict[str, Any]) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def page_filter(request: Request) -> ClaimFilter:
    """The ledger form's filters: a field left empty is no filter (the API would refuse '' as a number)."""
    given = {k: v.strip() for k, v in request.query_params.items() if v.strip()}
    values: dict[str, Any] = {}
    for f in fields(ClaimFilter):
        if f.name not in given:
            continue
        raw = given[f.name]
        try:
            if f.name == "checked":
                values[f.name] = {"true": True, "false": False}[raw.lower()]
            elif f.name.startswith("value_") or f.name == "min_confidence":
                values[f.name] = float(raw)
            elif f.name.startswith("period_"):
                values[f.name] = date.fromisoformat(raw).isoformat()
            else:
                values[f.name] = raw
        except (ValueError, KeyError):
            kind = {"checked": "true or false", "value_min": "a number", "value_max": "a number",
                    "min_confidence": "a number"}.get(
                f.name, "an ISO date (YYYY-MM-DD)")
            raise ApiError(400, f"filter {f.name!r} must be {kind}, got {raw!r}") from None
    return ClaimFilter(**values)


@router.get("/", response_class=HTMLResponse)
def ledger_view(request: Request, offset: Annotated[int, Query(ge=0)] = 0,
                order_by: Annotated[api.OrderColumn, Query()] = "published",
                order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc") -> Response:
    """The ledger view: every claim in a filterable, sortable table, each linking to its article. JSON
    twin: GET /api/claims."""
    if not may_read(request):
        return _login_page(request, status=401)
    flt = page_filter(request)
    page = api.claims_page(request.app.state.ledger, flt, PAGE_SIZE, offset, order_by, order)
    filters = {k: v for k, v in asdict(flt).items() if v is not None}
    base = {**filters, "order_by": order_by, "order": order}
    return _render(request, "ledger.html", {
        "page": page, "filters": filters, "order_by": order_by, "order": order,
        "sortable": sorted(ORDER_COLUMNS),
        "sort_link": lambda col: "?" + _query_string(
            {**filters, "order_by": col, "order": _next_order(col, order_by, order)}),
        "page_link": lambda off: "?" + _query_string({**base, "offset": off}),
        "twin": "/api/claims?" + _query_string({**base, "offset": offset, "limit": PAGE_SIZE}),
        "choices": {"category": CATEGORIES, "time_scope": TIME_SCOPES, "verification": VERIFICATIONS,
                    "source_type": SOURCE_TYPES},
        "page_size": PAGE_SIZE,
        "stats": request.app.state.ledger.stats(),
    })


@router.get("/documents", response_class=HTMLResponse)
def documents_view(request: Request, offset: Annotated[int, Query(ge=0)] = 0,
                   outlet: str | None = None) -> Response:
    """The stored articles, newest first, with their number of claims. JSON twin: GET /api/documents."""
    if not may_read(request):
        return _login_page(request, status=401)
    data = api.documents_page(request.app.state.ledger, outlet, PAGE_SIZE, offset)
    return _render(request, "documents.html", {
        "data": data, "page_size": PAGE_SIZE, "outlet": outlet,
        "page_link": lambda off: "?" + _query_string({"outlet": outlet, "offset": off}),
        "twin": "/api/documents?" + _query_string({"outlet": outlet, "offset": offset, "limit": PAGE_SIZE})})


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are shown as links: a javascript: or data: URL in a record stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def article_view(request: Request, doc_id: str) -> Response:
    """An article with each claim marked, coloured by its checks and verification; a click shows its
    details. JSON twin: GET /api/documents/{doc_id}."""
    if not may_read(request):
        return _login_page(request, status=401)
    found = request.app.state.ledger.document(doc_id)
    if found is None:
        raise ApiError(404, f"no document with id {doc_id!r} in the ledger")
    from claimledger.store.publications import publications_of

    document, claims = found
    published = publications_of(request.app.state.ledger.engine, [doc_id]).get(doc_id, [])
    return _render(request, "article.html", {
        "document": document, "link": safe_url(document.url), "publications": published, "safe_url": safe_url,
        "paragraphs": marks.paragraphs(document.text, claims), "check_state": marks.check_state,
        "unsure": marks.unsure,
        "claims_json": [api.claim_json(c) for c in claims], "claims": claims, "figure_key": figures.claim_key,
        "review_choices": _review_choices(),
        "twin": f"/api/documents/{quote(doc_id)}"})


def _review_choices() -> dict[str, tuple[str, ...]]:
    from claimledger.models import BOUNDS
    from claimledger.review import VERDICTS

    return {"verdict": tuple(VERDICTS), "bound": BOUNDS, "category": CATEGORIES, "time_scope": TIME_SCOPES,
            "source_type": SOURCE_TYPES, "verification": VERIFICATIONS}


@router.get("/paste", response_class=HTMLResponse)
def paste_view(request: Request) -> Response:
    """A paste box: extract claims from pasted text, HTML or a URL on the spot (optionally storing them).
    JSON twin: POST /api/extract."""
    return _render(request, "paste.html", {"twin": None})


@router.get("/figures", response_class=HTMLResponse)
def figures_view(request: Request, offset: Annotated[int, Query(ge=0)] = 0,
                 min_documents: Annotated[int, Query(ge=1)] = 1, category: str | None = None) -> Response:
    """Figure groups: one figure (subject, category, unit, time scope) reported by one or more articles.
    JSON twin: GET /api/figures."""
    if not may_read(request):
        return _login_page(request, status=401)
    total, groups = figures.list_figures(request.app.state.ledger.engine, category=category,
                                         min_documents=min_documents, limit=PAGE_SIZE, offset=offset)
    params = {"category": category, "min_documents": min_documents}
    return _render(request, "figures.html", {
        "total": total, "groups": groups, "offset": offset, "page_size": PAGE_SIZE, "category": category,
        "min_documents": min_documents, "categories": CATEGORIES,
        "page_link": lambda off: "?" + _query_string({**params, "offset": off}),
        "twin": "/api/figures?" + _query_string({**params, "offset": offset, "limit": PAGE_SIZE})})


@router.get("/figures/{key}", response_class=HTMLResponse)
def figure_view(request: Request, key: str, by: Annotated[str, Query(pattern="^(source|outlet)$")] = "source"
                ) -> Response:
    """One figure over time: a chart with one series per source or outlet and the reference series beside
    it. JSON twin: GET /api/figures/{key}."""
    if not may_read(request):
        return _login_page(request, status=401)
    payload = api.figure_payload(request.app.state.ledger, key, by)
    twin = f"/api/figures/{key}?by={by}"
    return _render(request, "figure.html", {"data": payload, "by": by, "twin": twin, "key": key})


@router.get("/login", response_class=HTMLResponse)
def login_view(request: Request) -> Response:
    """Asks for an API token when the server requires one for reading."""
    return _login_page(request)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()]) -> Response:
    """Checks a token and opens a session in an HttpOnly cookie that opens reads (never writes)."""
    session = session_for(request, token.strip())
    if session is None:
        return _login_page(request, status=401, message="That token is not valid (unknown or revoked).")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, session, httponly=True, samesite="strict")
    return response


__all__ = ["router"]
