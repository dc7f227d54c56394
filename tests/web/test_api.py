"""The HTTP API through FastAPI's TestClient: every endpoint, tokens, limits, errors, injection strings."""

from __future__ import annotations

import http.server
import json
import threading
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect
from webdata import SEED_STYLE, add_hostile_document, fill, make_claim, make_document

from claimledger.store import ClaimFilter
from claimledger.web import create_app
from claimledger.web.figures import decode_key, encode_key


@pytest.fixture
def app(ledger, tokens):
    fill(ledger)
    return create_app(ledger=ledger, tokens=tokens, max_body_bytes=50_000)


@pytest.fixture
def client(app):
    return TestClient(app)


@pytest.fixture
def token(tokens):
    secret, _ = tokens.create("tests")
    return secret


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


# --- reads --------------------------------------------------------------------------------------------------


def test_stats_counts_the_ledger(client):
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 3 and stats["claims"] == 4
    assert stats["by_category"] == {"casualties": 2, "money": 1, "percent": 1}


def test_documents_list_is_newest_first_with_claim_counts_and_no_text(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 3
    assert [d["id"] for d in body["documents"]] == ["doc-3", "doc-2", "doc-1"]
    assert [d["claims"] for d in body["documents"]] == [2, 1, 1]
    assert all("text" not in d for d in body["documents"])


def test_documents_list_pages_and_filters_by_outlet(client):
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [d["id"] for d in page["documents"]] == ["doc-2"]
    only = client.get("/api/documents", params={"outlet": "Money Daily"}).json()
    assert only["total"] == 1 and only["documents"][0]["id"] == "doc-3"


def test_one_document_has_its_text_and_claims_whose_spans_point_into_it(client):
    body = client.get("/api/documents/doc-3").json()
    text = body["document"]["text"]
    assert [text[c["span"][0] : c["span"][1]] for c in body["claims"]] == ["400,000 rubles", "100%"]
    assert all(decode_key(c["figure"]) for c in body["claims"])


def test_unknown_document_and_claim_are_404(client):
    assert "nope" in assert_error(client.get("/api/documents/nope"), 404, "not_found")["message"]
    assert_error(client.get("/api/claims/nope"), 404, "not_found")


def test_one_claim_by_id(client):
    first = client.get("/api/claims", params={"category": "money"}).json()["claims"][0]
    assert client.get(f"/api/claims/{first['id']}").json() == first


@pytest.mark.parametrize(
    "params,texts",
    [
        ({}, ["400,000 rubles", "100%", "1,480", "1,610"]),
        ({"category": "money"}, ["400,000 rubles"]),
        ({"source": "armed forces"}, ["1,480", "1,610"]),
        ({"source": "GENERAL STAFF"}, ["1,480", "1,610"]),
        ({"source_type": "author"}, ["400,000 rubles", "100%"]),
        ({"outlet": "Other Post"}, ["1,480"]),
        ({"time_scope": "daily"}, ["1,480", "1,610"]),
        ({"period_start": "2024-11-26"}, ["1,480"]),
        ({"period_end": "2024-11-25"}, ["1,610"]),
        ({"verification": "unverified"}, ["1,480", "1,610"]),
        ({"text": "ruble"}, ["400,000 rubles", "100%"]),  # text or sentence
        ({"value_min": 1500}, ["400,000 rubles", "1,610"]),
        ({"value_max": 1500}, ["100%", "1,480"]),
        ({"doc_id": "doc-1"}, ["1,610"]),
        ({"unit": "RUB"}, ["400,000 rubles"]),
        ({"subject": "russian"}, ["1,480", "1,610"]),
        ({"category": "casualties", "outlet": "Example Wire"}, ["1,610"]),
    ],
)
def test_claims_filters(client, params, texts):
    body = client.get("/api/claims", params=params).json()
    assert body["total"] == len(texts)
    assert sorted(c["text"] for c in body["claims"]) == sorted(texts)


def test_claims_order_and_pagination(client):
    asc = client.get("/api/claims", params={"order_by": "value", "order": "asc"}).json()["claims"]
    assert [c["value"] for c in asc] == [100, 1480, 1610, 400000]
    page = client.get(
        "/api/claims", params={"order_by": "value", "order": "desc", "limit": 2, "offset": 1}
    ).json()
    assert page["total"] == 4 and [c["value"] for c in page["claims"]] == [1610, 1480]
    newest = client.get("/api/claims", params={"limit": 1}).json()["claims"][0]
    assert newest["published"] == "2024-11-27"


@pytest.mark.parametrize(
    "params",
    [
        {"order_by": "record"},
        {"order": "sideways"},
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"value_min": "lots"},
    ],
)
def test_bad_claim_parameters_are_422_naming_the_parameter(client, params):
    error = assert_error(client.get("/api/claims", params=params), 422, "invalid_parameters")
    assert next(iter(params)) in error["message"]


