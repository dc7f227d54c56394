"""WARC archives built in the test with warcio's writer: HTML responses become Documents, the rest is
passed over, and a broken archive is one clear Skip."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimledger.ingest import examples_path
from claimledger.ingest.readers import Skip, read_inputs
from claimledger.models import Document

ARTICLE = (examples_path() / "article.html").read_bytes()
UNDATED = (b"<html><head><title>Undated report</title></head><body><article><h1>Undated report</h1>"
           b"<p>Ukraine's Armed Forces said that Russia had lost 1,620 troops over the last 24 hours, along "
           b"with 14 tanks and 30 artillery systems, according to the daily bulletin.</p><p>The figures "
           b"could not be independently verified by reporters working in the region this week.</p></article>"
           b"</body></html>")


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK", date: str = "2024-12-01T10:00:00Z", gzipped: bool = False) -> None:
    headers = [("Content-Type", content_type)]
    if gzipped:
        body = gzip.compress(body)
        headers.append(("Content-Encoding", "gzip"))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def _archive(path: Path, compress: bool) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://dispatch.example/drones", ARTICLE)
        _response(writer, "https://dispatch.example/logo.png", b"\x89PNG....", content_type="image/png")
        _response(writer, "https://dispatch.example/undated", UNDATED, gzipped=True)
        _response(writer, "https://dispatch.example/gone", b"<p>Not found</p>", status="404 Not Found")
        request = writer.create_warc_record("https://dispatch.example/drones", "request",
                                            payload=io.BytesIO(b"GET /drones HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
    return path


@pytest.mark.parametrize("name,compress", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_documents(tmp_path, name, compress):
    results = list(read_inputs([str(_archive(tmp_path / name, compress))]))
    docs = [r for r in results if isinstance(r, Document)]
    skips = [r for r in results if isinstance(r, Skip)]
    assert [d.url for d in docs] == ["https://dispatch.example/drones", "https://dispatch.example/undated"]
    drones, undated = docs
    assert "188 drones" in drones.text and drones.published.startswith("2024-11-26")  # the page's own date
    assert "1,620 troops" in undated.text and undated.published == "2024-12-01T10:00:00Z"  # WARC-Date
    assert len(skips) == 1 and "HTTP status 404" in skips[0].reason and "/gone" in skips[0].reason


def test_directory_with_a_warc_is_read(tmp_path):
    _archive(tmp_path / "a.warc.gz", True)
    docs = [r for r in read_inputs([str(tmp_path)]) if isinstance(r, Document)]
    assert len(docs) == 2


def test_caller_published_and_outlet_apply(tmp_path):
    path = _archive(tmp_path / "c.warc.gz", True)
    docs = [r for r in read_inputs([str(path)], outlet="Archive Desk") if isinstance(r, Document)]
    assert {d.outlet for d in docs} == {"Archive Desk"}


@pytest.mark.parametrize("content,words", [
    (b"this is not a warc file at all\n" * 10, "not a readable WARC"),
    (b"", "empty"),
    (b"\x1f\x8b\x08\x00garbage-after-a-gzip-magic", "not a readable WARC"),
])
def test_broken_or_empty_archive_is_one_skip(tmp_path, content, words):
    path = tmp_path / "bad.warc"
    path.write_bytes(content)
    [skip] = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and skip.origin == str(path) and words in skip.reason


def test_archive_of_only_non_html_records(tmp_path):
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        _response(writer, "https://x/a.png", b"\x89PNG", content_type="image/png")
    [skip] = list(read_inputs([str(path)]))
    assert isinstance(skip, Skip) and "no HTML response" in skip.reason
