"""DELETE /api/documents: the twin of `claimledger delete` on the real app (SQLite and PostgreSQL): the
document goes, the history keeps the deletion under the token's name, reviews stay (orphaned), other documents
stay, errors have the one shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from webdata import fill

from claimledger.store import ClaimFilter
from claimledger.store.deleting import mark_examples
from claimledger.web import create_app


@pytest.fixture
def client(any_ledger, tokens):
    fill(any_ledger)  # doc-1 (Example Wire), doc-2 (Other Post), doc-3 (Money Daily)
    return TestClient(create_app(ledger=any_ledger, tokens=tokens))


@pytest.fixture
def dora(tokens):
    return {"Authorization": f"Bearer {tokens.create('dora')[0]}"}


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"} and response.json()["error"]["code"] == code
    return response.json()["error"]["message"]


def _doc_ids(client) -> set[str]:
    return {d["id"] for d in client.get("/api/documents").json()["documents"]}


def test_deleting_a_document_keeps_the_others_and_the_history(client, dora, any_ledger):
    claim = client.get("/api/claims?doc_id=doc-1").json()["claims"][0]
    client.post(f"/api/claims/{claim['id']}/review", json={"verdict": "accurate"}, headers=dora)
    answer = client.delete("/api/documents/doc-1", headers=dora)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"deleted": {"documents": 1, "claims": 1}, "doc_ids": ["doc-1"], "missing": [],
                             "reviewer": "dora"}
    _error(client.get("/api/documents/doc-1"), 404, "not_found")  # gone, with its claims
    assert client.get("/api/claims?doc_id=doc-1").json()["total"] == 0
    assert _doc_ids(client) == {"doc-2", "doc-3"}  # the others stay, with their claims
    assert any_ledger.count(ClaimFilter()) == 3
    history = client.get("/api/history?doc_id=doc-1").json()["history"]
    deleted = [h for h in history if h["action"] == "deleted"]
    assert len(deleted) == 1 and deleted[0]["reviewer"] == "dora" and "doc-1" in deleted[0]["detail"]
    assert [h["action"] for h in history][-2:] == ["deleted", "orphaned"]  # recorded as the CLI records it
    [kept] = client.get("/api/reviews?orphaned=true").json()["reviews"]  # the review is kept, orphaned
    assert kept["verdict"] == "accurate" and kept["doc_id"] == "doc-1"
    _error(client.delete("/api/documents/doc-1", headers=dora), 404, "not_found")  # already gone


def test_deleting_an_outlet_and_the_examples(client, dora, any_ledger):
    mark_examples(any_ledger.engine, ["doc-3"])
    answer = client.delete("/api/documents", params={"outlet": "Other Post", "doc_id": ["nope"]},
                           headers=dora).json()
    assert answer["doc_ids"] == ["doc-2"] and answer["missing"] == ["nope"]
    assert client.delete("/api/documents?examples=true", headers=dora).json()["doc_ids"] == ["doc-3"]
    assert _doc_ids(client) == {"doc-1"}
    events = [(h["action"], h["doc_id"], h["reviewer"]) for h in client.get("/api/history").json()["history"]]
    assert events == [("deleted", "doc-2", "dora"), ("deleted", "doc-3", "dora")]


def test_delete_needs_a_named_token_and_says_what_is_wrong(client, dora, tokens):
    _error(client.delete("/api/documents/doc-1"), 401, "unauthorized")
    wrong = {"Authorization": "Bearer wrong"}
    _error(client.delete("/api/documents/doc-1", headers=wrong), 401, "unauthorized")
    nameless = {"Authorization": f"Bearer {tokens.create(None)[0]}"}
    assert "no name" in _error(client.delete("/api/documents/doc-1", headers=nameless), 403, "forbidden")
    assert "say what to delete" in _error(client.delete("/api/documents", headers=dora), 400, "bad_request")
    assert "outlet 'Nobody'" in _error(client.delete("/api/documents?outlet=Nobody", headers=dora),
                                       404, "not_found")
    assert _doc_ids(client) == {"doc-1", "doc-2", "doc-3"}  # nothing was deleted
    assert client.get("/api/history").json()["history"] == []
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "delete" in paths["/api/documents/{doc_id}"] and "delete" in paths["/api/documents"]
