"""Deleting documents over HTTP: the twin of `claimledger delete` (a document, an outlet's documents, the
bundled examples). Needs a named API token; the deletion is recorded in the review history under the token's
name, exactly as the CLI records it (store/deleting.py), and reviews of the deleted claims are kept, orphaned.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from claimledger.web.api import JSON, ledger_of
from claimledger.web.auth import require_write
from claimledger.web.errors import ApiError, error_responses
from claimledger.web.review import reviewer_name

router = APIRouter(prefix="/api", default_response_class=JSON, dependencies=[Depends(require_write)],
                   responses=error_responses(401, 403, 404, 422))


def _delete(request: Request, doc_ids: list[str], outlet: str | None, examples: bool) -> dict[str, Any]:
    from claimledger.store.deleting import delete_documents, delete_targets

    who = reviewer_name(request)
    engine = ledger_of(request).engine
    targets, missing = delete_targets(engine, doc_ids, outlet, examples)
    if not targets:
        asked = [f"document {d!r}" for d in doc_ids] + ([f"outlet {outlet!r}"] if outlet else []) \
            + (["the bundled examples"] if examples else [])
        raise ApiError(404, f"nothing to delete: no documents in the ledger for {', '.join(asked)}")
    n_docs, n_claims = delete_documents(engine, targets, who)
    return {"deleted": {"documents": n_docs, "claims": n_claims}, "doc_ids": targets, "missing": missing,
            "reviewer": who}


@router.delete(
    "/documents/{doc_id:path}",
    summary="Delete a document",
    description="Delete one document with its claims, their check results and its publications, as "
    "`claimledger delete DOC_ID` does. Needs a named API token: the deletion is recorded in the review "
    "history (GET /api/history) under the token's name. Reviews of its claims are kept, orphaned (ingest the "
    "document again and they re-attach). Returns what was deleted.",
)
def delete_document(request: Request,
                    doc_id: Annotated[str, Path(description="The document's id.")]) -> JSON:
    return JSON(_delete(request, [doc_id], None, False))


@router.delete(
    "/documents",
    summary="Delete documents",
    responses=error_responses(400),
    description="Delete the given documents, every document of an outlet, or the bundled examples (any "
    "together), as `claimledger delete DOC_ID... --outlet NAME --examples` does. Needs a named API token; "
    "each deletion is recorded in the review history under the token's name. `missing` lists given ids that "
    "were not in the ledger; 404 when nothing matched.",
)
def delete_documents_route(
    request: Request,
    doc_id: Annotated[list[str] | None, Query(description="A document to delete (repeat for more).")] = None,
    outlet: Annotated[str | None, Query(description="Every document of this outlet (exactly).")] = None,
    examples: Annotated[bool, Query(description="The bundled example articles.")] = False,
) -> JSON:
    if not (doc_id or outlet or examples):
        raise ApiError(400, "say what to delete: doc_id=ID (repeatable), outlet=NAME or examples=true")
    return JSON(_delete(request, list(doc_id or []), outlet, examples))


__all__ = ["router"]
