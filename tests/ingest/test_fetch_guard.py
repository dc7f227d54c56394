"""The fetcher's guard: private addresses refused everywhere by default, one resolution per request (the
connection goes to the address that was checked), every URL form a clear InputError. Local servers only."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.errors import InputError
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.ingest.urls import fetch, parse_url
from claimledger.models import Document

TEXT = ("Regional officials said on Monday that 37 people had been evacuated from the flooded district, and "
        "that 4 bridges were closed.")


def _server(host: str, name: str) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            self.server.hosts.append(self.headers.get("Host"))  # type: ignore[attr-defined]
            if self.path == "/hop":
                self.send_response(302)
                self.send_header("Location", "/page")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = f"{name}: {TEXT}".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer((host, 0), Handler)
    httpd.hosts = []  # type: ignore[attr-defined]
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def servers():
    """Two servers on one port number: the page at 127.0.0.1 and an 'internal' one at 127.0.0.2."""
    first = _server("127.0.0.1", "first")
    port = first.server_address[1]
    try:
        second = ThreadingHTTPServer(("127.0.0.2", port), first.RequestHandlerClass)
    except OSError:
        first.shutdown()
        pytest.skip("127.0.0.2 is not available for a second loopback server")
    second.hosts = []  # type: ignore[attr-defined]
    second.daemon_threads = True
    threading.Thread(target=second.serve_forever, daemon=True).start()
    yield first, second, port
    for httpd in (first, second):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def rebinding_dns(monkeypatch):
    """A resolver that answers 'rebind.test' with 127.0.0.1 the first time and 127.0.0.2 every time after:
    what an attacker's DNS server does to slip past a check that resolves the name again to connect."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "rebind.test":
            asked.append(host)
            host = "127.0.0.1" if len(asked) == 1 else "127.0.0.2"
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_the_connection_goes_to_the_address_resolved_once(servers, rebinding_dns):
    first, second, port = servers
    fetched = fetch(f"http://rebind.test:{port}/page", allow_private=True)
    assert fetched.body.startswith(b"first:") and fetched.address == "127.0.0.1"
    assert rebinding_dns == ["rebind.test"]  # one resolution, no second one to connect
    assert first.hosts[-1] == f"rebind.test:{port}"  # the original name travels as the Host header
    assert not second.hosts


def test_each_redirect_is_resolved_and_checked_again(servers, rebinding_dns):
    first, second, port = servers
    fetched = fetch(f"http://rebind.test:{port}/hop", allow_private=True)
    assert rebinding_dns == ["rebind.test", "rebind.test"]
    assert fetched.url == f"http://rebind.test:{port}/page" and fetched.address == "127.0.0.2"
    with pytest.raises(InputError, match="non-public address"):
        fetch(f"http://rebind.test:{port}/hop", allow_private=False)


@pytest.mark.parametrize("url", ["http://127.0.0.1:{port}/page", "http://localhost:{port}/page",
                                 "http://0177.0.0.1:{port}/page", "http://0x7f.1:{port}/page",
                                 "http://2130706433:{port}/page", "http://[::1]:{port}/page",
                                 "http://[::ffff:127.0.0.1]:{port}/page", "http://169.254.169.254/latest/",
                                 "http://10.0.0.1/", "http://100.100.100.200/", "http://0.0.0.0:{port}/",
                                 "http://224.0.0.1/"])
def test_private_addresses_are_refused_by_default(servers, url, monkeypatch):
    monkeypatch.delenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", raising=False)
    first, _, port = servers
    seen = len(first.hosts)
    with pytest.raises(InputError, match="non-public address"):
        fetch(url.format(port=port))
    assert len(first.hosts) == seen  # refused before any connection


@pytest.mark.parametrize(("url", "words"), [
    ("http://[::1/", "not a valid URL"),
    ("http://example.org:99999/", "not a valid URL"),
    ("http://example.org:http/", "not a valid URL"),
    ("http://example.org:0/", "port 0"),
    ("http://user:secret@example.org/", "user name or password"),
    ("http://@example.org/", "user name or password"),
    ("http:///path", "no host name"),
    ("ftp://example.org/", "only http"),
    ("javascript:alert(1)", "only http"),
    ("http://a..b/", "not a valid host name"),
    ("http://" + "a" * 64 + ".org/", "not a valid host name"),
    ("http://xn--a.org/", "cannot be resolved"),
    ("http://ex\u200dample.org/", "international domain name"),
    ("http://[fe80::1%25eth0]/", "non-public"),
])
def test_every_url_form_is_an_input_error_naming_it(url, words, monkeypatch):
    monkeypatch.delenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(InputError, match=words) as caught:
        fetch(url, timeout=2)
    assert str(caught.value).startswith(url) and "\n" not in str(caught.value)


def test_parse_keeps_the_name_for_the_host_header():
    target = parse_url("https://Bücher.example:8443/a?b=1#frag")
    assert target.host == "xn--bcher-kva.example" and target.netloc == "xn--bcher-kva.example:8443"
    assert target.path == "/a?b=1"
    assert target.at("203.0.113.9") == "https://203.0.113.9:8443/a?b=1"
    assert parse_url("http://[::1]/").at("::1") == "http://[::1]:80/"


def test_ingest_of_a_loopback_url_is_refused_unless_allowed(servers, tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", raising=False)
    _, _, port = servers
    url = f"http://127.0.0.1:{port}/page"
    [skip] = list(read_inputs([url]))
    assert isinstance(skip, Skip) and "non-public address" in str(skip)
    db = str(tmp_path / "ledger.sqlite")
    refused = CliRunner().invoke(main, ["ingest", "--db", db, "-q", url])
    assert refused.exit_code == 2 and "non-public address" in refused.output
    allowed = CliRunner().invoke(main, ["ingest", "--db", db, "-q", "--allow-private-urls", url])
    assert allowed.exit_code == 0, allowed.output
    assert "stored 1 document," in allowed.output


def test_a_feed_entry_linking_to_a_private_address_is_skipped(servers, tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMLEDGER_ALLOW_PRIVATE_URLS", raising=False)
    first, _, port = servers
    feed = tmp_path / "news.rss"
    feed.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Feed</title><link>http://feed.example/</link><description>d</description>
<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>
<item><title>Internal</title><link>http://127.0.0.1:{port}/page</link></item>
<item><title>Text</title><link>http://feed.example/3</link><description>{TEXT}</description></item>
</channel></rss>""", encoding="utf-8")
    seen = len(first.hosts)
    results = list(read_inputs([str(feed)]))
    skips = [r for r in results if isinstance(r, Skip)]
    assert len(skips) == 2 and all("non-public address" in str(s) for s in skips)
    assert [r.title for r in results if isinstance(r, Document)] == ["Text"]
    assert len(first.hosts) == seen  # the internal page was never asked for