def test_figures_group_reports_of_one_figure_across_documents(client):
    body = client.get("/api/figures").json()
    top = body["figures"][0]
    assert (top["subject"], top["category"], top["unit"], top["time_scope"]) == (
        "russia",  # "Russian forces", resolved through the subject alias table
        "casualties",
        "troop",
        "daily",
    )
    assert top["claims"] == 2 and top["documents"] == 2
    # a bonus with no subject and a share of "recruits" with no place have no figure identity: not listed
    assert body["total"] == 1
    assert client.get("/api/figures", params={"min_documents": 2}).json()["total"] == 1
    assert client.get("/api/figures", params={"category": "money"}).json()["figures"] == []


def test_figure_history_has_one_series_per_source_or_outlet_and_the_reference_series(client):
    key = client.get("/api/figures").json()["figures"][0]["key"]
    body = client.get(f"/api/figures/{key}").json()
    assert [s["name"] for s in body["series"]] == ["General Staff of the Armed Forces of Ukraine"]
    assert [(p["date"], p["value"]) for p in body["series"][0]["points"]] == [
        ("2024-11-25", 1610),
        ("2024-11-26", 1480),
    ]
    reference = {p["date"]: p["value"] for p in body["reference"]["points"]}
    assert (
        reference["2024-11-26"] == 1480 and reference["2024-11-25"] == 1610
    )  # the General Staff's bulletins
    by_outlet = client.get(f"/api/figures/{key}", params={"by": "outlet"}).json()
    assert sorted(s["name"] for s in by_outlet["series"]) == ["Example Wire", "Other Post"]


def test_figure_without_a_matching_series_has_no_reference(client):
    # a claim without a figure identity is a figure of one report, reached through its own key
    key = client.get("/api/claims", params={"category": "money"}).json()["claims"][0]["figure"]
    body = client.get(f"/api/figures/{key}").json()
    assert body["reports"] == 1 and body["reference"] is None


def test_bad_and_unknown_figure_keys(client):
    assert_error(client.get("/api/figures/not-a-key!"), 400, "bad_figure_key")
    assert_error(
        client.get("/api/figures/" + encode_key(("nobody", "money", "usd", "point"))), 404, "not_found"
    )


# --- writes: extract ----------------------------------------------------------------------------------------


def test_extract_needs_a_token(client):
    assert_error(client.post("/api/extract", json={"text": SEED_STYLE}), 401, "unauthorized")
    response = client.post("/api/extract", json={"text": SEED_STYLE}, headers=auth("clt_0000_nope"))
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_revoked_token_stops_working_at_once(client, tokens):
    secret, entry = tokens.create("short-lived")
    assert (
        client.post("/api/extract", json={}, headers=auth(secret)).status_code == 400
    )  # authorised, bad body
    tokens.revoke(entry.id)
    assert_error(client.post("/api/extract", json={}, headers=auth(secret)), 401, "unauthorized")


