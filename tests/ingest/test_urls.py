"""URLs: articles and feeds fetched from a local HTTP server on loopback; every failure a clear Skip."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimledger.errors import InputError
from claimledger.ingest import examples_path
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.ingest.urls import fetch
from claimledger.models import Document

ARTICLE = (examples_path() / "article.html").read_bytes()
TEXT = (b"Ukraine's Armed Forces said on Tuesday that Russia had lost 1,620 troops over the last 24 hours, "
        b"along with 14 tanks. The figures could not be independently verified.")
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback News</title><link>http://x/</link><description>d</description>
<item><title>One</title><link>http://x/1</link><pubDate>Tue, 26 Nov 2024 08:00:00 GMT</pubDate>
<description>{TEXT.decode()}</description></item>
<item><title>Two</title><link>http://x/2</link><pubDate>Wed, 27 Nov 2024 08:00:00 GMT</pubDate>
<description>Officials said 40 people were killed and 120 injured in the strike on the city, the regional
governor reported on Wednesday.</description></item>
</channel></rss>""".encode()

ROUTES = {  # path: (status, content type, body, seconds to wait before answering)
    "/article.html": (200, "text/html; charset=utf-8", ARTICLE, 0),
    "/plain.txt": (200, "text/plain", TEXT, 0),
    "/feed": (200, "application/rss+xml", FEED, 0),
    "/feed-as-xml": (200, "text/xml", FEED, 0),
    "/missing": (404, "text/html", b"<h1>Not found</h1>", 0),
    "/broken": (503, "text/html", b"down", 0),
    "/slow": (200, "text/html", ARTICLE, 3),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4", 0),
    "/huge": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>", 0),
    "/redirect": (302, "text/html", b"", 0),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        status, content_type, body, delay = ROUTES.get(self.path, (404, "text/plain", b"no route", 0))
        time.sleep(delay)
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "/article.html")
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test): nothing to do

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def _loopback_allowed(monkeypatch):
    """The test server is on 127.0.0.1, which is refused unless private addresses are allowed."""
    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture(scope="module")
def server():
    """Base URL of an HTTP server on 127.0.0.1 at a free port the OS picks."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _read(url: str, **options) -> list:
    return list(read_inputs([url], **options))


def test_article_url_becomes_a_document(server):
    [doc] = _read(f"{server}/article.html")
    assert isinstance(doc, Document)
    assert "188 drones" in doc.text and doc.url.endswith("/article.html")
    assert doc.title.startswith("Drone strikes") and doc.published.startswith("2024-11-26")


def test_redirect_is_followed_and_plain_text_read(server):
    [doc] = _read(f"{server}/redirect")
    assert isinstance(doc, Document) and doc.url.endswith("/article.html")
    [plain] = _read(f"{server}/plain.txt", published="2024-11-26")
    assert plain.text.startswith("Ukraine's Armed Forces") and plain.published == "2024-11-26"


@pytest.mark.parametrize("path", ["/feed", "/feed-as-xml"])
def test_url_serving_a_feed_gives_its_entries(server, path):
    docs = _read(f"{server}{path}")
    assert [d.title for d in docs] == ["One", "Two"]
    assert all(d.outlet == "Loopback News" for d in docs)
    assert docs[0].published.startswith("2024-11-26") and docs[0].url == "http://x/1"


@pytest.mark.parametrize("path,words", [
    ("/missing", "HTTP 404"),
    ("/broken", "HTTP 503"),
    ("/report.pdf", "content type 'application/pdf'"),
    ("/huge", "limit"),
])
def test_bad_responses_are_skipped_with_the_reason(server, path, words):
    [skip] = _read(f"{server}{path}", max_bytes=200_000)
    assert isinstance(skip, Skip)
    assert skip.origin == f"{server}{path}" and words in skip.reason


def test_slow_server_times_out_quickly(server):
    started = time.perf_counter()
    [skip] = _read(f"{server}/slow", timeout=0.5)
    assert isinstance(skip, Skip) and "timed out" in skip.reason
    assert time.perf_counter() - started < 2.5


def test_timeout_from_the_environment(server, monkeypatch):
    monkeypatch.setenv("CLAIMLEDGER_FETCH_TIMEOUT", "0.3")
    with pytest.raises(InputError, match="0.3 s"):
        fetch(f"{server}/slow")
    monkeypatch.setenv("CLAIMLEDGER_FETCH_TIMEOUT", "soon")
    from claimledger.errors import ConfigError

    with pytest.raises(ConfigError, match="CLAIMLEDGER_FETCH_TIMEOUT"):
        fetch(f"{server}/plain.txt")


def test_refused_connection_is_a_skip():
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens there now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [skip] = _read(f"http://127.0.0.1:{port}/x", timeout=2)
    assert isinstance(skip, Skip) and "cannot be fetched" in skip.reason
