"""The API's smaller guards: a login session that is not the token, one extractor version with `ingest`,
storing a report whose cost does not grow with its figure group, and URLs of every form answered 400."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from webdata import fill, make_claim, make_document

from claimledger.batch import ingest
from claimledger.web import create_app
from claimledger.web.auth import COOKIE
from claimledger.web.extracting import store_checked


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def token(tokens):
    return tokens.create("tests")[0]


def test_the_login_cookie_is_a_session_not_the_token(ledger, tokens, token):
    fill(ledger)
    app = create_app(ledger=ledger, tokens=tokens, read_token_required=True)
    client = TestClient(app)
    client.post("/login", data={"token": token}, follow_redirects=False)
    session = client.cookies[COOKIE]
    secret = token.rsplit("_", 1)[1]
    assert secret not in session and token not in session
    assert client.get("/api/stats").status_code == 200  # the session opens reads
    # the cookie's value is no token: as a Bearer it opens nothing, and it cannot write
    bare = TestClient(app)
    assert bare.get("/api/stats", headers=auth(session)).status_code == 401
    assert client.post("/api/extract", json={"text": "x"}, headers=auth(session)).status_code == 401
    # forged, or from another server's key: refused
    bare.cookies.set(COOKIE, session[:-4] + "0000")
    assert bare.get("/api/stats").status_code == 401
    other = TestClient(create_app(ledger=ledger, tokens=tokens, read_token_required=True))
    other.cookies.set(COOKIE, session)
    assert other.get("/api/stats").status_code == 401
    # revoking the token ends the session
    tokens.revoke(session.split(".")[0])
    assert client.get("/api/stats").status_code == 401


def test_ingest_after_an_api_store_finds_the_document_current(ledger, tokens, token, tmp_path):
    text = ("The regional governor said on Monday that 52 people had been detained at the protests, a figure "
            "that could not be verified.")
    client = TestClient(create_app(ledger=ledger, tokens=tokens))
    stored = client.post("/api/extract", headers=auth(token),
                         json={"text": text, "id": "posted-1", "published": "2024-11-26", "store": True})
    assert stored.status_code == 200 and stored.json()["claims"]
    lines = tmp_path / "same.jsonl"
    lines.write_text(json.dumps({"id": "posted-1", "text": text, "published": "2024-11-26"}) + "\n")
    summary = ingest(ledger, [str(lines)])
    # not extracted again: the same text read from a file is one more publication of the stored document
    assert summary.documents == 0 and summary.already_stored + summary.publications == 1


class Writes:
    """Statements sent and rows written (INSERT/UPDATE/DELETE parameter sets) on a ledger's engine."""

    def __init__(self, engine) -> None:
        self.statements = self.rows = 0
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements += 1
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.rows += len(parameters) if executemany else 1


@pytest.mark.parametrize("outlets", [2, 1])
def test_storing_a_report_costs_the_same_however_many_reports_its_figure_has(any_ledger, outlets):
    writes = Writes(any_ledger.engine)
    cost = []
    for n in range(1, 61):
        document = make_document(n, outlet=f"Outlet {n % outlets}", published="2024-11-26")
        start = document.text.index("1,480")
        claim = make_claim(document, start, start + 5)
        before = (writes.statements, writes.rows)
        _, [stored] = store_checked(any_ledger, document, [claim])
        cost.append((writes.statements - before[0], writes.rows - before[1]))
        if n > 1:
            assert [k.result for k in stored.checks if k.kind == "cross_source"] == ["consistent"]
    # from the third report on (both outlets seen), each store costs what the third did
    assert cost[-1] == cost[2], cost
    assert cost[-1][1] <= 8


@pytest.mark.parametrize("url", ["http://0177.0.0.1/", "http://[::1]/", "http://0x7f.1/", "http://2130706433/",
                                 "http://user:pw@example.org/", "http://example.org:99999/", "http://[::1/",
                                 "http://ex\u200dample.org/", "http://169.254.169.254/latest/meta-data/"])
def test_every_url_form_posted_is_a_400(ledger, tokens, token, url):
    client = TestClient(create_app(ledger=ledger, tokens=tokens))
    response = client.post("/api/extract", headers=auth(token), json={"url": url})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "input_error" and url in response.json()["error"]["message"]
