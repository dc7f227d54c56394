"""RSS/Atom feed files and URLs: one Document per entry; entries without a body are fetched by link."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimledger.ingest import examples_path
from claimledger.ingest.feeds import html_to_text
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.models import Document

ARTICLE = (examples_path() / "article.html").read_bytes()
BODY = ("Ukraine's Armed Forces said on Tuesday that Russia had lost 1,620 troops over the last 24 hours, "
        "along with 14 tanks. The figures could not be independently verified.")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        found = self.path == "/story"
        body = ARTICLE if found else b"gone"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(autouse=True)
def _loopback_allowed(monkeypatch):
    """The test server is on 127.0.0.1, which is refused unless private addresses are allowed."""
    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", "1")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _rss(items: str) -> str:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Outlet</title>'
            f"<link>http://x/</link><description>d</description>{items}</channel></rss>")


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rss_file_entries_with_html_summaries(tmp_path):
    items = (f"<item><title>A</title><link>http://x/a</link><pubDate>Tue, 26 Nov 2024 08:00:00 GMT</pubDate>"
             f"<description><![CDATA[<p>{BODY}</p><p>Second <b>paragraph</b> here.</p>]]>"
             "</description></item>")
    [doc] = read_inputs([_write(tmp_path, "news.rss", _rss(items))])
    assert isinstance(doc, Document)
    assert doc.text == BODY + "\n\nSecond paragraph here."
    assert (doc.title, doc.url, doc.outlet) == ("A", "http://x/a", "Feed Outlet")
    assert doc.published == "2024-11-26T08:00:00Z"


def test_atom_file_uses_full_content_and_caller_outlet(tmp_path):
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk'
            '</title><id>urn:x</id><updated>2024-11-27T00:00:00Z</updated><entry><title>B</title><id>urn:b</id>'
            '<link href="http://x/b"/><updated>2024-11-27T10:00:00Z</updated><summary>short</summary>'
            f'<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>')
    [doc] = read_inputs([_write(tmp_path, "desk.atom", atom)], outlet="My Outlet")
    assert doc.text == BODY and doc.outlet == "My Outlet" and doc.published.startswith("2024-11-27")


def test_entry_without_body_is_fetched_by_link(tmp_path, server):
    items = (f"<item><title>Linked</title><link>{server}/story</link></item>"
             f"<item><title>Dead link</title><link>{server}/gone</link></item>"
             "<item><title>Nothing</title></item>")
    linked, dead, nothing = read_inputs([_write(tmp_path, "links.xml", _rss(items))])
    assert isinstance(linked, Document) and "188 drones" in linked.text
    assert linked.url == f"{server}/story" and linked.title.startswith("Drone strikes")  # the page's own
    assert isinstance(dead, Skip) and dead.line == 2 and "HTTP 404" in dead.reason
    assert isinstance(nothing, Skip) and nothing.line == 3 and "no text and no link" in nothing.reason


@pytest.mark.parametrize("content,words", [
    ("this is not xml at all", "feed"),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>', "no entries"),
])
def test_unreadable_feed_is_one_skip(tmp_path, content, words):
    [skip] = read_inputs([_write(tmp_path, "bad.rss", content)])
    assert isinstance(skip, Skip) and skip.origin.endswith("bad.rss") and words in skip.reason


def test_html_to_text_keeps_paragraphs_and_drops_tags():
    assert html_to_text("<p>One <i>two</i></p><ul><li>three</li></ul>") == "One two\n\nthree"
    assert html_to_text("no markup") == "no markup"
