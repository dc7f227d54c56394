"""The JSON API under /api: thin routes over the Ledger, the checks and extraction.

Every page of the web view reads one of these routes (its "JSON twin"), so what a page shows, the API returns.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from claimledger.models import Claim, Document
from claimledger.store import ClaimFilter, Ledger
from claimledger.web import extracting, figures, queries, workers
from claimledger.web.auth import require_read, require_write
from claimledger.web.errors import ApiError, error_responses

MAX_PAGE = 500


class JSON(JSONResponse):
    """JSON without FastAPI's generic encoder: a page of claims is plain data; this halves the time."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


router = APIRouter(prefix="/api", default_response_class=JSON)
read_router = APIRouter(dependencies=[Depends(require_read)], default_response_class=JSON,
                        responses=error_responses(401, 422))


def ledger_of(request: Request) -> Ledger:
    return request.app.state.ledger


def claim_json(claim: Claim) -> dict[str, Any]:
    """The claim record (`Claim.to_dict`, keys in the schema's order, as the CLI and exports write it), plus
    `figure`: the key of its figure group (for /api/figures/{key})."""
    data = claim.to_dict()
    data["figure"] = figures.claim_key(claim)
    return data


def document_summary(document: Document, claims: int | None = None) -> dict[str, Any]:
    data = {k: v for k, v in document.to_dict().items() if k != "text"}
    if claims is not None:
        data["claims"] = claims
    return data


def claim_filter(
    category: Annotated[str | None, Query(description="money, casualties, deaths, injuries, troops, "
                                                      "equipment, "
                                                      "displaced, detained, percent, other")] = None,
    source: Annotated[str | None, Query(description="Substring of the source's name or canonical name "
                                                    "(case-insensitive).")] = None,
    source_type: Annotated[str | None, Query(description="government, military, intelligence, media, "
                                                         "international_org, ngo, company, person, author, "
                                                         "unknown")] = None,
    outlet: Annotated[str | None, Query(description="The outlet, exactly.")] = None,
    time_scope: Annotated[str | None, Query(description="daily, cumulative, period, point, "
                                                        "unspecified")] = None,
    period_start: Annotated[date | None, Query(description="Claims whose period ends on or after this ISO "
                                                          "date.")] = None,
    period_end: Annotated[date | None, Query(description="Claims whose period starts on or before this ISO "
                                                        "date.")] = None,
    verification: Annotated[str | None, Query(description="unverified, denied, not_confirmed, disputed, "
                                                          "confirmed")] = None,
    text: Annotated[str | None, Query(description="Substring of the claim's text or sentence "
                                                  "(case-insensitive).")] = None,
    value_min: Annotated[float | None, Query(description="Smallest value.")] = None,
    value_max: Annotated[float | None, Query(description="Largest value.")] = None,
    doc_id: Annotated[str | None, Query(description="Claims of this document only.")] = None,
    unit: Annotated[str | None, Query(description="The unit, exactly: RUB, USD, percent, "
                                                  "casualty...")] = None,
    subject: Annotated[str | None, Query(description="Substring of the subject (case-insensitive).")] = None,
    checked: Annotated[bool | None, Query(description="true: claims with at least one check result; "
                                                      "false: claims with none.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Claims whose every context "
                                                  "field (time scope, category, source type, hedged) has a "
                                                  "confidence of at least this; claims extracted without a "
                                                  "decision model have none.")] = None,
) -> ClaimFilter:
    """The filters of `claimledger query`, as query parameters."""
    return ClaimFilter(category=category, source=source, source_type=source_type, outlet=outlet,
                       time_scope=time_scope,
                       period_start=period_start.isoformat() if period_start else None,
                       period_end=period_end.isoformat() if period_end else None,
                       verification=verification, text=text, value_min=value_min, value_max=value_max,
                       doc_id=doc_id, unit=unit, subject=subject, checked=checked,
                       min_confidence=min_confidence)


OrderColumn = Literal["published", "value", "category", "id", "outlet", "time_scope"]


def claims_page(ledger: Ledger, flt: ClaimFilter, limit: int, offset: int, order_by: str,
                order: str) -> dict[str, Any]:
    total = ledger.count(flt)
    claims = ledger.query(flt, limit=limit, offset=offset, order_by=order_by, descending=order == "desc")
    return {"total": total, "limit": limit, "offset": offset, "order_by": order_by, "order": order,
            "claims": [claim_json(c) for c in claims]}


@read_router.get("/claims", summary="Query claims",
                 description="Claims matching every given filter (the filters of `claimledger query`), "
                             "one page at a time. `total` counts every match; page with `limit` and "
                             "`offset`; sort with `order_by` and `order`. Each claim is the claim record "
                             "with `figure`, the key of its figure group.")
