"""Reviews over HTTP: a named token writes, the reviewer is its name, errors have the one shape; history, the
reviews and the queue read back what was written (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from webdata import fill

from claimledger.web import create_app


@pytest.fixture
def client(any_ledger, tokens):
    fill(any_ledger)
    return TestClient(create_app(ledger=any_ledger, tokens=tokens))


@pytest.fixture
def alice(tokens):
    return {"Authorization": f"Bearer {tokens.create('alice')[0]}"}


def _first_claim(client) -> dict:
    return client.get("/api/claims?order_by=id&order=asc").json()["claims"][0]


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"} and response.json()["error"]["code"] == code
    return response.json()["error"]["message"]


def test_a_review_sets_fields_and_the_effective_record_says_who_set_what(client, alice):
    claim = _first_claim(client)
    body = {
        "fields": {"category": "deaths", "period.end": "2024-11-25"},
        "verdict": "mostly accurate",
        "note": "checked against the bulletin",
        "evidence": ["https://example.org/b"],
    }
    reviewed = client.post(f"/api/claims/{claim['id']}/review", json=body, headers=alice).json()
    assert reviewed["category"] == "deaths" and reviewed["period"]["end"] == "2024-11-25"
    assert reviewed["review"]["fields"] == {"category": "deaths", "period.end": "2024-11-25"}
    assert reviewed["review"]["reviewer"] == "alice" and reviewed["review"]["verdict"] == "mostly_accurate"
    # the query, the claim and the document give the effective record
    assert client.get(f"/api/claims/{claim['id']}").json()["category"] == "deaths"
    assert claim["id"] in {c["id"] for c in client.get("/api/claims?category=deaths").json()["claims"]}
    history = client.get(f"/api/claims/{claim['id']}/history").json()["history"]
    assert ("category", claim["category"], "deaths") in [
        (h["field"], h["old_value"], h["new_value"]) for h in history
    ]
    assert {h["reviewer"] for h in history} == {"alice"}
    listed = client.get("/api/reviews").json()["reviews"]
    assert [r["claim_id"] for r in listed] == [claim["id"]] and not listed[0]["orphaned"]


def test_the_queue_leaves_out_reviewed_claims_and_puts_failed_checks_first(client, alice):
    queue = client.get("/api/review-queue").json()
    total = queue["total"]
    assert all("unreviewed" in item["reasons"] for item in queue["queue"])
    needs = [item["need"] for item in queue["queue"]]
    assert needs == sorted(needs, reverse=True)
    first = queue["queue"][0]["claim"]["id"]
    client.post(f"/api/claims/{first}/review", json={"verdict": "accurate"}, headers=alice)
    after = client.get("/api/review-queue").json()
    assert after["total"] == total - 1 and first not in {i["claim"]["id"] for i in after["queue"]}
    assert client.get("/review").status_code == 200


def test_review_errors_have_the_one_shape(client, alice, tokens):
    claim = _first_claim(client)
    url = f"/api/claims/{claim['id']}/review"
    _error(client.post(url, json={"verdict": "accurate"}), 401, "unauthorized")
    nameless = {"Authorization": f"Bearer {tokens.create(None)[0]}"}
    assert "no name" in _error(
        client.post(url, json={"verdict": "accurate"}, headers=nameless), 403, "forbidden"
    )
    assert "category must be one of" in _error(
        client.post(url, json={"fields": {"category": "bonus"}}, headers=alice), 400, "invalid_review"
    )
    _error(client.post(url, json={"evidence": ["javascript:alert(1)"]}, headers=alice), 400, "invalid_review")
    _error(client.post("/api/claims/nope/review", json={"note": "x"}, headers=alice), 404, "not_found")
    assert client.get(f"/api/claims/{claim['id']}/history").json()["history"] == []  # nothing was written