@pytest.mark.slow
def test_extract_text_without_storing(client, ledger, token):
    body = client.post(
        "/api/extract",
        json={"text": SEED_STYLE, "published": "2024-11-26", "outlet": "Daily Example"},
        headers=auth(token),
    ).json()
    by_text = {c["text"]: c for c in body["claims"]}
    assert {"250,000 rubles", "$2,400", "1,480", "19", "733,830"} <= set(by_text)
    assert by_text["1,480"]["time_scope"] == "daily" and by_text["1,480"]["verification"] == "unverified"
    assert by_text["733,830"]["hedged"] is True
    assert [k["result"] for k in by_text["1,480"]["checks"]] == ["consistent"]  # the General Staff's bulletin
    assert by_text["$2,400"]["conversion_of"] == by_text["250,000 rubles"]["id"]
    assert body["stored"] is False and ledger.count_documents() == 3


@pytest.mark.slow
def test_extract_and_store_then_read_back(client, ledger, token):
    posted = client.post(
        "/api/extract",
        headers=auth(token),
        json={"text": SEED_STYLE, "id": "pasted", "published": "2024-11-26", "store": True},
    ).json()
    assert posted["stored"] is True and posted["replaced"] is False
    stored = client.get("/api/documents/pasted").json()
    assert [c["id"] for c in stored["claims"]] == [c["id"] for c in posted["claims"]]
    again = client.post(
        "/api/extract", headers=auth(token), json={"text": SEED_STYLE, "id": "pasted", "store": True}
    ).json()
    assert again["replaced"] is True and ledger.count_documents() == 4


@pytest.mark.slow
def test_extract_html_reads_only_the_article_body(client, token):
    html = (
        "<html><head><title>T</title></head><body><nav>Home | 999 readers</nav><article><h1>Losses</h1>"
        f"<p>{SEED_STYLE.replace(chr(10), '</p><p>')}</p></article><footer>Copyright</footer></body></html>"
    )
    body = client.post(
        "/api/extract", headers=auth(token), json={"html": html, "published": "2024-11-26"}
    ).json()
    texts = {c["text"] for c in body["claims"]}
    assert "1,480" in texts and not any("999" in t for t in texts)