def list_claims(request: Request, flt: Annotated[ClaimFilter, Depends(claim_filter)],
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Claims per page.")] = 20,
                offset: Annotated[int, Query(ge=0, description="Claims to skip.")] = 0,
                order_by: Annotated[OrderColumn, Query(description="Column to sort on.")] = "published",
                order: Annotated[Literal["asc", "desc"], Query(description="Sort direction.")] = "desc",
                ) -> JSON:
    return JSON(claims_page(ledger_of(request), flt, limit, offset, order_by, order))


@read_router.get("/claims/{claim_id}", summary="One claim", responses=error_responses(404),
                 description="One claim record by its id, with `figure` (its figure group's key).")
def get_claim(request: Request, claim_id: str) -> JSON:
    from claimledger.web.queries import claim_by_id

    claim = claim_by_id(ledger_of(request).engine, claim_id)
    if claim is None:
        raise ApiError(404, f"no claim with id {claim_id!r} in the ledger")
    return JSON(claim_json(claim))


@read_router.get("/documents", summary="List documents",
                 description="Stored documents (without their text), newest first, each with its number "
                             "of claims. `total` counts every document (of the outlet, when given).")
def list_documents(request: Request,
                   outlet: Annotated[str | None, Query(description="Only this outlet, exactly.")] = None,
                   limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Documents per page.")] = 50,
                   offset: Annotated[int, Query(ge=0, description="Documents to skip.")] = 0,
                   ) -> JSON:
    return JSON(documents_page(ledger_of(request), outlet, limit, offset))


def documents_page(ledger: Ledger, outlet: str | None, limit: int, offset: int) -> dict[str, Any]:
    from claimledger.store.publications import publications_of

    docs = ledger.documents(limit=limit, offset=offset, outlet=outlet)
    counts = queries.documents_claim_counts(ledger.engine, [d.id for d in docs])
    published = publications_of(ledger.engine, [d.id for d in docs])
    return {"total": queries.count_documents(ledger.engine, outlet), "limit": limit, "offset": offset,
            "documents": [document_summary(d, counts.get(d.id, 0)) | _provenance(published.get(d.id, []))
                          for d in docs]}


def _provenance(publications: list[dict[str, Any]]) -> dict[str, Any]:
    """`path` (the file the first publication was read from) and every publication, the first first."""
    return {"path": publications[0]["path"] if publications else None, "publications": publications}


@read_router.get("/documents/{doc_id:path}", summary="One document with its claims",
                 responses=error_responses(404),
                 description="A stored document (with its plain text) and its claims in text order. "
                             "Each claim's `span` gives its character offsets in `document.text`.")
def get_document(request: Request, doc_id: str) -> JSON:
    found = ledger_of(request).document(doc_id)
    if found is None:
        raise ApiError(404, f"no document with id {doc_id!r} in the ledger")
    from claimledger.store.publications import publications_of

    document, claims = found
    provenance = _provenance(publications_of(ledger_of(request).engine, [doc_id]).get(doc_id, []))
    return JSON({"document": document.to_dict() | provenance, "claims": [claim_json(c) for c in claims]})


@read_router.get("/figures", summary="List figure groups",
                 description="Groups of claims about one figure (same subject, category, unit and time "
                             "scope), the most reported first. Open one with /api/figures/{key}.")
def list_figures(request: Request,
                 category: Annotated[str | None, Query(description="Only this category.")] = None,
                 min_documents: Annotated[int, Query(ge=1, description="Groups reported by at least this "
                                                                       "many documents.")] = 1,
                 limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Groups per page.")] = 50,
                 offset: Annotated[int, Query(ge=0, description="Groups to skip.")] = 0,
                 ) -> JSON:
    total, groups = figures.list_figures(ledger_of(request).engine, category=category,
                                         min_documents=min_documents, limit=limit, offset=offset)
    return JSON({"total": total, "limit": limit, "offset": offset, "figures": groups})


def figure_payload(ledger: Ledger, key: str, by: str, with_claims: bool = False) -> dict[str, Any]:
    parts = figures.decode_key(key)
    if parts is None:
        raise ApiError(400, f"{key!r} is not a figure key (take one from /api/figures or a claim's `figure`)",
                       "bad_figure_key")
    claims = figures.figure_claims(ledger.engine, parts)
    if not claims:
        raise ApiError(404, f"no claims of figure {figures.figure_label(parts)!r} in the ledger")
    from claimledger.store.publications import publications_of

    subject, category, unit, scope = parts
    series = figures.history(claims, by)
    published = publications_of(ledger.engine, {c.doc_id for c in claims})
    for line in series:  # each report is its document's first publication; the others are listed with it
        for point in line["points"]:
            point["also_published"] = [{"outlet": p["outlet"], "published": p["published"], "url": p["url"]}
                                       for p in published.get(point["doc_id"], [])[1:]]
    return {"figure": {"key": key, "label": figures.figure_label(parts), "subject": subject or None,
                       "category": category, "unit": unit or None, "time_scope": scope},
            "by": by, "reports": len(claims), "series": series,
            "reference": figures.reference(parts, claims),
            "claims": [claim_json(c) for c in claims] if with_claims else None}


