"""Reviews over HTTP: write a review (needs a named API token: the reviewer is the token's name), read the
history, the reviews (orphaned ones too) and the review queue; and the review queue page, the queue's twin.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from claimledger.errors import InputError, NotFoundError
from claimledger.review import VERDICTS, parse_evidence, parse_value, parse_verdict
from claimledger.web.api import JSON, MAX_PAGE, claim_json, ledger_of
from claimledger.web.auth import bearer_token, may_read, require_read, require_write
from claimledger.web.errors import ApiError, error_responses

router = APIRouter(prefix="/api", default_response_class=JSON, responses=error_responses(401, 422))
pages = APIRouter(include_in_schema=False)


class ReviewRequest(BaseModel):
    """What to change; parts left out stay as they are. Every change is kept in the history."""

    fields: dict[str, Any] = Field(
        default_factory=dict,
        description="Claim fields to set, dotted for nested "
        'parts: {"time_scope": "cumulative", "source.name": "the ministry"}.',
    )
    verdict: str | None = Field(
        None, description="accurate, mostly_accurate, misleading, false, unsupported; null clears it."
    )
    note: str | None = Field(None, description="The reviewer's note; null clears it.")
    evidence: list[str] | None = Field(None, description="Evidence links (http(s)); replaces the list.")
    not_claim: bool | None = Field(None, description="true: this is not a claim (a date, a name...).")


def reviewer_name(request: Request) -> str:
    """The name of the request's token: who the history says made the change."""
    entry = request.app.state.tokens.verify(bearer_token(request) or "")
    if entry is None:  # require_write ran first; a token revoked in between
        raise ApiError(401, "the API token is not valid (unknown or revoked); see `claimledger token list`")
    if not entry.name:
        raise ApiError(
            403,
            f"token {entry.id} has no name to record as the reviewer: create a named one with "
            "`claimledger token create --name NAME`",
        )
    return entry.name


@router.post(
    "/claims/{claim_id}/review",
    summary="Review a claim",
    dependencies=[Depends(require_write)],
    responses=error_responses(400, 403, 404),
    description="Set fields of a claim, its verdict (in the manner of ClaimReview ratings: "
    "accurate, mostly_accurate, misleading, false, unsupported), a note, evidence links, or "
    "mark it not a claim. Needs a named API token; the reviewer is the token's name. "
    "Returns the claim's effective record, whose `review.fields` says what a person set.",
)
def post_review(request: Request, claim_id: str, body: ReviewRequest) -> JSON:
    from claimledger.store.reviews import Change, write_review

    given = body.model_fields_set
    try:
        change = Change(fields={name: parse_value(name, value) for name, value in body.fields.items()})
        if "verdict" in given:
            change.verdict = parse_verdict(body.verdict)
        if "note" in given:
            change.note = body.note or None
        if "evidence" in given:
            change.evidence = parse_evidence(body.evidence)
        if "not_claim" in given:
            change.not_claim = bool(body.not_claim)
    except InputError as exc:
        raise ApiError(400, str(exc), "invalid_review") from exc
    who = reviewer_name(request)
    try:
        claim = write_review(ledger_of(request).engine, claim_id, who, change)
    except NotFoundError as exc:
        raise ApiError(404, str(exc)) from exc
    return JSON(claim_json(claim))


read = APIRouter(dependencies=[Depends(require_read)])


@read.get(
    "/claims/{claim_id}/history",
    summary="A claim's review history",
    description="Every change to one claim, oldest first: who, when, which field, old and new value.",
)
def claim_history(
    request: Request,
    claim_id: str,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = 200,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> JSON:
    from claimledger.store.reviews import history

    rows = history(ledger_of(request).engine, claim_id=claim_id, limit=limit, offset=offset)
    return JSON({"claim_id": claim_id, "history": rows})


@read.get(
    "/history",
    summary="The review history",
    description="Every change in the ledger, oldest first (reviews, re-attachments, orphaned reviews, "
    "deleted documents), of one document or reviewer when given.",
)
def ledger_history(
    request: Request,
    doc_id: Annotated[str | None, Query(description="Changes to this document.")] = None,
    reviewer: Annotated[str | None, Query(description="Changes by this reviewer.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = 200,
    offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
) -> JSON:
    from claimledger.store.reviews import history

    rows = history(ledger_of(request).engine, doc_id=doc_id, reviewer=reviewer, limit=limit, offset=offset)
    return JSON({"history": rows, "limit": limit, "offset": offset})


@read.get(
    "/reviews",
    summary="List reviews",
    description="Stored reviews, each with the claim it is attached to; `orphaned=true` lists those whose "
    "claim no longer comes out of extraction (kept, with where their claim was).",
)
def get_reviews(
    request: Request,
    doc_id: Annotated[str | None, Query(description="Reviews of this document.")] = None,
    orphaned: Annotated[
        bool | None, Query(description="Only orphaned (true) or attached (false) reviews.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Reviews per page.")] = 200,
    offset: Annotated[int, Query(ge=0, description="Reviews to skip.")] = 0,
) -> JSON:
    from claimledger.store.reviews import list_reviews

    rows = list_reviews(
        ledger_of(request).engine, doc_id=doc_id, orphaned=orphaned, limit=limit, offset=offset
    )
    return JSON({"reviews": rows, "limit": limit, "offset": offset, "verdicts": list(VERDICTS)})


def queue_page(request: Request, limit: int, offset: int, include_reviewed: bool) -> dict[str, Any]:
    from claimledger.store.reviews import queue

    total, items = queue(
        ledger_of(request).engine, limit=limit, offset=offset, include_reviewed=include_reviewed
    )
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "queue": [
            {"need": i["need"], "min_confidence": i["min_confidence"], "reasons": i["reasons"],
             "claim": claim_json(i["claim"])}
            for i in items
        ],
    }


@read.get(
    "/review-queue",
    summary="The review queue",
    description="Claims ordered by what most needs a person: unreviewed first, your own before the bundled "
    "examples, then failed checks, then the lowest field confidence first (claims extracted without a "
    "decision model, which have none, after those with one, ordered by the old signs: an unknown source "
    "type, no time scope, no category). Each with `need` (2 for a failed check plus 1 minus the lowest "
    "confidence; it falls as the queue goes), `min_confidence` and `reasons` (\"failed check\", \"low "
    "confidence: time scope 0.42\", ...).",
)
def get_queue(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Claims per page.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Claims to skip.")] = 0,
    include_reviewed: Annotated[
        bool, Query(alias="all", description="Reviewed claims too, after the others.")
    ] = False,
) -> JSON:
    return JSON(queue_page(request, limit, offset, include_reviewed))


router.include_router(read)


@pages.get("/review", response_class=HTMLResponse)
def review_queue_view(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """The review queue: the claims that most need a person, each linking to its place in its article for
    inline review. JSON twin: GET /api/review-queue."""
    from claimledger.web.pages import PAGE_SIZE, _login_page

    if not may_read(request):
        return _login_page(request, status=401)
    data = queue_page(request, PAGE_SIZE, offset, False)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "review_queue.html",
        {
            "data": data,
            "page_size": PAGE_SIZE,
            "offset": offset,
            "twin": f"/api/review-queue?offset={offset}&limit={PAGE_SIZE}",
        },
    )


__all__ = ["pages", "router"]