@contextmanager
def serving(pages: dict[str, bytes]):
    """A local HTTP server answering the given paths (404 elsewhere), on a free loopback port."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not here")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_extract_url_fetches_the_page(ledger, tokens, token):
    from claimledger.web.extracting import FetchLimits

    # the test server is on loopback, which only a server started with --allow-private-urls may fetch
    app = create_app(ledger=ledger, tokens=tokens, fetch_limits=FetchLimits(allow_private=True))
    client = TestClient(app)
    page = f"<html><body><article><p>{SEED_STYLE}</p></article></body></html>".encode()
    with serving({"/story": page}) as base:
        body = client.post(
            "/api/extract", headers=auth(token), json={"url": f"{base}/story", "published": "2024-11-26"}
        ).json()
        assert "1,480" in {c["text"] for c in body["claims"]}
        assert body["document"]["url"] == f"{base}/story"
        missing = client.post("/api/extract", headers=auth(token), json={"url": f"{base}/gone"})
        assert "404" in assert_error(missing, 400, "input_error")["message"]


def test_extract_url_over_the_size_cap_is_refused(ledger, tokens, token):
    from claimledger.web.extracting import FetchLimits

    limits = FetchLimits(timeout=5, max_bytes=1000, allow_private=True)
    app = create_app(ledger=ledger, tokens=tokens, fetch_limits=limits)
    with serving({"/big": b"<p>" + b"x" * 5000 + b"</p>"}) as base:
        response = TestClient(app).post("/api/extract", headers=auth(token), json={"url": f"{base}/big"})
    assert "over the 1000-byte limit" in assert_error(response, 400, "input_error")["message"]


def test_extract_url_on_the_servers_own_network_is_refused_by_default(client, token):
    with serving({"/admin": b"<p>Officials said 40 people died in the blast.</p>"}) as base:
        response = client.post("/api/extract", headers=auth(token), json={"url": f"{base}/admin"})
    message = assert_error(response, 400, "input_error")["message"]
    assert "non-public address (127.0.0.1)" in message and "--allow-private-urls" in message


@pytest.mark.parametrize(
    "url",
    ["http://localhost/", "http://10.1.2.3/x", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data",
     "http://[::1]:8000/", "http://0.0.0.0/", "http://100.64.0.1/"],
)
def test_private_addresses_are_refused(url):
    from claimledger.errors import InputError
    from claimledger.ingest.urls import refuse_private

    with pytest.raises(InputError, match="non-public address"):
        refuse_private(url)


def test_public_addresses_pass():
    from claimledger.ingest.urls import refuse_private

    # an address literal needs no DNS, so this runs offline
    assert refuse_private("http://93.184.216.34/story") is None


@pytest.mark.parametrize(
    "payload,fragment",
    [
        ({}, "exactly one of"),
        ({"text": "a", "html": "<p>b</p>"}, "got text, html"),
        ({"url": "file:///etc/passwd"}, "only http"),
        ({"url": "javascript:alert(1)"}, "only http"),
        ({"text": "Officials said 40 people died.", "published": "last Tuesday"}, "published"),
        ({"html": "<html><body></body></html>"}, "no article body"),
    ],
)
def test_extract_bad_input_is_400_saying_what_is_wrong(client, token, payload, fragment):
    error = assert_error(client.post("/api/extract", json=payload, headers=auth(token)), 400, "input_error")
    assert fragment in error["message"]


def test_extract_malformed_json_is_422(client, token):
    response = client.post(
        "/api/extract", content=b"{not json", headers={**auth(token), "Content-Type": "application/json"}
    )
    assert_error(response, 422, "invalid_parameters")
    wrong_type = client.post("/api/extract", json={"text": 5}, headers=auth(token))
    assert "text" in assert_error(wrong_type, 422, "invalid_parameters")["message"]


def test_request_body_over_the_limit_is_413(client, token):
    big = {"text": "x" * 60_000}
    assert_error(client.post("/api/extract", json=big, headers=auth(token)), 413, "payload_too_large")

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(10):
            yield b"x" * 10_000

    response = client.post(
        "/api/extract", content=chunks(), headers={**auth(token), "Content-Type": "application/json"}
    )
    assert_error(response, 413, "payload_too_large")


# --- reads behind a token -----------------------------------------------------------------------------------


def test_reads_can_require_a_token(ledger, tokens, token):
    fill(ledger)
    client = TestClient(create_app(ledger=ledger, tokens=tokens, read_token_required=True))
    for path in ("/api/claims", "/api/documents", "/api/documents/doc-1", "/api/figures", "/api/stats"):
        assert_error(client.get(path), 401, "unauthorized")
        assert client.get(path, headers=auth(token)).status_code == 200
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 401 and 'action="/login"' in page.text
    assert client.post("/login", data={"token": "clt_bad_token"}, follow_redirects=False).status_code == 401
    logged_in = client.post("/login", data={"token": token}, follow_redirects=False)
    assert logged_in.status_code == 303 and "httponly" in logged_in.headers["set-cookie"].lower()
    assert client.get("/api/stats").status_code == 200  # the cookie opens reads
    assert_error(client.post("/api/extract", json={"text": "x"}), 401, "unauthorized")  # ...but never writes


# --- pages, headers, the OpenAPI description ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path,twin",
    [
        ("/", "/api/claims?"),
        ("/documents", "/api/documents?"),
        ("/documents/doc-1", "/api/documents/doc-1"),
        ("/figures", "/api/figures?"),
        ("/paste", None),
    ],
)
def test_pages_render_with_security_headers_and_link_their_json_twin(client, path, twin):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    if twin:
        assert f'type="application/json" href="{twin}' in response.text
        assert (
            client.get(
                response.text.split('type="application/json" href="')[1].split('"')[0].replace("&amp;", "&")
            ).status_code
            == 200
        )


def test_figure_page_and_its_twin(client):
    key = client.get("/api/figures").json()["figures"][0]["key"]
    page = client.get(f"/figures/{key}")
    assert page.status_code == 200 and f'data-src="/api/figures/{key}?by=source"' in page.text


def test_ledger_page_filters_sorts_and_links_to_articles(client):
    page = client.get("/", params={"category": "money", "order_by": "value", "order": "asc"}).text
    assert 'href="/documents/doc-3#claim-' in page and "1,480" not in page
    assert "order=desc" in page  # the sorted column's link flips the direction


def test_missing_page_is_html_for_browsers_and_json_for_the_api(client):
    page = client.get("/documents/nope", headers={"Accept": "text/html"})
    assert (
        page.status_code == 404
        and "no document" in page.text
        and page.headers["content-type"].startswith("text/html")
    )
    assert_error(client.get("/documents/nope"), 404, "not_found")


def test_static_assets_are_served_from_the_package(client):
    for name in ("claims.js", "paste.js", "chart.js", "style.css"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and len(response.content) > 500


def test_every_api_route_is_documented_in_openapi(client):
    spec = client.get("/api/openapi.json").json()
    operations = [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]
    assert {p for p, _, _ in operations} == {
        "/api/claims",
        "/api/claims/{claim_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/figures",
        "/api/figures/{key}",
        "/api/stats",
        "/api/extract",
        "/api/claims/{claim_id}/review",
        "/api/claims/{claim_id}/history",
        "/api/history",
        "/api/reviews",
        "/api/review-queue",
    }
    for path, method, op in operations:
        assert op.get("summary") and len(op.get("description", "")) > 30, (method, path)
        for param in op.get("parameters", []):
            if param["in"] == "query":
                assert param.get("description"), (path, param["name"])


@pytest.mark.parametrize("path", ["/documents/hostile", "/", "/documents", "/figures", "/review"])
def test_hostile_article_is_escaped_in_every_page(ledger, client, path):
    add_hostile_document(ledger)
    page = client.get(path).text
    for raw in (
        "<script>window",
        "<img src=x",
        '<a href="javascript',
        "<b onmouseover",
        "<i onclick",
        "<svg onload",
        "<iframe",
    ):
        assert raw not in page, raw
    assert 'href="javascript' not in page
    if path == "/documents/hostile":
        assert "&lt;script&gt;window.pwned=1;alert(&#34;script&#34;)&lt;/script&gt;" in page
        assert "javascript:window.pwned=6" in page  # shown as text, not as a link
        embedded = page.split('id="claims-data">')[1].split("</script>")[0]
        assert (
            "<" not in embedded and json.loads(embedded)[0]["sentence"] == "<script>window.pwned=11</script>"
        )


# --- injection strings in every filter ----------------------------------------------------------------------

INJECTIONS = ["' OR 1=1 --", "%", "_", '"; DROP TABLE claims; --', "'; DELETE FROM documents; --", "\\"]
STRING_FILTERS = [
    "category",
    "source",
    "source_type",
    "outlet",
    "time_scope",
    "verification",
    "text",
    "doc_id",
    "unit",
    "subject",
]


SUBSTRING_FIELDS = {
    "source": ("source.name", "source.canonical"),
    "text": ("text", "sentence"),
    "subject": ("subject",),
}


def literal_matches(ledger, name: str, value: str) -> set[str]:
    """Claims whose field holds `value` literally (substring filters ignore case), computed in Python."""

    def field(claim, path):
        obj = claim
        for part in path.split("."):
            obj = getattr(obj, part)
        return obj

    out = set()
    for claim in ledger.iter_claims(ClaimFilter()):
        if name in SUBSTRING_FIELDS:
            hit = any(value.lower() in (field(claim, p) or "").lower() for p in SUBSTRING_FIELDS[name])
        else:
            column = {"source_type": "source.type"}.get(name, name)
            hit = field(claim, column) == value
        if hit:
            out.add(claim.id)
    return out


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_every_filter_match_literally(any_ledger, tokens, value):
    fill(any_ledger)
    literal = make_document(7, text=f"Value {value} and 5 more.")
    any_ledger.add(
        literal,
        [
            make_claim(
                literal,
                0,
                3,
                text=f"5 {value}",
                sentence=literal.text,
                unit=value,
                subject=f"x{value}y",
                outlet=value,
            )
        ],
        "test",
    )
    client = TestClient(create_app(ledger=any_ledger, tokens=tokens))
    for name in STRING_FILTERS:
        response = client.get("/api/claims", params={name: value})
        assert response.status_code == 200, (name, response.text)
        got = {c["id"] for c in response.json()["claims"]}
        expected = {c.id for c in any_ledger.iter_claims(ClaimFilter(**{name: value}))}
        assert got == expected, name
        assert got == literal_matches(any_ledger, name, value), name  # as text, not as SQL or a pattern
    for name in ("period_start", "period_end", "value_min", "value_max"):  # typed: refused, never compared
        assert_error(client.get("/api/claims", params={name: value}), 422, "invalid_parameters")
    texts = {c["text"] for c in client.get("/api/claims", params={"text": value}).json()["claims"]}
    assert f"5 {value}" in texts and len(texts) < 4  # found literally, and not every claim
    assert set(inspect(any_ledger.engine).get_table_names()) >= {"claims", "documents"}
    assert any_ledger.count(ClaimFilter()) == 5 and any_ledger.count_documents() == 4
    for path in ("/api/documents", "/api/figures"):
        assert client.get(path, params={"outlet" if "doc" in path else "category": value}).status_code == 200


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_as_ids_and_keys_are_plain_misses(client, value):
    from urllib.parse import quote

    assert client.get(f"/api/documents/{quote(value, safe='')}").status_code == 404
    assert client.get(f"/api/claims/{quote(value, safe='')}").status_code == 404
    assert client.get(f"/api/figures/{quote(value, safe='')}").status_code == 400
    assert client.get("/api/figures/" + encode_key((value, value, value, value))).status_code == 404


# --- the same reads on PostgreSQL ---------------------------------------------------------------------------


def test_reads_on_both_databases(any_ledger, tokens):
    fill(any_ledger)
    client = TestClient(create_app(ledger=any_ledger, tokens=tokens))
    assert client.get("/api/stats").json()["claims"] == 4
    assert (
        client.get("/api/claims", params={"source": "general staff", "order_by": "value"}).json()["total"]
        == 2
    )
    figures = client.get("/api/figures").json()
    assert figures["total"] == 1 and figures["figures"][0]["documents"] == 2  # the money claims: no figure
    history = client.get(f"/api/figures/{figures['figures'][0]['key']}").json()
    assert history["reports"] == 2 and history["claims"] is None and history["reference"] is not None
    with_claims = client.get(f"/api/figures/{figures['figures'][0]['key']}", params={"claims": "true"}).json()
    assert {c["text"] for c in with_claims["claims"]} == {"1,480", "1,610"}
    assert client.get("/api/documents").json()["documents"][0]["claims"] == 2
    assert json.loads(client.get("/documents/doc-3").text.split('id="claims-data">')[1].split("</script>")[0])


def test_ledger_page_ignores_empty_form_fields_and_names_bad_ones(client):
    empty = {name: "" for name in ("category", "source", "value_min", "value_max", "period_start", "text")}
    page = client.get("/", params={**empty, "category": "money"})
    assert page.status_code == 200 and "400,000 rubles" in page.text and "1,480" not in page.text
    bad = client.get("/", params={"value_min": "lots"}, headers={"Accept": "text/html"})
    assert bad.status_code == 400 and "value_min" in bad.text


def test_claim_json_is_the_claim_record_plus_its_figure_key():
    from claimledger.models import Check, Period
    from claimledger.web.api import claim_json
    from claimledger.web.figures import claim_key

    doc = make_document(1)
    claim = make_claim(
        doc,
        0,
        7,
        high=2.5,
        bound="range",
        period=Period("2024-11-25", None),
        hedged=True,
        checks=[Check("fx_conversion", "consistent", "ok", {"rate": 103.79})],
        value_usd=14.2,
    )
    assert claim_json(claim) == {**claim.to_dict(), "figure": claim_key(claim)}


def test_checked_filter(client):
    assert client.get("/api/claims", params={"checked": "true"}).json()["total"] == 2
    assert client.get("/api/claims", params={"checked": "false"}).json()["total"] == 2
    assert client.get("/", params={"checked": "false"}).text.count('href="/documents/doc-3#claim-') == 2


@pytest.mark.parametrize("doc_id", ["https://news.example.org/a/b?x=1", "with space", "ünïcode/ñ"])
def test_document_ids_with_slashes_spaces_and_unicode_open(ledger, client, doc_id):
    from urllib.parse import quote

    doc = make_document(5).__class__(text="Officials said 40 people died.", id=doc_id, published="2024-11-26")
    ledger.add(doc, [make_claim(doc, 15, 24)], "test")
    assert client.get(f"/api/documents/{quote(doc_id, safe='')}").json()["document"]["id"] == doc_id
    page = client.get(f"/documents/{quote(doc_id, safe='')}")
    assert page.status_code == 200 and f'href="/api/documents/{quote(doc_id)}"' in page.text
    links = [part.split('"')[0] for part in client.get("/documents").text.split('<a href="/documents/')[1:]]
    assert len(links) == 4
    for link in links:  # every article link of the listing opens its article
        assert client.get("/documents/" + link.replace("&amp;", "&")).status_code == 200, link


@pytest.mark.slow
def test_storing_redoes_the_cross_source_check_of_the_figures_it_reports(client, ledger, token):
    first = "Within the last 24 hours, Ukraine's Armed Forces said Russian forces lost 1,480 troops."
    second = "Within the last 24 hours, Ukraine's Armed Forces said Russian forces lost 2,900 troops."
    for doc_id, text in (("first", first), ("second", second)):
        posted = client.post(
            "/api/extract",
            headers=auth(token),
            json={"text": text, "id": doc_id, "published": "2024-11-26", "store": True},
        ).json()
    figure = next(c for c in posted["claims"] if c["text"] == "2,900")
    cross = [k for k in figure["checks"] if k["kind"] == "cross_source"]
    assert [k["result"] for k in cross] == ["inconsistent"] and "1,480" in cross[0]["detail"]
    earlier = client.get("/api/documents/first").json()["claims"][0]
    assert [k["result"] for k in earlier["checks"] if k["kind"] == "cross_source"] == ["inconsistent"]
    again = client.post(
        "/api/extract",
        headers=auth(token),
        json={"text": second, "id": "second", "published": "2024-11-26", "store": True},
    ).json()
    redone = next(c for c in again["claims"] if c["text"] == "2,900")
    assert len([k for k in redone["checks"] if k["kind"] == "cross_source"]) == 1  # redone, not appended


def test_every_page_says_what_it_shows_and_names_a_json_twin_that_exists(client):
    from fastapi.routing import APIRoute

    from claimledger.web.pages import router

    spec = client.get("/api/openapi.json").json()["paths"]
    pages = [r for r in router.routes if isinstance(r, APIRoute)]
    assert {r.path for r in pages} >= {"/", "/documents", "/documents/{doc_id:path}", "/paste", "/figures",
                                       "/figures/{key}"}
    for route in pages:
        doc = " ".join((route.endpoint.__doc__ or "").split())
        assert len(doc) > 40, route.path
        if "JSON twin: " in doc:
            method, path = doc.split("JSON twin: ")[1].rstrip(".").split(" ")
            assert method.lower() in spec[path], route.path