@read_router.get("/figures/{key}", summary="One figure's history", responses=error_responses(400, 404),
                 description="Every report of one figure, oldest first, as one series per source (or per "
                             "outlet with `by=outlet`), each point dated by the claim's period end or else "
                             "its publication date (`reports` counts them); and `reference`, the reference "
                             "series (such as the General Staff's daily Russian losses) over the same dates "
                             "where one matches, else null.")
def get_figure(request: Request, key: str,
               by: Annotated[Literal["source", "outlet"], Query(description="One series per source or per "
                                                                            "outlet.")] = "source",
               claims: Annotated[bool, Query(description="Also return every report's whole claim record "
                                                         "(`claims`; null otherwise).")] = False,
               ) -> JSON:
    return JSON(figure_payload(ledger_of(request), key, by, claims))


@read_router.get("/stats", summary="Ledger statistics",
                 description="Counts of documents, claims and outlets, and claims per category.")
def get_stats(request: Request) -> JSON:
    return JSON(ledger_of(request).stats())


class ExtractRequest(BaseModel):
    """Exactly one of `text`, `html` or `url`, with the metadata that anchors the article."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article as an HTML page; its body is found and read.")
    url: str | None = Field(None, description="An http(s) URL to fetch the page from (timeout and size cap).")
    id: str | None = Field(None, description="The document's id; default a hash of its text.")
    title: str | None = None
    outlet: str | None = Field(None, description="The outlet, e.g. \"Newsweek\".")
    published: str | None = Field(None, description="ISO date or datetime: anchors \"Monday\", \"the last "
                                                    "24 hours\".")
    store: bool = Field(False, description="Also store the document and its claims in the ledger.")


@router.post("/extract", summary="Extract claims from a text, HTML page or URL",
             dependencies=[Depends(require_write)], responses=error_responses(400, 401, 413, 422, 503),
             description="Reads the article, extracts its claims and runs the checks that need no other "
                         "document (stated conversions against exchange rates, figures against reference "
                         "series). A text that is not English is refused with 422 `not_english` (the check "
                         "`claimledger ingest` makes). With `store: true` the document and claims go into "
                         "the ledger, replacing "
                         "an earlier version of the same document, and the cross-source check of each figure "
                         "they report is redone over the ledger. Needs an API token "
                         "(`Authorization: Bearer <token>`, from `claimledger token create`). Extraction "
                         "runs in a bounded pool of worker processes: when every worker is busy and the "
                         "queue is full the answer is 503 with `Retry-After`; an extraction past the "
                         "server's time limit is stopped and answered 422 (`time_limit`), one past a "
                         "worker's memory limit 422 (`memory_limit`).")
async def post_extract(request: Request, body: ExtractRequest) -> JSON:
    state = request.app.state
    job = workers.Job(text=body.text, html=body.html, url=body.url, fetch=state.fetch_limits,
                      fields={"id": body.id, "title": body.title, "outlet": body.outlet,
                              "published": body.published})
    try:
        document, claims = await workers.shared_pool(state.extract_limits).extract(job)
    except workers.PoolBusy as exc:
        raise ApiError(503, str(exc), "busy", headers={"Retry-After": str(exc.retry_after)}) from None
    except workers.TimeLimit as exc:
        raise ApiError(422, str(exc), "time_limit") from None
    except workers.MemoryLimit as exc:
        raise ApiError(422, str(exc), "memory_limit") from None
    except workers.WorkerFailed as exc:
        raise ApiError(503, str(exc), "unavailable", headers={"Retry-After": "5"}) from None
    except asyncio.CancelledError:  # the server stops (its grace period is over): say so, not a bare 500
        raise ApiError(503, "the server is shutting down; try again when it is back", "unavailable",
                       headers={"Retry-After": "5"}) from None
    replaced = False
    if body.store:
        replaced, claims = await run_in_threadpool(extracting.store_checked, state.ledger, document, claims)
    return JSON({"document": document.to_dict(), "claims": [claim_json(c) for c in claims],
                 "stored": body.store, "replaced": replaced})


router.include_router(read_router)
